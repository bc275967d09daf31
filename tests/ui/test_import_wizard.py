"""The import wizard: encodings, mapping, preview report, duplicates, cancel, summary."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.db.models import ChangeJournal, Customer
from crm_desktop.services import imports
from crm_desktop.services.imports import CustomerImport, DuplicatePolicy, ImportReport
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.customers.import_wizard import ImportWizard

SHEET = [
    ["客户名称", "公司", "手机号", "邮箱", "城市", "客户等级", "备注"],
    ["张伟", "深圳华强电子", "138 0013 8000", "zw@example.cn", "深圳市", "VIP", "老客户"],
    ["李娜", "上海贸易", "139-1234-5678", "", "上海市", "A", ""],
    ["王芳", "", "+86 137 0000 1111", "wf@example.cn", "北京市", "B", ""],
]
BAD_ROWS = [
    ["", "无名公司", "13600000000", "", "", "", ""],  # row 5: no name
    ["赵六", "", "12ab", "", "", "", ""],  # row 6: bad phone
    ["钱七", "", "", "not-an-email", "", "", ""],  # row 7: bad e-mail
]


def counts(ws: Workspace) -> tuple[int, int]:
    with ws.db.session() as s:
        return (
            int(s.scalar(select(func.count()).select_from(Customer)) or 0),
            int(s.scalar(select(func.count()).select_from(ChangeJournal)) or 0),
        )


def write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def open_wizard(qtbot: QtBot, ws: Workspace, path: Path) -> ImportWizard:
    wizard = ImportWizard(ws.ctx, path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(wizard.file_page.isComplete)
    return wizard


def to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.next()  # mapping
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.mapping_page.isComplete()
    wizard.next()  # preview: every row is checked in the background
    qtbot.waitUntil(wizard.preview_page.isComplete)


def run_import(qtbot: QtBot, wizard: ImportWizard) -> ImportReport:
    wizard.next()  # duplicates
    assert wizard.currentPage() is wizard.options_page
    with qtbot.wait_signal(wizard.imported, timeout=10_000) as done:
        wizard.next()  # the commit page's Import button
    report = done.args[0]
    assert isinstance(report, ImportReport)
    assert wizard.run_page.isComplete()
    return report


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [("utf-8", "UTF-8."), ("utf-8-sig", "UTF-8 with BOM"), ("gbk", "GBK / GB18030")],
)
def test_csv_in_three_encodings(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, encoding: str, shown: str
) -> None:
    wizard = open_wizard(qtbot, workspace, write_csv(tmp_path / "c.csv", SHEET, encoding))
    text = wizard.file_page.detected.text()
    assert shown in text and "comma" in text and "Data rows: 3." in text
    to_preview(qtbot, wizard)
    assert wizard.mapping == {0: "name", 1: "company", 2: "phone", 3: "email", 4: "city",
                              5: "tier", 6: "notes"}  # fmt: skip
    preview = wizard.preview_page.preview
    assert preview.rowCount() == 3
    assert preview.item(0, 1).text() == "张伟"  # type: ignore[union-attr]
    report = run_import(qtbot, wizard)
    assert (report.created, report.problems) == (3, [])
    assert "New customers: 3" in wizard.run_page.status.text()
    with workspace.db.session() as s:
        names = set(s.scalars(select(Customer.name)))
    assert names == {"张伟", "李娜", "王芳"}


def test_xlsx_with_bad_rows_reports_row_and_problem(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in SHEET + BAD_ROWS:
        sheet.append(row)
    path = tmp_path / "客户.xlsx"
    book.save(path)
    wizard = open_wizard(qtbot, workspace, path)
    assert "Excel workbook" in wizard.file_page.detected.text()
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    report_rows = [
        tuple(page.report.item(r, c).text() for c in range(3))  # type: ignore[union-attr]
        for r in range(page.report.rowCount())
    ]
    assert [r[:2] for r in report_rows] == [("5", "客户名称"), ("6", "手机号"), ("7", "邮箱")]
    assert report_rows[0][2] == "This field is required."
    assert report_rows[1][2] == "“12ab” is not a valid phone number."
    assert "not a valid e-mail address" in report_rows[2][2]
    assert "Rows ready to import: 3." in page.summary.text()
    assert "will be left out: 3." in page.summary.text()
    bad = page.preview.item(4, 1)  # the preview highlights row 6 (the 5th data row)
    assert bad is not None and "not a valid phone number" in bad.toolTip()
    report = run_import(qtbot, wizard)
    assert report.created == 3
    assert report.rejected_rows == 3
    assert wizard.run_page.report.rowCount() == 3


def test_duplicate_policy_update(qtbot: QtBot, sample: Workspace, tmp_path: Path) -> None:
    rows = [["Name", "Phone", "City"], ["Zhang San", "13800138000", "广州"], ["New One", "", ""]]
    wizard = open_wizard(qtbot, sample, write_csv(tmp_path / "d.csv", rows, "utf-8"))
    to_preview(qtbot, wizard)
    wizard.next()
    wizard.options_page.set_policy(DuplicatePolicy.UPDATE)
    with qtbot.wait_signal(wizard.imported, timeout=10_000) as done:
        wizard.next()
    report = done.args[0]
    assert (report.created, report.updated) == (1, 1)
    with sample.db.session() as s:
        assert s.scalar(select(Customer.city).where(Customer.name == "Zhang San")) == "广州"


def test_mapping_needs_a_name_column(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    rows = [["Foo", "Mobile"], ["a", "13800138000"]]
    wizard = open_wizard(qtbot, workspace, write_csv(tmp_path / "m.csv", rows, "utf-8"))
    wizard.next()
    page = wizard.mapping_page
    assert not page.isComplete()
    assert page.message.text() == "Choose the column that holds the name."
    page.set_field(0, "phone")
    assert "more than one column" in page.message.text()
    page.set_field(0, "name")
    assert page.isComplete()


def test_unreadable_file_is_one_clear_message(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    wizard = ImportWizard(workspace.ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.load(str(path))
    qtbot.waitUntil(wizard.file_page.error.isVisible)
    assert wizard.file_page.error.text() == (
        "broken.xlsx cannot be imported: it is not a readable Excel (.xlsx) file."
    )
    assert not wizard.file_page.isComplete()


def test_cancel_mid_import_leaves_the_database_unchanged(
    qtbot: QtBot, sample: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "CHUNK", 5)  # many chunks, so the cancel lands mid-way
    rows = [["姓名", "手机"]] + [[f"客户{i}", f"1390000{i:04d}"] for i in range(400)]
    wizard = open_wizard(qtbot, sample, write_csv(tmp_path / "big.csv", rows, "gb18030"))
    to_preview(qtbot, wizard)
    wizard.next()
    before = counts(sample)
    page = wizard.run_page
    cancelled_at: list[int] = []
    gate = threading.Event()  # holds the worker once writing has started, until Cancel is hit
    original = CustomerImport.run

    def paced_run(
        self: CustomerImport,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        def paced(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)
            if done > total // 2:
                gate.wait(5)

        return original(self, paced, cancelled)

    monkeypatch.setattr(CustomerImport, "run", paced_run)

    def cancel_on_progress(done: int, total: int) -> None:
        if done > total // 2 and not cancelled_at:  # writing has started
            cancelled_at.append(done)
            wizard.reject()  # the Cancel button
            gate.set()

    page.progress.valueChanged.connect(
        lambda _v: cancel_on_progress(page.progress.value(), page.progress.maximum())
    )
    with qtbot.assertNotEmitted(wizard.imported):
        wizard.next()
        qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert cancelled_at
    assert page.status.text() == "The import was cancelled; nothing was imported."
    assert counts(sample) == before
    assert wizard.isVisible()  # the user reads the message, then closes
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
