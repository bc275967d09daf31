"""The Follow-ups tab: views with counts, filters, the list, log/complete, reminders, bulk, .ics.

It receives only what it needs (``FollowUpServices``), a clock (tests run at fixed times) and
the settings. ``changed`` tells the rest of the window that follow-ups (and so customers'
last-contact and next-follow-up dates) changed; ``overdue_count_changed`` feeds the status
bar and the tab title.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSystemTrayIcon,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.engine import Database
from crm_desktop.domain.errors import CrmError
from crm_desktop.services import followup_actions, followup_choices, reminders
from crm_desktop.services import followup_views as views
from crm_desktop.services.followup_views import FollowUpFilter, View
from crm_desktop.services.followups import FollowUpService
from crm_desktop.services.reminders import Reminder, Snooze
from crm_desktop.ui.followups.bulk import DuePrompt, OwnerPrompt
from crm_desktop.ui.followups.columns import COLUMNS, column_of
from crm_desktop.ui.followups.complete import CompleteDialog
from crm_desktop.ui.followups.dialog import FollowUpDialog, next_hour
from crm_desktop.ui.followups.filters import FilterBar, ViewBar
from crm_desktop.ui.followups.model import FollowUpListModel, ListQuery
from crm_desktop.ui.followups.notifications import NotificationList
from crm_desktop.ui.followups.scheduler import ReminderScheduler
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import enum_label, error_text, local_datetime

Clock = Callable[[], datetime]
HEADER_KEY = "followups/list_header"
VIEW_KEY = "followups/view"
TRAY_MS = 10_000


@dataclass(frozen=True)
class FollowUpServices:
    db: Database
    followups: FollowUpService
    user_id: str | None  # whose reminders to show (None: everyone's)


class FollowUpTab(QWidget):
    changed = Signal()
    overdue_count_changed = Signal(int)
    status_message = Signal(str)
    notified = Signal(str, str)  # title, text: a reminder announced (tray or in-app)

    def __init__(
        self,
        services: FollowUpServices,
        clock: Clock,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        tray: QSystemTrayIcon | None = None,
    ) -> None:
        super().__init__(parent)
        self._s, self._db, self._clock, self._settings = services, services.db, clock, settings
        self.tray = tray
        self.dialog: FollowUpDialog | CompleteDialog | None = None
        self._shown_view: View | None = None
        self._counts_asked = 0
        self.model = FollowUpListModel(self._db, self.now, self)
        self.model.count_changed.connect(self._show_count)
        self.model.failed.connect(self._failed)
        self.view_bar = ViewBar(self)
        self.filters = FilterBar(self._db, self.now().date(), self)
        self.notifications = NotificationList(self)
        self.table = self._build_table()
        self.count_label = QLabel(self)
        self.toolbar = self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.toolbar, self.view_bar, self.filters, self.notifications):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.scheduler = ReminderScheduler(self._db, services.user_id, clock, self)
        self.scheduler.announce.connect(self._announce)
        self.scheduler.pending_changed.connect(self.notifications.set_reminders)
        self.scheduler.overdue_count_changed.connect(self.overdue_count_changed)
        self._connect()
        saved = str(settings.value(VIEW_KEY, View.TODAY.value))
        self.view_bar.set_view(View(saved) if saved in set(View) else View.TODAY)
        self.apply_filter()
        self.scheduler.start()

    def now(self) -> datetime:
        """The injected clock in the computer's time zone (days start at local midnight)."""
        return self._clock().astimezone()

    # --- building --------------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for number, column in enumerate(COLUMNS):
            header.resizeSection(number, column.width)
        state = self._settings.value(HEADER_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            header.restoreState(state)
        header.setSortIndicator(column_of("due_at"), Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.model.sort)
        table.doubleClicked.connect(lambda index: self.edit_followup(index.row()))
        return table

    def _action(self, text: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        self.new_action = self._action(self.tr("&Log or plan…"), self.new_followup, "Ctrl+Shift+N")
        self.edit_action = self._action(self.tr("&Edit…"), self.edit_followup, "Return")
        self.complete_action = self._action(self.tr("&Complete…"), self.complete_followup, "Ctrl+D")
        self.reassign_action = self._action(self.tr("Reassign…"), self.ask_reassign)
        self.reschedule_action = self._action(self.tr("Reschedule…"), self.ask_reschedule)
        self.cancel_action = self._action(self.tr("Cancel follow-ups"), self.ask_cancel)
        bar.addActions([self.new_action, self.edit_action, self.complete_action])
        bar.addSeparator()
        bar.addActions([self.reassign_action, self.reschedule_action, self.cancel_action])
        bar.addSeparator()
        export = QToolButton(bar)
        export.setText(self.tr("Export to calendar"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction(self.tr("Planned follow-ups in this view…"), lambda: self.ask_export("view"))
        menu.addAction(self.tr("Of the selected customer…"), lambda: self.ask_export("customer"))
        menu.addAction(self.tr("Of the selected owner…"), lambda: self.ask_export("owner"))
        export.setMenu(menu)
        bar.addWidget(export)
        return bar

    def _connect(self) -> None:
        self.view_bar.view_changed.connect(lambda _view: self.apply_filter())
        self.filters.changed.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        n = self.notifications
        n.snooze_requested.connect(self.snooze)
        n.done_requested.connect(lambda fid: self._act(lambda: self._complete_now(fid)))
        n.dismiss_requested.connect(
            lambda fid: self._act(lambda: reminders.dismiss(self._s.followups, fid))
        )
        n.open_requested.connect(self.edit_by_id)

    # --- views and filters -----------------------------------------------------------------

    @property
    def current_filter(self) -> FollowUpFilter:
        return self.filters.filter(self.view_bar.view)

    def apply_filter(self) -> None:
        """Show the chosen view; a new view starts sorted by its own time (the latest done
        first in Done, the soonest due first elsewhere)."""
        view = self.view_bar.view
        self._settings.setValue(VIEW_KEY, view.value)
        if view != self._shown_view:
            self._shown_view = view
            descending = view == View.DONE
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(column_of(views.time_key(view)), order)
            header.blockSignals(False)
            self.model.set_query(ListQuery(self.current_filter, views.time_key(view), descending))
        else:
            self.model.set_filter(self.current_filter)
        self.refresh_counts()

    def reload(self) -> None:
        self.model.reload()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Count every view under the current filters, in the background; an answer to an
        older question (the filters changed meanwhile) is dropped."""
        db, flt, now = self._db, self.current_filter, self.now()
        self._counts_asked += 1
        asked = self._counts_asked

        def work(_progress: Progress) -> tuple[int, dict[View, int]]:
            with db.session() as session:
                return asked, views.counts(session, flt, now, views.cheap_views(flt))

        run_task(work, self._show_counts, self._failed)

    def _show_counts(self, result: tuple[int, dict[View, int]]) -> None:
        asked, counts = result
        if asked == self._counts_asked:
            shown = self.model.query.filter.view
            if shown not in counts and not self.model.loading:
                counts = {**counts, shown: self.model.rowCount()}
            self.view_bar.set_counts(counts, others=True)

    def _show_count(self, rows: int, complete: bool) -> None:
        if complete:  # the list has counted its own view (Done and All are not pre-counted)
            self.view_bar.set_counts({self.model.query.filter.view: rows})
        text = self.tr("{count} follow-ups") if complete else self.tr("{count} follow-ups so far…")
        self.count_label.setText(text.format(count=f"{rows:,}"))

    def _update_actions(self) -> None:
        rows = self.selected_rows()
        one = len(rows) == 1
        planned = one and (row := self.model.row(rows[0])) is not None and row.status == "planned"
        self.edit_action.setEnabled(one)
        self.complete_action.setEnabled(planned)
        for action in (self.reassign_action, self.reschedule_action, self.cancel_action):
            action.setEnabled(bool(rows))

    def title(self, overdue: int | None = None) -> str:
        """The tab's title, with the overdue count when there is one."""
        count = self.scheduler.overdue if overdue is None else overdue
        if count:
            return self.tr("&Follow-ups ({count})").format(count=count)
        return self.tr("&Follow-ups")

    # --- selection -------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def selected_ids(self) -> list[str]:
        rowids = self.model.rowids(self.selected_rows())
        with self._db.session() as session:
            return views.ids_of(session, rowids)

    def _current(self) -> views.FollowUpRow | None:
        rows = self.selected_rows()
        return self.model.row(rows[0]) if rows else None

    # --- log, edit, complete ---------------------------------------------------------------

    def _open(self, dialog: FollowUpDialog | CompleteDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self.after_change)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def new_followup(
        self, customer_id: str | None = None, opportunity_id: str | None = None
    ) -> None:
        self._open(
            FollowUpDialog(
                self._db,
                self._s.followups,
                self._clock,
                self,
                customer_id=customer_id,
                opportunity_id=opportunity_id,
            )
        )

    def quick_log(self, customer_id: str, opportunity_id: str | None = None) -> None:
        """Log or plan a follow-up of one customer (from its detail panel or a deal card)."""
        self.new_followup(customer_id, opportunity_id)

    def edit_followup(self, row: int | None = None) -> None:
        followup_id = self.model.record_id(row) if row is not None else None
        if followup_id is None and (current := self._current()) is not None:
            followup_id = current.id
        if followup_id is not None:
            self.edit_by_id(followup_id)

    def edit_by_id(self, followup_id: str) -> None:
        self._open(
            FollowUpDialog(self._db, self._s.followups, self._clock, self, followup_id=followup_id)
        )

    def complete_followup(self, followup_id: str | None = None) -> None:
        if followup_id is None:
            current = self._current()
            if current is None or current.status != "planned":
                return
            followup_id = current.id
        self._open(CompleteDialog(self._s.followups, self._clock, followup_id, self))

    def after_change(self) -> None:
        """Follow-ups changed: the list, the counts, the reminders, the customers' dates."""
        self.reload()
        self.scheduler.recompute()
        self.changed.emit()

    def _act(self, work: Callable[[], object], message: str = "") -> bool:
        try:
            work()
        except CrmError as error:
            QMessageBox.warning(self, self.tr("Follow-ups"), error_text(error))
            return False
        self.after_change()
        if message:
            self.status_message.emit(message)
        return True

    def _complete_now(self, followup_id: str) -> None:
        reminders.mark_done(self._s.followups, followup_id)

    # --- reminders -------------------------------------------------------------------------

    def snooze(self, followup_id: str, choice: str) -> None:
        until = reminders.snooze_until(Snooze(choice), self.now())
        self._act(lambda: reminders.snooze(self._s.followups, followup_id, until))

    def _announce(self, items: list[Reminder], missed: bool) -> None:
        if missed:
            title = self.tr("Reminders missed while CRM Desktop was closed: {count}").format(
                count=len(items)
            )
        elif len(items) == 1:
            title = self.tr("Follow-up reminder")
        else:
            title = self.tr("{count} follow-up reminders").format(count=len(items))
        lines = [
            self.tr("{subject} — {customer} ({channel}, due {due})").format(
                subject=r.subject,
                customer=r.customer,
                channel=enum_label(r.channel),
                due=local_datetime(r.due_at),
            )
            for r in items[:3]
        ]
        if len(items) > 3:
            lines.append(self.tr("… and {count} more").format(count=len(items) - 3))
        text = "\n".join(lines)
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, TRAY_MS)
        else:
            self.status_message.emit(title)
        self.notified.emit(title, text)

    # --- bulk ------------------------------------------------------------------------------

    def reassign_selected(self, owner_id: str | None) -> int:
        ids = self.selected_ids()
        done = 0

        def work() -> None:
            nonlocal done
            done = followup_actions.reassign(self._s.followups, ids, owner_id)

        self._act(work, self.tr("{count} follow-ups reassigned").format(count=len(ids)))
        return done

    def reschedule_selected(self, due_at: datetime) -> int:
        ids = self.selected_ids()
        done = 0

        def work() -> None:
            nonlocal done
            done = followup_actions.reschedule(self._s.followups, ids, due_at)

        self._act(work, self.tr("{count} follow-ups rescheduled").format(count=len(ids)))
        return done

    def cancel_selected(self) -> int:
        ids = self.selected_ids()
        done = 0

        def work() -> None:
            nonlocal done
            done = followup_actions.cancel(self._s.followups, ids)

        self._act(work, self.tr("{count} follow-ups cancelled").format(count=len(ids)))
        return done

    def ask_reassign(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        with self._db.session() as session:
            owners = followup_choices.owners(session)
        prompt = OwnerPrompt(owners, len(rows), self)
        if prompt.exec():
            self.reassign_selected(prompt.owner_id())

    def ask_reschedule(self) -> None:
        rows = self.selected_rows()
        if rows:
            prompt = DuePrompt(next_hour(self.now()), len(rows), self)
            if prompt.exec():
                self.reschedule_selected(prompt.due_at())

    def ask_cancel(self) -> None:
        rows = self.selected_rows()
        if rows and (
            QMessageBox.question(
                self,
                self.tr("Cancel follow-ups"),
                self.tr("Cancel the {count} selected planned follow-ups?").format(count=len(rows)),
            )
            == QMessageBox.StandardButton.Yes
        ):
            self.cancel_selected()

    # --- calendar export -------------------------------------------------------------------

    def export_calendar(self, path: str | Path, scope: str = "view") -> int:
        """Write planned follow-ups to an .ics file: of this ``view``, or of the selected
        row's ``customer`` or ``owner``. Returns how many were written."""
        flt: FollowUpFilter | None = self.current_filter if scope == "view" else None
        customer_id = owner_id = None
        current = self._current()
        if scope == "customer" and current is not None:
            customer_id = current.customer_id
        if scope == "owner":
            owner_id = self._owner_of_selection()
        from crm_desktop.services.calendar_export import export_ics  # icalendar: on demand

        with self._db.session() as session:
            made = export_ics(
                session,
                path,
                self.now(),
                flt=flt,
                customer_id=customer_id,
                owner_id=owner_id,
                translate=lambda t: QCoreApplication.translate("Enums", t),
            )
        self.status_message.emit(
            self.tr("{count} planned follow-ups exported to {file}").format(
                count=made, file=Path(path).name
            )
        )
        return made

    def _owner_of_selection(self) -> str | None:
        current = self._current()
        if current is None:
            return self._s.user_id
        return self._s.followups.get(current.id).owner_id

    def ask_export(self, scope: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to calendar"), "follow-ups.ics", self.tr("Calendar (*.ics)")
        )
        if path:
            try:
                self.export_calendar(path, scope)
            except OSError as error:
                QMessageBox.warning(self, self.tr("Export to calendar"), str(error))

    # --- state -----------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        message = error_text(error) if isinstance(error, CrmError) else str(error)
        self.status_message.emit(self.tr("Follow-ups: {error}").format(error=message))

    def save_layout(self) -> None:
        self._settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def shutdown(self) -> None:
        """Stop the timer and the running query (the window is closing)."""
        self.scheduler.stop()
        self.model.cancel_stream()
