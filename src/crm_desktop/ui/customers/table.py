"""The customer table view: header menu to show/hide columns, drag to reorder, per-user layout.

The layout is stored as JSON (visible column keys in screen order, and widths) rather than
as ``QHeaderView.saveState``, so it survives custom fields being added or removed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPaintEvent
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from crm_desktop.services.customer_list import is_sortable
from crm_desktop.services.list_columns import DEFAULT_COLUMNS
from crm_desktop.ui.customers.model import ID_ROLE, CustomerListModel
from crm_desktop.ui.customers.table_look import stored_layout, style_table


class CustomerTable(QTableView):
    """``sort_requested(key, descending)`` on a header click; ``columns_changed`` lists the
    visible keys in screen order; ``activated_id`` names a double-clicked customer."""

    sort_requested = Signal(str, bool)
    columns_changed = Signal(list)
    activated_id = Signal(str)

    def __init__(
        self,
        model: CustomerListModel,
        settings: QSettings,
        settings_key: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._settings_key = settings_key
        self._model = model
        self.setModel(model)
        style_table(self)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionMoved.connect(self._emit_columns)
        self._sort = (model.query.sort, model.query.descending)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.doubleClicked.connect(self._on_double_click)
        self.restore_layout()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._model.awaiting_paint:  # a new query's first rows are on screen now
            QTimer.singleShot(0, self._model, self._model.first_rows_painted)

    # --- columns ---------------------------------------------------------------------------

    def visible_keys(self) -> list[str]:
        """The visible columns' keys, in screen order."""
        header = self.horizontalHeader()
        columns = self._model.columns
        logical = [header.logicalIndex(visual) for visual in range(header.count())]
        return [columns[n].key for n in logical if not header.isSectionHidden(n)]

    def apply_layout(self, keys: Sequence[str], widths: dict[str, int] | None = None) -> None:
        """Show exactly ``keys`` in this order (unknown keys are skipped)."""
        header = self.horizontalHeader()
        known = [k for k in keys if self._model.column_of(k) >= 0] or list(DEFAULT_COLUMNS)
        header.blockSignals(True)
        try:
            for visual, key in enumerate(known):
                logical = self._model.column_of(key)
                header.moveSection(header.visualIndex(logical), visual)
            for logical, column in enumerate(self._model.columns):
                header.setSectionHidden(logical, column.key not in known)
                width = (widths or {}).get(column.key, column.width)
                header.resizeSection(logical, max(30, int(width)))
        finally:
            header.blockSignals(False)
        self._emit_columns()

    def set_column_visible(self, key: str, visible: bool) -> None:
        logical = self._model.column_of(key)
        if logical < 0 or (not visible and len(self.visible_keys()) <= 1):
            return
        self.horizontalHeader().setSectionHidden(logical, not visible)
        self._emit_columns()
        self.save_layout()

    def layout_state(self) -> dict[str, object]:
        header = self.horizontalHeader()
        widths = {c.key: header.sectionSize(n) for n, c in enumerate(self._model.columns)}
        return {"columns": self.visible_keys(), "widths": widths}

    def save_layout(self) -> None:
        self._settings.setValue(self._settings_key, json.dumps(self.layout_state()))

    def restore_layout(self) -> None:
        """Apply the stored layout (again after custom field columns arrived)."""
        self.apply_layout(*stored_layout(self._settings, self._settings_key))

    def _emit_columns(self) -> None:
        self.columns_changed.emit(self.visible_keys())

    def _header_menu(self, pos: QPoint) -> None:
        self.column_menu().popup(self.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """Checkable entries for every column, built-in and custom."""
        menu = QMenu(self)
        visible = set(self.visible_keys())
        for column in self._model.columns:
            action = QAction(column.header(), menu)
            action.setCheckable(True)
            action.setChecked(column.key in visible)
            action.toggled.connect(
                lambda checked, key=column.key: self.set_column_visible(key, checked)
            )
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Reset columns"))
        reset.triggered.connect(lambda: self.apply_layout(DEFAULT_COLUMNS))
        return menu

    # --- sorting ---------------------------------------------------------------------------

    def show_sort(self, key: str, descending: bool) -> None:
        """Show the sort indicator of the query the model runs (without re-sorting)."""
        self._sort = (key, descending)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self._model.column_of(key), order)
        header.blockSignals(False)

    def _on_sort_indicator(self, logical: int, order: Qt.SortOrder) -> None:
        columns = self._model.columns
        if not 0 <= logical < len(columns) or not is_sortable(columns[logical].key):
            self.show_sort(*self._sort)  # tags cannot be sorted: keep the current order
            return
        self._sort = (columns[logical].key, order == Qt.SortOrder.DescendingOrder)
        self.sort_requested.emit(*self._sort)

    # --- selection -------------------------------------------------------------------------

    def selected_ranges(self) -> list[tuple[int, int]]:
        """Inclusive row ranges of the selection (cheap even when a million rows are
        selected)."""
        selection = self.selectionModel().selection()
        ranges = (selection.at(n) for n in range(selection.count()))
        return [(r.top(), r.bottom()) for r in ranges]

    def current_id(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        value = self._model.data(index, ID_ROLE)
        return str(value) if value else None

    def _on_double_click(self, index: QModelIndex) -> None:
        record_id = self._model.record_id(index.row())
        if record_id is not None:
            self.activated_id.emit(record_id)
