"""The Customers tab: views and filters on the left, the list in the middle, details right.

The tab owns the current query (search text from the main window, the filter panel, the
chosen view, the sort) and hands it to the list model; everything that reads the database
runs in workers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLocale, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.engine import Database
from crm_desktop.domain.errors import CrmError
from crm_desktop.services import running_reads
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.custom_fields import CustomFieldService
from crm_desktop.services.customer_details import distinct_values
from crm_desktop.services.customer_filters import CustomerFilter, SavedView
from crm_desktop.services.customers import CustomerService
from crm_desktop.services.saved_views import SavedViewService
from crm_desktop.services.tags import TagService
from crm_desktop.services.users import UserService
from crm_desktop.ui.customers.bulk import BulkActions
from crm_desktop.ui.customers.cells import BUILT_IN, custom_column
from crm_desktop.ui.customers.detail import DetailPanel
from crm_desktop.ui.customers.filters import FilterPanel
from crm_desktop.ui.customers.loader import ListQuery
from crm_desktop.ui.customers.model import CustomerListModel
from crm_desktop.ui.customers.table import CustomerTable
from crm_desktop.ui.customers.table_look import SPLITTER_SIZES, columns_key, splitter_key
from crm_desktop.ui.customers.views_list import ALL, TRASH, SavedViewList, ViewState
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import error_text

DETAIL_DELAY_MS = 120
Choice = tuple[str, str]

if TYPE_CHECKING:
    from crm_desktop.ui.customers.editor import CustomerEditor


@dataclass(frozen=True)
class CustomerServices:
    """What the tab needs from the workspace, and nothing more."""

    db: Database
    customers: CustomerService
    contacts: ContactService
    users: UserService
    tags: TagService
    custom_fields: CustomFieldService
    saved_views: SavedViewService
    user_id: str | None
    now: Callable[[], datetime]


@dataclass(frozen=True)
class Choices:
    """The filter panel's lists and the custom field columns, read by a worker."""

    lists: dict[str, list[Choice]]
    custom_fields: list[tuple[str, str, str]]


def load_choices(services: CustomerServices) -> Choices:
    with services.db.session() as session:
        lists = {
            name: [(v, v) for v in distinct_values(session, key)]
            for name, key in (("regions", "region"), ("cities", "city"), ("industries", "industry"))
        }
    lists["tag_ids"] = [(t.id, t.name) for t in services.tags.list()]
    lists["owner_ids"] = [(u.id, u.display_name) for u in services.users.list() if u.active]
    fields = [(f.id, f.name, f.field_type) for f in services.custom_fields.list()]
    return Choices(lists, fields)


class CustomerTab(QWidget):
    """``changed`` after customers were edited; ``search_text_changed`` when a saved view
    brings its own search text; ``status_message`` for the window's status bar."""

    changed = Signal()
    search_text_changed = Signal(str)
    status_message = Signal(str)

    def __init__(
        self, services: CustomerServices, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self._filter = CustomerFilter()
        self._owners: list[Choice] = []
        self.editor: CustomerEditor | None = None

        self.model = CustomerListModel(services.db, now=services.now, parent=self)
        self.table = CustomerTable(self.model, settings, columns_key(services.user_id), self)
        self.filters = FilterPanel(self)
        self.views = SavedViewList(services.saved_views, self.view_state, self)
        self.detail = DetailPanel(services.db, self)
        self.bulk = BulkActions(
            services.db,
            services.customers,
            lambda: self.model.rowids(self.table.selected_ranges()),
            self,
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("customerCount")
        self.count_label.setStyleSheet("font-weight: 600;")
        self._build_layout()
        self._settings_key = splitter_key(services.user_id)
        self._restore_splitter()

        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self._show_current)

        self.model.count_changed.connect(self._show_count)
        self.model.failed.connect(self._list_failed)
        self.model.modelReset.connect(self._schedule_detail)
        self.model.dataChanged.connect(self._maybe_show_current)
        self.table.sort_requested.connect(self._sort)
        self.table.columns_changed.connect(self.model.set_visible_keys)
        self.table.activated_id.connect(self.edit_customer)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._schedule_detail)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.filters.changed.connect(self._apply_panel)
        self.views.chosen.connect(self.apply_view)
        self.bulk.finished.connect(self._after_bulk)
        self.bulk.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.bulk.delete_action)
        self.model.set_visible_keys(self.table.visible_keys())
        self.table.show_sort("name", False)
        self.model.set_query(ListQuery(self._filter))
        self._update_actions()
        # The filter lists are read once the list's first rows are painted: at start-up the
        # first page's query and paint then have the interpreter to themselves.
        self._choices_pending = True
        self.model.rows_painted.connect(self._load_choices_once)
        self.model.failed.connect(self._load_choices_once)

    def _load_choices_once(self, *_args: object) -> None:
        if self._choices_pending:
            self._choices_pending = False
            self.load_choices()

    # --- building --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self._bar_actions: dict[QToolButton, QAction] = {}
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        left_layout.addWidget(self.views)
        left_layout.addWidget(self.filters)
        left_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(200)

        bar = QToolBar(self.tr("Customer actions"), self)
        bar.setObjectName("customerActions")
        bar.setMovable(False)
        bar.addWidget(self.count_label)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.bulk_buttons: list[QToolButton] = []
        for entry in [*self.bulk.menus(trash=False), self.bulk.restore_action]:
            button = QToolButton(bar)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(True)
            if isinstance(entry, QMenu):
                button.setText(entry.title())
                button.setMenu(entry)
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            else:
                button.setDefaultAction(entry)
            self.bulk_buttons.append(button)
            self._bar_actions[button] = bar.addWidget(button)
        center = QWidget(self)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(0)
        center_layout.addWidget(bar)
        center_layout.addWidget(self.table)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("customerSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(list(SPLITTER_SIZES))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _restore_splitter(self) -> None:
        state = self._settings.value(self._settings_key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)

    def save_layout(self) -> None:
        self.table.save_layout()
        self._settings.setValue(self._settings_key, self.splitter.saveState())

    # --- choices ---------------------------------------------------------------------------

    def load_choices(self) -> None:
        """Read the filter lists, owners, tags and custom fields off the GUI thread."""
        services = self._services

        def work(_progress: Progress) -> Choices:
            return load_choices(services)

        run_task(work, self._show_choices, self._list_failed)

    def _show_choices(self, choices: Choices) -> None:
        for name, values in choices.lists.items():
            self.filters.set_choices(name, values)
        self._owners = choices.lists["owner_ids"]
        self.bulk.set_owners(self._owners)
        self.bulk.set_tags(choices.lists["tag_ids"])
        extra = [custom_column(*field) for field in choices.custom_fields]
        if extra != list(self.model.columns[len(BUILT_IN) :]):
            self.model.set_extra_columns(extra)
            self.table.restore_layout()

    # --- the query -------------------------------------------------------------------------

    @property
    def current_filter(self) -> CustomerFilter:
        return self._filter

    def set_search(self, text: str) -> None:
        """Search as you type (the main window debounces the keystrokes)."""
        text = text.strip()
        if text != self._filter.text:
            self._set_filter(replace(self._filter, text=text))

    def _apply_panel(self) -> None:
        self._set_filter(self.filters.apply_to(self._filter))

    def _set_filter(self, flt: CustomerFilter) -> None:
        self._filter = flt
        query = self.model.query
        self.model.set_query(ListQuery(flt, query.sort, query.descending))

    def _sort(self, key: str, descending: bool) -> None:
        self.model.set_query(ListQuery(self._filter, key, descending))

    def reload(self) -> None:
        self.model.reload()
        self._detail_timer.start()

    def view_state(self) -> ViewState:
        query = self.model.query
        return self._filter, query.sort, query.descending, self.table.visible_keys()

    def apply_view(self, view: object) -> None:
        """Apply ``ALL``, ``TRASH`` or a saved view (its filter, sort and columns)."""
        if isinstance(view, SavedView):
            flt, sort, descending = view.filter, view.sort_column, view.descending
            if view.columns:
                self.table.apply_layout(view.columns)
        else:
            flt, sort, descending = CustomerFilter(trash=view == TRASH), "name", False
        self.filters.set_filter(flt)
        if flt.text != self._filter.text:
            self.search_text_changed.emit(flt.text)
        self._filter = flt
        self.table.show_sort(sort, descending)
        self.model.set_query(ListQuery(flt, sort, descending))
        self._update_actions()

    def show_trash(self) -> None:
        self.views.select(TRASH)

    def show_all(self) -> None:
        self.views.select(ALL)

    # --- feedback --------------------------------------------------------------------------

    def _show_count(self, rows: int, complete: bool) -> None:
        count = QLocale().toString(rows)
        if self._filter.trash:
            text = self.tr("In the trash: {count}").format(count=count)
        elif rows == 1:
            text = self.tr("1 customer")
        else:
            text = self.tr("{count} customers").format(count=count)
        if not complete:
            text = self.tr("{count}…").format(count=text)
        self.count_label.setText(text)
        self.status_message.emit(text)

    def _list_failed(self, error: BaseException) -> None:
        if running_reads.was_interrupted(error):
            return  # the window is closing
        if not isinstance(error, CrmError):
            raise error
        self.status_message.emit(error_text(error))

    def _update_actions(self) -> None:
        trash = self._filter.trash
        has_selection = self.table.selectionModel().hasSelection()
        for button in self.bulk_buttons:
            menu = button.menu()
            is_restore = button.defaultAction() is self.bulk.restore_action
            self._bar_actions[button].setVisible(is_restore == trash)
            button.setEnabled(has_selection and (menu is None or not menu.isEmpty()))
        self.bulk.delete_action.setEnabled(has_selection and not trash)
        self.bulk.restore_action.setEnabled(has_selection and trash)

    def _context_menu(self, pos: QPoint) -> None:
        if not self.table.selectionModel().hasSelection():
            return
        menu = QMenu(self)
        for entry in self.bulk.menus(self._filter.trash):
            if isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _after_bulk(self, message: str) -> None:
        self.status_message.emit(message)
        self.table.clearSelection()
        self.reload()
        self.changed.emit()

    # --- the detail panel ------------------------------------------------------------------

    def _schedule_detail(self) -> None:
        self._detail_timer.start()

    def _show_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            if self.detail.customer_id is not None or not self.model.rowCount():
                self.detail.show_customer(None)
            return
        customer_id = self.model.record_id(index.row())
        if customer_id is not None:
            self.detail.show_customer(customer_id)

    def _maybe_show_current(self, top: QModelIndex, bottom: QModelIndex) -> None:
        row = self.table.currentIndex().row()
        if top.row() <= row <= bottom.row() and self.detail.customer_id != self.model.record_id(
            row
        ):
            self._schedule_detail()

    # --- the editor ------------------------------------------------------------------------

    def current_id(self) -> str | None:
        return self.table.current_id()

    def new_customer(self) -> CustomerEditor:
        return self._open_editor(None)

    def edit_customer(self, customer_id: str | None = None) -> CustomerEditor | None:
        """Edit ``customer_id``, or the current customer when none is given."""
        customer_id = customer_id or self.table.current_id()
        return None if customer_id is None else self._open_editor(customer_id)

    def _open_editor(self, customer_id: str | None) -> CustomerEditor:
        services = self._services
        owners = self._owners or [
            (user.id, user.display_name) for user in services.users.list() if user.active
        ]
        from crm_desktop.ui.customers.editor import CustomerEditor  # loaded when first opened

        editor = CustomerEditor(
            services.customers,
            owners,
            customer_id,
            self,
            contacts=services.contacts,
            custom_fields=services.custom_fields,
            tags=services.tags,
        )
        editor.accepted.connect(self._after_save)
        editor.finished.connect(editor.deleteLater)
        self.editor = editor
        editor.open()
        return editor

    def _after_save(self) -> None:
        self.reload()
        self.load_choices()
        self.changed.emit()

    def shutdown(self) -> None:
        """Stop background queries (the window is closing)."""
        self.model.cancel()
