"""The editor warns about possible duplicates while a new customer is typed."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.customers.editor import CustomerEditor


def test_duplicate_warning_while_typing_a_known_phone(qtbot: QtBot, sample: Workspace) -> None:
    editor = CustomerEditor(sample.customers, [])
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.duplicates.isVisible()
    qtbot.keyClicks(editor.edits["phone"], "138 0013 8000")
    qtbot.waitUntil(editor.duplicates.isVisible)
    assert [c.reason for c in editor.duplicates.candidates] == ["phone"]
    texts = [
        label.text() for label in editor.duplicates.findChildren(type(editor.duplicates.title))
    ]
    assert any("Same phone number as 张三 (北京科技有限公司)" in t for t in texts)

    editor.edits["phone"].clear()
    qtbot.keyClicks(editor.edits["phone"], "139")  # no longer a match: the strip goes away
    qtbot.waitUntil(lambda: not editor.duplicates.isVisible())

    editor.edits["phone"].clear()
    qtbot.keyClicks(editor.edits["phone"], "+86 13800138000")
    qtbot.waitUntil(editor.duplicates.isVisible)
    existing = editor.duplicates.candidates[0].customer_id
    button = editor.duplicates.findChildren(QPushButton)[0]
    button.click()  # open the existing customer instead
    assert editor.customer_id == existing
    assert editor.windowTitle() == "Edit customer"
    assert editor.edits["name"].text() == "张三"
    assert not editor.duplicates.isVisible()


def test_same_name_and_company(qtbot: QtBot, sample: Workspace) -> None:
    editor = CustomerEditor(sample.customers, [])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.edits["name"], "Alice Smith")
    qtbot.keyClicks(editor.edits["company"], "acme corp")
    qtbot.waitUntil(editor.duplicates.isVisible)
    assert [c.reason for c in editor.duplicates.candidates] == ["name"]


def test_no_warning_when_editing(qtbot: QtBot, sample: Workspace) -> None:
    alice = sample.customers.create(name="Twin", phone="13800138000")
    editor = CustomerEditor(sample.customers, [], alice)
    qtbot.addWidget(editor)
    editor.show()
    with qtbot.assertNotEmitted(editor.duplicates.open_requested, wait=0):
        qtbot.keyClicks(editor.edits["name"], "x")
    assert not editor.duplicates.isVisible()
