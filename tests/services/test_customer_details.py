"""The detail panel's reading and the list's bulk edits, on a real encrypted file."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, literal_column, select

from crm_desktop.db.models import ChangeJournal, Customer
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.money import Money
from crm_desktop.services import customer_details as cd
from crm_desktop.services.workspace import Workspace


def make_customers(workspace: Workspace) -> tuple[str, str, str]:
    c = workspace.customers
    return (
        c.create(name="张三", city="北京", region="北京市", industry="制造"),
        c.create(name="Alice", city="上海", region="上海市"),
        c.create(name="Bob", city="北京", industry=""),
    )


def test_distinct_values_of_live_customers(workspace: Workspace) -> None:
    _zhang, alice, _bob = make_customers(workspace)
    workspace.customers.create(name="Gone", city="深圳")
    gone = workspace.customers.create(name="Gone2", city="广州")
    workspace.customers.delete(gone)
    with workspace.db.session() as session:
        assert cd.distinct_values(session, "city") == sorted(["北京", "上海", "深圳"])
        assert cd.distinct_values(session, "industry") == ["制造"]
        assert len(cd.distinct_values(session, "city", limit=1)) == 1
    del alice


def test_ids_for_rowids(workspace: Workspace) -> None:
    ids = make_customers(workspace)
    with workspace.db.session() as session:
        rowids = list(
            session.scalars(select(literal_column("rowid")).select_from(Customer).order_by("rowid"))
        )
        assert sorted(cd.ids_for_rowids(session, [*rowids, 999_999])) == sorted(ids)


def test_details_with_contacts_custom_fields_tags_and_timeline(workspace: Workspace) -> None:
    zhang, _alice, _bob = make_customers(workspace)
    workspace.contacts.create(
        customer_id=zhang, name="王经理", phone="13900139000", is_primary=True
    )
    field_id = workspace.custom_fields.create(name="合同编号", field_type="text")
    workspace.customers.set_custom_values(zhang, {field_id: "HT-001"})
    tag = workspace.tags.create(name="重点")
    workspace.customers.set_tags(zhang, [tag])
    workspace.followups.create(
        customer_id=zhang, subject="回访", due_at=dt.datetime(2030, 1, 2, tzinfo=dt.UTC)
    )
    stage = workspace.stages.list()[0]
    workspace.opportunities.create(
        title="ERP", customer_id=zhang, stage_id=stage.id, amount="1234.50"
    )
    workspace.customers.update(zhang, tier="VIP")
    with workspace.db.session() as session:
        details = cd.customer_details(session, zhang)
    assert details is not None
    assert details.customer.name == "张三"
    assert details.owner_name == "boss"
    assert [c.name for c in details.contacts] == ["王经理"]
    assert [(f.name, f.value) for f in details.custom_fields] == [("合同编号", "HT-001")]
    assert details.tags == ["重点"]
    kinds = {entry.kind for entry in details.timeline}
    assert kinds == {"followup", "opportunity", "change"}
    whens = [entry.when for entry in details.timeline]
    assert whens == sorted(whens, reverse=True)
    opportunity = next(e for e in details.timeline if e.kind == "opportunity")
    assert opportunity.amount == Money.parse("1234.50", "CNY")
    assert opportunity.status == stage.name
    tagged = next(e for e in details.timeline if e.kind == "change" and e.status == "tags")
    assert tagged.new_value == ["重点"]
    custom = next(e for e in details.timeline if e.kind == "change" and e.title == "合同编号")
    assert custom.new_value == "HT-001"
    tier = next(e for e in details.timeline if e.kind == "change" and e.title == "tier")
    assert (tier.old_value, tier.new_value, tier.user_name) == (None, "VIP", "boss")
    followup = next(e for e in details.timeline if e.kind == "followup")
    assert (followup.title, followup.status, followup.channel) == ("回访", "planned", "phone")
    with workspace.db.session() as session:
        assert cd.customer_details(session, "no-such-id") is None


def journal_actions(workspace: Workspace, field: str) -> int:
    with workspace.db.session() as session:
        return int(
            session.scalar(
                select(func.count(func.distinct(ChangeJournal.action_id))).where(
                    ChangeJournal.field == field
                )
            )
            or 0
        )


def test_bulk_update_is_one_journalled_action(workspace: Workspace) -> None:
    ids = make_customers(workspace)
    seller = workspace.users.create(username="li", display_name="李", role="sales")
    assert cd.bulk_update(workspace.customers, [*ids, ids[0]], owner_id=seller, tier="B") == 3
    for customer_id in ids:
        customer = workspace.customers.get(customer_id)
        assert (customer.owner_id, customer.tier) == (seller, "B")
    assert journal_actions(workspace, "tier") == 1


def test_bulk_update_fails_whole(workspace: Workspace) -> None:
    ids = make_customers(workspace)
    try:
        cd.bulk_update(workspace.customers, ids, tier="Z")
    except ValidationError:
        pass
    else:  # pragma: no cover
        raise AssertionError("a bad tier was accepted")
    assert all(workspace.customers.get(i).tier is None for i in ids)


def test_bulk_delete_and_restore(workspace: Workspace) -> None:
    ids = make_customers(workspace)
    assert cd.bulk_set_deleted(workspace.customers, ids[:2], deleted=True) == 2
    assert cd.bulk_set_deleted(workspace.customers, ids[:2], deleted=True) == 0
    deleted = [workspace.customers.get(i, include_deleted=True).deleted_at for i in ids]
    assert deleted[0] is not None and deleted[1] is not None and deleted[2] is None
    assert journal_actions(workspace, "deleted_at") == 1
    assert cd.bulk_set_deleted(workspace.customers, ids[:2], deleted=False) == 2
    assert all(workspace.customers.get(i).deleted_at is None for i in ids)
