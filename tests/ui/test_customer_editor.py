"""Creating and editing customers through the editor dialog, and inline validation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from crm_desktop.db.models import Customer
from crm_desktop.services.search import search_customer_ids
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.customers import columns as cc
from crm_desktop.ui.customers.editor import CustomerEditor
from crm_desktop.ui.main_window import MainWindow


def click_save(qtbot: QtBot, editor: CustomerEditor) -> None:
    button = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def names_in(window: MainWindow) -> list[str]:
    model = window.customers.model
    return [model.data(model.index(r, cc.NAME)) for r in range(model.rowCount())]


def stored(workspace: Workspace, search: str) -> list[Customer]:
    """The stored customers that match ``search``."""
    with workspace.db.session() as session:
        ids = search_customer_ids(session, search)
    return [workspace.customers.get(i) for i in ids]


def test_create_a_customer(window: MainWindow, sample: Workspace, qtbot: QtBot) -> None:
    window.new_customer_action.trigger()
    editor = window.customers.editor
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    editor.edits["name"].insert("王五")
    editor.edits["company"].insert("深圳创新科技有限公司")
    qtbot.keyClicks(editor.edits["phone"], "138 0013 8001")
    editor.tier.setCurrentIndex(editor.tier.findData("VIP"))
    click_save(qtbot, editor)
    assert not editor.isVisible()
    qtbot.waitUntil(lambda: "王五" in names_in(window))
    rows = stored(sample, "王五")
    assert len(rows) == 1
    assert rows[0].company == "深圳创新科技有限公司"
    assert rows[0].tier == "VIP"
    qtbot.waitUntil(lambda: "4 customers" in window.counts_label.text())


def test_edit_a_customer(window: MainWindow, sample: Workspace, qtbot: QtBot) -> None:
    customer_id = stored(sample, "Alice")[0].id
    editor = window.customers.edit_customer(str(customer_id))
    assert editor is not None
    assert editor.edits["company"].text() == "Acme Corp"
    assert editor.status.currentData() == "active"
    editor.edits["name"].setText("Alice Chen")
    editor.edits["city"].setText("杭州")
    click_save(qtbot, editor)
    qtbot.waitUntil(lambda: "Alice Chen" in names_in(window))
    customer = sample.customers.get(str(customer_id))
    assert (customer.name, customer.city, customer.company) == ("Alice Chen", "杭州", "Acme Corp")


def test_bad_phone_is_flagged_inline_and_nothing_is_saved(
    window: MainWindow, sample: Workspace, qtbot: QtBot
) -> None:
    editor = window.customers.new_customer()
    qtbot.waitUntil(editor.isVisible)
    editor.edits["name"].setText("Bad Phone Ltd")
    editor.edits["phone"].setText("not a phone")
    click_save(qtbot, editor)
    assert editor.isVisible()
    phone_error = editor.boxes["phone"].error
    assert phone_error.isVisible()
    assert "not a valid phone number" in phone_error.text()
    assert not editor.boxes["name"].error.isVisible()
    assert editor.edits["name"].text() == "Bad Phone Ltd"  # the input is kept
    assert stored(sample, "Bad Phone") == []
    editor.edits["phone"].setText("+1 212 555 0100")
    click_save(qtbot, editor)
    assert not editor.isVisible()
    assert len(stored(sample, "Bad Phone")) == 1


def test_missing_name_is_flagged(window: MainWindow, qtbot: QtBot) -> None:
    editor = window.customers.new_customer()
    qtbot.waitUntil(editor.isVisible)
    click_save(qtbot, editor)
    assert editor.isVisible()
    assert editor.boxes["name"].error.text() == "This field is required."
    editor.reject()
