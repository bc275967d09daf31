"""Logging, planning and completing follow-ups through the dialogs, with inline messages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from crm_desktop.domain.enums import FollowUpStatus
from crm_desktop.services.followup_views import View
from crm_desktop.ui.followups.complete import CompleteDialog
from crm_desktop.ui.followups.dialog import FollowUpDialog
from crm_desktop.ui.followups.tab import FollowUpTab
from crm_desktop.ui.widgets.form import select_data
from tests.services.test_followup_views import FollowData
from tests.ui.test_followups_tab import DAY, NOW, fdata, select, show_view, tab, wait_subjects

__all__ = ["fdata", "tab"]  # fixtures


def test_validation_messages_inline(qtbot: QtBot, tab: FollowUpTab, fdata: FollowData) -> None:
    tab.new_followup()
    dialog = tab.dialog
    assert isinstance(dialog, FollowUpDialog)
    dialog.subject.setText("Intro call")
    dialog.save()
    assert dialog.error_of("customer_id") == "This field is required."
    assert dialog.isVisible()
    dialog.customer.setText("zs")  # pinyin initials, as in the customer list
    assert [c.label for c in dialog.customer.search_now()] == ["张三"]
    dialog.customer.choose(0)
    assert dialog.customer.customer_id == fdata.customers["zhang"]
    assert dialog.error_of("customer_id") == ""
    dialog.due.check.setChecked(False)
    dialog.save()
    assert dialog.error_of("due_at") == "A planned follow-up needs a due time."
    assert dialog.isVisible()
    dialog.subject.clear()
    dialog.due.check.setChecked(True)
    dialog.save()
    assert dialog.error_of("subject") != ""
    assert dialog.error_of("due_at") == ""
    dialog.subject.setText("Intro call")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert fdata.ws.followups.get(dialog.saved_id or "").subject == "Intro call"


def test_log_a_done_call_updates_last_contact(
    qtbot: QtBot, tab: FollowUpTab, fdata: FollowData
) -> None:
    changes: list[bool] = []
    tab.changed.connect(lambda: changes.append(True))
    tab.quick_log(fdata.customers["alice"])
    dialog = tab.dialog
    assert isinstance(dialog, FollowUpDialog)
    assert dialog.customer.text() == "Alice Smith"
    assert dialog.contact.count() == 1 and not dialog.contact.isEnabled()  # no contacts
    select_data(dialog.status, FollowUpStatus.DONE.value)
    select_data(dialog.channel, "phone")
    dialog.subject.setText("Quick call")
    dialog.outcome.setPlainText("Wants a quote")
    dialog.due.check.setChecked(False)
    dialog.occurred.set_value(NOW - dt.timedelta(hours=1))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert changes == [True]
    customer = fdata.ws.customers.get(fdata.customers["alice"])
    assert customer.last_contact_at == NOW - dt.timedelta(hours=1)
    show_view(qtbot, tab, View.DONE, ["Quick call", "Visit"])
    assert tab.model.row(0).last_contact_at == NOW - dt.timedelta(hours=1)  # type: ignore[union-attr]


def test_edit_keeps_values(qtbot: QtBot, tab: FollowUpTab, fdata: FollowData) -> None:
    wait_subjects(qtbot, tab, ["Morning call", "Demo"])
    tab.edit_followup(1)
    dialog = tab.dialog
    assert isinstance(dialog, FollowUpDialog)
    assert dialog.values()["remind_at"] == NOW.replace(hour=15, minute=45)
    assert dialog.values()["channel"] == "meeting"
    dialog.subject.setText("Demo, part 2")
    dialog.save()
    wait_subjects(qtbot, tab, ["Morning call", "Demo, part 2"])


def test_complete_and_schedule_next(qtbot: QtBot, tab: FollowUpTab, fdata: FollowData) -> None:
    wait_subjects(qtbot, tab, ["Morning call", "Demo"])
    qtbot.waitUntil(lambda: tab.scheduler.overdue == 2)
    counts: list[int] = []
    tab.overdue_count_changed.connect(counts.append)
    select(tab, [0])
    assert tab.complete_action.isEnabled()
    tab.complete_followup()
    dialog = tab.dialog
    assert isinstance(dialog, CompleteDialog)
    assert dialog.subject.text() == "Morning call"
    dialog.outcome.setPlainText("Interested")
    dialog.due.check.setChecked(False)
    dialog.save()
    assert dialog.error_of("due_at") == "A planned follow-up needs a due time."
    assert fdata.ws.followups.get(fdata.ids["overdue_today"]).status == "planned"
    dialog.due.set_value(NOW + 3 * DAY)
    dialog.subject.setText("Second call")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.next_id is not None
    done = fdata.ws.followups.get(fdata.ids["overdue_today"])
    assert (done.status, done.outcome) == ("done", "Interested")
    wait_subjects(qtbot, tab, ["Demo"])
    qtbot.waitUntil(lambda: counts == [1])
    assert tab.title() == "&Follow-ups (1)"
    customer = fdata.ws.customers.get(fdata.customers["zhang"])
    assert customer.last_contact_at == NOW
    assert customer.next_followup_at == NOW - 2 * DAY  # "Call back" is still planned
    show_view(qtbot, tab, View.UPCOMING, ["Demo", "Send offer", "Second call"])
