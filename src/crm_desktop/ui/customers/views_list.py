"""The side list of views: "All customers", "Trash" and the user's saved views."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.services import running_reads
from crm_desktop.services.customer_filters import CustomerFilter, SavedView
from crm_desktop.services.saved_views import SavedViewService
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import error_text

ALL, TRASH = "all", "trash"
VIEW_ROLE = Qt.ItemDataRole.UserRole
# what a view saves: filter, sort column, descending, visible columns
ViewState = tuple[CustomerFilter, str, bool, list[str]]


class SavedViewList(QWidget):
    """``chosen`` carries ``ALL``, ``TRASH`` or a ``SavedView``; ``loaded`` follows a refresh."""

    chosen = Signal(object)
    loaded = Signal()

    def __init__(
        self,
        views: SavedViewService,
        current_state: Callable[[], ViewState],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._views = views
        self._current_state = current_state
        self._select_id: str | None = None
        title = QLabel(self.tr("Views"), self)
        title.setStyleSheet("font-weight: 600;")
        self.list = QListWidget(self)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.itemClicked.connect(self._on_clicked)
        self.list.itemActivated.connect(self._on_clicked)
        self.save_button = QPushButton(self.tr("Save view…"), self)
        self.save_button.setToolTip(self.tr("Save the current filters, sort and columns"))
        self.save_button.clicked.connect(self._ask_save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._add_item(self.tr("All customers"), ALL)
        self._add_item(self.tr("Trash"), TRASH)
        self.list.setCurrentRow(0)
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * 9 + 8)
        self.refresh()

    def _add_item(self, text: str, value: Any) -> QListWidgetItem:
        item = QListWidgetItem(text, self.list)
        item.setData(VIEW_ROLE, value)
        return item

    # --- the list --------------------------------------------------------------------------

    def saved(self) -> list[SavedView]:
        return [
            value
            for value in (self.list.item(n).data(VIEW_ROLE) for n in range(self.list.count()))
            if isinstance(value, SavedView)
        ]

    def refresh(self, select_id: str | None = None) -> None:
        views = self._views

        def work(_progress: Progress) -> list[SavedView]:
            return views.list()

        self._select_id = select_id
        run_task(work, self._show, self._failed)

    def _show(self, views: list[SavedView]) -> None:
        select_id = self._select_id
        current = self.list.currentItem()
        current_value = current.data(VIEW_ROLE) if current is not None else ALL
        while self.list.count() > 2:
            self.list.takeItem(2)
        for view in views:
            item = self._add_item(view.name, view)
            item.setToolTip(view.name)
            keep = isinstance(current_value, SavedView) and current_value.id == view.id
            if view.id == select_id or keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self.loaded.emit()

    def select(self, value: str) -> None:
        """Choose a built-in entry (``ALL`` or ``TRASH``) as if clicked."""
        for n in range(self.list.count()):
            if self.list.item(n).data(VIEW_ROLE) == value:
                self.list.setCurrentRow(n)
                self.chosen.emit(value)

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(VIEW_ROLE))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        view = item.data(VIEW_ROLE) if item is not None else None
        if not isinstance(view, SavedView):
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Rename…"), lambda: self.rename(view))
        menu.addAction(self.tr("Delete"), lambda: self.delete(view))
        menu.popup(self.list.viewport().mapToGlobal(pos))

    # --- changing views --------------------------------------------------------------------

    def _ask_save(self) -> None:
        self.save_current()

    def save_current(self, name: str | None = None) -> None:
        """Save the current filter, sort and columns under ``name`` (asked when None)."""
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name:"))
            if not ok:
                return
        flt, sort, descending, columns = self._current_state()
        views = self._views

        def work(_progress: Progress) -> str:
            return views.save(name, flt, sort, descending, columns)

        run_task(work, self._saved, self._failed)

    def _saved(self, new_id: str) -> None:
        self.refresh(new_id)

    def rename(self, view: SavedView, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("Rename view"), self.tr("Name:"), text=view.name
            )
            if not ok:
                return
        views = self._views

        def work(_progress: Progress) -> None:
            views.update(view.id, name=name)

        run_task(work, self._changed, self._failed)

    def delete(self, view: SavedView) -> None:
        views = self._views

        def work(_progress: Progress) -> None:
            views.delete(view.id)

        run_task(work, self._changed, self._failed)

    def _changed(self, _result: object) -> None:
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        if running_reads.was_interrupted(error):
            return  # the window is closing
        if isinstance(error, CrmError):
            QMessageBox.warning(self, self.tr("Views"), error_text(error))
        else:
            raise error
