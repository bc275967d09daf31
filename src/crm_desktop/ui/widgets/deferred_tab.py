"""A tab page whose real widget is built the first time it is shown (or asked for).

The window opens with only the current tab built, so start-up does not pay for the pages the
user has not looked at yet (their models, their first queries).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class DeferredTab(QWidget, Generic[W]):
    def __init__(self, build: Callable[[QWidget], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._widget: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._widget is not None

    def widget(self) -> W:
        """The page's widget, built now if it was not yet."""
        if self._widget is None:
            self._widget = self._build(self)
            self._layout.addWidget(self._widget)
            self._widget.show()  # shown with this page (a child added late starts hidden)
        return self._widget

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.widget()
        super().showEvent(event)
