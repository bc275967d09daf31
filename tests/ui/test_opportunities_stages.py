"""The stages dialog: reorder, rename, triggers, and delete with reassignment."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crm_desktop.db.models import Stage
from crm_desktop.services.stage_settings import StageSettings
from crm_desktop.services.stage_triggers import read_triggers
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.opportunities.stages_dialog import StagesDialog


def test_reorder_rename_delete_with_reassignment(qtbot: QtBot, workspace: Workspace) -> None:
    settings = StageSettings(workspace.stages)
    dialog = StagesDialog(settings)
    qtbot.addWidget(dialog)
    before = dialog.ids()
    dialog.list.setCurrentRow(0)
    dialog.move_current(1)
    assert [s.id for s in settings.list()] == [before[1], before[0], *before[2:]]
    dialog.list.setCurrentRow(1)
    dialog.name.setText("Qualify")
    dialog.probability.setValue(15)
    dialog.trigger.setChecked(True)
    dialog.trigger_subject.setText("Intro call")
    dialog.apply_current()
    stage = next(s for s in settings.list() if s.id == before[0])
    assert (stage.name, stage.default_probability) == ("Qualify", 15)
    with workspace.db.session() as session:
        assert read_triggers(session)[before[0]].subject == "Intro call"
    customer = workspace.customers.create(name="Acme")
    deal = workspace.opportunities.create(title="D", customer_id=customer, stage_id=before[0])
    asked: list[int] = []

    def choose(stage: Stage, held: int, others: list[Stage]) -> str:
        asked.append(held)
        return before[2]

    dialog.choose_target = choose
    dialog.list.setCurrentRow(1)
    dialog.delete_current()
    assert asked == [1]
    assert before[0] not in dialog.ids()
    assert workspace.opportunities.get(deal).stage_id == before[2]
    dialog.add_stage()
    assert len(dialog.ids()) == len(before)
