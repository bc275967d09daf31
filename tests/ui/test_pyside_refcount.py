"""Guards against a PySide6 release that frees ``None`` (6.12.0 on Python 3.11 does).

Each call of a Qt method returning nothing lost one reference to ``None`` there, and the
interpreter aborted after a few thousand calls ("none_dealloc"). Python 3.12 made ``None``
immortal, so the check only means something on 3.11.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("y")
        label.update()
    assert abs(sys.getrefcount(None) - before) < 50
