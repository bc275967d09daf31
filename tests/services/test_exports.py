"""Exporting the filtered, sorted customer list to .xlsx and CSV; a cancel leaves no file."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.exports import ExportCancelledError, export_customers
from crm_desktop.services.workspace import Workspace

COLUMNS = ["name", "company", "phone", "tier", "status", "birthday", "created_at", "tags"]
LABELS = {"name": "Name", "company": "Company", "birthday": "Birthday", "created_at": "Created"}


@pytest.fixture
def filled(workspace: Workspace) -> Workspace:
    ws = workspace
    vip = ws.tags.create(name="重点")
    a = ws.customers.create(name="张三", company="北京科技", phone="13800138000", tier="A",
                            birthday=date(1980, 5, 17))  # fmt: skip
    ws.customers.set_tags(a, [vip])
    ws.customers.create(name="=HYPERLINK(1)", company="+evil", status="active")
    ws.customers.create(name="Zed", city="上海")
    return ws


def _export(ws: Workspace, path: Path, fmt: str, **kwargs: object) -> int:
    with ws.db.session() as session:
        return export_customers(
            session,
            CustomerFilter(),
            "name",
            False,
            COLUMNS,
            path,
            fmt,
            LABELS,
            **kwargs,  # type: ignore[arg-type]
        )


def test_xlsx_has_typed_cells_and_a_frozen_filtered_header(
    filled: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "customers.xlsx"
    seen: list[tuple[int, int]] = []
    assert _export(filled, path, "xlsx", progress=lambda d, t: seen.append((d, t))) == 3
    assert seen[-1] == (3, 3)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Name", "Company", "phone", "tier", "status", "Birthday", "Created", "tags")
    assert len(rows) == 4
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H4"
    assert sheet["A1"].font.b
    by_name = {r[0]: r for r in rows[1:]}
    zhang = by_name["张三"]
    assert zhang[1] == "北京科技"
    assert zhang[3] == "A"
    assert zhang[4] == "Lead"
    assert zhang[5] == datetime(1980, 5, 17)  # Excel has no date-only type
    assert sheet["F2"].is_date or sheet["F3"].is_date or sheet["F4"].is_date
    assert isinstance(zhang[6], datetime)
    assert zhang[6].tzinfo is None
    assert zhang[7] == "重点"
    formula = by_name["=HYPERLINK(1)"]
    assert formula[1] == "+evil"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet.column_dimensions["A"].width >= 8
    assert [
        p.name for p in tmp_path.iterdir() if p.name != "crm.db" and "crm.db" not in p.name
    ] == ["customers.xlsx"]


def test_csv_is_utf8_with_bom_and_keeps_chinese(filled: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    assert _export(filled, path, "csv") == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:2] == ["Name", "Company"]
    assert len(rows) == 4
    by_name = {r[0]: r for r in rows[1:]}
    assert "'=HYPERLINK(1)" in by_name
    assert by_name["'=HYPERLINK(1)"][1] == "'+evil"
    assert by_name["张三"][1] == "北京科技"
    assert by_name["张三"][2] == "13800138000"
    assert by_name["张三"][5] == "1980-05-17"


def test_filter_and_sort_follow_the_view(filled: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "zed.csv"
    with filled.db.session() as session:
        count = export_customers(
            session, CustomerFilter(cities=("上海",)), "name", True, ["name"], path, "csv", {}
        )
    assert count == 1
    assert path.read_text(encoding="utf-8-sig").splitlines() == ["name", "Zed"]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_cancelled_export_leaves_no_file(filled: Workspace, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportCancelledError):
        _export(filled, out / f"c.{fmt}", fmt, cancelled=lambda: True)
    assert list(out.iterdir()) == []


def test_existing_file_is_kept_when_the_export_fails(filled: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "keep.csv"
    path.write_text("old")
    with pytest.raises(ExportCancelledError):
        _export(filled, path, "csv", cancelled=lambda: True)
    assert path.read_text() == "old"


def test_datetimes_are_local_naive(filled: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    _export(filled, path, "xlsx")
    sheet = openpyxl.load_workbook(path).active
    created = sheet["G2"].value
    now = datetime.now(UTC).astimezone().replace(tzinfo=None)
    assert abs((now - created).total_seconds()) < 3600
