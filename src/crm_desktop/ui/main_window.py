"""The main window: the four tabs, menus, the global search field and the status bar."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QLocale, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QSystemTrayIcon,
    QTabWidget,
    QToolBar,
    QWidget,
)

from crm_desktop.db.engine import Database
from crm_desktop.domain.errors import CrmError
from crm_desktop.services import running_reads
from crm_desktop.services.counts import live_counts
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.customers.view import CustomerServices, CustomerTab
from crm_desktop.ui.i18n import choose as choose_language
from crm_desktop.ui.i18n import language_menu
from crm_desktop.ui.sync.scheduler import SyncScheduler
from crm_desktop.ui.sync.status import SyncStatusItem
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.widgets.deferred_tab import DeferredTab

if TYPE_CHECKING:
    from crm_desktop.services.workbook import ListFilters
    from crm_desktop.sync.client import SyncResult
    from crm_desktop.ui.customers.duplicates import DuplicatesDialog
    from crm_desktop.ui.customers.export import ExportDialog
    from crm_desktop.ui.customers.import_wizard import ImportWizard
    from crm_desktop.ui.dialogs.about import AboutDialog
    from crm_desktop.ui.dialogs.settings import SettingsDialog
    from crm_desktop.ui.followups.tab import FollowUpTab
    from crm_desktop.ui.opportunities.deps import OpportunityServices
    from crm_desktop.ui.opportunities.editor import OpportunityEditor
    from crm_desktop.ui.opportunities.view import OpportunityTab
    from crm_desktop.ui.reports.view import ReportsTab

DEFAULT_SIZE = (1200, 760)
SEARCH_DELAY_MS = 150
FOLLOWUPS_DELAY_MS = 200  # after the first page: let the window settle, then load reminders
SYNC_START_DELAY_MS = 1500  # after the first page: the sync on start (ui/sync/scheduler.py)
CUSTOMERS_TAB, FOLLOWUPS_TAB, OPPORTUNITIES_TAB, REPORTS_TAB = range(4)


def _count_rows(db: Database) -> tuple[int, int, int]:
    return live_counts(db)


def customer_services(workspace: Workspace) -> CustomerServices:
    def now() -> datetime:
        return workspace.ctx.clock().astimezone()

    return CustomerServices(
        db=workspace.db,
        customers=workspace.customers,
        contacts=workspace.contacts,
        users=workspace.users,
        tags=workspace.tags,
        custom_fields=workspace.custom_fields,
        saved_views=workspace.saved_views,
        user_id=workspace.ctx.user_id,
        now=now,
    )


class MainWindow(QMainWindow):
    """Signals ask the session (``ui.session``) to switch or lock the database file."""

    new_database_requested = Signal()
    open_database_requested = Signal()
    lock_requested = Signal()
    first_page_shown = Signal()
    closed = Signal()
    language_changed = Signal()  # the session builds the window again (see ui.i18n)

    def __init__(self, workspace: Workspace, settings: QSettings) -> None:
        super().__init__()
        self._db = workspace.db
        running_reads.track(workspace.db)  # closing interrupts the reads still running
        self._ctx = workspace.ctx
        self._settings = settings
        self._first_page_reported = False
        self.setWindowTitle(self.tr("{file} — CRM Desktop").format(file=workspace.path.name))

        self.customers = CustomerTab(customer_services(workspace), settings, self)
        self._workspace = workspace
        self._opportunity_services: OpportunityServices | None = None
        self.tray: QSystemTrayIcon | None = None
        # The other tabs are built (and their modules loaded) when first shown: start-up pays
        # only for the current one.
        self._followups: DeferredTab[FollowUpTab] = DeferredTab(self._build_followups)
        self._opportunities: DeferredTab[OpportunityTab] = DeferredTab(self._build_opportunities)
        self._reports: DeferredTab[ReportsTab] = DeferredTab(self._build_reports)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.customers, self.tr("&Customers"))
        self.tabs.addTab(self._followups, self.tr("&Follow-ups"))
        self.tabs.addTab(self._opportunities, self.tr("&Opportunities"))
        self.tabs.addTab(self._reports, self.tr("&Reports"))
        self.setCentralWidget(self.tabs)

        self.search = QLineEdit(self)
        self.search.setObjectName("globalSearch")
        self.search.setPlaceholderText(
            self.tr("Search customers: name, company, phone, pinyin… (Ctrl+K)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_search)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar(workspace)
        self._build_sync()
        self.customers.changed.connect(self.refresh_counts)
        # The follow-ups tab (its reminders and overdue count) is built once the first page
        # is on screen, so that it never delays the window.
        self.first_page_shown.connect(self._build_followups_soon)
        self.first_page_shown.connect(self.refresh_counts)  # the status bar's totals
        self.customers.search_text_changed.connect(self._show_search_text)
        self.customers.status_message.connect(self._show_message)
        self.customers.detail.deals.new_requested.connect(
            lambda customer_id: self.open_opportunity(None, customer_id)
        )
        self.customers.detail.deals.open_requested.connect(self.open_opportunity)
        self.customers.table.viewport().installEventFilter(self)
        self._restore_state()

    # --- the tabs ----------------------------------------------------------------------------

    @property
    def followups(self) -> FollowUpTab:
        return self._followups.widget()

    @property
    def opportunities(self) -> OpportunityTab:
        return self._opportunities.widget()

    @property
    def reports(self) -> ReportsTab:
        return self._reports.widget()

    @property
    def opportunity_services(self) -> OpportunityServices:
        from crm_desktop.ui.opportunities.deps import opportunity_services

        if self._opportunity_services is None:
            self._opportunity_services = opportunity_services(self._workspace)
        return self._opportunity_services

    def _build_followups(self, parent: QWidget) -> FollowUpTab:
        """Built right after the first page is shown (its reminders must run from the start)."""
        from crm_desktop.ui.followups.tab import FollowUpServices, FollowUpTab

        workspace = self._workspace
        services = FollowUpServices(
            db=workspace.db, followups=workspace.followups, user_id=workspace.ctx.user_id
        )
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.setToolTip(self.tr("CRM Desktop"))
            self.tray.show()
        tab = FollowUpTab(services, workspace.ctx.clock, self._settings, parent, tray=self.tray)
        tab.changed.connect(self.customers.reload)  # last contact, next follow-up
        tab.changed.connect(self.refresh_counts)
        tab.status_message.connect(self._show_message)
        tab.overdue_count_changed.connect(self._show_overdue)
        return tab

    def _build_followups_soon(self) -> None:
        # Tied to the page's lifetime: a window closed before the timer fires builds nothing.
        QTimer.singleShot(FOLLOWUPS_DELAY_MS, self._followups, self._followups.widget)

    def _show_overdue(self, count: int) -> None:
        self.overdue_label.setText(self.tr("Overdue: {count}").format(count=count) if count else "")
        self.tabs.setTabText(FOLLOWUPS_TAB, self.followups.title(count))

    def _build_opportunities(self, parent: QWidget) -> OpportunityTab:
        from crm_desktop.ui.opportunities.view import OpportunityTab

        tab = OpportunityTab(self.opportunity_services, self._settings, parent)
        tab.changed.connect(self.refresh_counts)
        return tab

    def _build_reports(self, parent: QWidget) -> ReportsTab:
        from crm_desktop.ui.reports.deps import list_filters, report_services
        from crm_desktop.ui.reports.view import ReportsTab

        def lists() -> ListFilters:
            return list_filters(self.customers, self._followups, self._opportunities)

        return ReportsTab(report_services(self._workspace, lists), parent)

    # --- building --------------------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_db_action = self._action(self.tr("&New database…"))
        self.new_db_action.triggered.connect(self.new_database_requested)
        self.open_db_action = self._action(self.tr("&Open database…"), QKeySequence(std.Open))
        self.open_db_action.triggered.connect(self.open_database_requested)
        self.lock_action = self._action(self.tr("&Lock"), "Ctrl+L")
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence(std.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.new_customer_action = self._action(self.tr("&New customer…"), "Ctrl+N")
        self.new_customer_action.triggered.connect(self._new_customer)
        self.edit_customer_action = self._action(self.tr("&Edit customer…"), "Ctrl+E")
        self.edit_customer_action.triggered.connect(self._edit_customer)
        self.find_action = self._action(self.tr("&Find customers"))
        self.find_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F")])
        self.find_action.triggered.connect(self.focus_search)

        self.refresh_action = self._action(self.tr("&Refresh"), QKeySequence(std.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.import_action = self._action(self.tr("&Import customers…"))
        self.import_action.triggered.connect(self.import_customers)
        self.export_action = self._action(self.tr("&Export customer list…"))
        self.export_action.triggered.connect(self.export_customers)
        self.export_workbook_action = self._action(self.tr("Export &workbook (reports and lists)…"))
        self.export_workbook_action.triggered.connect(self.export_workbook)
        self.duplicates_action = self._action(self.tr("Find &duplicate customers…"))
        self.duplicates_action.triggered.connect(self.find_duplicates)
        self.stages_action = self._action(self.tr("Pipeline &stages…"))
        self.stages_action.triggered.connect(self.edit_stages)
        self.settings_action = self._action(self.tr("&Settings…"))
        self.settings_action.triggered.connect(self.show_settings)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self._action(self.tr("&About CRM Desktop"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

        table = self.customers.table
        table.selectionModel().currentRowChanged.connect(self._update_actions)
        table.model().modelReset.connect(self._update_actions)
        table.model().dataChanged.connect(self._update_actions)
        self._update_actions()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_db_action, self.open_db_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addAction(self.export_workbook_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.new_customer_action, self.edit_customer_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu(self.tr("&View"))
        for number in range(self.tabs.count()):
            action = self._action(self.tabs.tabText(number).replace("&", ""), f"Ctrl+{number + 1}")
            action.triggered.connect(lambda _checked=False, n=number: self.tabs.setCurrentIndex(n))
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)
        view_menu.addMenu(language_menu(self, self._settings))
        tools_menu = bar.addMenu(self.tr("&Tools"))
        tools_menu.addActions([self.duplicates_action, self.stages_action])
        tools_menu.addSeparator()
        self.sync_action = tools_menu.addAction(self.tr("Team s&ync…"))
        self.sync_action.triggered.connect(self.show_sync)
        tools_menu.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_customer_action)
        toolbar.addAction(self.edit_customer_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

    def _build_status_bar(self, workspace: Workspace) -> None:
        self.file_label = QLabel(workspace.path.name, self)
        self.file_label.setToolTip(str(workspace.path))
        user_name = ""
        if workspace.ctx.user_id is not None:
            try:
                user_name = workspace.users.get(workspace.ctx.user_id).display_name
            except CrmError:
                user_name = ""
        self.user_label = QLabel(self.tr("User: {name}").format(name=user_name), self)
        self.counts_label = QLabel(self)
        self.overdue_label = QLabel(self)
        self.overdue_label.setStyleSheet("color: #c62828;")
        status = self.statusBar()
        status.addWidget(self.file_label)
        status.addWidget(self.user_label)
        status.addPermanentWidget(self.overdue_label)
        status.addPermanentWidget(self.counts_label)

    def _build_sync(self) -> None:
        """Team sync: the status-bar item and the scheduler (on start, timer, Sync now)."""
        self.sync_scheduler = SyncScheduler(self._ctx, self)
        self.sync_status = SyncStatusItem(self)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.sync_status.show_status(self.sync_scheduler.status)
        self.sync_scheduler.status_changed.connect(self.sync_status.show_status)
        self.sync_status.clicked.connect(self.show_sync)
        self.sync_scheduler.synced.connect(self._sync_finished)
        self.first_page_shown.connect(self._start_sync_soon)

    def _start_sync_soon(self) -> None:
        QTimer.singleShot(SYNC_START_DELAY_MS, self.sync_scheduler, self.sync_scheduler.start)

    def _sync_finished(self, result: SyncResult) -> None:
        if result.pulled or result.snapshot_rows or result.conflicts or result.rejected:
            self.refresh()  # what arrived (refresh_counts also recounts what waits to be sent)

    # --- state -----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)
        state = self._settings.value("main_window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        tab = str(self._settings.value("main_window/tab", 0))
        self.tabs.setCurrentIndex(int(tab) if tab.isdigit() else 0)

    def save_state(self) -> None:
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.setValue("main_window/state", self.saveState())
        self._settings.setValue("main_window/tab", self.tabs.currentIndex())
        self.customers.save_layout()
        for page in (self._followups, self._opportunities):
            if page.is_built:
                page.widget().save_layout()
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.sync_scheduler.stop()
        self.customers.shutdown()
        if self._followups.is_built:
            self.followups.shutdown()
        running_reads.interrupt(self._db)  # never wait for a count on a million rows
        self.save_state()
        super().closeEvent(event)
        self.closed.emit()

    # --- actions ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.tabs.setCurrentIndex(CUSTOMERS_TAB)
        self.customers.set_search(self.search.text())

    def _show_search_text(self, text: str) -> None:
        """A saved view brought its own search text: show it without searching again."""
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(False)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def refresh(self) -> None:
        self.customers.reload()
        for page in (self._followups, self._opportunities):
            if page.is_built:
                page.widget().reload()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        self.sync_scheduler.note_local_change()  # debounced count of what waits to be sent
        db = self._db

        def count(_progress: Progress) -> tuple[int, int, int]:
            return _count_rows(db)

        run_task(count, self._show_counts, self._counts_failed)

    def _show_counts(self, counts: tuple[int, int, int]) -> None:
        customers, followups, opportunities = counts
        self.counts_label.setText(
            self.tr(
                "{customers} customers · {followups} follow-ups · {opportunities} opportunities"
            ).format(
                customers=QLocale().toString(customers),
                followups=QLocale().toString(followups),
                opportunities=QLocale().toString(opportunities),
            )
        )

    def _counts_failed(self, _error: BaseException) -> None:
        self.counts_label.setText("")

    def _update_actions(self) -> None:
        self.edit_customer_action.setEnabled(self.customers.current_id() is not None)

    def import_customers(self) -> ImportWizard:
        from crm_desktop.ui.customers.import_wizard import ImportWizard

        wizard = ImportWizard(self._ctx, self)
        wizard.imported.connect(lambda _report: self.refresh())
        wizard.open()
        return wizard

    def export_customers(self) -> ExportDialog:
        from crm_desktop.ui.customers.export import export_customer_view

        flt, sort, descending, columns = self.customers.view_state()
        return export_customer_view(self._ctx, flt, sort, descending, list(columns), self)

    def export_workbook(self) -> None:
        """The Reports tab's workbook (built now if it was not shown yet)."""
        self.reports.export_workbook()

    def find_duplicates(self) -> DuplicatesDialog:
        from crm_desktop.ui.customers.duplicates import DuplicatesDialog

        dialog = DuplicatesDialog(self._ctx, self)
        dialog.merged.connect(lambda _survivor: self.refresh())
        dialog.open()
        return dialog

    def open_opportunity(
        self, opportunity_id: str | None, customer_id: str | None = None
    ) -> OpportunityEditor:
        """The deal editor from the customer detail panel."""
        from crm_desktop.ui.customers.deals import open_deal_editor

        editor = open_deal_editor(self.opportunity_services, self, opportunity_id, customer_id)
        editor.saved.connect(self._deal_saved)
        return editor

    def _deal_saved(self, _deal_id: str) -> None:
        self.customers.detail.refresh()
        if self._opportunities.is_built:
            self.opportunities.reload()
        self.refresh_counts()

    def edit_stages(self) -> None:
        self.opportunities.edit_stages()  # builds the tab if it was not shown yet

    def _new_customer(self) -> None:
        self.tabs.setCurrentIndex(CUSTOMERS_TAB)
        self.customers.new_customer()

    def _edit_customer(self) -> None:
        self.tabs.setCurrentIndex(CUSTOMERS_TAB)
        self.customers.edit_customer()

    def show_about(self) -> AboutDialog:
        from crm_desktop.ui.dialogs.about import AboutDialog

        dialog = AboutDialog(self)
        dialog.open()
        return dialog

    def show_sync(self) -> QDialog:
        """Tools → Team sync…: server, Sync now, status and conflicts (ui/sync/dialog.py)."""
        from crm_desktop.ui.sync.dialog import SyncDialog

        dialog = SyncDialog(self._ctx, self, self.sync_scheduler)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # off the scheduler's signals
        dialog.synced.connect(lambda: self.statusBar().showMessage(dialog.status.text(), 8000))
        dialog.open()
        return dialog

    def show_settings(self) -> SettingsDialog:
        from crm_desktop.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self._settings, self)
        dialog.accepted.connect(lambda: self.set_language(dialog.language.choice()))
        dialog.open()
        return dialog

    def set_language(self, choice: str) -> None:
        """Apply a language choice; when it changes, the session rebuilds the window."""
        if choose_language(self._settings, choice):
            QTimer.singleShot(0, self, self.language_changed.emit)

    # --- the first page, for the start-up benchmark ----------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Emit ``first_page_shown`` once the customer list has painted its first page."""
        if (
            not self._first_page_reported
            and event.type() == QEvent.Type.Paint
            and watched is self.customers.table.viewport()
            and self.customers.model.first_page_loaded
        ):
            self._first_page_reported = True
            QTimer.singleShot(0, self.first_page_shown.emit)
        return super().eventFilter(watched, event)
