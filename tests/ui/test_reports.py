"""The Reports tab on a real file: figures as computed, filters, tooltips, PNG, print, the
workbook export with its progress and cancel, and pyqtgraph loaded only with the tab."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QLocale
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from crm_desktop.services.reports import ReportSet, compute_all
from crm_desktop.services.workbook import ListFilters
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.reports.deps import report_services
from crm_desktop.ui.reports.view import ReportsTab
from crm_desktop.ui.tasks import wait_for_tasks
from tests.services.test_reports import NOW, Ledger, build_sample

WAIT_MS = 20_000


@pytest.fixture(scope="module")
def report_sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Ledger]]:
    ws, led = build_sample(tmp_path_factory.mktemp("reports-ui") / "sample.db")
    yield ws, led
    ws.close()


@pytest.fixture
def tab(qtbot: QtBot, report_sample: tuple[Workspace, Ledger]) -> Iterator[ReportsTab]:
    ws, _led = report_sample
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    services = report_services(ws, ListFilters)
    widget = ReportsTab(services)
    qtbot.addWidget(widget)
    widget.resize(1300, 900)
    widget.show()
    qtbot.wait_until(lambda: widget.reports is not None, timeout=WAIT_MS)
    yield widget
    wait_for_tasks()
    QLocale.setDefault(QLocale.system())


def expected(ws: Workspace, tab: ReportsTab) -> ReportSet:
    with ws.db.session() as session:
        return compute_all(session, tab.current_filter(), NOW)


def test_the_tab_shows_the_quarter_of_today(
    tab: ReportsTab, report_sample: tuple[Workspace, Ledger]
) -> None:
    ws, _led = report_sample
    assert tab.current_filter().period.code == "2026-Q3"
    want = expected(ws, tab)
    funnel = tab.cards["funnel"].cell_texts()
    assert [(r[0], r[1]) for r in funnel] == [(f.stage, str(f.reached)) for f in want.funnel]
    revenue = tab.cards["revenue"].cell_texts()
    assert [r[1] for r in revenue] == [r.currency for r in want.revenue]
    assert ["Jul 2026", "JPY", "1", "JPY\xa030,000"] in revenue  # no minor digits
    assert ["Sep 2026", "USD", "1", "$200.00"] in revenue  # the locale's own currency
    churn = tab.cards["churn"]
    assert churn.note.text().startswith("Churn rate ")
    assert f"{want.churn.churned} of" in churn.note.text()


def test_owner_filter_recomputes(
    qtbot: QtBot, tab: ReportsTab, report_sample: tuple[Workspace, Ledger]
) -> None:
    ws, led = report_sample
    li = next(k for k, v in led.owners.items() if v == "李娜")
    with qtbot.wait_signal(tab.computed, timeout=WAIT_MS):
        tab.owner.setCurrentIndex(tab.owner.findData(li))
    want = expected(ws, tab)
    owners = tab.cards["owners"].cell_texts()
    assert [r[0] for r in owners] == ["李娜"] == [r.owner for r in want.owners]
    assert owners[0][1:3] == [str(want.owners[0].won), str(want.owners[0].lost)]


def test_periods_month_year_and_custom(qtbot: QtBot, tab: ReportsTab) -> None:
    with qtbot.wait_signal(tab.computed, timeout=WAIT_MS):
        tab.period.setCurrentIndex(0)
    assert tab.current_filter().period.code == "2026-09"
    assert len(tab.cards["new_customers"].cell_texts()) == 1
    with qtbot.wait_signal(tab.computed, timeout=WAIT_MS):
        tab.period.setCurrentIndex(2)
    assert len(tab.cards["new_customers"].cell_texts()) == 12
    with qtbot.wait_signal(tab.computed, timeout=WAIT_MS):
        tab.period.setCurrentIndex(3)
    assert tab.date_from.isVisible() and tab.date_to.isVisible()
    assert tab.current_filter().period.kind == "custom"


def test_tooltips_give_exact_values(tab: ReportsTab) -> None:
    chart = tab.cards["revenue"].chart
    july = chart.categories.index("Jul 2026")
    text = chart.tooltip(july)
    assert text.splitlines()[0] == "Jul 2026"
    assert any(line.startswith("CNY: ") and "700.00" in line for line in text.splitlines())
    funnel = tab.cards["funnel"].chart
    assert funnel.tooltip(0).splitlines() == [funnel.categories[0], str(funnel.series[0].values[0])]


def test_segments_switch_dimension(tab: ReportsTab) -> None:
    card = tab.cards["segments"]
    tab.segment.setCurrentIndex(tab.segment.findData("tier"))
    tiers = {r[0] for r in card.cell_texts()}
    assert {"A", "C", "VIP"} <= tiers
    tab.segment.setCurrentIndex(tab.segment.findData("region"))
    assert "广东省" in {r[0] for r in card.cell_texts()}


def test_chart_png_and_print(tab: ReportsTab, tmp_path: Path) -> None:
    card = tab.cards["revenue"]
    png = tmp_path / "revenue.png"
    assert tab.save_chart(card, str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    pdf = tmp_path / "revenue.pdf"
    printer.setOutputFileName(str(pdf))
    tab.print_card(card, printer)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000


def test_export_workbook_with_progress(qtbot: QtBot, tab: ReportsTab, tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    with qtbot.wait_signal(tab.export_finished, timeout=WAIT_MS) as done:
        tab.export_workbook(str(target))
        assert tab.progress_dialog is not None
    assert done.args == [str(target)]
    book = load_workbook(target)
    assert book.sheetnames[0] == "Report" and "Customers" in book.sheetnames
    assert tab.progress_dialog is None


def test_cancelled_export_writes_nothing(qtbot: QtBot, tab: ReportsTab, tmp_path: Path) -> None:
    target = tmp_path / "cancelled.xlsx"
    with qtbot.wait_signal(tab.export_finished, timeout=WAIT_MS) as done:
        tab.export_workbook(str(target))
        tab.cancel_export()
    assert done.args == [""]
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in tab.status.text()


def test_main_window_builds_the_tab_and_the_export_action(window: MainWindow, qtbot: QtBot) -> None:
    assert not window._reports.is_built
    assert window.export_workbook_action.text().startswith("Export &workbook")
    window.tabs.setCurrentIndex(3)
    qtbot.wait_until(lambda: window.reports.reports is not None, timeout=WAIT_MS)
    lists = window.reports.services.list_filters()
    assert lists.customers == window.customers.view_state()[0]


def test_pyqtgraph_loads_only_with_the_tab(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        from crm_desktop.services.workspace import create_workspace
        from crm_desktop.ui.main_window import MainWindow
        from crm_desktop.ui.tasks import wait_for_tasks
        app = QApplication([])
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
        ws = create_workspace({str(tmp_path / "lazy.db")!r}, "passphrase", owner_name="o")
        window = MainWindow(ws, QSettings())
        window.show()
        app.processEvents()
        before = [m for m in ("pyqtgraph", "numpy") if m in sys.modules]
        window.tabs.setCurrentIndex(3)
        app.processEvents()
        after = [m for m in ("pyqtgraph", "numpy") if m in sys.modules]
        print(before, after)
        wait_for_tasks()
        window.close()
        ws.close()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[] ['pyqtgraph', 'numpy']"
