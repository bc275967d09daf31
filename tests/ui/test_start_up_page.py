"""The start-up page takes typing while the program loads, and the window searches it."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from crm_desktop.db.keyed_file import open_keyed
from crm_desktop.services.first_page import read_first_page
from crm_desktop.ui.customers.first_page import FirstPageWindow
from crm_desktop.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.customers_data import Data, data, main, names_after

__all__ = ["data", "main"]  # fixtures


def test_typing_on_the_start_up_page_is_searched_by_the_window(
    qtbot: QtBot, data: Data, main: MainWindow, settings: QSettings
) -> None:
    keyed = open_keyed(data.workspace.path, PASSPHRASE)
    try:
        page = read_first_page(keyed.connection)
    finally:
        keyed.connection.close()
    preview = FirstPageWindow(settings, data.workspace.path.name, page)
    qtbot.addWidget(preview)
    preview.show()
    assert preview.search.isEnabled()
    preview.search.setFocus()
    qtbot.keyClicks(preview.search, "lisi")  # typed before the window has loaded
    assert preview.search.text() == "lisi"

    preview.hand_over_search(main.search)
    assert main.search.text() == "lisi"
    assert main.search.cursorPosition() == len("lisi")
    names_after(qtbot, main.customers, ["李四"])
