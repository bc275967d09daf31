"""Stage settings: add, rename, reorder, probability, kind, and delete with reassignment."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from crm_desktop.db.models import ChangeJournal, StageHistory
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.stage_settings import StageSettings
from crm_desktop.services.stage_triggers import StageTrigger, read_triggers, write_triggers
from crm_desktop.services.workspace import Workspace


def test_add_rename_reorder(workspace: Workspace) -> None:
    settings = StageSettings(workspace.stages)
    new = settings.add("Demo", 30)
    settings.change(new, name="Product demo", default_probability=35)
    ids = [s.id for s in settings.list()]
    assert ids[-1] == new
    order = [new, *ids[:-1]]
    settings.reorder(order)
    stages = settings.list()
    assert [s.id for s in stages] == order
    assert (stages[0].name, stages[0].default_probability) == ("Product demo", 35)
    settings.change(new, kind="won")
    assert settings.list()[0].kind == "won"


def test_last_open_stage_is_kept(workspace: Workspace) -> None:
    settings = StageSettings(workspace.stages)
    open_ids = [s.id for s in settings.list() if s.kind == "open"]
    for stage_id in open_ids[1:]:
        settings.delete(stage_id)
    with pytest.raises(ValidationError):
        settings.delete(open_ids[0])
    with pytest.raises(ValidationError):
        settings.change(open_ids[0], kind="lost")


def test_delete_moves_deals_in_one_transaction(workspace: Workspace) -> None:
    ws = workspace
    settings = StageSettings(ws.stages)
    stages = settings.list()
    doomed, target = stages[1], stages[0]
    won = next(s for s in stages if s.kind == "won")
    customer = ws.customers.create(name="Acme")
    deals = [
        ws.opportunities.create(title=f"D{n}", customer_id=customer, stage_id=doomed.id)
        for n in range(3)
    ]
    ws.opportunities.delete(deals[2])
    with ws.db.write() as session:
        write_triggers(session, {doomed.id: StageTrigger("x")})
    assert settings.holdings(doomed.id) == 3
    with pytest.raises(ValidationError) as info:
        settings.delete(doomed.id)
    assert info.value.field == "move_to"
    assert settings.holdings(doomed.id) == 3 and doomed.id in [s.id for s in settings.list()]
    assert settings.delete(doomed.id, move_to=target.id) == 3
    assert doomed.id not in [s.id for s in settings.list()]
    for deal in deals[:2]:
        opp = ws.opportunities.get(deal)
        assert (opp.stage_id, opp.status) == (target.id, "open")
    with ws.db.session() as session:
        moved = session.scalar(
            select(func.count()).where(
                StageHistory.from_stage_id == doomed.id, StageHistory.to_stage_id == target.id
            )
        )
        journal = session.scalar(
            select(func.count()).where(
                ChangeJournal.field == "stage_id", ChangeJournal.new_value == f'"{target.id}"'
            )
        )
        assert read_triggers(session) == {}
    assert moved == 3 and journal == 3
    # deleting a stage into a won stage closes its deals
    other = settings.list()[1]
    settings.delete(other.id, move_to=won.id)
    assert ws.opportunities.get(deals[0]).status == "open"
    settings.delete(target.id, move_to=won.id)
    opp = ws.opportunities.get(deals[0])
    assert opp.status == "won" and opp.closed_at is not None
