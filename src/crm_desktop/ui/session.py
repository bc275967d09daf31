"""The running session: which database is open, its main window, locking and switching files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.dialogs.modes import CREATE, OPEN
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.tasks import wait_for_tasks

if TYPE_CHECKING:
    from crm_desktop.ui.safety import Safety

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
        self.safety: Safety | None = None

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
        """Show the main window on ``workspace`` and remember the file for next time.

        When another CRM Desktop has the file open, says so and ends the program (the check
        in ``app.run_gui`` normally refuses earlier, before the file is opened)."""
        from crm_desktop.ui.lock.instance import REFUSED_EXIT_CODE, refuse_second_instance
        from crm_desktop.ui.safety import install_safety  # backups, passphrase, auto-lock

        if refuse_second_instance(workspace.path):
            workspace.close()
            raise SystemExit(REFUSED_EXIT_CODE)
        self.workspace = workspace
        self._settings.setValue(LAST_DATABASE_KEY, str(workspace.path))
        window = MainWindow(workspace, self._settings)
        window.closed.connect(self._window_closed)
        self.safety = install_safety(window, workspace, self._settings)  # Ctrl+L locks
        window.new_database_requested.connect(lambda: self.switch(CREATE))
        window.open_database_requested.connect(lambda: self.switch(OPEN))
        window.language_changed.connect(self.rebuild_window)
        self.window = window
        window.show()
        return window

    def rebuild_window(self) -> None:
        """The same open file in a new window, after a language switch (see ``ui.i18n``)."""
        from crm_desktop.ui.i18n import WindowState

        old, workspace = self.window, self.workspace
        if old is None or workspace is None:
            return
        state = WindowState.of(old)
        old.closed.disconnect()  # the program goes on: no end of session, no backup at close
        if self.safety is not None:
            self.safety.locker.shutdown()
            self.safety.backups.stop()
        old.close()
        old.deleteLater()
        state.restore(self.start(workspace))

    def lock(self) -> None:
        """Hide the data behind the unlock screen and drop the key (``ui.lock``)."""
        if self.safety is not None:
            self.safety.locker.lock()

    def switch(self, mode: int) -> None:
        from crm_desktop.ui.dialogs.first_run import FirstRunDialog  # loaded when needed

        dialog = FirstRunDialog(self._data_dir, mode, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.workspace is not None:
            if not self._may_open(dialog.workspace):
                return
            self._close_current()
            self.start(dialog.workspace)

    def _may_open(self, workspace: Workspace) -> bool:
        """False, with a message, when another CRM Desktop window has the file open."""
        from crm_desktop.ui.lock.instance import refuse_second_instance

        if refuse_second_instance(workspace.path):
            workspace.close()
            return False
        return True

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
        self.safety = None
        if self.workspace is not None:
            from crm_desktop.services import instance_lock

            self.workspace.close()
            instance_lock.release(self.workspace.path)
            self.workspace = None
