"""Importing customers from CSV (three encodings) and .xlsx: mapping, report, duplicates, cancel."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from crm_desktop.db.models import ChangeJournal, Customer
from crm_desktop.services.import_files import ImportFileError, read_table
from crm_desktop.services.imports import (
    CustomerImport,
    DuplicatePolicy,
    ImportCancelledError,
    suggest_mapping,
)
from crm_desktop.services.search import search_customer_ids
from crm_desktop.services.workspace import Workspace

CHINESE_SHEET = [
    ["客户名称", "公司", "手机号", "邮箱", "省份", "城市", "客户等级", "状态", "标签", "备注"],
    ["张伟", "深圳华强电子", "138 0013 8000", "zw@example.cn", "广东省", "深圳市", "VIP", "意向",
     "展会,重点", "老客户"],
    ["李娜", "上海贸易", "139-1234-5678", "", "上海市", "上海市", "A", "成交", "", ""],
    ["王芳", "", "+86 137 0000 1111", "wf@example.cn", "北京市", "北京市", "B", "线索", "展会", ""],
]  # fmt: skip


def _counts(ws: Workspace) -> tuple[int, int]:
    with ws.db.session() as session:
        return (
            int(session.scalar(select(func.count()).select_from(Customer)) or 0),
            int(session.scalar(select(func.count()).select_from(ChangeJournal)) or 0),
        )


def _write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _import(ws: Workspace, path: Path, policy: DuplicatePolicy = DuplicatePolicy.SKIP):  # type: ignore[no-untyped-def]
    table = read_table(path)
    return CustomerImport(ws.ctx, table, suggest_mapping(table.headers), policy).run()


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8", ","), ("utf-8-sig", ";"), ("gbk", "\t"), ("gb18030", ",")]
)
def test_csv_in_each_encoding(
    workspace: Workspace, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = _write_csv(tmp_path / "c.csv", CHINESE_SHEET, encoding, delimiter)
    table = read_table(path)
    assert table.delimiter == delimiter
    assert table.headers[0] == "客户名称"
    report = _import(workspace, path)
    assert (report.created, report.problems) == (3, [])
    with workspace.db.session() as session:
        zw = session.scalars(select(Customer).where(Customer.name == "张伟")).one()
        assert (zw.phone_normalized, zw.tier, zw.status, zw.region) == (
            "+8613800138000",
            "VIP",
            "prospect",
            "广东省",
        )
        assert search_customer_ids(session, "zhangwei") == [zw.id]
        assert len(workspace.customers.tag_ids(session, zw.id)) == 2


def test_mapping_is_suggested_from_english_and_chinese_headers() -> None:
    headers = ["Customer Name", "E-mail", "Mobile", "省份", "备注", "whatever", "Tel"]
    assert suggest_mapping(headers) == {0: "name", 1: "email", 2: "phone", 3: "region", 4: "notes"}


def test_xlsx_with_bad_rows_reports_row_and_problem(workspace: Workspace, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["Name", "Phone", "Email", "Tier", "Birthday"],
        ["Good Co", "+44 20 7946 0958", "a@b.co", "A", "1990-02-03"],
        ["", "123", "", "", ""],
        ["Bad Phone", "abc", "", "", ""],
        ["Bad Mail", "", "not-an-email", "", ""],
        ["Bad Tier", "", "", "Z", ""],
        ["Number Phone", 13800138000, "", "", ""],
    ]:
        sheet.append(row)
    path = tmp_path / "customers.xlsx"
    book.save(path)
    before = _counts(workspace)
    report = _import(workspace, path)
    problems = {(p.row, p.column): p.text() for p in report.problems}
    assert set(problems) == {(3, "Name"), (4, "Phone"), (5, "Email"), (6, "Tier")}
    assert "required" in problems[(3, "Name")]
    assert "abc" in problems[(4, "Phone")]
    assert report.created == 2 and report.rejected_rows == 4
    assert _counts(workspace)[0] == before[0] + 2


def test_duplicate_policies(workspace: Workspace, tmp_path: Path) -> None:
    existing = workspace.customers.create(name="张伟", phone="13800138000", city="广州市")
    path = _write_csv(tmp_path / "c.csv", CHINESE_SHEET, "utf-8")
    skipped = _import(workspace, path, DuplicatePolicy.SKIP)
    assert (skipped.created, skipped.skipped_duplicates) == (2, 1)
    assert workspace.customers.get(existing).city == "广州市"
    updated = _import(workspace, path, DuplicatePolicy.UPDATE)
    assert (updated.created, updated.updated) == (0, 3)
    assert workspace.customers.get(existing).city == "深圳市"
    created = _import(workspace, path, DuplicatePolicy.CREATE)
    assert created.created == 3


def test_duplicates_within_the_file(workspace: Workspace, tmp_path: Path) -> None:
    rows = [["name", "phone"], ["A", "13800138000"], ["A again", "+86 138 0013 8000"], ["B", ""]]
    report = _import(workspace, _write_csv(tmp_path / "d.csv", rows, "utf-8"))
    assert (report.created, report.skipped_duplicates) == (2, 1)


def test_cancel_leaves_database_unchanged(workspace: Workspace, tmp_path: Path) -> None:
    rows = [["name", "phone"]] + [[f"客户{i}", f"1380000{i:04d}"] for i in range(6000)]
    table = read_table(_write_csv(tmp_path / "big.csv", rows, "utf-8"))
    before = _counts(workspace)
    seen: list[int] = []

    def cancelled() -> bool:
        return len(seen) >= 3  # after some chunks have been written

    with pytest.raises(ImportCancelledError):
        CustomerImport(workspace.ctx, table, {0: "name", 1: "phone"}).run(
            progress=lambda done, total: seen.append(done), cancelled=cancelled
        )
    assert _counts(workspace) == before


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.csv", b"", "empty"),
        ("binary.csv", bytes(range(256)) * 10, "not a text file"),
        ("fake.xlsx", b"PK\x03\x04 not really a zip", "not a readable Excel"),
        ("blank.csv", b"\n\n  \n", "no rows"),
    ],
)
def test_broken_files(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=reason):
        read_table(path)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (300 * 1024 * 1024))
    with pytest.raises(ImportFileError, match="unreasonable size"):
        read_table(path)


def test_too_many_columns(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(100_000)) + "\n" + "x\n")
    with pytest.raises(ImportFileError, match="more than 500 columns"):
        read_table(path)
