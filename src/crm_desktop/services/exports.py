"""Exporting the customer list as filtered and sorted on screen, to .xlsx or CSV.

Rows stream from the database a page at a time into the file, so memory stays flat on a
million customers. The file is written under a temporary name in the destination folder and
renamed at the end: a cancel or a failure leaves no half-written file, and no customer data is
written outside the folder the user chose (openpyxl's own scratch file is put there too).
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from crm_desktop.db.models import CustomFieldDef
from crm_desktop.domain.enums import LABELS, CustomFieldType
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.customer_list import COLUMNS, CUSTOM_PREFIX, fetch_rows, ordered_rowids

PAGE = 1000
FORMATS = ("xlsx", "csv")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MAX_WIDTH = 60
MIN_WIDTH = 8
_SAFE_SIGNED = re.compile(r"[+-][\d\s().\-]*")  # phone numbers and plain numbers


class ExportCancelledError(CrmError):
    template = QT_TRANSLATE_NOOP("Errors", "The export was cancelled; no file was written.")


class ExportFileError(CrmError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} cannot be written. Check that the folder exists, that you may write there and "
        "that the file is not open in another program.",
    )


def _english_label(value: str) -> str:
    return LABELS.get(value, value)


def _kinds(session: Session, columns: Sequence[str]) -> list[str]:
    """The value kind of each column: text, enum, date, datetime, number, …"""
    kinds = []
    for key in columns:
        if key.startswith(CUSTOM_PREFIX):
            definition = session.get(CustomFieldDef, key[len(CUSTOM_PREFIX) :])
            field_type = definition.field_type if definition is not None else "text"
            kinds.append(
                {CustomFieldType.NUMBER: "number", CustomFieldType.DATE: "date"}.get(
                    CustomFieldType(field_type), "text"
                )
            )
        elif key in COLUMNS:
            kinds.append(COLUMNS[key].kind)
        else:
            raise ValueError(f"unknown column {key!r}")
    return kinds


def _local(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone().replace(tzinfo=None, microsecond=0)
    return value


def _date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _number(value: Any) -> Any:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return str(value)


_CONVERT: dict[str, Callable[[Any], Any]] = {"datetime": _local, "date": _date, "number": _number}


def _typed(value: Any, kind: str, enum_label: Callable[[str], str]) -> Any:
    """A cell value of its natural type: dates as dates, local naive times, numbers, text."""
    if value is None or value == "":
        return None
    if kind == "enum":
        return enum_label(str(value))
    convert = _CONVERT.get(kind)
    return value if convert is None else convert(value)


def _rows(
    session: Session,
    flt: CustomerFilter,
    sort: str,
    descending: bool,
    columns: Sequence[str],
    kinds: Sequence[str],
    enum_label: Callable[[str], str],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[list[Any]]:
    rowids = ordered_rowids(session, flt, sort, descending)
    total = len(rowids)
    for start in range(0, total, PAGE):
        if cancelled is not None and cancelled():
            raise ExportCancelledError()
        page = rowids[start : start + PAGE]
        found = fetch_rows(session, page, columns)
        for rowid in page:
            values = found.get(rowid)
            if values is not None:
                yield [_typed(v, k, enum_label) for v, k in zip(values[1:], kinds, strict=True)]
        if progress is not None:
            progress(min(start + PAGE, total), total)
    if progress is not None and total == 0:
        progress(0, 0)


def _display_width(value: Any) -> int:
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    text = str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def export_customers(
    session: Session,
    flt: CustomerFilter,
    sort: str,
    descending: bool,
    columns: list[str],
    path: str | Path,
    fmt: str,
    labels: dict[str, str],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    enum_label: Callable[[str], str] = _english_label,
) -> int:
    """Write the customers ``flt`` selects, sorted like the list, to ``path``; rows written.

    ``labels`` gives each column's header text (the caller translates); ``enum_label`` turns
    stored choice values (``lead``, ``cold_call``) into display text.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    target = Path(path)
    kinds = _kinds(session, columns)
    headers = [labels.get(key, key) for key in columns]
    rows = _rows(session, flt, sort, descending, columns, kinds, enum_label, progress, cancelled)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".~", suffix=f".{fmt}.part", dir=target.parent)
    except OSError:
        raise ExportFileError(path=str(target)) from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        if fmt == "xlsx":
            count = _write_xlsx(temp, headers, kinds, rows)
        else:
            count = _write_csv(temp, headers, rows)
        if cancelled is not None and cancelled():
            raise ExportCancelledError()
        os.replace(temp, target)
    except OSError:
        raise ExportFileError(path=str(target)) from None
    finally:
        temp.unlink(missing_ok=True)
    return count


# --- CSV ---------------------------------------------------------------------------------------


def _csv_text(value: Any) -> str:
    """Text of a CSV cell; text that a spreadsheet would run as a formula is quoted with '."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text[:1] in ("=", "@", "\t", "\r") or (
        text[:1] in ("+", "-") and not _SAFE_SIGNED.fullmatch(text)
    ):
        return "'" + text
    return text


def _write_csv(path: Path, headers: list[str], rows: Iterator[list[Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # the BOM is for Excel
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow([_csv_text(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_text(v) for v in row])
            count += 1
    return count


# --- Excel -------------------------------------------------------------------------------------


def _set_widths(sheet: Any, headers: list[str], first: list[list[Any]]) -> None:
    """Column widths from the header and the first page of rows (CJK counts double)."""
    from openpyxl.utils import get_column_letter

    for index, header in enumerate(headers, 1):
        sample = [_display_width(r[index - 1]) for r in first if r[index - 1] is not None]
        width = max([_display_width(header) + 4, *sample])
        sheet.column_dimensions[get_column_letter(index)].width = min(
            MAX_WIDTH, max(MIN_WIDTH, width + 2)
        )


def _cells(sheet: Any, row: list[Any], kinds: list[str]) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell

    out: list[Any] = []
    for value, kind in zip(row, kinds, strict=True):
        if value is None:
            out.append(None)
            continue
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # "=…" is a customer's text, never a formula
        elif isinstance(value, datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, date) or kind == "date":
            cell.number_format = DATE_FORMAT
        out.append(cell)
    return out


def _header(sheet: Any, headers: list[str]) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    bold = Font(bold=True)
    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.data_type = "s"
        cell.font = bold
        cells.append(cell)
    return cells


def _write_xlsx(path: Path, headers: list[str], kinds: list[str], rows: Iterator[list[Any]]) -> int:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Customers")
    # openpyxl would stream the rows through a scratch file in the system temp folder; keep it
    # next to the export instead, and remove it whatever happens.
    scratch = str(path.with_suffix(".rows"))
    ALL_TEMP_FILES.append(scratch)  # openpyxl removes it from this list after saving
    writer = WorksheetWriter(sheet, out=scratch)
    sheet._writer = writer
    try:
        first = [row for _, row in zip(range(PAGE), rows, strict=False)]
        _set_widths(sheet, headers, first)
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"  # printed: the header on every page, all columns on one
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        writer.write_top()  # writes the column widths and the frozen pane set above
        sheet.append(_header(sheet, headers))
        count = 0
        for part in (first, rows):
            for row in part:
                sheet.append(_cells(sheet, row, kinds))
                count += 1
        last = get_column_letter(max(1, len(headers)))
        sheet.auto_filter.ref = f"A1:{last}{count + 1}"
        book.save(path)
    finally:
        writer.close()
        Path(scratch).unlink(missing_ok=True)
        if scratch in ALL_TEMP_FILES:
            ALL_TEMP_FILES.remove(scratch)
    return count
