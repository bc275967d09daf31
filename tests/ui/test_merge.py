"""Finding duplicate groups and merging them through the dialogs: nothing is lost."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.db.models import Contact, FollowUp, Opportunity
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.customers.duplicates import DuplicatesDialog
from crm_desktop.ui.customers.merge import MergeDialog


def live_children(ws: Workspace) -> dict[str, int]:
    with ws.db.session() as s:
        return {
            m.__tablename__: int(
                s.scalar(select(func.count()).select_from(m).where(m.deleted_at.is_(None))) or 0
            )
            for m in (Contact, FollowUp, Opportunity)
        }


def test_merge_through_the_dialogs_keeps_every_child(qtbot: QtBot, sample: Workspace) -> None:
    ws = sample
    # A second record of 张三 with the same phone, its own contact, follow-up and deal.
    twin = ws.customers.create(
        name="张三 (old)", phone="+86 138 0013 8000", email="zs@example.cn", city="天津"
    )
    ws.contacts.create(customer_id=twin, name="助理", is_primary=True)
    ws.followups.create(
        customer_id=twin, subject="Old call", due_at=dt.datetime(2029, 5, 1, tzinfo=dt.UTC)
    )
    stage = ws.stages.list()[0]
    ws.opportunities.create(title="Old deal", customer_id=twin, stage_id=stage.id, amount="10")
    before = live_children(ws)

    finder = DuplicatesDialog(ws.ctx)
    qtbot.addWidget(finder)
    finder.show()
    qtbot.waitUntil(lambda: finder.tree.topLevelItemCount() == 1)
    assert "Same phone number" in finder.tree.topLevelItem(0).text(0)  # type: ignore[union-attr]
    assert finder.merge_button.isEnabled()
    dialog = finder.merge_selected()
    assert isinstance(dialog, MergeDialog)
    ids = [r.customer_id for r in dialog.records]
    assert twin in ids
    survivor = next(i for i in ids if i != twin)  # the original 张三
    dialog.set_survivor(survivor)
    assert "email" in dialog.field_groups  # only the twin has one: offered, chosen by default
    assert dialog.choices()["email"] == twin
    dialog.choose("city", twin)
    assert dialog.total_labels["followups"].text() == "<b>3</b>"
    assert dialog.total_labels["opportunities"].text() == "<b>2</b>"

    dialog.merge_button.click()
    box = dialog.confirmation
    assert box is not None
    with qtbot.wait_signal(finder.merged, timeout=5000) as merged:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert merged.args == [survivor]
    assert live_children(ws) == before
    kept = ws.customers.get(survivor)
    assert (kept.name, kept.city, kept.email) == ("张三", "天津", "zs@example.cn")
    assert ws.customers.get(twin, include_deleted=True).deleted_at is not None
    with ws.db.session() as s:
        for model in (FollowUp, Opportunity, Contact):
            owners = set(s.scalars(select(model.customer_id).where(model.deleted_at.is_(None))))
            assert twin not in owners
    qtbot.waitUntil(lambda: finder.status.text() == "No duplicates found.")


def test_merge_dialog_no_answers_nothing(qtbot: QtBot, sample: Workspace) -> None:
    ws = sample
    a = ws.customers.create(name="Same", company="Co")
    b = ws.customers.create(name="same ", company="CO")
    dialog = MergeDialog(ws.ctx, [a, b])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.field_groups == {}  # the values only differ in case and spaces
    dialog.merge_button.click()
    box = dialog.confirmation
    assert box is not None
    box.button(QMessageBox.StandardButton.No).click()
    assert dialog.isVisible()
    assert ws.customers.get(b).deleted_at is None
