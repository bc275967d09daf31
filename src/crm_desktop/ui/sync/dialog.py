"""Tools → Sync…: the team server's address, a Sync now button, the status and the conflicts.

The sync runs on a worker thread through the window's ``SyncScheduler`` (``ui/sync/scheduler``),
which also runs it on start and on a timer and never runs two at once; the window stays
usable. The server address, login and sync interval are remembered in the file; the password
is kept for this session and, with "Remember password", in the system keychain.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.context import ServiceContext
from crm_desktop.services.secrets import keychain_available
from crm_desktop.sync.client import SyncResult, pending_count
from crm_desktop.sync.conflicts import ConflictEntry, keep_mine, keep_theirs, open_conflicts
from crm_desktop.sync.credentials import (
    INTERVALS,
    SETTINGS_KEY,
    interval_minutes,
    is_configured,
    load_settings,
    recall_server_password,
    save_settings,
)
from crm_desktop.ui.sync.scheduler import AUTH, PASSWORD, SyncScheduler, classify
from crm_desktop.ui.sync.status import reason_text

__all__ = ["SETTINGS_KEY", "SSL_MODES", "SyncDialog"]

SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "disable")


def _shown(value: str | None) -> str:
    if value is None:
        return ""
    decoded = json.loads(value)
    if isinstance(decoded, list):
        return ", ".join(str(v) for v in decoded)
    return "" if decoded is None else str(decoded)


class SyncDialog(QDialog):
    synced = Signal()

    def __init__(  # noqa: PLR0915
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        scheduler: SyncScheduler | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = scheduler if scheduler is not None else SyncScheduler(ctx, self)
        self.setWindowTitle(self.tr("Team sync"))
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.login = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember password"), self)
        if keychain_available():
            self.remember.setToolTip(self.tr("Keep the password in the system keychain."))
        else:
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr("No system keychain is available; type the password each session.")
            )
        self.sslmode = QComboBox(self)
        self.sslmode.addItems(SSL_MODES)
        self.interval = QComboBox(self)
        for minutes in INTERVALS:
            self.interval.addItem(self._interval_text(minutes), minutes)
        self.interval.setToolTip(
            self.tr("CRM Desktop also syncs when it starts, and whenever you click Sync now.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("TLS (sslmode):"), self.sslmode)
        form.addRow(self.tr("Sync automatically:"), self.interval)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.clicked.connect(self.start_sync)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.sync_button)

        self.conflicts = QTableWidget(0, 5, self)
        self.conflicts.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Mine"),
                self.tr("Theirs"),
                self.tr("Why"),
            ]
        )
        self.conflicts.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.conflicts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.keep_mine_button = QPushButton(self.tr("Keep mine"), self)
        self.keep_mine_button.clicked.connect(lambda: self._resolve(mine=True))
        self.keep_theirs_button = QPushButton(self.tr("Keep theirs"), self)
        self.keep_theirs_button.clicked.connect(lambda: self._resolve(mine=False))
        resolve = QHBoxLayout()
        resolve.addStretch(1)
        resolve.addWidget(self.keep_mine_button)
        resolve.addWidget(self.keep_theirs_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Your changes that lost to a newer one:"), self))
        layout.addWidget(self.conflicts, 1)
        layout.addLayout(resolve)
        layout.addWidget(buttons)
        self._entries: list[ConflictEntry] = []
        self._load_settings()
        self.interval.currentIndexChanged.connect(self._interval_changed)
        self.scheduler.started.connect(self._started)
        self.scheduler.synced.connect(self._done)
        self.scheduler.failed.connect(self._failed)
        self.scheduler.remember_failed.connect(self._remember_failed)
        self.refresh()
        if self.scheduler.is_running():
            self._started()
        self.resize(760, 560)

    def _interval_text(self, minutes: int) -> str:
        if minutes == 0:
            return self.tr("Off (on start and on demand)")
        if minutes == 60:
            return self.tr("Every hour")
        return self.tr("Every %n minute(s)", "", minutes)

    # --- settings --------------------------------------------------------------------------

    def _load_settings(self) -> None:
        values = load_settings(self.ctx.db)
        if not values:
            return
        self.host.setText(str(values.get("host", "")))
        self.port.setValue(int(values.get("port", 5432)))
        self.database.setText(str(values.get("dbname", "")))
        self.login.setText(str(values.get("user", "")))
        mode = values.get("sslmode", "prefer")
        self.sslmode.setCurrentIndex(SSL_MODES.index(mode) if mode in SSL_MODES else 0)
        minutes = interval_minutes(values)
        self.interval.setCurrentIndex(INTERVALS.index(minutes) if minutes in INTERVALS else 0)
        if self.remember.isEnabled() and recall_server_password(values) is not None:
            self.remember.setChecked(True)
            self.password.setPlaceholderText(self.tr("Saved in the keychain"))

    def settings(self) -> dict[str, Any]:
        return {
            "host": self.host.text().strip(),
            "port": self.port.value(),
            "dbname": self.database.text().strip(),
            "user": self.login.text().strip(),
            "sslmode": self.sslmode.currentText(),
            "interval": self.interval.currentData(),
        }

    def _interval_changed(self) -> None:
        """Kept at once (no Sync now needed) when a server is set up already."""
        saved = load_settings(self.ctx.db)
        if saved is not None and is_configured(saved):
            saved["interval"] = self.interval.currentData()
            save_settings(self.ctx.db, saved)
            self.scheduler.reload_settings()

    # --- sync ------------------------------------------------------------------------------

    def start_sync(self) -> None:
        save_settings(self.ctx.db, self.settings())
        self.scheduler.reload_settings()
        remember = self.remember.isChecked() if self.remember.isEnabled() else None
        if not self.scheduler.sync_now(self.password.text() or None, remember=remember):
            if self.scheduler.is_running():
                self.status.setText(
                    self.tr("A sync is already running; its result will show here.")
                )
            else:
                self.status.setText(self.tr("Give the server and the database first."))

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.status.setText(self.tr("Syncing…"))

    def _done(self, result: SyncResult) -> None:
        self.sync_button.setEnabled(True)
        self.password.clear()
        self.refresh()
        self.status.setText(
            self.tr("Synced: sent {sent}, received {received}.").format(
                sent=result.pushed, received=result.pulled + result.snapshot_rows
            )
            + " "
            + self._pending_text()
        )
        self.synced.emit()

    def _failed(self, error: BaseException) -> None:
        self.sync_button.setEnabled(True)
        state, reason, detail = classify(error)
        if state == PASSWORD:
            self.status.setText(self.tr("The server asks for a password; type it above."))
        elif reason == AUTH:
            self.status.setText(
                self.tr("The server refused the login or password ({reason}).").format(
                    reason=detail
                )
            )
        elif reason:
            self.status.setText(reason_text(reason).capitalize() + ": " + detail)
        else:
            self.status.setText(detail)

    def _remember_failed(self) -> None:
        self.status.setText(
            self.status.text()
            + " "
            + self.tr("The password could not be saved in the system keychain.")
        )

    def _pending_text(self) -> str:
        count = pending_count(self.ctx.db)
        if count == 0:
            return self.tr("Nothing waiting to be sent.")
        return self.tr("%n change(s) waiting to be sent.", "", count)

    # --- conflicts -------------------------------------------------------------------------

    def refresh(self) -> None:
        self._entries = open_conflicts(self.ctx.db)
        self.conflicts.setRowCount(len(self._entries))
        reasons = {
            "superseded": self.tr("changed elsewhere later"),
            "forbidden": self.tr("not yours any more"),
            "invalid": self.tr("refused by the server"),
        }
        for row, entry in enumerate(self._entries):
            cells = (
                f"{entry.entity} {entry.record_id[-6:]}",
                entry.field,
                _shown(entry.mine),
                _shown(entry.theirs),
                reasons.get(entry.reason, entry.reason),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.conflicts.setItem(row, column, item)
        self.conflicts.resizeColumnsToContents()
        has = bool(self._entries)
        self.keep_mine_button.setEnabled(has)
        self.keep_theirs_button.setEnabled(has)
        if not self.status.text():
            self.status.setText(self._pending_text())

    def _resolve(self, *, mine: bool) -> None:
        rows = sorted({index.row() for index in self.conflicts.selectionModel().selectedRows()})
        for row in rows:
            entry = self._entries[row]
            if mine:
                keep_mine(self.ctx, entry.change_id)
            else:
                keep_theirs(self.ctx.db, entry.change_id)
        self.refresh()
        self.scheduler.note_local_change()  # keeping mine is a new change to send
