"""Window geometry, column layout and the last tab survive a restart."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.customers import columns as cc
from crm_desktop.ui.main_window import DEFAULT_SIZE, OPPORTUNITIES_TAB, MainWindow
from crm_desktop.ui.tasks import wait_for_tasks


def open_window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    window = MainWindow(workspace, QSettings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_layout_persists_across_two_windows(qtbot: QtBot, sample: Workspace) -> None:
    first = open_window(qtbot, sample)
    assert (first.width(), first.height()) == DEFAULT_SIZE
    first.resize(760, 480)  # within the offscreen screen (800 x 600), above the minimum
    first.tabs.setCurrentIndex(OPPORTUNITIES_TAB)
    header = first.customers.table.horizontalHeader()
    header.resizeSection(cc.COMPANY, 333)
    header.moveSection(header.visualIndex(cc.CITY), 0)
    first.close()
    wait_for_tasks()

    second = open_window(qtbot, sample)
    assert (second.width(), second.height()) == (760, 480)
    assert second.tabs.currentIndex() == OPPORTUNITIES_TAB
    header = second.customers.table.horizontalHeader()
    assert header.sectionSize(cc.COMPANY) == 333
    assert header.visualIndex(cc.CITY) == 0
    qtbot.waitUntil(lambda: second.customers.model.rowCount() == 3)
    second.close()
