"""Locking on demand (Ctrl+L) and after N idle minutes, and unlocking with the passphrase.

Locking covers every visible window of the program with an opaque panel, so no customer data
stays on screen, closes every database connection and forgets the key (``services.rekey.
drop_key``), and shows the unlock prompt as an application-modal dialog on top. Open dialogs
are covered, not closed: what the user was typing in them is there after unlocking, and a
save then goes through the reopened file.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from crm_desktop.db.engine import Database
from crm_desktop.domain.errors import CrmError
from crm_desktop.services import rekey
from crm_desktop.ui.busy import busy_cursor
from crm_desktop.ui.lock.screen import LockCover, UnlockPrompt
from crm_desktop.ui.tasks import wait_for_tasks
from crm_desktop.ui.text import error_text

AUTO_LOCK_KEY = "security/auto_lock_minutes"
DEFAULT_AUTO_LOCK_MINUTES = 10
CHECK_EVERY_MS = 15_000
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def auto_lock_minutes(settings: QSettings) -> int:
    """The idle minutes before locking; 0 turns auto-lock off."""
    value = settings.value(AUTO_LOCK_KEY, DEFAULT_AUTO_LOCK_MINUTES)
    try:
        return max(0, int(str(value)))
    except ValueError:
        return DEFAULT_AUTO_LOCK_MINUTES


class LockController(QObject):
    """``locked_changed(bool)`` lets the window pause and resume its timers and reload."""

    locked_changed = Signal(bool)
    quit_requested = Signal()

    def __init__(self, window: QWidget, db: Database, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._settings = settings
        self.locked = False
        self.prompt: UnlockPrompt | None = None
        self._covers: list[LockCover] = []
        self._last_input = time.monotonic()
        self.idle_limit_s = auto_lock_minutes(settings) * 60.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check_idle)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.apply_settings()

    # --- idle ------------------------------------------------------------------------------

    def apply_settings(self) -> None:
        self.set_idle_limit(auto_lock_minutes(self._settings) * 60.0)

    def set_idle_limit(self, seconds: float) -> None:
        """Lock after ``seconds`` without keyboard or mouse input (0: never)."""
        self.idle_limit_s = seconds
        self._last_input = time.monotonic()
        if seconds > 0:
            self._timer.start(int(min(CHECK_EVERY_MS, max(50.0, seconds * 250))))
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def check_idle(self) -> None:
        idle = time.monotonic() - self._last_input
        if not self.locked and self.idle_limit_s > 0 and idle >= self.idle_limit_s:
            self.lock()

    # --- lock and unlock -------------------------------------------------------------------

    def _windows(self) -> list[QWidget]:
        """The program's visible windows: the main window and its dialogs."""
        found = [self._window]
        for widget in QApplication.topLevelWidgets():
            if widget is self._window or not widget.isVisible() or widget is self.prompt:
                continue
            parent = widget.parentWidget()
            while parent is not None and parent is not self._window:
                parent = parent.parentWidget()
            if parent is self._window:
                found.append(widget)
        return found

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.locked_changed.emit(True)  # timers stop before the key goes
        self._covers = [LockCover(window) for window in self._windows()]
        wait_for_tasks()
        rekey.drop_key(self._db)
        prompt = UnlockPrompt(self._db.path.name, self._window)
        prompt.unlock_requested.connect(self.unlock)
        prompt.quit_requested.connect(self.quit_requested)
        self.prompt = prompt
        prompt.open()

    def unlock(self, passphrase: str) -> bool:
        if not self.locked:
            return True
        try:
            with busy_cursor():
                rekey.restore_key(self._db, passphrase)
        except CrmError as error:
            if self.prompt is not None:
                self.prompt.failed(error_text(error))
            return False
        for cover in self._covers:
            cover.remove()
        self._covers = []
        prompt, self.prompt = self.prompt, None
        if prompt is not None:
            prompt.done(0)
            prompt.deleteLater()
        self.locked = False
        self._last_input = time.monotonic()
        self.locked_changed.emit(False)
        return True

    def shutdown(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
