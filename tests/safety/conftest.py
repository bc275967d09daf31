"""Safety tests share the GUI fixtures (offscreen Qt, isolated settings, sample files)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.safety import Safety, install_safety
from crm_desktop.ui.tasks import wait_for_tasks
from tests.ui.conftest import pytest_collection_modifyitems as _ui_markers
from tests.ui.conftest import sample, settings, window  # noqa: F401  (fixtures)


@pytest.fixture
def safe_window(
    qtbot: QtBot,
    sample: Workspace,  # noqa: F811
    settings: QSettings,  # noqa: F811
) -> Iterator[tuple[MainWindow, Safety]]:
    """The main window with its safety features, as the session builds it."""
    main = MainWindow(sample, settings)
    qtbot.addWidget(main)
    safety = install_safety(main, sample, settings)
    main.show()
    qtbot.waitExposed(main)
    # The follow-ups tab builds itself 200 ms after the first page; let it, so that no
    # read starts after the window has closed.
    qtbot.waitUntil(lambda: main._followups.is_built, timeout=10_000)
    yield main, safety
    if safety.locker.locked:
        safety.locker.unlock("correct horse battery")
    main.close()
    wait_for_tasks()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    _ui_markers(items)
    from pathlib import Path

    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(r"does not support propagateSizeHints"))
