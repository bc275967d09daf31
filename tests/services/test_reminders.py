"""The reminder core: what is due, missed while closed, when to wake, snooze and dismiss."""

from __future__ import annotations

import datetime as dt

from crm_desktop.services import reminders
from crm_desktop.services.reminders import Snooze
from tests.services.test_followup_views import NOW, TZ8, FollowData, data  # noqa: F401

MIN = dt.timedelta(minutes=1)


def due_ids(d: FollowData, now: dt.datetime, owner: str | None = None) -> list[str]:
    by_id = {v: k for k, v in d.ids.items()}
    with d.ws.db.session() as session:
        return [by_id[r.id] for r in reminders.due_reminders(session, now, owner)]


def test_due_and_next(data: FollowData) -> None:  # noqa: F811
    remind = NOW.replace(hour=15, minute=45)
    assert due_ids(data, NOW) == []
    assert due_ids(data, remind) == ["today_later"]
    with data.ws.db.session() as session:
        assert reminders.next_reminder_at(session, NOW) == remind
        assert reminders.next_reminder_at(session, remind) is None
        assert reminders.due_count(session, remind) == 1
        # missed while closed: due before the app started
        assert reminders.missed_reminders(session, remind) == []
        assert [r.subject for r in reminders.missed_reminders(session, remind + MIN)] == ["Demo"]


def test_reminders_are_the_users_own(data: FollowData) -> None:  # noqa: F811
    data.ws.followups.update(data.ids["tomorrow"], remind_at=NOW)  # the seller's follow-up
    assert due_ids(data, NOW) == ["tomorrow"]
    assert due_ids(data, NOW, data.ws.ctx.user_id) == []
    assert due_ids(data, NOW, data.seller) == ["tomorrow"]


def test_snooze_choices() -> None:
    assert reminders.snooze_until(Snooze.TEN_MINUTES, NOW) == NOW + 10 * MIN
    assert reminders.snooze_until(Snooze.ONE_HOUR, NOW) == NOW + 60 * MIN
    assert reminders.snooze_until(Snooze.TOMORROW, NOW) == dt.datetime(
        2030, 1, 16, 9, 0, tzinfo=TZ8
    )


def test_snooze_dismiss_and_done_are_stored(data: FollowData) -> None:  # noqa: F811
    f, fid = data.ws.followups, data.ids["today_later"]
    remind = NOW.replace(hour=15, minute=45)
    reminders.snooze(f, fid, remind + 10 * MIN)
    assert due_ids(data, remind) == []
    assert due_ids(data, remind + 10 * MIN) == ["today_later"]
    reminders.dismiss(f, fid)
    assert f.get(fid).remind_at is None and f.get(fid).status == "planned"
    f.update(fid, remind_at=remind)
    reminders.mark_done(f, fid)
    assert (f.get(fid).status, f.get(fid).remind_at) == ("done", None)


def test_next_wakeup(data: FollowData) -> None:  # noqa: F811
    with data.ws.db.session() as session:
        # nothing before the 15-minute cap: the next due time is 16:00, the reminder 15:45
        assert reminders.next_wakeup(session, NOW) == NOW + 15 * MIN
        at = NOW.replace(hour=15, minute=40)
        assert reminders.next_wakeup(session, at) == NOW.replace(hour=15, minute=45)
        # a due time that is seconds away waits for the 5-minute overdue step
        at = NOW.replace(hour=15, minute=59)
        assert reminders.next_wakeup(session, at) == at + 5 * MIN
        step = dt.timedelta(0)
        assert reminders.next_wakeup(session, at, overdue_step=step) == at + MIN + MIN / 60
        # late at night: midnight comes first
        at = NOW.replace(hour=23, minute=50)
        assert reminders.next_wakeup(session, at) == dt.datetime(2030, 1, 16, tzinfo=TZ8)
