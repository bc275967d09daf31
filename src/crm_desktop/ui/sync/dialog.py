"""Tools → Sync…: the team server's address, a Sync now button, the status and the conflicts.

The sync runs on a worker thread (``ui.tasks``); the window stays usable. The server address
and login are remembered in the file; the password is asked for and kept for this session.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.context import ServiceContext, read_meta, write_meta
from crm_desktop.sync.client import SyncClient, SyncResult, pending_count
from crm_desktop.sync.conflicts import ConflictEntry, keep_mine, keep_theirs, open_conflicts
from crm_desktop.ui.tasks import run_task
from crm_desktop.ui.text import error_text

SETTINGS_KEY = "sync_settings"
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
        self, ctx: ServiceContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Team sync"))
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.login = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode = QComboBox(self)
        self.sslmode.addItems(SSL_MODES)
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("TLS (sslmode):"), self.sslmode)

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
        self.refresh()
        self.resize(760, 520)

    # --- settings --------------------------------------------------------------------------

    def _load_settings(self) -> None:
        saved = read_meta(self.ctx.db, SETTINGS_KEY)
        if not saved:
            return
        values = json.loads(saved)
        self.host.setText(values.get("host", ""))
        self.port.setValue(int(values.get("port", 5432)))
        self.database.setText(values.get("dbname", ""))
        self.login.setText(values.get("user", ""))
        mode = values.get("sslmode", "prefer")
        self.sslmode.setCurrentIndex(SSL_MODES.index(mode) if mode in SSL_MODES else 0)

    def settings(self) -> dict[str, Any]:
        return {
            "host": self.host.text().strip(),
            "port": self.port.value(),
            "dbname": self.database.text().strip(),
            "user": self.login.text().strip(),
            "sslmode": self.sslmode.currentText(),
        }

    # --- sync ------------------------------------------------------------------------------

    def start_sync(self) -> None:
        settings = self.settings()
        write_meta(self.ctx.db, SETTINGS_KEY, json.dumps(settings))
        password = self.password.text()
        self.sync_button.setEnabled(False)
        self.status.setText(self.tr("Syncing…"))
        ctx = self.ctx

        def connect() -> Any:
            import psycopg

            params: dict[str, Any] = dict(settings)
            if password:
                params["password"] = password
            return psycopg.connect(autocommit=True, connect_timeout=15, **params)

        def work(_progress: Any) -> SyncResult:
            return SyncClient(ctx, connect).sync()

        run_task(work, self._done, self._failed)

    def _done(self, result: SyncResult) -> None:
        self.sync_button.setEnabled(True)
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
        if isinstance(error, CrmError):
            self.status.setText(error_text(error))
        else:
            self.status.setText(
                self.tr("Sync failed: {reason}").format(reason=type(error).__name__)
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
