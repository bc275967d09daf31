"""The Follow-ups tab at fixed times: views, filters, overdue marks, bulk actions, .ics."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from pytestqt.qtbot import QtBot

from crm_desktop.services.followup_views import View
from crm_desktop.ui.followups.model import OVERDUE_COLOR
from crm_desktop.ui.followups.tab import FollowUpServices, FollowUpTab
from crm_desktop.ui.tasks import wait_for_tasks
from tests.services.test_followup_views import FollowData, make_data

NOW = dt.datetime(2030, 1, 15, 10, 0).astimezone()  # a morning, in this computer's time zone
DAY = dt.timedelta(days=1)


@pytest.fixture
def fdata(tmp_path: Path) -> Iterator[FollowData]:
    made = make_data(tmp_path / "followups.db", NOW)
    yield made
    wait_for_tasks()
    made.ws.close()


def make_tab(qtbot: QtBot, data: FollowData, settings: QSettings) -> FollowUpTab:
    services = FollowUpServices(data.ws.db, data.ws.followups, data.ws.ctx.user_id)
    tab = FollowUpTab(services, data.clock, settings)
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    return tab


@pytest.fixture
def tab(qtbot: QtBot, fdata: FollowData, settings: QSettings) -> Iterator[FollowUpTab]:
    made = make_tab(qtbot, fdata, settings)
    yield made
    made.shutdown()
    wait_for_tasks()


def subjects(tab: FollowUpTab) -> list[str]:
    rows = [tab.model.row(n) for n in range(tab.model.rowCount())]
    return [row.subject for row in rows if row is not None]


def wait_subjects(qtbot: QtBot, tab: FollowUpTab, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: not tab.model.loading and subjects(tab) == expected, timeout=10_000)


def show_view(qtbot: QtBot, tab: FollowUpTab, view: View, expected: list[str]) -> None:
    tab.view_bar.buttons[view].click()
    wait_subjects(qtbot, tab, expected)


def select(tab: FollowUpTab, rows: list[int]) -> None:
    selection = tab.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(tab.model.index(row, 0), flags)


def test_each_view_with_counts_and_overdue_marks(qtbot: QtBot, tab: FollowUpTab) -> None:
    wait_subjects(qtbot, tab, ["Morning call", "Demo"])
    buttons = tab.view_bar.buttons
    qtbot.waitUntil(lambda: buttons[View.UPCOMING].text() == "Upcoming (7 days) (2)")
    # Done and All are counted by their list when shown (on a big file counting every
    # follow-up at each click would take seconds)
    assert [b.text() for b in buttons.values()] == [
        "Today (2)", "Overdue (2)", "Upcoming (7 days) (2)", "Done", "All",
    ]  # fmt: skip
    morning, demo = tab.model.index(0, 0), tab.model.index(1, 0)
    assert morning.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOR
    assert morning.data(Qt.ItemDataRole.ToolTipRole) == "Overdue"
    assert demo.data(Qt.ItemDataRole.ForegroundRole) is None
    show_view(qtbot, tab, View.OVERDUE, ["Call back", "Morning call"])
    show_view(qtbot, tab, View.UPCOMING, ["Demo", "Send offer"])
    show_view(qtbot, tab, View.DONE, ["Visit"])
    show_view(qtbot, tab, View.ALL, ["Visit", "Dropped", "Call back", "Morning call", "Demo",
                                     "Send offer", "Quarterly"])  # fmt: skip
    assert tab.count_label.text() == "7 follow-ups"
    qtbot.waitUntil(lambda: buttons[View.ALL].text() == "All (7)")


def test_sort_by_due_time_descending(qtbot: QtBot, tab: FollowUpTab) -> None:
    show_view(qtbot, tab, View.OVERDUE, ["Call back", "Morning call"])
    tab.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    wait_subjects(qtbot, tab, ["Morning call", "Call back"])


def test_filters(qtbot: QtBot, tab: FollowUpTab, fdata: FollowData) -> None:
    show_view(qtbot, tab, View.UPCOMING, ["Demo", "Send offer"])
    f = tab.filters
    f.owner.setCurrentIndex(f.owner.findData(fdata.seller))
    wait_subjects(qtbot, tab, ["Send offer"])
    f.owner.setCurrentIndex(0)
    f.channel.setCurrentIndex(f.channel.findData("meeting"))
    wait_subjects(qtbot, tab, ["Demo"])
    f.channel.setCurrentIndex(0)
    tab.view_bar.buttons[View.ALL].click()
    f.customer.setText("Alice")
    assert [c.label for c in f.customer.search_now()] == ["Alice Smith"]
    f.customer.choose(0)
    wait_subjects(qtbot, tab, ["Dropped", "Demo", "Send offer"])
    buttons = tab.view_bar.buttons  # one customer: every view is counted
    qtbot.waitUntil(lambda: [buttons[v].text() for v in (View.DONE, View.ALL)] == [
        "Done (0)", "All (3)",
    ])  # fmt: skip
    f.period.setChecked(True)
    f.period_from.setDate(NOW.date())
    f.period_to.setDate(NOW.date())
    wait_subjects(qtbot, tab, ["Demo"])


def test_view_is_remembered(qtbot: QtBot, fdata: FollowData, settings: QSettings) -> None:
    first = make_tab(qtbot, fdata, settings)
    first.view_bar.buttons[View.DONE].click()
    wait_subjects(qtbot, first, ["Visit"])
    first.shutdown()
    second = make_tab(qtbot, fdata, settings)
    assert second.view_bar.view == View.DONE
    second.shutdown()


def test_bulk_actions_on_a_selection(qtbot: QtBot, tab: FollowUpTab, fdata: FollowData) -> None:
    show_view(qtbot, tab, View.OVERDUE, ["Call back", "Morning call"])
    select(tab, [0, 1])
    assert tab.reassign_selected(fdata.seller) == 2
    wait_subjects(qtbot, tab, ["Call back", "Morning call"])
    assert {tab.model.row(n).owner for n in (0, 1)} == {"李销售"}  # type: ignore[union-attr]
    select(tab, [0, 1])
    assert tab.reschedule_selected(NOW + 2 * DAY) == 2
    wait_subjects(qtbot, tab, [])
    qtbot.waitUntil(lambda: tab.scheduler.overdue == 0)
    show_view(qtbot, tab, View.ALL, ["Visit", "Dropped", "Demo", "Send offer", "Call back",
                                     "Morning call", "Quarterly"])  # fmt: skip
    select(tab, [2, 3])
    assert tab.cancel_selected() == 2
    show_view(qtbot, tab, View.UPCOMING, ["Call back", "Morning call"])
    customer = fdata.ws.customers.get(fdata.customers["alice"])
    assert customer.next_followup_at is None  # nothing of Alice's is planned any more


def test_calendar_export_of_the_view(qtbot: QtBot, tab: FollowUpTab, tmp_path: Path) -> None:
    wait_subjects(qtbot, tab, ["Morning call", "Demo"])
    path = tmp_path / "today.ics"
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    assert tab.export_calendar(path) == 2
    calendar = Calendar.from_ical(path.read_bytes())
    starts = [e.decoded("DTSTART") for e in calendar.walk("VEVENT")]
    assert starts == [NOW.replace(hour=8), NOW.replace(hour=16)]
    assert messages == ["2 planned follow-ups exported to today.ics"]
    select(tab, [1])
    assert tab.export_calendar(tmp_path / "alice.ics", "customer") == 2
    assert tab.export_calendar(tmp_path / "owner.ics", "owner") == 4
