"""The Customers tab on a real encrypted file: search, filters, views, trash, bulk, details."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot

from crm_desktop.ui.main_window import CUSTOMERS_TAB, FOLLOWUPS_TAB, MainWindow
from crm_desktop.ui.tasks import wait_for_tasks
from tests.ui.customers_data import Data, column, data, main, names_after, wait_loaded

__all__ = ["data", "main"]  # fixtures
ALL = ["Alice Smith", "李四", "张三"]  # names sort by pinyin: li before zhang


def type_search(main: MainWindow, text: str) -> None:
    main.search.clear()
    main.search.insert(text)  # typed text (QTest can only type ASCII)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("alice", ["Alice Smith"]),
        ("acme", ["Alice Smith"]),
        ("张", ["张三"]),
        ("上海贸易", ["李四"]),
        ("zs", ["张三"]),
        ("zhangsan", ["张三"]),
        ("138 0013", ["张三"]),
        ("555 0100", ["Alice Smith"]),
        ("nobody-matches", []),
    ],
)
def test_search_as_you_type(main: MainWindow, qtbot: QtBot, text: str, expected: list[str]) -> None:
    main.tabs.setCurrentIndex(FOLLOWUPS_TAB)
    qtbot.keyClick(main, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert main.search.hasFocus()
    type_search(main, text)
    names_after(qtbot, main.customers, expected)
    assert main.tabs.currentIndex() == CUSTOMERS_TAB
    count = main.customers.count_label.text()
    assert count == ("1 customer" if len(expected) == 1 else f"{len(expected)} customers")
    main.search.clear()
    names_after(qtbot, main.customers, ALL)


def test_typing_fast_only_shows_the_last_text(main: MainWindow, qtbot: QtBot) -> None:
    for text in ("l", "li", "lis", "lisi"):
        main.search.setText(text)
    names_after(qtbot, main.customers, ["李四"])


def test_each_filter(main: MainWindow, data: Data, qtbot: QtBot) -> None:
    tab = main.customers
    panel = tab.filters
    qtbot.waitUntil(lambda: panel.lists["cities"].list.count() == 3)
    checks: list[tuple[str, tuple[str, ...], list[str]]] = [
        ("regions", ("北京市", "上海市"), ["李四", "张三"]),
        ("cities", ("San Francisco",), ["Alice Smith"]),
        ("industries", ("贸易",), ["李四"]),
        ("tiers", ("A",), ["张三"]),
        ("statuses", ("lead", "prospect"), ["Alice Smith", "李四"]),
        ("sources", ("referral",), ["张三"]),
        ("tag_ids", (data.vip_tag,), ["张三"]),
        ("owner_ids", (data.seller,), ["Alice Smith"]),
    ]
    for name, values, expected in checks:
        panel.lists[name].set_selected(values)
        panel.lists[name].changed.emit()
        names_after(qtbot, tab, expected)
        panel.clear()
        names_after(qtbot, tab, ALL)

    panel.no_contact_days.setValue(30)  # 李四 was visited the day before "now"
    names_after(qtbot, tab, ["Alice Smith", "张三"])
    panel.clear()
    panel.open_opportunity.setCurrentIndex(1)  # yes
    names_after(qtbot, tab, ["Alice Smith"])
    panel.open_opportunity.setCurrentIndex(2)  # no
    names_after(qtbot, tab, ["李四", "张三"])
    panel.clear()
    panel.created_from.setDate(QDate(2025, 2, 1))
    names_after(qtbot, tab, ["Alice Smith", "李四"])
    panel.created_from.setDate(QDate(2025, 1, 1))
    panel.created_to.setDate(QDate(2025, 1, 31))
    names_after(qtbot, tab, ["张三"])
    panel.clear()
    panel.lists["cities"].set_selected(("北京", "上海"))  # filters combine
    panel.lists["tiers"].set_selected(("C",))
    panel.lists["tiers"].changed.emit()
    names_after(qtbot, tab, ["李四"])


def test_multi_select_button_text_and_search(main: MainWindow, qtbot: QtBot) -> None:
    button = main.customers.filters.lists["cities"]
    qtbot.waitUntil(lambda: button.list.count() == 3)
    assert button.text() == "Any"
    button.set_selected(("北京", "上海"))
    assert button.text() == "上海, 北京"
    button.search.setText("san")
    hidden = [button.list.item(n).isHidden() for n in range(button.list.count())]
    assert hidden.count(False) == 1


def test_saved_views_save_apply_rename_delete(main: MainWindow, qtbot: QtBot) -> None:
    tab = main.customers
    tab.filters.lists["tiers"].set_selected(("A", "B"))
    tab.filters.lists["tiers"].changed.emit()
    tab.table.sortByColumn(tab.model.column_of("name"), Qt.SortOrder.DescendingOrder)
    tab.table.set_column_visible("email", True)
    names_after(qtbot, tab, ["张三", "Alice Smith"])
    with qtbot.waitSignal(tab.views.loaded):
        tab.views.save_current("A and B tiers")
    (view,) = tab.views.saved()
    assert view.filter.tiers == ("A", "B") and view.sort_column == "name" and view.descending
    assert "email" in view.columns

    tab.show_all()
    names_after(qtbot, tab, ALL)
    tab.table.set_column_visible("email", False)
    item = tab.views.list.item(2)
    assert item.text() == "A and B tiers"
    rect = tab.views.list.visualItemRect(item)
    qtbot.mouseClick(tab.views.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    names_after(qtbot, tab, ["张三", "Alice Smith"])
    assert tab.filters.lists["tiers"].selected() == ("A", "B")
    assert "email" in tab.table.visible_keys()

    with qtbot.waitSignal(tab.views.loaded):
        tab.views.rename(view, "Best")
    assert [v.name for v in tab.views.saved()] == ["Best"]
    with qtbot.waitSignal(tab.views.loaded):
        tab.views.delete(tab.views.saved()[0])
    assert tab.views.saved() == []


def test_saved_view_with_search_text_fills_the_search_field(main: MainWindow, qtbot: QtBot) -> None:
    tab = main.customers
    type_search(main, "张")
    names_after(qtbot, tab, ["张三"])
    with qtbot.waitSignal(tab.views.loaded):
        tab.views.save_current("Zhang")
    main.search.clear()
    names_after(qtbot, tab, ALL)
    tab.apply_view(tab.views.saved()[0])
    names_after(qtbot, tab, ["张三"])
    assert main.search.text() == "张"


def select_names(main: MainWindow, qtbot: QtBot, names: list[str]) -> None:
    tab = main.customers
    wait_loaded(qtbot, tab.model)
    tab.table.clearSelection()
    for row, name in enumerate(column(tab.model, "name")):
        if name in names:
            tab.table.selectionModel().select(
                tab.model.index(row, 0),
                tab.table.selectionModel().SelectionFlag.Select
                | tab.table.selectionModel().SelectionFlag.Rows,
            )


def test_trash_and_restore(
    main: MainWindow, data: Data, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = main.customers
    asked: list[int] = []
    monkeypatch.setattr(tab.bulk, "confirm_delete", lambda n: asked.append(n) or True)
    select_names(main, qtbot, ["李四", "张三"])
    assert tab.bulk.delete_action.isEnabled()
    tab.bulk.delete_action.trigger()
    names_after(qtbot, tab, ["Alice Smith"])
    assert asked == [2]
    tab.show_trash()
    names_after(qtbot, tab, ["李四", "张三"])
    assert "In the trash: 2" in tab.count_label.text()
    assert tab.bulk.restore_action.isEnabled() is False  # nothing selected yet
    select_names(main, qtbot, ["李四"])
    assert tab.bulk.restore_action.isEnabled()
    tab.bulk.restore_action.trigger()
    names_after(qtbot, tab, ["张三"])
    tab.views.select("all")
    names_after(qtbot, tab, ["Alice Smith", "李四"])
    assert data.workspace.customers.get(data.ids["李四"]).deleted_at is None


def test_delete_asks_first(
    main: MainWindow, data: Data, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = main.customers
    monkeypatch.setattr(tab.bulk, "confirm_delete", lambda _n: False)
    select_names(main, qtbot, ["张三"])
    tab.bulk.delete()
    wait_for_tasks()
    assert data.workspace.customers.get(data.ids["张三"]).deleted_at is None


def test_bulk_owner_tier_and_tags(main: MainWindow, data: Data, qtbot: QtBot) -> None:
    tab = main.customers
    c = data.workspace.customers
    zhang, li = data.ids["张三"], data.ids["李四"]
    qtbot.waitUntil(lambda: not tab.bulk.owner_menu.isEmpty())
    select_names(main, qtbot, ["李四", "张三"])
    with qtbot.waitSignal(tab.bulk.finished):
        next(a for a in tab.bulk.owner_menu.actions() if a.text() == "李销售").trigger()
    assert c.get(zhang).owner_id == c.get(li).owner_id == data.seller

    select_names(main, qtbot, ["李四", "张三"])
    with qtbot.waitSignal(tab.bulk.finished):
        next(a for a in tab.bulk.tier_menu.actions() if a.text() == "VIP").trigger()
    assert c.get(zhang).tier == c.get(li).tier == "VIP"

    select_names(main, qtbot, ["李四", "张三"])
    with qtbot.waitSignal(tab.bulk.finished):
        next(a for a in tab.bulk.add_tag_menu.actions() if a.text() == "Newsletter").trigger()
    with data.workspace.db.session() as session:
        assert data.new_tag in c.tag_ids(session, zhang) and data.new_tag in c.tag_ids(session, li)

    select_names(main, qtbot, ["张三"])
    with qtbot.waitSignal(tab.bulk.finished) as done:
        next(a for a in tab.bulk.remove_tag_menu.actions() if a.text() == "VIP客户").trigger()
    assert done.args == ["Tag removed. Customers changed: 1"]
    with data.workspace.db.session() as session:
        assert c.tag_ids(session, zhang) == [data.new_tag]
    names_after(qtbot, tab, ALL)
    tab.model.set_visible_keys([*tab.table.visible_keys(), "tags"])
    qtbot.waitUntil(lambda: "Newsletter" in (column(tab.model, "tags")[1] or ""))


def test_select_all_then_bulk_tier(main: MainWindow, data: Data, qtbot: QtBot) -> None:
    tab = main.customers
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.model.rowids(tab.table.selected_ranges())) == 3
    with qtbot.waitSignal(tab.bulk.finished):
        tab.bulk.set_tier("C")
    assert {data.workspace.customers.get(i).tier for i in data.ids.values()} == {"C"}


def test_detail_panel_shows_fields_contacts_custom_fields_and_timeline(
    main: MainWindow, data: Data, qtbot: QtBot
) -> None:
    ws = data.workspace
    zhang = data.ids["张三"]
    ws.contacts.create(customer_id=zhang, name="王经理", title="采购", phone="13900139000")
    field_id = ws.custom_fields.create(name="合同编号", field_type="text")
    ws.customers.set_custom_values(zhang, {field_id: "HT-001"})
    ws.followups.create(
        customer_id=zhang, subject="季度回访", due_at=dt.datetime(2030, 1, 2, tzinfo=dt.UTC)
    )
    ws.customers.update(zhang, tier="VIP")
    tab = main.customers
    tab.reload()
    wait_loaded(qtbot, tab.model)
    row = column(tab.model, "name").index("张三")
    with qtbot.waitSignal(tab.detail.loaded, timeout=5000):
        tab.table.setCurrentIndex(tab.model.index(row, 0))
    text = tab.detail.text()
    for expected in (
        "张三", "北京科技有限公司", "13800138000", "北京市", "制造", "Referral", "Active",
        "boss", "VIP客户", "王经理 · 采购", "13900139000", "合同编号", "HT-001",
        "Timeline", "Phone: 季度回访 (Planned)", "Tier: A → VIP", "Created",
    ):  # fmt: skip
        assert expected in text, expected
    assert text.index("Tier: A → VIP") < text.index("Created — boss")  # newest first
    alice_row = column(tab.model, "name").index("Alice Smith")
    with qtbot.waitSignal(tab.detail.loaded, timeout=5000):
        tab.table.setCurrentIndex(tab.model.index(alice_row, 0))
    assert "Opportunity: ERP rollout" in tab.detail.text()
    assert "99.00 CNY" in tab.detail.text()


def test_column_show_hide_persists_per_user(
    qtbot: QtBot, main: MainWindow, data: Data, settings: QSettings
) -> None:
    table = main.customers.table
    assert "email" not in table.visible_keys()
    menu = table.column_menu()
    email = next(a for a in menu.actions() if a.text() == "E-mail")
    email.trigger()
    assert "email" in table.visible_keys()
    assert "email" in main.customers.model.fetch_keys()
    next(a for a in table.column_menu().actions() if a.text() == "Phone").trigger()
    header = table.horizontalHeader()
    header.moveSection(header.visualIndex(main.customers.model.column_of("email")), 0)
    expected = table.visible_keys()
    assert expected[0] == "email" and "phone" not in expected
    main.close()
    wait_for_tasks()

    second = MainWindow(data.workspace, settings)
    qtbot.addWidget(second)
    second.show()
    wait_loaded(qtbot, second.customers.model)
    assert second.customers.table.visible_keys() == expected
    assert any("@" in v or v == "" for v in column(second.customers.model, "email"))
    keys = [k for k in settings.allKeys() if k.startswith("customers/")]
    assert any(data.workspace.ctx.user_id in k for k in keys)
    second.close()


def test_custom_field_columns_can_be_shown(qtbot: QtBot, data: Data, settings: QSettings) -> None:
    ws = data.workspace
    field_id = ws.custom_fields.create(name="预算", field_type="number")
    ws.customers.set_custom_values(data.ids["李四"], {field_id: "1500.5"})
    window = MainWindow(ws, settings)
    qtbot.addWidget(window)
    window.show()
    table, model = window.customers.table, window.customers.model
    qtbot.waitUntil(lambda: model.column_of(f"custom:{field_id}") >= 0)
    action = next(a for a in table.column_menu().actions() if a.text() == "预算")
    action.trigger()
    wait_loaded(qtbot, model)
    qtbot.waitUntil(lambda: "1500.5" in column(model, f"custom:{field_id}"))
    window.close()


def test_sort_by_clicking_a_header(main: MainWindow, qtbot: QtBot) -> None:
    table = main.customers.table
    header = table.horizontalHeader()
    name = main.customers.model.column_of("name")
    pos = QPoint(header.sectionViewportPosition(name) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    names_after(qtbot, main.customers, list(reversed(ALL)))
    tier = main.customers.model.column_of("tier")
    pos = QPoint(header.sectionViewportPosition(tier) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    names_after(qtbot, main.customers, ["张三", "Alice Smith", "李四"])
    assert main.customers.model.query.sort == "tier"


def test_tags_column_cannot_be_sorted(main: MainWindow, qtbot: QtBot) -> None:
    tab = main.customers
    tab.table.set_column_visible("tags", True)
    tags = tab.model.column_of("tags")
    tab.table.horizontalHeader().setSortIndicator(tags, Qt.SortOrder.AscendingOrder)
    assert tab.model.query.sort == "name"
    assert tab.table.horizontalHeader().sortIndicatorSection() == tab.model.column_of("name")
