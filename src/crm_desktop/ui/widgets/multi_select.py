"""A compact button that opens a searchable list of checkable choices (a multi-select)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

VALUE_ROLE = Qt.ItemDataRole.UserRole
SHOWN_NAMES = 2  # how many chosen names the button spells out before "+N"


class MultiSelectButton(QToolButton):
    """``changed`` is emitted when the set of checked values changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._menu = QMenu(self)
        popup = QWidget(self._menu)
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit(popup)
        self.search.setPlaceholderText(self.tr("Filter…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_items)
        self.list = QListWidget(popup)
        self.list.setMinimumSize(220, 240)
        self.list.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        holder = QWidgetAction(self._menu)
        holder.setDefaultWidget(popup)
        self._menu.addAction(holder)
        self.setMenu(self._menu)
        self._updating = False
        self._update_text()

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """``(value, label)`` pairs; values already chosen stay chosen."""
        chosen = set(self.selected())
        self._updating = True
        self.list.clear()
        for value, label in choices:
            item = QListWidgetItem(label, self.list)
            item.setData(VALUE_ROLE, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked
            )
        self._updating = False
        self._update_text()

    def selected(self) -> tuple[str, ...]:
        return tuple(
            str(item.data(VALUE_ROLE))
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_selected(self, values: Sequence[str]) -> None:
        """Check exactly ``values`` (unknown values are added, so a saved view still applies)."""
        wanted = set(values)
        known = {str(item.data(VALUE_ROLE)) for item in self._items()}
        self._updating = True
        for value in values:
            if value not in known:
                item = QListWidgetItem(value, self.list)
                item.setData(VALUE_ROLE, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        for item in self._items():
            checked = str(item.data(VALUE_ROLE)) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._updating = False
        self._update_text()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(n) for n in range(self.list.count())]

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        if not self._updating:
            self._update_text()
            self.changed.emit()

    def _filter_items(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _update_text(self) -> None:
        names = [
            item.text() for item in self._items() if item.checkState() == Qt.CheckState.Checked
        ]
        if not names:
            self.setText(self.tr("Any"))
        elif len(names) <= SHOWN_NAMES:
            self.setText(self.tr(", ").join(names))
        else:
            self.setText(
                self.tr("{names} +{more}").format(
                    names=self.tr(", ").join(names[:SHOWN_NAMES]), more=len(names) - SHOWN_NAMES
                )
            )
        self.setToolTip("\n".join(names))
