"""``crm-desktop export --report all --period …`` and ``export --list followups|opportunities``
on a real file: the same workbook as the window's export, and the lists as .xlsx or CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crm_desktop.cli import PASSPHRASE_ENV, main
from tests.conftest import PASSPHRASE
from tests.services.test_reports import Ledger, build_sample
from tests.services.test_workbook import REPORT_TITLES


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Ledger]]:
    path = tmp_path_factory.mktemp("cli") / "sample.db"
    ws, led = build_sample(path)
    ws.close()
    yield path, led


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)


def run(*args: str) -> int:
    return main(["export", *args])


def test_report_workbook_of_a_quarter(
    sample_path: tuple[Path, Ledger], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, led = sample_path
    out = tmp_path / "q3.xlsx"
    assert run("--db", str(path), "--report", "all", "--period", "2026-Q3", "--out", str(out)) == 0
    assert "2026-Q3 reports" in capsys.readouterr().out
    book = load_workbook(out)
    assert book.sheetnames == [*REPORT_TITLES, "Customers", "Follow-ups", "Opportunities"]
    cover = {r[0].value: r[1].value for r in book["Report"].iter_rows(min_row=2)}
    assert cover["Period"] == "2026-Q3" and cover["Owner"] == "All owners"
    assert cover["Exported by"] == "boss"
    live = [c for c in led.customers if not c["deleted"]]
    assert book["Customers"].max_row == len(live) + 1
    assert len(book["Won revenue"]._charts) == 1


def test_report_of_one_owner(sample_path: tuple[Path, Ledger], tmp_path: Path) -> None:
    path, _led = sample_path
    out = tmp_path / "li.xlsx"
    args = ("--db", str(path), "--report", "all", "--period", "2026-08", "--owner", "lina")
    assert run(*args, "--out", str(out)) == 0
    book = load_workbook(out)
    cover = {r[0].value: r[1].value for r in book["Report"].iter_rows(min_row=2)}
    assert cover["Owner"] == "李娜" and cover["Period"] == "2026-08"
    owners = [r[0] for r in book["Owners"].iter_rows(min_row=2, values_only=True)]
    assert owners == ["李娜"]


def test_lists_as_csv_and_xlsx(sample_path: tuple[Path, Ledger], tmp_path: Path) -> None:
    path, led = sample_path
    followups = tmp_path / "followups.csv"
    assert run("--db", str(path), "--list", "followups", "--out", str(followups)) == 0
    with followups.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    live = [f for f in led.followups if not f["deleted"] and led.live_customer(f["customer"])]
    assert rows[0][:3] == ["Due", "Subject", "Customer"] and len(rows) == len(live) + 1
    deals = tmp_path / "deals.xlsx"
    assert run("--db", str(path), "--list", "opportunities", "--out", str(deals)) == 0
    sheet = load_workbook(deals)["Opportunities"]
    live_deals = [d for d in led.deals if not d["deleted"] and led.live_customer(d["customer"])]
    assert sheet.max_row == len(live_deals) + 1 and sheet.freeze_panes == "A2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deals.xlsx", "followups.csv"]


def test_the_customer_export_still_works(sample_path: tuple[Path, Ledger], tmp_path: Path) -> None:
    path, _led = sample_path
    out = tmp_path / "customers.csv"
    assert run("--db", str(path), "--out", str(out), "--columns", "name,tier") == 0
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == "Name,Tier"


def test_bad_period_and_csv_workbook_are_refused(
    sample_path: tuple[Path, Ledger], tmp_path: Path
) -> None:
    path, _led = sample_path
    with pytest.raises(SystemExit, match="is not a period"):
        run("--db", str(path), "--report", "all", "--period", "2026-Q5", "--out", "x.xlsx")
    with pytest.raises(SystemExit, match=r"\.xlsx"):
        run("--db", str(path), "--report", "all", "--out", str(tmp_path / "x.csv"))
    assert list(tmp_path.iterdir()) == []
