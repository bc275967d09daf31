"""Reminders driven by the one timer and an injected clock: firing, missed, snooze, done."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, QTimer
from pytestqt.qtbot import QtBot

from crm_desktop.ui.followups.tab import FollowUpTab
from tests.services.test_followup_views import FollowData
from tests.ui.test_followups_tab import NOW, fdata, make_tab, tab

__all__ = ["fdata", "tab"]  # fixtures
REMIND = NOW.replace(hour=15, minute=45)
JUST_BEFORE = dt.timedelta(milliseconds=80)


def arm_just_before(tab: FollowUpTab, data: FollowData, moment: dt.datetime) -> None:
    """Let the timer be set a moment before ``moment``, then let the clock reach it: the
    timer's own timeout (not the test) then wakes the scheduler."""
    data.clock.now = moment - JUST_BEFORE
    tab.scheduler.recompute()
    assert tab.scheduler.next_wakeup == moment
    assert 0 <= tab.scheduler.timer.remainingTime() <= 100
    data.clock.now = moment


def test_one_timer_set_to_the_next_event(qtbot: QtBot, tab: FollowUpTab) -> None:
    timers = tab.scheduler.findChildren(QTimer)
    assert timers == [tab.scheduler.timer]
    assert tab.scheduler.timer.isSingleShot() and tab.scheduler.timer.isActive()
    # nothing before 10:15 (the longest sleep); at 15:40 the next thing is the 15:45 reminder
    assert tab.scheduler.next_wakeup == NOW + dt.timedelta(minutes=15)
    assert 14 * 60_000 < tab.scheduler.timer.remainingTime() <= 15 * 63_000  # coarse: ±5 %


def test_reminder_fires_then_snooze_then_done(
    qtbot: QtBot, tab: FollowUpTab, fdata: FollowData
) -> None:
    assert not tab.notifications.isVisibleTo(tab)
    arm_just_before(tab, fdata, REMIND)
    with qtbot.waitSignal(tab.notified, timeout=5_000) as fired:
        pass
    assert fired.args == ["Follow-up reminder", "Demo — Alice Smith (Meeting, due "
                          f"{tab.model.data(tab.model.index(1, 0))})"]  # fmt: skip
    assert tab.scheduler.wakeups == 1
    assert tab.notifications.ids() == [fdata.ids["today_later"]]
    assert tab.notifications.isVisibleTo(tab)

    ten_minutes = tab.notifications.snooze.menu().actions()[0]
    ten_minutes.trigger()
    later = REMIND + dt.timedelta(minutes=10)
    assert fdata.ws.followups.get(fdata.ids["today_later"]).remind_at == later
    assert not tab.notifications.isVisibleTo(tab)
    assert tab.scheduler.next_wakeup == later
    arm_just_before(tab, fdata, later)
    with qtbot.waitSignal(tab.notified, timeout=5_000):
        pass
    assert tab.notifications.ids() == [fdata.ids["today_later"]]

    tab.notifications.done.click()
    followup = fdata.ws.followups.get(fdata.ids["today_later"])
    assert (followup.status, followup.remind_at) == ("done", None)
    assert not tab.notifications.isVisibleTo(tab)


def test_missed_while_closed(qtbot: QtBot, fdata: FollowData, settings: QSettings) -> None:
    fdata.clock.now = NOW.replace(hour=17)  # the app starts after the 15:45 reminder
    first = make_tab(qtbot, fdata, settings)
    assert [r.subject for r in first.scheduler.missed] == ["Demo"]
    assert first.notifications.ids() == [fdata.ids["today_later"]]
    assert first.notifications.title.text() == "Reminders due: 1"
    first.notifications.dismiss.click()
    assert fdata.ws.followups.get(fdata.ids["today_later"]).remind_at is None
    first.shutdown()
    second = make_tab(qtbot, fdata, settings)  # acknowledged: not shown again
    assert second.scheduler.missed == []
    assert not second.notifications.isVisibleTo(second)
    second.shutdown()


def test_timer_follows_changes(qtbot: QtBot, tab: FollowUpTab, fdata: FollowData) -> None:
    soon = NOW + dt.timedelta(minutes=5)
    fdata.ws.followups.create(
        customer_id=fdata.customers["zhang"], subject="Soon", due_at=soon, remind_at=soon
    )
    tab.after_change()
    assert tab.scheduler.next_wakeup == soon
    tab.shutdown()
    assert not tab.scheduler.timer.isActive()


def test_overdue_count_grows_on_a_wake_up(
    qtbot: QtBot, tab: FollowUpTab, fdata: FollowData
) -> None:
    qtbot.waitUntil(lambda: tab.scheduler.overdue == 2)
    counts: list[int] = []
    tab.overdue_count_changed.connect(counts.append)
    fdata.ws.followups.update(fdata.ids["today_later"], remind_at=None)
    fdata.clock.now = NOW.replace(hour=15, minute=56)
    tab.after_change()
    # "Demo" falls due at 16:00; the scheduler looks at most every 5 minutes for that
    assert tab.scheduler.next_wakeup == NOW.replace(hour=16, minute=1)
    tab.scheduler.overdue_step = dt.timedelta(0)  # exactly at 16:00, to keep the test short
    arm_just_before(tab, fdata, NOW.replace(hour=16, second=1))  # overdue: a second past
    qtbot.waitUntil(lambda: tab.scheduler.wakeups == 1 and tab.scheduler.overdue == 3)
    assert counts == [3]
    assert tab.title() == "&Follow-ups (3)"
