"""Broken and hostile import files: each gives a clear report and writes nothing."""

from __future__ import annotations

import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.import_files import ImportFileError, read_table
from crm_desktop.services.imports import CustomerImport, suggest_mapping
from crm_desktop.services.workspace import Workspace

SHEET = "xl/worksheets/sheet1.xml"
XML_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
XML_TAIL = b"</sheetData></worksheet>"


def _good_xlsx(path: Path, rows: int = 200) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["name", "phone", "email"])
    for n in range(rows):
        sheet.append([f"客户{n}", f"138{n:08d}", f"c{n}@example.com"])
    book.save(path)
    return path


def _xlsx_with_sheet(
    path: Path, good: Path, sheet_xml: bytes, fake_size: int | None = None
) -> Path:
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            if name != SHEET:
                out.writestr(name, source.read(name))
        out.writestr(SHEET, sheet_xml)
    if fake_size is not None:  # headers that lie about the unpacked size
        data = bytearray(path.read_bytes())
        name = SHEET.encode()
        at = data.find(name)
        while at >= 0:
            if data[at - 30 : at - 26] == b"PK\x03\x04":
                struct.pack_into("<I", data, at - 30 + 22, fake_size)
            elif data[at - 46 : at - 42] == b"PK\x01\x02":
                struct.pack_into("<I", data, at - 46 + 24, fake_size)
            at = data.find(name, at + 1)
        path.write_bytes(bytes(data))
    return path


def _empty(d: Path) -> Path:
    (d / "empty.csv").write_bytes(b"")
    return d / "empty.csv"


def _blank(d: Path) -> Path:
    (d / "blank.csv").write_bytes(b" \r\n\r\n,,,\r\n")
    return d / "blank.csv"


def _binary(d: Path) -> Path:
    (d / "photo.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
    return d / "photo.csv"


def _binary_xlsx(d: Path) -> Path:
    (d / "random.xlsx").write_bytes(os.urandom(4000))
    return d / "random.xlsx"


def _truncated_utf8(d: Path) -> Path:
    data = "name,phone\n张三,13800138000\n李四,13900139000\n王".encode()
    (d / "cut.csv").write_bytes(data[:-1])
    return d / "cut.csv"


def _truncated_quote(d: Path) -> Path:
    (d / "cut-quote.csv").write_text('name,notes\nAlice,"first line\nsecond', encoding="utf-8")
    return d / "cut-quote.csv"


def _truncated_xlsx(d: Path) -> Path:
    data = _good_xlsx(d / "good.xlsx").read_bytes()
    (d / "cut.xlsx").write_bytes(data[: len(data) // 2])
    return d / "cut.xlsx"


def _million_columns_csv(d: Path) -> Path:
    (d / "wide.csv").write_bytes(b",".join([b"c"] * 1_000_000) + b"\n" + b"1,2\n")
    return d / "wide.csv"


def _million_columns_xlsx(d: Path) -> Path:
    far = b'<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c>'
    far += b'<c r="BDWGN1" t="inlineStr"><is><t>far</t></is></c></row>'  # column 1,000,000
    return _xlsx_with_sheet(d / "wide.xlsx", _good_xlsx(d / "g.xlsx"), XML_HEAD + far + XML_TAIL)


def _zip_bomb(d: Path) -> Path:
    huge = XML_HEAD + b"<row>" + b" " * 30_000_000 + b"</row>" + XML_TAIL
    return _xlsx_with_sheet(d / "bomb.xlsx", _good_xlsx(d / "g.xlsx"), huge)


def _lying_zip_bomb(d: Path) -> Path:
    huge = XML_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
    huge += b"a" * 30_000_000 + b"</t></is></c></row>" + XML_TAIL
    return _xlsx_with_sheet(d / "liar.xlsx", _good_xlsx(d / "g.xlsx"), huge, fake_size=3000)


def _xlsx_named_csv(d: Path) -> Path:
    (d / "report.csv").write_bytes(b"PK\x03\x04" + os.urandom(300))
    return d / "report.csv"


BROKEN: list[Callable[[Path], Path]] = [
    _empty,
    _blank,
    _binary,
    _binary_xlsx,
    _truncated_utf8,
    _truncated_quote,
    _truncated_xlsx,
    _million_columns_csv,
    _million_columns_xlsx,
    _zip_bomb,
    _lying_zip_bomb,
    _xlsx_named_csv,
]


@pytest.mark.parametrize("make", BROKEN, ids=lambda f: f.__name__.strip("_"))
def test_broken_file_gives_a_clear_report_and_writes_nothing(
    workspace: Workspace, tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    path = make(tmp_path)
    before = workspace.counts()
    with pytest.raises(ImportFileError) as caught:
        table = read_table(path)
        CustomerImport(workspace.ctx, table, suggest_mapping(table.headers)).run()
    message = caught.value.message
    assert path.name in message and "cannot be imported" in message
    assert workspace.counts() == before


def test_a_good_file_still_imports(workspace: Workspace, tmp_path: Path) -> None:
    table = read_table(_good_xlsx(tmp_path / "good.xlsx", rows=20))
    report = CustomerImport(workspace.ctx, table, suggest_mapping(table.headers)).run()
    assert report.created == 20


def test_csv_with_a_stray_quote_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "sloppy.csv"
    path.write_text('name,size\nScreen,27" wide\n"Quoted"x,1\n', encoding="utf-8")
    table = read_table(path)
    assert [row[0] for row in table.rows] == ["Screen", "Quotedx"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(
            st.lists(st.text(max_size=20), min_size=1, max_size=8), min_size=1, max_size=20
        ).map(lambda rows: "\n".join(",".join(r) for r in rows).encode("utf-8", "surrogatepass")),
    ),
    suffix=st.sampled_from([".csv", ".xlsx", ".txt"]),
    cut=st.integers(min_value=0, max_value=100),
)
def test_any_bytes_are_read_or_refused_clearly(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str, cut: int
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data[: max(0, len(data) - cut)])
    try:
        table = read_table(path)
    except CrmError as error:
        assert error.message
        return
    assert table.headers and all(len(row) == len(table.headers) for row in table.rows)
