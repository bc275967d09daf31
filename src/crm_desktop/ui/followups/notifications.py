"""The in-app list of due reminders, with snooze (10 min, 1 h, tomorrow), done and dismiss."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.reminders import SNOOZE_LABELS, Reminder, Snooze
from crm_desktop.ui.text import enum_label, local_datetime

ID_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 4


class NotificationList(QWidget):
    """Hidden while nothing is due; each signal carries the follow-up id of the chosen item."""

    snooze_requested = Signal(str, str)  # follow-up id, Snooze value
    done_requested = Signal(str)
    dismiss_requested = Signal(str)
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        self.list.itemDoubleClicked.connect(lambda _item: self._emit(self.open_requested))
        self.snooze = QToolButton(self)
        self.snooze.setText(self.tr("&Snooze"))
        self.snooze.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze)
        for choice, label in SNOOZE_LABELS.items():
            action = menu.addAction(QCoreApplication.translate("Reminders", label))
            action.triggered.connect(lambda _c=False, value=choice: self._snooze(value))
        self.snooze.setMenu(menu)
        self.done = QPushButton(self.tr("Mark &done"), self)
        self.done.clicked.connect(lambda: self._emit(self.done_requested))
        self.dismiss = QPushButton(self.tr("D&ismiss"), self)
        self.dismiss.clicked.connect(lambda: self._emit(self.dismiss_requested))
        buttons = QHBoxLayout()
        for button in (self.snooze, self.done, self.dismiss):
            buttons.addWidget(button)
        buttons.insertWidget(0, self.title)
        buttons.insertStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        self.set_reminders([])

    def set_reminders(self, items: list[Reminder]) -> None:
        current = self.current_id()
        self.list.clear()
        # one row height for Chinese and Latin lines alike, so the rows shown are whole
        row = self.list.fontMetrics().boundingRect("Ag王").height() + 4
        for reminder in items:
            due = local_datetime(reminder.due_at)
            text = self.tr("{subject} — {customer} ({channel}, due {due})").format(
                subject=reminder.subject,
                customer=reminder.customer,
                channel=enum_label(reminder.channel),
                due=due,
            )
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, reminder.id)
            item.setSizeHint(QSize(0, row))
            if reminder.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.title.setText(self.tr("Reminders due: {count}").format(count=len(items)))
        shown = min(max(len(items), 1), VISIBLE_ROWS)
        self.list.setFixedHeight(shown * row + 2 * self.list.frameWidth())
        self.setVisible(bool(items))

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def ids(self) -> list[str]:
        return [str(self.list.item(n).data(ID_ROLE)) for n in range(self.list.count())]

    def _emit(self, signal: SignalInstance) -> None:
        followup_id = self.current_id()
        if followup_id is not None:
            signal.emit(followup_id)

    def _snooze(self, choice: Snooze) -> None:
        followup_id = self.current_id()
        if followup_id is not None:
            self.snooze_requested.emit(followup_id, choice.value)
