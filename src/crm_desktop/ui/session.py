"""The running session: which database is open, its main window, locking and switching files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.dialogs.modes import CREATE, OPEN
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.tasks import wait_for_tasks

LAST_DATABASE_KEY = "session/last_database"  # also read by crm_desktop.app


class Session(QObject):
    """Holds the open workspace and its window; ``ended`` when the user closes the window."""

    ended = Signal()

    def __init__(self, settings: QSettings, data_dir: Path) -> None:
        super().__init__()
        self._settings = settings
        self._data_dir = data_dir
        self.workspace: Workspace | None = None
        self.window: MainWindow | None = None

    def ask(self, path: Path | None, error: CrmError | None = None) -> Workspace | None:
        """Ask for the passphrase of ``path`` (or, without a path, for a file); None: cancelled."""
        while True:
            if path is not None:
                from crm_desktop.ui.dialogs.unlock import CHOOSE_OTHER, UnlockDialog

                unlock = UnlockDialog(path, error)
                result = unlock.exec()
                if result == QDialog.DialogCode.Accepted and unlock.workspace is not None:
                    return unlock.workspace
                if result != CHOOSE_OTHER:
                    return None
                path, error = None, None
                mode = OPEN
            else:
                mode = CREATE
            from crm_desktop.ui.dialogs.first_run import FirstRunDialog

            first_run = FirstRunDialog(self._data_dir, mode)
            if first_run.exec() == QDialog.DialogCode.Accepted:
                return first_run.workspace
            return None

    def start(self, workspace: Workspace) -> MainWindow:
        """Show the main window on ``workspace`` and remember the file for next time."""
        self.workspace = workspace
        self._settings.setValue(LAST_DATABASE_KEY, str(workspace.path))
        window = MainWindow(workspace, self._settings)
        window.closed.connect(self._window_closed)
        window.lock_requested.connect(self.lock)
        window.new_database_requested.connect(lambda: self.switch(CREATE))
        window.open_database_requested.connect(lambda: self.switch(OPEN))
        self.window = window
        window.show()
        return window

    def lock(self) -> None:
        """Close the file and ask for its passphrase again (the keychain is not consulted)."""
        if self.workspace is None:
            return
        path = self.workspace.path
        self._close_current()
        workspace = self.ask(path)
        if workspace is None:
            self.ended.emit()
        else:
            self.start(workspace)

    def switch(self, mode: int) -> None:
        from crm_desktop.ui.dialogs.first_run import FirstRunDialog  # loaded when needed

        dialog = FirstRunDialog(self._data_dir, mode, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.workspace is not None:
            self._close_current()
            self.start(dialog.workspace)

    def shutdown(self) -> None:
        self._close_current()

    def _window_closed(self) -> None:
        self.ended.emit()

    def _close_current(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.closed.disconnect(self._window_closed)
            window.close()
            window.deleteLater()
        wait_for_tasks()  # no background query may outlive the database
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
