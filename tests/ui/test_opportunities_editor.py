"""The opportunity editor: amounts in two locales, inline validation, prefilled customer."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.opportunities.deps import opportunity_services
from crm_desktop.ui.opportunities.editor import OpportunityEditor
from crm_desktop.ui.opportunities.money_text import format_money, parse_amount
from crm_desktop.ui.opportunities.view import open_new_opportunity


@pytest.fixture
def locale_of() -> Iterator[None]:
    yield
    QLocale.setDefault(QLocale.c())


@pytest.mark.parametrize(
    ("name", "typed", "shown"),
    [("en_US", "1,234.50", "1,234.50"), ("de_DE", "1.234,50", "1.234,50")],
)
def test_amount_in_two_locales(
    qtbot: QtBot, workspace: Workspace, locale_of: None, name: str, typed: str, shown: str
) -> None:
    QLocale.setDefault(QLocale(name))
    customer = workspace.customers.create(name="张三")
    services = opportunity_services(workspace)
    editor = OpportunityEditor(services, customer_id=customer)
    qtbot.addWidget(editor)
    editor.title.setText("ERP")
    editor.amount.setText(typed)
    editor.currency.setCurrentText("EUR")
    assert editor.save()
    assert editor.opportunity_id is not None
    opp = workspace.opportunities.get(editor.opportunity_id)
    assert (opp.amount_minor, opp.currency, opp.probability) == (123450, "EUR", None)
    again = OpportunityEditor(services, editor.opportunity_id)
    qtbot.addWidget(again)
    assert again.amount.text() == shown
    assert again.customer.customer_id() == customer
    assert parse_amount(typed, QLocale(name)) == Decimal("1234.50")
    assert shown in format_money(Decimal("1234.5"), "EUR", QLocale(name))


def test_inline_validation(qtbot: QtBot, workspace: Workspace) -> None:
    services = opportunity_services(workspace)
    editor = OpportunityEditor(services)
    qtbot.addWidget(editor)
    editor.title.setText("Deal")
    assert not editor.save()
    assert editor.boxes["customer_id"].error.text() == "Choose a customer."
    editor.customer.search.setText("李")
    workspace.customers.create(name="李四")
    editor.customer.find_customers("李四")
    assert editor.customer.customer_id() is not None
    editor.amount.setText("12,3x")
    assert not editor.save()
    assert "is not an amount" in editor.boxes["amount"].error.text()
    editor.amount.setText("12.345")
    assert not editor.save()
    assert "at most 2 decimals" in editor.boxes["amount"].error.text()
    editor.amount.setText("12")
    editor.expected_close.setText("31/02/2030")
    assert not editor.save()
    assert "is not a date" in editor.boxes["expected_close"].error.text()
    editor.expected_close.setText("2030-02-28")
    editor.use_default.setChecked(False)
    editor.probability.setValue(55)
    assert editor.save()
    opp = workspace.opportunities.get(str(editor.opportunity_id))
    assert (opp.probability, opp.expected_close.isoformat() if opp.expected_close else "") == (
        55, "2030-02-28",
    )  # fmt: skip


def test_probability_defaults_from_stage(qtbot: QtBot, workspace: Workspace) -> None:
    customer = workspace.customers.create(name="Acme")
    editor = open_new_opportunity(opportunity_services(workspace), customer)
    qtbot.addWidget(editor)
    stages = workspace.stages.list()
    editor.stage.setCurrentIndex(2)
    assert editor.probability.value() == stages[2].default_probability
    assert not editor.probability.isEnabled()
    assert editor.customer.customer_id() == customer
    editor.close()
