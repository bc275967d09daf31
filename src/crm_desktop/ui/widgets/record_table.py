"""A table view for one list of records, whose column layout persists in the settings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from crm_desktop.ui.widgets.lazy_table import LazyTableModel


class RecordTable(QTableView):
    """Sorted in the database by clicking a header; ``activated_id`` names a double-clicked row."""

    activated_id = Signal(str)

    def __init__(
        self,
        model: LazyTableModel,
        settings: QSettings,
        settings_key: str,
        default_sort: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._settings_key = settings_key
        self._lazy_model = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for number, column in enumerate(model.columns):
            header.resizeSection(number, column.width)
        header.setSortIndicator(default_sort, Qt.SortOrder.AscendingOrder)
        state = settings.value(settings_key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            header.restoreState(state)
        self.setSortingEnabled(True)  # sorts once, loading the first page
        self.doubleClicked.connect(self._on_double_click)

    @property
    def lazy_model(self) -> LazyTableModel:
        return self._lazy_model

    def current_id(self) -> str | None:
        selected = self.selectionModel().selectedRows()
        return self.lazy_model.record_id(selected[0].row()) if selected else None

    def save_layout(self) -> None:
        self._settings.setValue(self._settings_key, self.horizontalHeader().saveState())

    def _on_double_click(self, index: QModelIndex) -> None:
        record_id = self.lazy_model.record_id(index.row())
        if record_id is not None:
            self.activated_id.emit(record_id)
