"""The follow-up list's views and filters, at fixed times (``followup_views``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crm_desktop.services import followup_views as views
from crm_desktop.services.followup_views import FollowUpFilter, View
from crm_desktop.services.workspace import Workspace, create_workspace
from tests.conftest import PASSPHRASE

TZ8 = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2030, 1, 15, 10, 0, tzinfo=TZ8)  # a Tuesday morning in Beijing


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass
class FollowData:
    ws: Workspace
    clock: Clock
    ids: dict[str, str]
    customers: dict[str, str]
    seller: str


def make_data(path: Path, now: dt.datetime = NOW) -> FollowData:
    """Nine follow-ups around ``now`` (a morning): each view selects a known few."""
    clock = Clock(now)
    ws = create_workspace(path, PASSPHRASE, owner_name="boss", clock=clock)
    seller = ws.users.create(username="li", display_name="李销售", role="sales")
    zhang = ws.customers.create(name="张三", company="北京科技有限公司")
    alice = ws.customers.create(name="Alice Smith", company="Acme Corp")
    gone = ws.customers.create(name="李四")
    f = ws.followups
    day = dt.timedelta(days=1)
    ids = {
        "overdue_old": f.create(customer_id=zhang, subject="Call back", due_at=now - 2 * day),
        "overdue_today": f.create(
            customer_id=zhang, subject="Morning call", due_at=now.replace(hour=8)
        ),
        "today_later": f.create(
            customer_id=alice, subject="Demo", channel="meeting", due_at=now.replace(hour=16),
            remind_at=now.replace(hour=15, minute=45),
        ),
        "tomorrow": f.create(
            customer_id=alice, subject="Send offer", channel="email", due_at=now + day,
            owner_id=seller,
        ),
        "next_month": f.create(customer_id=zhang, subject="Quarterly", due_at=now + 20 * day),
        "done": f.create(
            customer_id=zhang, subject="Visit", channel="visit", status="done",
            occurred_at=now - day, outcome="Signed",
        ),
        "cancelled": f.create(
            customer_id=alice, subject="Dropped", status="cancelled", due_at=now - 3 * day
        ),
        "deleted": f.create(customer_id=zhang, subject="Deleted", due_at=now.replace(hour=12)),
        "of_deleted_customer": f.create(customer_id=gone, subject="Gone", due_at=now),
    }  # fmt: skip
    f.delete(ids["deleted"])
    ws.customers.delete(gone)
    return FollowData(ws, clock, ids, {"zhang": zhang, "alice": alice, "gone": gone}, seller)


@pytest.fixture
def data(tmp_path: Path) -> Iterator[FollowData]:
    made = make_data(tmp_path / "followups.db")
    yield made
    made.ws.close()


def names(data: FollowData, flt: FollowUpFilter, now: dt.datetime = NOW, **sort: object) -> list:
    by_id = {v: k for k, v in data.ids.items()}
    with data.ws.db.session() as session:
        rowids = views.ordered_rowids(session, flt, now, **sort)  # type: ignore[arg-type]
        rows = views.fetch_rows(session, rowids)
    return [by_id[rows[r].id] for r in rowids]


def test_each_view_at_a_fixed_time(data: FollowData) -> None:
    assert names(data, FollowUpFilter(View.TODAY)) == ["overdue_today", "today_later"]
    assert names(data, FollowUpFilter(View.OVERDUE)) == ["overdue_old", "overdue_today"]
    assert names(data, FollowUpFilter(View.UPCOMING)) == ["today_later", "tomorrow"]
    assert names(data, FollowUpFilter(View.DONE)) == ["done"]
    assert sorted(names(data, FollowUpFilter(View.ALL))) == sorted(
        ["overdue_old", "overdue_today", "today_later", "tomorrow", "next_month", "done",
         "cancelled"]
    )  # fmt: skip


def test_views_move_with_the_clock(data: FollowData) -> None:
    evening = NOW.replace(hour=17)
    assert names(data, FollowUpFilter(View.OVERDUE), evening) == [
        "overdue_old", "overdue_today", "today_later",
    ]  # fmt: skip
    # in another time zone "today" is another calendar day
    utc_night = dt.datetime(2030, 1, 14, 23, 0, tzinfo=dt.UTC)  # 07:00 on the 15th in Beijing
    assert names(data, FollowUpFilter(View.TODAY), utc_night) == []
    assert names(data, FollowUpFilter(View.TODAY), utc_night.astimezone(TZ8)) == [
        "overdue_today", "today_later",
    ]  # fmt: skip


def test_filters_combine(data: FollowData) -> None:
    assert names(data, FollowUpFilter(View.UPCOMING, owner_ids=(data.seller,))) == ["tomorrow"]
    assert names(data, FollowUpFilter(View.ALL, channels=("email", "visit"))) == [
        "done", "tomorrow",
    ]  # fmt: skip
    alice = FollowUpFilter(View.ALL, customer_id=data.customers["alice"])
    assert names(data, alice) == ["cancelled", "today_later", "tomorrow"]
    period = FollowUpFilter(
        View.ALL, period_from=NOW.date(), period_to=NOW.date() + dt.timedelta(days=1)
    )
    assert names(data, period) == ["overdue_today", "today_later", "tomorrow"]
    done_period = FollowUpFilter(View.DONE, period_from=NOW.date())
    assert names(data, done_period) == []


def test_sorting_and_counts(data: FollowData) -> None:
    flt = FollowUpFilter(View.OVERDUE)
    assert names(data, flt, descending=True) == ["overdue_today", "overdue_old"]
    assert names(data, FollowUpFilter(View.TODAY), sort="subject") == [
        "today_later", "overdue_today",
    ]  # fmt: skip
    with data.ws.db.session() as session:
        counts = views.counts(session, FollowUpFilter(View.TODAY), NOW)
        assert counts == {
            View.TODAY: 2, View.OVERDUE: 2, View.UPCOMING: 2, View.DONE: 1, View.ALL: 7,
        }  # fmt: skip
        assert views.overdue_count(session, NOW) == 2
        rowids = views.ordered_rowids(session, FollowUpFilter(View.TODAY), NOW)
        assert views.ids_of(session, list(reversed(rowids))) == [
            data.ids["today_later"], data.ids["overdue_today"],
        ]  # fmt: skip


def test_rows_carry_the_customer_dates_and_overdue_flag(data: FollowData) -> None:
    with data.ws.db.session() as session:
        rowids = views.ordered_rowids(session, FollowUpFilter(View.OVERDUE), NOW)
        rows = views.fetch_rows(session, rowids)
    first = rows[rowids[0]]
    assert first.customer == "张三"
    assert first.is_overdue(NOW)
    assert first.last_contact_at == NOW - dt.timedelta(days=1)  # the done visit
    assert first.next_followup_at == NOW - dt.timedelta(days=2)  # the earliest planned


def test_first_chunk_is_small(data: FollowData, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "FIRST_CHUNK", 1)
    monkeypatch.setattr(views, "CHUNK", 2)
    with data.ws.db.session() as session:
        chunks = list(views.iter_rowids(session, FollowUpFilter(View.ALL), NOW))
    assert [len(c) for c in chunks] == [1, 2, 2, 2]
