"""Closing the window interrupts background reads instead of waiting for them to finish."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from crm_desktop.services import running_reads
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.tasks import Progress, run_task, wait_for_tasks
from tests.services.test_running_reads import endless_read


def test_closing_interrupts_a_read_that_would_never_end(
    window: MainWindow, sample: Workspace, qtbot: QtBot
) -> None:
    started = threading.Event()
    outcome: list[BaseException | None] = []

    def work(_progress: Progress) -> None:
        outcome.append(endless_read(sample, started))

    run_task(work, lambda _result: None)
    qtbot.waitUntil(started.is_set, timeout=60_000)
    window.close()
    wait_for_tasks()  # would wait for ever without the interruption
    assert outcome and outcome[0] is not None and running_reads.was_interrupted(outcome[0])
    assert running_reads.running(sample.db) == 0
