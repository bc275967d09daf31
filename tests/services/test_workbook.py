"""The reports workbook, opened again with openpyxl: sheets, typed cells, formats, frozen
header rows, filters, native charts and their data ranges; cancel leaves nothing behind;
LibreOffice converts it (when installed)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.exports import ExportCancelledError
from crm_desktop.services.followup_views import FollowUpFilter, View
from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.services.reports import ReportSet, compute_all
from crm_desktop.services.workbook import SHEETS, Cover, ListFilters, export_workbook
from crm_desktop.services.workspace import Workspace
from tests.services.test_reports import NOW, Ledger, build_sample, q3

EXPORTED_AT = datetime(2026, 9, 15, 8, 30, tzinfo=UTC)
REPORT_TITLES = [SHEETS[k] for k in SHEETS if k not in ("customers", "followups", "opportunities")]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Ledger]]:
    ws, led = build_sample(tmp_path_factory.mktemp("workbook") / "sample.db")
    yield ws, led
    ws.close()


@pytest.fixture(scope="module")
def reports(sample: tuple[Workspace, Ledger]) -> ReportSet:
    ws, _led = sample
    with ws.db.session() as session:
        return compute_all(session, q3(), NOW)


def export(
    ws: Workspace, reports: ReportSet, path: Path, lists: ListFilters | None = None, **kw: Any
) -> dict[str, int]:
    with ws.db.session() as session:
        return export_workbook(
            session, reports, path, Cover("老板", EXPORTED_AT, None), lists, **kw
        )


@pytest.fixture(scope="module")
def book_path(
    sample: tuple[Workspace, Ledger], reports: ReportSet, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    ws, led = sample
    path = tmp_path_factory.mktemp("out") / "周报.xlsx"
    lists = ListFilters(
        customers=CustomerFilter(tiers=("A",)),
        followups=FollowUpFilter(View.DONE),
        opportunities=BoardFilter(status=None),
        descriptions=(("Customers", "Tier: A"),),
    )
    counts = export(ws, reports, path, lists)
    tier_a = [c for c in led.customers if c.get("tier") == "A" and not c["deleted"]]
    done = [
        f
        for f in led.followups
        if f["status"] == "done" and not f["deleted"] and led.live_customer(f["customer"])
    ]
    deals = [d for d in led.deals if not d["deleted"] and led.live_customer(d["customer"])]
    assert counts == {"customers": len(tier_a), "followups": len(done), "opportunities": len(deals)}
    return path


def header(sheet: Any) -> list[Any]:
    return [c.value for c in sheet[1]]


def test_sheets_in_order(book_path: Path) -> None:
    book = load_workbook(book_path)
    assert book.sheetnames == [*REPORT_TITLES, "Customers", "Follow-ups", "Opportunities"]


def test_cover_sheet(book_path: Path) -> None:
    cover = load_workbook(book_path)["Report"]
    values = {row[0].value: row[1].value for row in cover.iter_rows(min_row=2)}
    assert values["Period"] == "2026-Q3"
    assert values["From"] == datetime(2026, 7, 1) and values["To"] == datetime(2026, 9, 30)
    assert values["Owner"] == "All owners"
    assert values["Exported by"] == "老板"
    assert values["Exported at"] == EXPORTED_AT.astimezone().replace(tzinfo=None)
    assert values["Filter: Customers"] == "Tier: A"


def test_every_table_has_a_bold_frozen_filtered_header(book_path: Path) -> None:
    book = load_workbook(book_path)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(c.font.b for c in sheet[1] if c.value), sheet.title
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
        assert sheet.column_dimensions["A"].width >= 8


def test_revenue_sheet_types_formats_and_chart(book_path: Path, reports: ReportSet) -> None:
    sheet = load_workbook(book_path)["Won revenue"]
    assert header(sheet) == ["Month", "CNY", "JPY", "USD", "Deals won"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [
        datetime(2026, 7, 1),
        datetime(2026, 8, 1),
        datetime(2026, 9, 1),
    ]
    expected = {(r.month, r.currency): r.amount for r in reports.revenue}
    for row, month in zip(rows, ("2026-07", "2026-08", "2026-09"), strict=True):
        for value, currency in zip(row[1:4], ("CNY", "JPY", "USD"), strict=True):
            assert Decimal(str(value)) == expected.get((month, currency), 0)
    assert sheet["A2"].number_format == "yyyy-mm"
    assert sheet["B2"].number_format.startswith('#,##0.00 "CNY"')
    assert sheet["C2"].number_format.startswith('#,##0 "JPY"')  # no minor digits
    assert sheet["E2"].data_type == "n"
    (chart,) = sheet._charts
    refs = [s.val.numRef.f for s in chart.series]
    assert refs == ["'Won revenue'!$B$2:$B$4", "'Won revenue'!$C$2:$C$4", "'Won revenue'!$D$2:$D$4"]
    assert chart.series[0].cat.numRef.f == "'Won revenue'!$A$2:$A$4"


def test_funnel_and_owner_sheets(book_path: Path, reports: ReportSet) -> None:
    book = load_workbook(book_path)
    funnel = book["Pipeline funnel"]
    rows = list(funnel.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in rows] == [(f.stage, f.reached) for f in reports.funnel]
    assert funnel["C3"].number_format == "0.0%"
    assert funnel["C3"].value == pytest.approx(reports.funnel[1].conversion)
    (chart,) = funnel._charts
    assert chart.series[0].val.numRef.f == "'Pipeline funnel'!$B$2:$B$6"
    owners = book["Owners"]
    assert header(owners)[:5] == ["Owner", "Won", "Lost", "Win rate", "Average days to win"]
    assert owners["D2"].number_format == "0.0%"
    by_owner = {r.owner: r for r in reports.owners}
    for row in owners.iter_rows(min_row=2, values_only=True):
        owner = by_owner[row[0]]
        assert (row[1], row[2]) == (owner.won, owner.lost)
        assert row[3] == pytest.approx(owner.win_rate)
    (chart,) = owners._charts
    refs = [s.val.numRef.f for s in chart.series]
    assert refs == ["'Owners'!$B$2:$B$3", "'Owners'!$C$2:$C$3"]


def test_churn_activity_segments_forecast_sheets(book_path: Path, reports: ReportSet) -> None:
    book = load_workbook(book_path)
    churn = book["Churn"]
    assert churn["B5"].value is None and churn["A6"].value == "Churned in the period"
    assert churn["B6"].value == reports.churn.churned
    assert churn["C8"].value == pytest.approx(reports.churn.rate)
    assert churn["C8"].number_format == "0.0%"
    assert len(churn._charts) == 1
    activity = book["Follow-up activity"]
    assert header(activity) == ["Owner · channel", "Done", "Planned", "Overdue"]
    assert len(activity._charts) == 1 and len(activity._charts[0].series) == 3
    tier = book["By tier"]
    got = {r[0]: r[1] for r in tier.iter_rows(min_row=2, values_only=True)}
    assert got == {
        (r.value or "Not set"): r.count for r in reports.segments if r.dimension == "tier"
    }
    assert type(tier._charts[0]).__name__ == "PieChart"
    region = book["By region"]
    assert "广东省" in [r[0] for r in region.iter_rows(min_row=2, values_only=True)]
    forecast = book["Forecast"]
    assert header(forecast)[0] == "Month"
    assert any(h.startswith("Weighted ") for h in header(forecast)[1:])
    assert len(forecast._charts) == 1


def test_list_sheets_follow_the_filters_and_are_typed(
    book_path: Path, sample: tuple[Workspace, Ledger]
) -> None:
    _ws, led = sample
    book = load_workbook(book_path)
    customers = book["Customers"]
    names = [r[0] for r in customers.iter_rows(min_row=2, values_only=True)]
    expected = [c["name"] for c in led.customers if c.get("tier") == "A" and not c["deleted"]]
    assert sorted(names) == sorted(expected)
    followups = book["Follow-ups"]
    assert header(followups)[:3] == ["Due", "Subject", "Customer"]
    statuses = {r[4] for r in followups.iter_rows(min_row=2, values_only=True)}
    assert statuses == {"Done"}
    done_at = followups["G2"]
    assert isinstance(done_at.value, datetime) and done_at.number_format == "yyyy-mm-dd hh:mm"
    deals = book["Opportunities"]
    head = header(deals)
    amount, currency, probability = (head.index(h) for h in ("Amount", "Currency", "Probability"))
    for row in deals.iter_rows(min_row=2):
        assert row[amount].data_type == "n"
        assert f'"{row[currency].value}"' in row[amount].number_format
        assert row[probability].number_format == "0.0%"
        assert 0 <= row[probability].value <= 1
    titles = {r[0] for r in deals.iter_rows(min_row=2, values_only=True)}
    live = {d["id"] for d in led.deals if not d["deleted"] and led.live_customer(d["customer"])}
    assert len(titles) == len(live) == deals.max_row - 1


def test_cancel_leaves_nothing(
    sample: tuple[Workspace, Ledger], reports: ReportSet, tmp_path: Path
) -> None:
    ws, _led = sample
    steps: list[int] = []
    target = tmp_path / "book.xlsx"
    with pytest.raises(ExportCancelledError):
        export(
            ws, reports, target, ListFilters(),
            progress=lambda done, _total: steps.append(done),
            cancelled=lambda: len(steps) >= 9,
        )  # fmt: skip
    assert steps and not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_without_lists_and_progress_to_the_end(
    sample: tuple[Workspace, Ledger], reports: ReportSet, tmp_path: Path
) -> None:
    ws, _led = sample
    seen: list[tuple[int, int]] = []
    target = tmp_path / "only-reports.xlsx"
    assert export(ws, reports, target, None, progress=lambda d, t: seen.append((d, t))) == {}
    assert seen[-1] == (12, 12)
    assert load_workbook(target).sheetnames == REPORT_TITLES
    assert [p.name for p in tmp_path.iterdir()] == ["only-reports.xlsx"]


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_workbook(
    sample: tuple[Workspace, Ledger], reports: ReportSet, tmp_path: Path
) -> None:
    ws, _led = sample
    source = tmp_path / "reports.xlsx"
    export(ws, reports, source, None)
    done = subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "reports.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    assert pdf.read_bytes().startswith(b"%PDF")
