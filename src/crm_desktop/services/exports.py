"""Exporting the customer list as filtered and sorted on screen, to .xlsx or CSV.

Rows stream from the database a page at a time into the file, so memory stays flat on a
million customers. The file is written under a temporary name in the destination folder and
renamed at the end: a cancel or a failure leaves no half-written file, and no customer data is
written outside the folder the user chose (openpyxl's own scratch file is put there too).
"""

from __future__ import annotations

import csv
import math
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
from crm_desktop.domain.money import Money, minor_digits
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import followup_views
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.customer_list import COLUMNS, CUSTOM_PREFIX, fetch_rows, ordered_rowids
from crm_desktop.services.followup_views import FollowUpFilter
from crm_desktop.services.pipeline import BoardFilter

PAGE = 1000
FORMATS = ("xlsx", "csv")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0.0%"
_KIND_FORMATS = {"percent": PERCENT_FORMAT, "month": "yyyy-mm", "days": "0.0"}
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


def money_format(currency: str) -> str:
    """An Excel number format for amounts in ``currency``: its minor digits, then the code."""
    digits = minor_digits(currency)
    number = "#,##0" + ("." + "0" * digits if digits else "")
    return f'{number} "{currency}";-{number} "{currency}"'


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


_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")  # not allowed in XML 1.0
_MAX_TEXT = 32_767  # Excel's limit on the characters of one cell


def _cell_text(value: str) -> str:
    """Text a cell can hold: characters XML cannot hold are left out (openpyxl would refuse
    the whole export), and it is cut at Excel's limit."""
    value = value[:_MAX_TEXT]
    return _ILLEGAL.sub("", value) if _ILLEGAL.search(value) else value


def _xml_text(value: str) -> str:
    """Text as the content of an XML element, as openpyxl writes it (&, < and > escaped)."""
    value = _cell_text(value)
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def _number_xml(value: float | Decimal) -> str:
    """A number's ``<v>`` element as openpyxl writes it: 16 significant digits; empty for
    inf and NaN."""
    return f"<v>{'%.16g' % value}</v>" if math.isfinite(value) else "<v />"  # noqa: UP031


class _FastRows:
    """Writes a write-only sheet's data rows as the XML openpyxl would write for them, without
    building a cell object and an element tree per value (most of the time openpyxl takes).

    The XML is byte for byte what openpyxl's own ``append`` writes for the same values and
    number formats (a test compares both); values of any other type make their row go
    through openpyxl itself. Text is always text, never a formula: a customer's name
    starting with "=" is shown as typed.
    """

    def __init__(self, sheet: Any, kinds: list[str]) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.utils.datetime import to_excel

        self.sheet = sheet
        self.kinds = kinds
        self.letters = [get_column_letter(i) for i in range(1, len(kinds) + 1)]
        self.to_excel = to_excel
        self.epoch = sheet.parent.epoch
        self.style_ids: dict[str, str] = {}
        self.openpyxl_values_to_row = sheet._values_to_row
        self.openpyxl_write_row = sheet._writer.write_row

    def install(self) -> None:
        """From now on, the sheet's ``append`` writes rows through ``write_row``."""
        self.sheet._values_to_row = lambda values, _row_idx: values
        self.sheet._writer.write_row = self.write_row

    def _style(self, number_format: str) -> str:
        style = self.style_ids.get(number_format)
        if style is None:
            from openpyxl.cell import WriteOnlyCell

            cell = WriteOnlyCell(self.sheet)
            cell.number_format = number_format  # registers the format and its cell style
            style = self.style_ids[number_format] = str(cell.style_id)
        return style

    def _styled(self, ref: str, number_format: str, value: Any) -> str | None:
        style = self._style(number_format)
        if isinstance(value, datetime | date):
            if isinstance(value, datetime) and value.tzinfo is not None:
                return None
            number = _number_xml(self.to_excel(value, self.epoch))
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            number = _number_xml(value)
        else:
            return None
        return f'<c r="{ref}" s="{style}" t="n">{number}</c>'

    def _cell(self, ref: str, value: Any, kind: str) -> str | None:  # noqa: PLR0911
        """The XML of one cell, or None for a value only openpyxl knows how to write."""
        kind_type = type(value)
        if kind_type is str:
            text = _xml_text(value)
            stripped = text.strip()
            if stripped and stripped != text:
                return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
            return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
        if kind_type is Money:
            return self._styled(ref, money_format(value.currency), value.amount)
        if kind in _KIND_FORMATS:
            return self._styled(ref, _KIND_FORMATS[kind], value)
        if kind_type is datetime:
            return self._styled(ref, DATETIME_FORMAT, value)
        if kind_type is date:
            return self._styled(ref, DATE_FORMAT, value)
        if kind_type is int or kind_type is float or kind_type is Decimal:
            return f'<c r="{ref}" t="n">{_number_xml(value)}</c>'
        return None

    def write_row(self, xf: Any, values: list[Any], row_idx: int) -> None:
        number = str(row_idx)
        parts = [f'<row r="{number}">']
        for letter, value, kind in zip(self.letters, values, self.kinds, strict=True):
            if value is None or value == "":
                continue
            cell = self._cell(letter + number, value, kind)
            if cell is None:  # an unusual value: this row goes through openpyxl
                row = self.openpyxl_values_to_row(self._openpyxl_cells(values), row_idx)
                self.openpyxl_write_row(xf, row, row_idx)
                return
            parts.append(cell)
        parts.append("</row>")
        xf._file("".join(parts))

    def _openpyxl_cells(self, values: list[Any]) -> list[Any]:
        from openpyxl.cell import WriteOnlyCell

        cells: list[Any] = []
        for value, kind in zip(values, self.kinds, strict=True):
            number_format = (
                money_format(value.currency)
                if isinstance(value, Money)
                else _KIND_FORMATS.get(kind)
            )
            if isinstance(value, str) or number_format is not None:
                plain = value.amount if isinstance(value, Money) else value
                cell = WriteOnlyCell(
                    self.sheet, value=_cell_text(plain) if isinstance(plain, str) else plain
                )
                if isinstance(value, str):
                    cell.data_type = "s"
                if number_format is not None:
                    cell.number_format = number_format
                cells.append(cell)
            else:
                cells.append(value)
        return cells


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


def stream_sheet(
    book: Any,
    title: str,
    headers: list[str],
    kinds: list[str],
    rows: Iterator[list[Any]],
    scratch: Path,
) -> tuple[Any, int]:
    """Stream ``rows`` into a new sheet of a write-only ``book``: bold frozen header with an
    auto-filter, widths from the first page, printed landscape one page wide. Returns the
    sheet (charts may still be added until the book is saved) and the rows written.

    openpyxl would stream the rows through a scratch file in the system temp folder; it is
    put at ``scratch`` instead (next to the export) and removed whatever happens.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter

    sheet = book.create_sheet(title)
    name = str(scratch)
    ALL_TEMP_FILES.append(name)  # openpyxl removes it from this list after saving
    writer = WorksheetWriter(sheet, out=name)
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
        _FastRows(sheet, kinds).install()
        count = 0
        for part in (first, rows):
            for row in part:
                sheet.append(row)
                count += 1
        last = get_column_letter(max(1, len(headers)))
        sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    except BaseException:
        close_sheet(sheet)
        Path(name).unlink(missing_ok=True)
        if name in ALL_TEMP_FILES:
            ALL_TEMP_FILES.remove(name)
        raise
    return sheet, count


def close_sheet(sheet: Any) -> None:
    """Finish a write-only sheet that will not be saved (a cancel, an error): its row
    writer is ended and its scratch file closed, so nothing is left open."""
    if not sheet.closed:
        try:
            sheet.close()
        except Exception:  # a sheet that failed half-way: closing its file is what matters
            sheet._writer.close()


def remove_scratch(scratch: Path) -> None:
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    scratch.unlink(missing_ok=True)
    if str(scratch) in ALL_TEMP_FILES:
        ALL_TEMP_FILES.remove(str(scratch))


def _write_xlsx(path: Path, headers: list[str], kinds: list[str], rows: Iterator[list[Any]]) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    scratch = path.with_suffix(".rows")
    try:
        _sheet, count = stream_sheet(book, "Customers", headers, kinds, rows, scratch)
        book.save(path)
    finally:
        remove_scratch(scratch)
    return count


# --- the follow-up and opportunity lists ------------------------------------------------------

# (key, header marked for translation in context "Columns", kind)
FOLLOWUP_COLUMNS: list[tuple[str, str, str]] = [
    ("due_at", QT_TRANSLATE_NOOP("Columns", "Due"), "datetime"),
    ("subject", QT_TRANSLATE_NOOP("Columns", "Subject"), "text"),
    ("customer", QT_TRANSLATE_NOOP("Columns", "Customer"), "text"),
    ("channel", QT_TRANSLATE_NOOP("Columns", "Channel"), "enum"),
    ("status", QT_TRANSLATE_NOOP("Columns", "Status"), "enum"),
    ("owner", QT_TRANSLATE_NOOP("Columns", "Owner"), "text"),
    ("occurred_at", QT_TRANSLATE_NOOP("Columns", "Done at"), "datetime"),
    ("outcome", QT_TRANSLATE_NOOP("Columns", "Outcome"), "text"),
]
OPPORTUNITY_COLUMNS: list[tuple[str, str, str]] = [
    ("title", QT_TRANSLATE_NOOP("Columns", "Title"), "text"),
    ("customer", QT_TRANSLATE_NOOP("Columns", "Customer"), "text"),
    ("stage", QT_TRANSLATE_NOOP("Columns", "Stage"), "text"),
    ("status", QT_TRANSLATE_NOOP("Columns", "Status"), "enum"),
    ("amount", QT_TRANSLATE_NOOP("Columns", "Amount"), "money"),
    ("currency", QT_TRANSLATE_NOOP("Columns", "Currency"), "text"),
    ("probability", QT_TRANSLATE_NOOP("Columns", "Probability"), "percent"),
    ("expected_close", QT_TRANSLATE_NOOP("Columns", "Expected close"), "date"),
    ("owner", QT_TRANSLATE_NOOP("Columns", "Owner"), "text"),
    ("source", QT_TRANSLATE_NOOP("Columns", "Source"), "enum"),
    ("closed_at", QT_TRANSLATE_NOOP("Columns", "Closed"), "datetime"),
    ("created_at", QT_TRANSLATE_NOOP("Columns", "Created"), "datetime"),
]


def followup_rows(
    session: Session,
    flt: FollowUpFilter,
    now: datetime,
    enum_label: Callable[[str], str] = _english_label,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[list[Any]]:
    """The follow-ups a view and filter select, in the list's order, as typed cell values."""
    kinds = [kind for _key, _label, kind in FOLLOWUP_COLUMNS]
    for chunk in followup_views.iter_rowids(session, flt, now, followup_views.time_key(flt.view)):
        for start in range(0, len(chunk), PAGE):
            if cancelled is not None and cancelled():
                raise ExportCancelledError()
            page = chunk[start : start + PAGE]
            found = followup_views.fetch_rows(session, page)
            for rowid in page:
                row = found.get(rowid)
                if row is None:
                    continue
                values = [getattr(row, key) for key, _label, _kind in FOLLOWUP_COLUMNS]
                yield [_typed(v, k, enum_label) for v, k in zip(values, kinds, strict=True)]


def opportunity_rows(
    session: Session,
    flt: BoardFilter,
    enum_label: Callable[[str], str] = _english_label,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[list[Any]]:
    """The deals a board filter selects, soonest expected close first, as typed cell values."""
    from crm_desktop.services.opportunity_table import COLUMNS as SORTS
    from crm_desktop.services.opportunity_table import _query

    query = _query(flt).order_by(SORTS["expected_close"], SORTS["title"])
    result = session.connection().execute(query)
    try:
        while rows := result.fetchmany(PAGE):
            if cancelled is not None and cancelled():
                raise ExportCancelledError()
            for r in rows:
                (_id, title, customer, stage, status, minor, currency, pct, default, close,
                 owner, source, _moved, closed, _reason, created, *_rest) = r  # fmt: skip
                probability = default if pct is None else pct
                yield [
                    title, customer, stage, enum_label(status), Money.from_minor(minor, currency),
                    currency, Decimal(probability or 0) / 100, close, owner,
                    _typed(source, "enum", enum_label), _local(closed), _local(created),
                ]  # fmt: skip
    finally:
        result.close()


def list_headers(
    columns: list[tuple[str, str, str]], translate: Callable[[str, str], str]
) -> list[str]:
    return [translate("Columns", label) for _key, label, _kind in columns]


def list_kinds(columns: list[tuple[str, str, str]]) -> list[str]:
    return [kind for _key, _label, kind in columns]


def export_list(
    path: str | Path,
    fmt: str,
    title: str,
    headers: list[str],
    kinds: list[str],
    rows: Iterator[list[Any]],
) -> int:
    """A follow-up or opportunity list as .xlsx (one sheet) or CSV (UTF-8 with BOM), written
    under a temporary name and renamed at the end; rows written."""
    from openpyxl import Workbook

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    target = Path(path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".~", suffix=f".{fmt}.part", dir=target.parent)
    except OSError:
        raise ExportFileError(path=str(target)) from None
    os.close(handle)
    temp = Path(temp_name)
    scratch = temp.with_suffix(".rows")
    try:
        if fmt == "csv":
            count = _write_csv(temp, headers, (_csv_row(r) for r in rows))
        else:
            book = Workbook(write_only=True)
            _sheet, count = stream_sheet(book, title, headers, kinds, rows, scratch)
            book.save(temp)
        os.replace(temp, target)
    except OSError:
        raise ExportFileError(path=str(target)) from None
    finally:
        remove_scratch(scratch)
        temp.unlink(missing_ok=True)
    return count


def _csv_row(row: list[Any]) -> list[Any]:
    return [v.amount if isinstance(v, Money) else v for v in row]
