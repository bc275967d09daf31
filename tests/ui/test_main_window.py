"""The main window on a real encrypted file: tabs, real rows, search, status bar."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.qtbot import QtBot

from crm_desktop.services.followup_views import View
from crm_desktop.ui.customers import columns as cc
from crm_desktop.ui.main_window import (
    CUSTOMERS_TAB,
    FOLLOWUPS_TAB,
    OPPORTUNITIES_TAB,
    REPORTS_TAB,
    MainWindow,
)
from crm_desktop.ui.opportunities import table as ot
from tests.ui.customers_data import all_loaded

BY_NAME = ["Alice Smith", "李四", "张三"]  # the list's name order: pinyin, li before zhang


def column_texts(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def customer_names(window: MainWindow, qtbot: QtBot, expected: list[str]) -> None:
    """Wait until the customer list (filled by workers) shows exactly ``expected``."""
    model = window.customers.model
    qtbot.waitUntil(lambda: all_loaded(model) and column_texts(model, cc.NAME) == expected)


def test_tables_show_the_real_rows(window: MainWindow, qtbot: QtBot) -> None:
    customers = window.customers.model
    customer_names(window, qtbot, BY_NAME)
    assert "北京科技有限公司" in column_texts(customers, cc.COMPANY)
    window.followups.view_bar.buttons[View.ALL].click()
    qtbot.waitUntil(lambda: window.followups.model.rowCount() == 2)
    opportunities = window.opportunities.table.lazy_model
    assert opportunities.rowCount() == 1
    (amount,) = column_texts(opportunities, ot.AMOUNT)
    assert "1234.50" in amount.replace(",", "") and "CNY" in amount
    assert column_texts(opportunities, ot.CUSTOMER) == ["张三"]
    assert column_texts(opportunities, ot.PROBABILITY) == ["10 %"]


def test_switching_tabs_builds_each_tab_when_first_shown(window: MainWindow) -> None:
    pages = {
        FOLLOWUPS_TAB: window._followups,
        OPPORTUNITIES_TAB: window._opportunities,
        REPORTS_TAB: window._reports,
    }
    # Start-up built neither (follow-ups are built on their own just after the first page).
    assert not window._opportunities.is_built and not window._reports.is_built
    for index, page in pages.items():
        window.tabs.setCurrentIndex(index)
        assert window.tabs.currentWidget() is page
        assert page.is_built and page.widget().isVisible()
    window.tabs.setCurrentIndex(CUSTOMERS_TAB)
    assert window.tabs.currentWidget() is window.customers


def test_clicking_a_header_sorts_in_the_database(window: MainWindow, qtbot: QtBot) -> None:
    table = window.customers.table
    table.sortByColumn(cc.NAME, Qt.SortOrder.DescendingOrder)
    customer_names(window, qtbot, list(reversed(BY_NAME)))


def test_search_filters_customers_by_name_or_company(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(FOLLOWUPS_TAB)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    window.search.insert("北京")  # typed text (QTest can only type ASCII)
    customer_names(window, qtbot, ["张三"])
    assert window.tabs.currentIndex() == CUSTOMERS_TAB
    window.search.setText("alice")
    customer_names(window, qtbot, ["Alice Smith"])
    window.search.clear()
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 3)


def test_status_bar_names_file_user_and_counts(window: MainWindow, qtbot: QtBot) -> None:
    assert window.file_label.text() == "crm.db"
    assert "boss" in window.user_label.text()
    window.refresh_counts()
    qtbot.waitUntil(lambda: "3 customers" in window.counts_label.text())
    assert "2 follow-ups" in window.counts_label.text()
    assert "1 opportunities" in window.counts_label.text()


def test_first_page_shown_is_reported(qtbot: QtBot, sample: object, settings: object) -> None:
    from PySide6.QtCore import QSettings

    from crm_desktop.services.workspace import Workspace

    assert isinstance(sample, Workspace) and isinstance(settings, QSettings)
    main = MainWindow(sample, settings)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.first_page_shown, timeout=5000):
        main.show()
    main.close()


def test_double_click_opens_the_editor(window: MainWindow, qtbot: QtBot) -> None:
    customer_names(window, qtbot, BY_NAME)
    table = window.customers.table
    rect = table.visualRect(window.customers.model.index(0, cc.NAME))
    # a real double click starts with a press, which the view needs to accept the double click
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = window.customers.editor
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    assert editor.edits["name"].text() == column_texts(window.customers.model, cc.NAME)[0]
    editor.reject()


def test_follow_ups_start_soon_after_the_first_page(window: MainWindow, qtbot: QtBot) -> None:
    """Reminders and the overdue count must run without the user opening the tab."""
    qtbot.waitUntil(lambda: window._followups.is_built, timeout=10_000)
    qtbot.waitUntil(lambda: "customers ·" in window.counts_label.text())  # totals shown too
    assert window.tabs.currentIndex() == CUSTOMERS_TAB
