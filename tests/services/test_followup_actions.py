"""Complete-and-plan-next and the bulk actions: one transaction each, journalled."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from crm_desktop.db.models import ChangeJournal
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services import followup_actions as actions
from tests.services.test_followup_views import NOW, FollowData, data  # noqa: F401

DAY = dt.timedelta(days=1)


def journal_actions(d: FollowData, record_id: str, field: str | None = None) -> set[str]:
    query = select(ChangeJournal.action_id).where(ChangeJournal.record_id == record_id)
    if field is not None:
        query = query.where(ChangeJournal.field == field)
    with d.ws.db.session() as session:
        return set(session.scalars(query))


def test_complete_and_plan_the_next_in_one_step(data: FollowData) -> None:  # noqa: F811
    f, fid = data.ws.followups, data.ids["today_later"]
    data.clock.now = NOW + dt.timedelta(hours=7)
    next_id = actions.complete(
        f, fid, "Liked the demo", next_followup={"subject": "Send quote", "due_at": NOW + 3 * DAY}
    )
    assert next_id is not None
    done, planned = f.get(fid), f.get(next_id)
    assert (done.status, done.outcome, done.remind_at) == ("done", "Liked the demo", None)
    assert done.completed_at == done.occurred_at == NOW + dt.timedelta(hours=7)
    assert (planned.status, planned.customer_id, planned.channel) == (
        "planned", data.customers["alice"], "meeting",
    )  # fmt: skip
    customer = data.ws.customers.get(data.customers["alice"])
    assert customer.last_contact_at == NOW + dt.timedelta(hours=7)
    assert customer.next_followup_at == NOW + DAY  # "tomorrow" is still the earliest planned
    # one user action: the completion and the new follow-up share the journal's action id
    completion = journal_actions(data, fid, "outcome")
    assert len(completion) == 1
    assert journal_actions(data, next_id) == completion


def test_a_rejected_next_follow_up_completes_nothing(data: FollowData) -> None:  # noqa: F811
    f, fid = data.ws.followups, data.ids["today_later"]
    with pytest.raises(ValidationError) as caught:
        actions.complete(f, fid, "ok", next_followup={"subject": "No due time"})
    assert caught.value.field == "due_at"
    assert f.get(fid).status == "planned"
    with pytest.raises(ValidationError) as caught:
        actions.complete(f, data.ids["done"], "again")
    assert caught.value.field == "status"


def test_complete_without_next(data: FollowData) -> None:  # noqa: F811
    f, fid = data.ws.followups, data.ids["overdue_old"]
    assert actions.complete(f, fid, None, occurred_at=NOW - DAY / 2) is None
    assert f.get(fid).occurred_at == NOW - DAY / 2
    assert data.ws.customers.get(data.customers["zhang"]).last_contact_at == NOW - DAY / 2


def test_bulk_reassign_reschedule_cancel(data: FollowData) -> None:  # noqa: F811
    f, ids = data.ws.followups, data.ids
    chosen = [ids["overdue_old"], ids["today_later"], ids["done"]]
    assert actions.reassign(f, chosen, data.seller) == 3
    assert {f.get(i).owner_id for i in chosen} == {data.seller}
    with data.ws.db.session() as session:
        reassigned = session.scalars(
            select(ChangeJournal.action_id).where(
                ChangeJournal.field == "owner_id", ChangeJournal.new_value == f'"{data.seller}"'
            )
        ).all()
    assert len(reassigned) == 4 and len(set(reassigned)) == 2  # "tomorrow" at creation + bulk
    new_due = NOW + 2 * DAY
    assert actions.reschedule(f, chosen, new_due) == 2  # the done one is left alone
    later = f.get(ids["today_later"])
    assert later.due_at == new_due
    assert later.remind_at == new_due - dt.timedelta(minutes=15)  # same distance as before
    assert f.get(ids["done"]).due_at is None
    assert actions.cancel(f, chosen) == 2
    assert [f.get(i).status for i in chosen] == ["cancelled", "cancelled", "done"]
    assert f.get(ids["today_later"]).remind_at is None
    assert data.ws.customers.get(data.customers["alice"]).next_followup_at == NOW + DAY


def test_bulk_is_all_or_nothing(data: FollowData) -> None:  # noqa: F811
    f, ids = data.ws.followups, data.ids
    with pytest.raises(ValidationError):
        actions.reassign(f, [ids["overdue_old"]], "no-such-user")
    assert f.get(ids["overdue_old"]).owner_id != "no-such-user"
