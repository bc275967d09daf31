"""The main window's status-bar item for the team sync: synced, n to send, syncing, offline, error.

Hidden when the file has no server. Clicking it opens the Team sync dialog. It only shows what
the ``SyncScheduler`` reports; it never queries anything itself.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from crm_desktop.ui.sync.scheduler import (
    AUTH,
    ERROR,
    NEVER,
    NOT_MEMBER,
    NOT_SET_UP,
    OFF,
    OFFLINE,
    PASSWORD,
    REFUSED,
    SCHEMA,
    SYNCED,
    SYNCING,
    TLS,
    SyncStatus,
)

ERROR_COLOR = "#c62828"
OFFLINE_COLOR = "#8d6e00"


def reason_text(reason: str) -> str:
    """A short reason for a failed sync, in the user's language."""
    texts = {
        AUTH: QCoreApplication.translate("SyncStatus", "authentication failed"),
        SCHEMA: QCoreApplication.translate("SyncStatus", "server version differs"),
        NOT_SET_UP: QCoreApplication.translate("SyncStatus", "server not set up"),
        NOT_MEMBER: QCoreApplication.translate("SyncStatus", "not a team member"),
        TLS: QCoreApplication.translate("SyncStatus", "secure connection failed"),
        REFUSED: QCoreApplication.translate("SyncStatus", "refused by the server"),
    }
    return texts.get(reason, QCoreApplication.translate("SyncStatus", "unexpected error"))


def when_text(moment: datetime) -> str:
    """The time of day if it was today, else the date and time, in the user's locale."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    local = QDateTime.fromSecsSinceEpoch(int(aware.timestamp()))
    locale = QLocale()
    if local.date() == QDateTime.currentDateTime().date():
        return locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(local, QLocale.FormatType.ShortFormat)


class SyncStatusItem(QToolButton):
    """A flat button in the status bar; its text says the state, its tooltip the details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status = SyncStatus()
        self.setVisible(False)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        if status.state == OFF:
            self.setVisible(False)
            return
        text, tip, color = self._texts(status)
        self.setText(text)
        self.setToolTip(tip + "\n" + self.tr("Click to open Team sync."))
        self.setStyleSheet(f"color: {color};" if color else "")
        self.setVisible(True)

    def _texts(self, status: SyncStatus) -> tuple[str, str, str]:  # noqa: PLR0911
        pending = status.pending or 0
        last = (
            self.tr("Last synced: {time}").format(time=when_text(status.last_synced))
            if status.last_synced is not None
            else self.tr("Not synced yet.")
        )
        if status.state == SYNCING:
            return self.tr("Syncing…"), last, ""
        if status.state == OFFLINE:
            text = (
                self.tr("Offline · %n change(s) to send", "", pending)
                if pending
                else self.tr("Offline")
            )
            return text, status.detail + "\n" + last, OFFLINE_COLOR
        if status.state == PASSWORD:
            return self.tr("Sync: password needed"), last, ERROR_COLOR
        if status.state == ERROR:
            text = self.tr("Sync error: {reason}").format(reason=reason_text(status.reason))
            return text, status.detail + "\n" + last, ERROR_COLOR
        if pending:
            return self.tr("%n change(s) to send", "", pending), last, ""
        if status.state == SYNCED and status.last_synced is not None:
            return self.tr("Synced {time}").format(time=when_text(status.last_synced)), last, ""
        if status.state == NEVER:
            return self.tr("Not synced yet"), last, ""
        return self.tr("Synced"), last, ""
