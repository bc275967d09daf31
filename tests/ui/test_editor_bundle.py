"""The full customer editor: contacts, custom fields and tags saved together; inline errors."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm_desktop.db.models import ChangeJournal, Contact, Customer
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.customers.editor import CONTACTS, CustomerEditor, OptionalDateEdit


@pytest.fixture
def fields(workspace: Workspace) -> dict[str, str]:
    cf = workspace.custom_fields
    return {
        "budget": cf.create(name="Budget", field_type="number"),
        "since": cf.create(name="Customer since", field_type="date"),
        "size": cf.create(name="Size", field_type="choice", choices=["S", "M", "L"]),
        "wechat": cf.create(name="WeChat group", field_type="text"),
        "vip": workspace.tags.create(name="VIP"),
        "expo": workspace.tags.create(name="展会2026"),
    }


def make_editor(qtbot: QtBot, ws: Workspace, customer_id: str | None = None) -> CustomerEditor:
    owners = [(u.id, u.display_name) for u in ws.users.list()]
    editor = CustomerEditor(ws.customers, owners, customer_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def click_save(qtbot: QtBot, editor: CustomerEditor) -> None:
    button = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def counts(ws: Workspace) -> tuple[int, int, int]:
    with ws.db.session() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Customer, Contact, ChangeJournal)
        )


def test_create_with_contacts_custom_fields_and_tags(
    qtbot: QtBot, workspace: Workspace, fields: dict[str, str]
) -> None:
    ws = workspace
    editor = make_editor(qtbot, ws)
    editor.edits["name"].setText("深圳华强电子")
    editor.edits["company"].setText("华强集团")
    editor.birthday.setDate(QDate(1990, 3, 4))
    first = editor.contacts.add_contact(name="王经理", title="采购", phone="138 0013 8000")
    editor.contacts.add_contact(name="Li Na", email="LI.NA@Example.com")
    editor.contacts.set_primary(first)
    budget = editor.custom.inputs[fields["budget"]]
    assert isinstance(budget, QLineEdit)
    qtbot.keyClicks(budget, "12a5.50")  # the letter is refused by the validator
    assert budget.text() == "125.50"
    since = editor.custom.inputs[fields["since"]]
    assert isinstance(since, OptionalDateEdit)
    since.set_value(date(2020, 1, 2))
    size = editor.custom.inputs[fields["size"]]
    assert isinstance(size, QComboBox)
    size.setCurrentIndex(size.findData("M"))
    editor.tag_picker.set_checked([fields["expo"]])
    editor.tag_picker.new_tag.setText("重点客户")
    editor.tag_picker.add_new()
    click_save(qtbot, editor)
    assert not editor.isVisible()
    customer_id = editor.saved_id
    assert customer_id is not None
    customer = ws.customers.get(customer_id)
    assert (customer.name, customer.birthday) == ("深圳华强电子", date(1990, 3, 4))
    contacts = ws.contacts.for_customer(customer_id)
    assert [(c.name, c.is_primary) for c in contacts] == [("王经理", True), ("Li Na", False)]
    assert contacts[0].phone_normalized == "+8613800138000"
    assert contacts[1].email == "li.na@example.com"
    assert ws.customers.custom_values(customer_id) == {
        fields["budget"]: "125.50",
        fields["since"]: "2020-01-02",
        fields["size"]: "M",
    }
    names = {t.id: t.name for t in ws.tags.list()}
    with ws.db.session() as s:
        assert sorted(names[t] for t in ws.customers.tag_ids(s, customer_id)) == [
            "展会2026",
            "重点客户",
        ]


def test_edit_loads_everything_and_clears_birthday(
    qtbot: QtBot, workspace: Workspace, fields: dict[str, str]
) -> None:
    ws = workspace
    cid = ws.customers.create(name="Acme", birthday=date(1980, 1, 1))
    old = ws.contacts.create(customer_id=cid, name="Bob", is_primary=True)
    gone = ws.contacts.create(customer_id=cid, name="Gone")
    ws.customers.set_custom_values(cid, {fields["wechat"]: "acme-group", fields["size"]: "L"})
    ws.customers.set_tags(cid, [fields["vip"]])
    editor = make_editor(qtbot, ws, cid)
    assert editor.birthday.value() == date(1980, 1, 1)
    assert [r.values["name"] for r in editor.contacts.rows()] == ["Bob", "Gone"]
    wechat = editor.custom.inputs[fields["wechat"]]
    assert isinstance(wechat, QLineEdit)
    assert wechat.text() == "acme-group"
    assert editor.tag_picker.checked() == ([fields["vip"]], [])
    assert "(2)" in editor.tabs.tabText(CONTACTS)

    editor.birthday.set_value(None)
    editor.contacts.set_value(0, "title", "CEO")
    editor.contacts.remove_row(1)
    new = editor.contacts.add_contact(name="Carol", phone="+1 212 555 0100")
    editor.contacts.set_primary(new)
    wechat.clear()
    editor.tag_picker.set_checked([fields["expo"]])
    click_save(qtbot, editor)
    assert not editor.isVisible()
    assert ws.customers.get(cid).birthday is None
    contacts = {c.name: c for c in ws.contacts.for_customer(cid)}
    assert set(contacts) == {"Bob", "Carol"}
    assert contacts["Bob"].id == old and contacts["Bob"].title == "CEO"
    assert contacts["Carol"].is_primary and not contacts["Bob"].is_primary
    assert ws.contacts.get(gone, include_deleted=True).deleted_at is not None
    assert ws.customers.custom_values(cid)[fields["wechat"]] is None
    with ws.db.session() as s:
        assert ws.customers.tag_ids(s, cid) == [fields["expo"]]


def test_bad_contact_phone_is_flagged_beside_the_row_and_nothing_is_saved(
    qtbot: QtBot, workspace: Workspace, fields: dict[str, str]
) -> None:
    ws = workspace
    before = counts(ws)
    editor = make_editor(qtbot, ws)
    editor.edits["name"].setText("Bad Contact Ltd")
    editor.contacts.add_contact(name="Good", phone="13800138000")
    editor.contacts.add_contact(name="Bad", phone="12ab")
    editor.contacts.add_contact(name="", email="x@example.com")
    editor.tag_picker.set_checked([fields["vip"]])
    click_save(qtbot, editor)
    assert editor.isVisible()
    assert editor.tabs.currentIndex() == CONTACTS
    error = editor.contacts.error
    assert error.isVisible()
    assert "Contact 2 (Bad)" in error.text()
    assert "“12ab” is not a valid phone number." in error.text()
    assert "Contact 3: This field is required." in error.text()
    bad_cell = editor.contacts.table.item(1, 2)
    assert bad_cell is not None
    assert "not a valid phone number" in bad_cell.toolTip()
    assert counts(ws) == before  # nothing written, not even the customer
    assert editor.edits["name"].text() == "Bad Contact Ltd"  # the input is kept
    assert [r.values["name"] for r in editor.contacts.rows()] == ["Good", "Bad", ""]

    editor.contacts.set_value(1, "phone", "139 1234 5678")
    editor.contacts.set_value(2, "name", "Someone")
    click_save(qtbot, editor)
    assert not editor.isVisible()
    assert editor.saved_id is not None
    assert len(ws.contacts.for_customer(editor.saved_id)) == 3


def test_bad_custom_number_and_customer_email_are_flagged_inline(
    qtbot: QtBot, workspace: Workspace, fields: dict[str, str]
) -> None:
    ws = workspace
    before = counts(ws)
    editor = make_editor(qtbot, ws)
    editor.edits["name"].setText("Inline")
    editor.edits["email"].setText("not-an-email")
    budget = editor.custom.inputs[fields["budget"]]
    assert isinstance(budget, QLineEdit)
    budget.setText("-")  # accepted while typing, but not a number
    click_save(qtbot, editor)
    assert editor.isVisible()
    assert "not a valid e-mail address" in editor.boxes["email"].error.text()
    assert "is not a number" in editor.custom.boxes[f"custom:{fields['budget']}"].error.text()
    assert counts(ws) == before
