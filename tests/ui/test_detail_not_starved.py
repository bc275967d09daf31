"""The detail panel shows a clicked customer while the shared pool is busy with long jobs
(on a million rows the status bar's counts keep both shared threads busy for seconds)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.tasks import Progress, run_task
from tests.ui.customers_data import Data, column, data, main, wait_loaded

__all__ = ["data", "main"]  # fixtures


def test_detail_loads_while_the_shared_pool_is_busy(
    main: MainWindow, data: Data, qtbot: QtBot
) -> None:
    del data
    tab = main.customers
    wait_loaded(qtbot, tab.model)
    release = threading.Event()

    def long_job(_progress: Progress) -> None:
        release.wait(30)

    pool = QThreadPool.globalInstance()
    for _ in range(pool.maxThreadCount() + 1):  # every shared thread busy, one more queued
        run_task(long_job, lambda _result: None)
    try:
        row = column(tab.model, "name").index("张三")
        with qtbot.waitSignal(tab.detail.loaded, timeout=5000):
            tab.table.setCurrentIndex(tab.model.index(row, 0))
        assert "张三" in tab.detail.text()
    finally:
        release.set()
        pool.waitForDone()
