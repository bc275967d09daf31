"""The export's fast row writer writes the very XML openpyxl's own ``append`` writes."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from crm_desktop.domain.money import Money
from crm_desktop.services.exports import (
    _KIND_FORMATS,
    DATE_FORMAT,
    DATETIME_FORMAT,
    money_format,
    remove_scratch,
    stream_sheet,
)

HEADERS = ["Name", "Amount", "Share", "When", "Day", "Count", "Ratio", "Exact"]
KINDS = ["text", "money", "percent", "datetime", "date", "number", "number", "number"]
ROWS: list[list[Any]] = [
    ["张三", Money(Decimal("1234.50"), "CNY"), Decimal("0.25"), datetime(2026, 11, 23, 9, 5),
     date(1980, 5, 17), 42, 0.1 + 0.2, Decimal("12.50")],
    ["  padded ", Money(Decimal("-7"), "JPY"), Decimal("1"), datetime(1899, 12, 31, 23, 59),
     date(1900, 2, 28), -3, 1e20, Decimal("0.000001")],
    ["a & <b> \"q\" 'x'", None, None, None, None, 0, float("inf"), None],
    ["=SUM(A1:A2)", Money(Decimal("0.001"), "BHD"), Decimal("0.125"), None, date(2026, 1, 1),
     None, -0.0, Decimal("1E+3")],
    ["line\nbreak\ttab", None, None, None, None, None, None, None],
    ["", None, None, None, None, None, None, None],
]  # fmt: skip


def _reference_cells(sheet: Any, row: list[Any]) -> list[Any]:
    """What the export wrote before: one openpyxl cell per value that needs a format."""
    cells: list[Any] = []
    for value, kind in zip(row, KINDS, strict=True):
        if value is None or value == "":
            cells.append(None)
            continue
        cell = WriteOnlyCell(sheet)
        if isinstance(value, str):
            cell.value = value
            cell.data_type = "s"  # text, never a formula
        elif isinstance(value, Money):
            cell.number_format = money_format(value.currency)
            cell.value = value.amount
        elif kind in _KIND_FORMATS:
            cell.number_format = _KIND_FORMATS[kind]
            cell.value = value
        elif isinstance(value, datetime):
            cell.number_format = DATETIME_FORMAT
            cell.value = value
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
            cell.value = value
        else:
            cells.append(value)
            continue
        cells.append(cell)
    return cells


def _parts(path: Path) -> tuple[bytes, bytes]:
    """The sheet's rows (the column widths above them come from different first pages) and
    the styles."""
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
        return sheet[sheet.index(b"<sheetData>") :], archive.read("xl/styles.xml")


def test_rows_are_byte_for_byte_what_openpyxl_writes(tmp_path: Path) -> None:
    ours = tmp_path / "ours.xlsx"
    book = Workbook(write_only=True)
    scratch = tmp_path / "ours.rows"
    try:
        _sheet, count = stream_sheet(book, "Sheet", HEADERS, KINDS, iter(ROWS), scratch)
        book.save(ours)
    finally:
        remove_scratch(scratch)
    assert count == len(ROWS)

    # the same sheet set-up, every row through openpyxl's own cells
    reference = tmp_path / "reference.xlsx"
    book = Workbook(write_only=True)
    scratch = tmp_path / "reference.rows"
    try:
        _sheet, _count = stream_sheet(book, "Sheet", HEADERS, KINDS, iter([]), scratch)
        sheet = book.worksheets[0]
        sheet._writer.write_row = type(sheet._writer).write_row.__get__(sheet._writer)
        del sheet._values_to_row  # back to openpyxl's own
        for row in ROWS:
            sheet.append(_reference_cells(sheet, row))
        sheet.auto_filter.ref = f"A1:H{len(ROWS) + 1}"
        book.save(reference)
    finally:
        remove_scratch(scratch)
    assert _parts(ours) == _parts(reference)


def test_the_written_values_read_back(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    book = Workbook(write_only=True)
    odd = [["bad\x00\x07chars\x1f", None, None, None, None, None, None, time(8, 30)]]
    scratch = tmp_path / "book.rows"
    try:
        stream_sheet(book, "Sheet", HEADERS, KINDS, iter(ROWS + odd), scratch)
        book.save(path)
    finally:
        remove_scratch(scratch)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert values[0][:2] == ["张三", 1234.5]
    assert values[0][3] == datetime(2026, 11, 23, 9, 5)
    assert values[1][0] == "  padded "  # spaces kept
    assert values[2][0] == "a & <b> \"q\" 'x'"
    assert values[3][0] == "=SUM(A1:A2)"  # shown as typed, never run as a formula
    assert sheet["A5"].data_type == "s"
    assert sheet["B2"].number_format == money_format("CNY")
    assert sheet["C2"].number_format == _KIND_FORMATS["percent"]
    # characters XML cannot hold are left out instead of failing the whole export; a value
    # of a type the fast writer does not know (a time) goes through openpyxl
    assert values[-1][0] == "badchars"
    assert values[-1][7] == time(8, 30)
