"""No customer data in logs or temporary files: drive the GUI flows with every log switched on,
then scan every log line and every file written meanwhile for the customers' names, phones
and e-mails (as UTF-8, UTF-16 and GB18030)."""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.safety import Safety
from tests.conftest import PASSPHRASE
from tests.ui.test_import_wizard import open_wizard, run_import, to_preview, write_csv

NAME = "秘密客户甲 Zelda Quux"
PHONE = "13912345678"
EMAIL = "zelda.quux@example.org"
IMPORTED = ("隐私乙 Yorick Vane", "13787654321", "yorick.vane@example.net")
NEEDLES = [NAME, "秘密客户甲", "Zelda Quux", PHONE, EMAIL, *IMPORTED, "隐私乙", "Yorick Vane"]
MAX_SCAN_BYTES = 64 * 1024 * 1024


@pytest.fixture
def captured_logs(tmp_path: Path) -> Iterator[list[str]]:
    """Every Python log record at DEBUG and every Qt message, as text."""
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Keep(logging.DEBUG)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)

    def qt_message(_kind: QtMsgType, _context: object, message: str) -> None:
        lines.append(message)

    previous = qInstallMessageHandler(qt_message)
    yield lines
    qInstallMessageHandler(previous)
    root.removeHandler(handler)
    root.setLevel(level)


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("gb18030")]


def _files_written_since(folder: Path, since: float, skip: Path) -> Iterator[Path]:
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            try:
                info = path.stat()
            except OSError:
                continue
            if skip in path.parents or info.st_size > MAX_SCAN_BYTES:
                continue
            if info.st_mtime >= since:
                yield path


def test_gui_flows_leave_no_customer_data_in_logs_or_temp_files(
    safe_window: tuple[MainWindow, Safety],
    sample: Workspace,
    settings: QSettings,
    qtbot: QtBot,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    captured_logs: list[str],
    capfd: pytest.CaptureFixture[str],
) -> None:
    window, safety = safe_window
    started = time.time() - 1
    inputs = tmp_path_factory.mktemp("inputs")  # the import file itself holds the data

    # a customer typed in the editor, searched, shown, edited
    window.new_customer_action.trigger()
    editor = window.customers.editor
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    editor.edits["name"].insert(NAME)
    editor.edits["phone"].insert(PHONE)
    editor.edits["email"].insert(EMAIL)
    qtbot.mouseClick(
        editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    window.search.setText("Zelda")
    window.apply_search()
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 1)
    window.search.setText(PHONE)
    window.apply_search()
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 1)
    window.customers.table.selectRow(0)
    qtbot.wait(400)  # the detail panel loads after a short pause

    # an import
    rows = [["客户名称", "手机号", "邮箱"], list(IMPORTED)]
    wizard = open_wizard(qtbot, sample, write_csv(inputs / "in.csv", rows, "utf-8"))
    to_preview(qtbot, wizard)
    assert run_import(qtbot, wizard).created == 1
    wizard.close()

    # a backup, a lock and an unlock, a failed unlock
    safety.back_up_now()
    qtbot.waitUntil(lambda: not safety.backups.running, timeout=10_000)
    assert safety.last_failure == ""
    safety.locker.lock()
    safety.locker.unlock("not the passphrase")
    assert safety.locker.unlock(PASSPHRASE)
    window.refresh()
    qtbot.waitUntil(lambda: window.customers.model.rowCount() >= 1)
    window.close()
    settings.sync()

    out, err = capfd.readouterr()
    logs = "\n".join([*captured_logs, out, err])
    for needle in NEEDLES:
        assert needle not in logs

    scanned = 0
    folders = {tmp_path, Path(tempfile.gettempdir())}
    for folder in folders:
        for path in _files_written_since(folder, started, skip=inputs):
            data = path.read_bytes()
            scanned += 1
            for needle in NEEDLES:
                for encoded in _encodings(needle):
                    assert encoded not in data, f"{needle!r} found in {path}"
    assert scanned >= 3  # the database, its WAL, the settings, the backup at least


def test_the_scan_finds_data_where_it_is(tmp_path: Path) -> None:
    """The scan above can fail: a plain export (which the app warns about) is found."""
    started = time.time() - 1
    export = tmp_path / "export.csv"
    export.write_bytes(f"name,phone\n{NAME},{PHONE}\n".encode("gb18030"))
    found = [
        path
        for path in _files_written_since(tmp_path, started, skip=tmp_path / "none")
        if any(enc in path.read_bytes() for enc in _encodings(NAME))
    ]
    assert found == [export]
