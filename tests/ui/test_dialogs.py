"""The first-run and unlock dialogs, driven through their slots (never ``exec()``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from crm_desktop.services.followup_views import View
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.dialogs import first_run
from crm_desktop.ui.dialogs.first_run import FirstRunDialog
from crm_desktop.ui.dialogs.modes import CREATE, DEMO, OPEN
from crm_desktop.ui.dialogs.unlock import CHOOSE_OTHER, UnlockDialog
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.widgets.form import FieldBox
from tests.conftest import PASSPHRASE


def type_into(box: FieldBox, text: str) -> None:
    assert isinstance(box.field, QLineEdit)
    box.field.setText(text)


def set_path(box: FieldBox, path: Path) -> None:
    edit = box.field.findChild(QLineEdit)
    assert edit is not None
    edit.setText(str(path))


def test_first_run_creates_a_new_database(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.mode == CREATE
    target = tmp_path / "mine" / "crm.db"
    set_path(dialog.new_path, target)
    type_into(dialog.new_passphrase, "a long passphrase")
    type_into(dialog.new_confirm, "a long passphrase")
    dialog.proceed()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.workspace is not None
    try:
        assert dialog.workspace.path == target
        assert dialog.workspace.counts()["users"] == 1
    finally:
        dialog.workspace.close()
    assert target.exists()


def test_first_run_defaults_to_the_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(tmp_path)
    qtbot.addWidget(dialog)
    edit = dialog.new_path.field.findChild(QLineEdit)
    assert edit is not None and edit.text() == str(tmp_path / "crm.db")


def test_first_run_rejects_differing_and_short_passphrases(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(tmp_path)
    qtbot.addWidget(dialog)
    type_into(dialog.new_passphrase, "a long passphrase")
    type_into(dialog.new_confirm, "another passphrase")
    dialog.proceed()
    assert dialog.new_confirm.error.text() == "The two passphrases differ."
    type_into(dialog.new_passphrase, "short")
    type_into(dialog.new_confirm, "short")
    dialog.proceed()
    assert "at least 8 characters" in dialog.new_passphrase.error.text()
    assert dialog.new_confirm.error.text() == ""
    assert dialog.workspace is None
    assert not (tmp_path / "crm.db").exists()


def test_first_run_opens_an_existing_file(qtbot: QtBot, tmp_path: Path, sample: Workspace) -> None:
    dialog = FirstRunDialog(tmp_path, OPEN)
    qtbot.addWidget(dialog)
    set_path(dialog.open_path, sample.path)
    type_into(dialog.open_passphrase, "wrong passphrase")
    dialog.proceed()
    assert "passphrase is wrong" in dialog.open_passphrase.error.text()
    type_into(dialog.open_passphrase, PASSPHRASE)
    dialog.proceed()
    assert dialog.workspace is not None
    dialog.workspace.close()


def test_demo_page_tells_the_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(tmp_path, DEMO)
    qtbot.addWidget(dialog)
    assert dialog.pages.currentIndex() == DEMO
    page_text = " ".join(w.text() for w in dialog.pages.currentWidget().findChildren(QLabel))
    assert "crm-demo-passphrase" in page_text
    assert str(tmp_path / "demo.db") in page_text


def test_unlock_shows_a_wrong_passphrase_and_allows_a_retry(
    qtbot: QtBot, sample: Workspace
) -> None:
    dialog = UnlockDialog(sample.path)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("not the passphrase")
    dialog.unlock()
    assert "The passphrase is wrong" in dialog.error.text()
    assert dialog.workspace is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.passphrase.setText(PASSPHRASE)
    dialog.unlock()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.workspace is not None
    dialog.workspace.close()


def test_unlock_offers_another_file(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = UnlockDialog(tmp_path / "gone.db")
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("whatever it is")
    dialog.unlock()
    assert "does not exist" in dialog.error.text()
    dialog.other_button.click()
    assert dialog.result() == CHOOSE_OTHER


def test_remember_is_disabled_without_a_keychain(qtbot: QtBot, sample: Workspace) -> None:
    dialog = UnlockDialog(sample.path)
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()  # the tests run with keyring's null backend
    assert "keychain" in dialog.remember.toolTip()


@pytest.mark.skipif(
    importlib.util.find_spec("crm_desktop.services.demo") is None, reason="no demo generator"
)
def test_demo_database_opens_in_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    monkeypatch.setattr(first_run, "DEMO_CUSTOMERS", 60)
    dialog = FirstRunDialog(tmp_path, DEMO)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.proceed()
    qtbot.waitUntil(
        lambda: dialog.workspace is not None or dialog.error.text() != "", timeout=60_000
    )
    assert dialog.error.text() == ""
    workspace = dialog.workspace
    assert workspace is not None and workspace.path == tmp_path / "demo.db"
    try:
        window = MainWindow(workspace, QSettings())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.customers.model.rowCount() == 60)
        window.followups.view_bar.buttons[View.ALL].click()
        qtbot.waitUntil(lambda: window.followups.model.rowCount() > 0)
        window.close()
    finally:
        from crm_desktop.ui.tasks import wait_for_tasks

        wait_for_tasks()
        workspace.close()
