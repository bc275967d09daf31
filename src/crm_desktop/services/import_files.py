"""Reading a spreadsheet to import: CSV in any common encoding and delimiter, or .xlsx.

CSV encodings are tried strictly in the order users actually have them (UTF-8 with or
without BOM, then GB18030, which covers GBK and GB2312), and only then guessed with
charset-normalizer. An .xlsx is checked for being a sane zip before the fast reader
(python-calamine) opens it, so a disguised zip bomb is refused rather than unpacked.
"""

from __future__ import annotations

import csv
import gc
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_COLUMNS = 500
MAX_CELL = 100_000
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_ZIP_RATIO = 200
SNIFF_BYTES = 64 * 1024


TRUNCATED = QT_TRANSLATE_NOOP(
    "Errors", "it ends in the middle of a character or quoted text; it may be cut off."
)


class ImportFileError(CrmError):
    template = QT_TRANSLATE_NOOP("Errors", "{path} cannot be imported: {reason}")


def _fail(path: Path, reason: str) -> ImportFileError:
    return ImportFileError(path=path.name, reason=reason)


@dataclass
class Table:
    """A file's header row and data rows (every cell as text), with what was detected."""

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]  # each row's number in the file (the header is row 1)
    encoding: str | None = None
    delimiter: str | None = None


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Python's cycle collector paused, for reading and importing a large sheet: that allocates
    millions of small objects, every 700 of which start a collection that walks the young ones,
    and every so often all of the sheet's rows (measured: 2.6 s of CPU in 2,600 collections for
    100,000 rows). The rows hold no reference cycles; reference counting frees them as before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_table(path: str | Path) -> Table:
    with no_cyclic_gc():
        return _read_table(Path(path))


def _read_table(path: Path) -> Table:
    if not path.is_file():
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "the file does not exist."))
    size = path.stat().st_size
    if size == 0:
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "the file is empty."))
    if size > MAX_FILE_BYTES:
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "the file is larger than 512 MB."))
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return _read_csv(path)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if b"\x00" in data[:SNIFF_BYTES] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "it is not a text file."))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
            # UTF-8 up to a character cut in half at the very end: a truncated file, which
            # GB18030 would otherwise "decode" into garbage.
            raise _fail(path, TRUNCATED) from None
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * 1024 * 1024]).best()
    if best is None:
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "its text encoding is not recognised."))
    return data.decode(best.encoding, errors="replace"), best.encoding


def _read_csv(path: Path) -> Table:
    text, encoding = decode(path.read_bytes(), path)
    sample = text[:SNIFF_BYTES]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    csv.field_size_limit(MAX_CELL)
    try:
        # Strict first: it tells a file that ends inside a quoted field (cut off) apart.
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            raise _fail(path, TRUNCATED) from None
        try:  # a stray quote somewhere: read it as leniently as spreadsheet programs do
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except csv.Error:
            raise _fail(
                path, QT_TRANSLATE_NOOP("Errors", "it is not a readable CSV file.")
            ) from None
    return _table(path, rows, encoding=encoding, delimiter=delimiter)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise _fail(
            path, QT_TRANSLATE_NOOP("Errors", "it is not a readable Excel (.xlsx) file.")
        ) from None
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_ZIP_RATIO:
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "it unpacks to an unreasonable size."))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _read_xlsx(path: Path) -> Table:
    _check_zip(path)
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
        if sheet.width > MAX_COLUMNS:
            raise _fail(path, QT_TRANSLATE_NOOP("Errors", "it has more than 500 columns."))
        rows = [
            [v if type(v) is str else _cell(v) for v in row]
            for row in sheet.to_python(skip_empty_area=False)
        ]
    except (CalamineError, ValueError, KeyError, IndexError):
        raise _fail(
            path, QT_TRANSLATE_NOOP("Errors", "it is not a readable Excel (.xlsx) file.")
        ) from None
    return _table(path, rows)


def _table(path: Path, rows: list[list[str]], **detected: str) -> Table:
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    if not numbered:
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "it holds no rows."))
    width = max(len(r) for _, r in numbered)
    if width > MAX_COLUMNS:
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "it has more than 500 columns."))
    header = numbered[0][1]
    headers = [h.strip() for h in header] + [""] * (width - len(header))
    body = [r + [""] * (width - len(r)) for _, r in numbered[1:]]
    return Table(headers=headers, rows=body, row_numbers=[n for n, _ in numbered[1:]], **detected)
