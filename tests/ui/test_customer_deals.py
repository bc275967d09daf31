"""The customer detail panel's opportunities: listed, opened by double-click, new ones prefilled."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from crm_desktop.ui.customers.deals import AMOUNT, CLOSE, STAGE, TITLE
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.opportunities.editor import OpportunityEditor
from tests.ui.customers_data import Data, column, data, main, wait_loaded

__all__ = ["data", "main"]  # fixtures


def show(main: MainWindow, qtbot: QtBot, name: str) -> None:
    tab = main.customers
    wait_loaded(qtbot, tab.model)
    row = column(tab.model, "name").index(name)
    with qtbot.waitSignal(tab.detail.loaded, timeout=5000):
        tab.table.setCurrentIndex(tab.model.index(row, 0))


def rows(main: MainWindow) -> list[list[str]]:
    tree = main.customers.detail.deals.tree
    return [
        [tree.topLevelItem(n).text(c) for c in (TITLE, STAGE, AMOUNT, CLOSE)]
        for n in range(tree.topLevelItemCount())
    ]


def test_lists_the_customers_opportunities(main: MainWindow, data: Data, qtbot: QtBot) -> None:
    ws = data.workspace
    alice = data.ids["Alice Smith"]
    stages = ws.stages.list()
    won = next(s for s in stages if s.kind == "won")
    ws.opportunities.create(
        title="Support contract", customer_id=alice, stage_id=stages[1].id, amount="20000",
        currency="USD", expected_close=dt.date(2025, 6, 30),
    )  # fmt: skip
    ws.opportunities.create(title="Pilot", customer_id=alice, stage_id=won.id, amount="5")
    ws.opportunities.create(
        title="Other customer's deal", customer_id=data.ids["李四"], stage_id=stages[0].id
    )
    show(main, qtbot, "Alice Smith")
    deals = main.customers.detail.deals
    assert deals.title.text() == "Opportunities (3)"
    listed = rows(main)
    # open deals first, the one closing soonest on top; closed ones last, with their outcome
    assert [r[0] for r in listed] == ["Support contract", "ERP rollout", "Pilot"]
    assert listed[0][1] == stages[1].name
    assert listed[0][2] == f"{QLocale().toString(20000.0, 'f', 2)} USD"
    assert listed[0][3] != ""  # the expected close date, in the locale's format
    assert listed[1][2:] == [f"{QLocale().toString(99.0, 'f', 2)} CNY", ""]
    assert listed[2][1] == f"{won.name} (Won)"
    assert deals.new_button.isEnabled()

    show(main, qtbot, "张三")
    assert rows(main) == []
    assert deals.title.text() == "Opportunities"


def test_new_opportunity_is_prefilled_and_listed_after_saving(
    main: MainWindow, data: Data, qtbot: QtBot
) -> None:
    zhang = data.ids["张三"]
    show(main, qtbot, "张三")
    deals = main.customers.detail.deals
    qtbot.mouseClick(deals.new_button, Qt.MouseButton.LeftButton)
    editors = main.findChildren(OpportunityEditor)
    assert len(editors) == 1
    editor = editors[0]
    assert editor.isVisible() and editor.opportunity_id is None
    assert editor.customer.customer_id() == zhang
    assert editor.customer.choice.currentText() == "张三"
    editor.title.setText("MES 升级")
    editor.amount.setText(QLocale().toString(88000.5, "f", 2))
    stage = editor.stage.currentText()
    with qtbot.waitSignal(main.customers.detail.loaded, timeout=5000):
        assert editor.save()
    deal_id = str(editor.opportunity_id)
    amount = f"{QLocale().toString(88000.5, 'f', 2)} CNY"
    assert rows(main)[0][:3] == ["MES 升级", stage, amount]
    assert deals.deal_ids()[0] == deal_id
    saved = data.workspace.opportunities.get(deal_id)
    assert (saved.customer_id, saved.amount_minor) == (zhang, 8_800_050)


def test_double_click_opens_the_deal(main: MainWindow, data: Data, qtbot: QtBot) -> None:
    show(main, qtbot, "Alice Smith")
    tree = main.customers.detail.deals.tree
    item = tree.topLevelItem(0)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not main.findChildren(OpportunityEditor)  # a single click only selects
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editors = main.findChildren(OpportunityEditor)
    assert len(editors) == 1
    editor = editors[0]
    assert editor.opportunity_id == main.customers.detail.deals.deal_ids()[0]
    assert editor.title.text() == "ERP rollout"
    assert editor.customer.customer_id() == data.ids["Alice Smith"]
    editor.reject()


def test_customer_in_the_trash_cannot_get_new_deals(
    main: MainWindow, data: Data, qtbot: QtBot
) -> None:
    data.workspace.customers.delete(data.ids["Alice Smith"])
    main.customers.show_trash()
    show(main, qtbot, "Alice Smith")
    assert [r[0] for r in rows(main)] == ["ERP rollout"]
    assert not main.customers.detail.deals.new_button.isEnabled()
