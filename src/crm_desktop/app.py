"""Composition root of the GUI: application object, translators, which file to open, the window.

Start-up is kept lean: when the file and its passphrase are known up front, the keyed open
(a deliberately slow key derivation that releases the GIL) runs on a thread while Qt and the
window's modules load. Nothing here imports chart or spreadsheet libraries.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from crm_desktop.domain.errors import CrmError
    from crm_desktop.services.workspace import Workspace

APP_NAME = "CRM Desktop"
PASSPHRASE_ENV = "CRM_PASSPHRASE"
BENCH_ENV = "CRM_BENCH_FIRST_PAGE"
BENCH_T0_ENV = "CRM_BENCH_T0"
LAST_DATABASE_KEY = "session/last_database"
_STARTED = time.perf_counter()  # fallback start time when the benchmark gives none


class _BackgroundOpen:
    """``open_workspace`` on a thread, started at once; ``result`` waits for it."""

    def __init__(self, path: Path, passphrase: str) -> None:
        self._path = path
        self._passphrase = passphrase
        self._workspace: Workspace | None = None
        self._error: CrmError | None = None
        self._thread = threading.Thread(target=self._run, name="open-database", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from crm_desktop.domain.errors import CrmError
        from crm_desktop.services.workspace import open_workspace

        try:
            self._workspace = open_workspace(self._path, self._passphrase)
        except CrmError as error:
            self._error = error

    def result(self) -> tuple[Workspace | None, CrmError | None]:
        self._thread.join()
        return self._workspace, self._error


def data_dir() -> Path:
    """Where new databases and the demo go by default."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))


def translation_dirs() -> list[Path]:
    package = Path(__file__).resolve().parent
    return [package / "translations", package.parent.parent / "translations"]


def install_translators(app: QCoreApplication) -> None:
    """Load our and Qt's translations for the system locale, where compiled ones exist."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    locale = QLocale.system()
    for folder in translation_dirs():
        ours = QTranslator(app)
        if folder.is_dir() and ours.load(locale, "crm_desktop", "_", str(folder)):
            app.installTranslator(ours)
            break
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt)


def _report_first_page() -> None:
    from PySide6.QtCore import QCoreApplication

    t0 = os.environ.get(BENCH_T0_ENV)
    elapsed = time.time() - float(t0) if t0 else time.perf_counter() - _STARTED
    print(f"FIRST_PAGE_SHOWN {elapsed:.4f}", flush=True)
    QCoreApplication.exit(0)


def run_gui(db_path: str | None, argv: list[str]) -> int:
    """Run the desktop application until its window closes; returns the exit code."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    settings = QSettings()
    path = Path(db_path) if db_path else _last_database(settings.value(LAST_DATABASE_KEY))
    env_passphrase = os.environ.get(PASSPHRASE_ENV)
    opening = _BackgroundOpen(path, env_passphrase) if path and env_passphrase else None

    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setQuitOnLastWindowClosed(False)  # the session decides when the program ends
    install_translators(app)

    from crm_desktop.ui.session import Session

    session = Session(settings, data_dir())
    workspace: Workspace | None = None
    error: CrmError | None = None
    if opening is not None:
        workspace, error = opening.result()
    elif path is not None:
        workspace, error = _open_with_keychain(path)
    if workspace is None:
        workspace = session.ask(path, error)
    if workspace is None:
        return 0
    session.ended.connect(app.quit)
    window = session.start(workspace)
    if os.environ.get(BENCH_ENV):
        window.first_page_shown.connect(_report_first_page)
    try:
        return app.exec()
    finally:
        session.shutdown()
        settings.sync()


def _last_database(value: object) -> Path | None:
    """The file opened last time, if it still exists."""
    if not isinstance(value, str) or not value:
        return None
    path = Path(value)
    return path if path.exists() else None


def _open_with_keychain(path: Path) -> tuple[Workspace | None, CrmError | None]:
    """Open with the passphrase the keychain remembers; (None, None) when it has none."""
    from crm_desktop.domain.errors import CrmError
    from crm_desktop.services.secrets import recall_passphrase
    from crm_desktop.services.workspace import open_workspace

    passphrase = recall_passphrase(path)
    if passphrase is None:
        return None, None
    try:
        return open_workspace(path, passphrase), None
    except CrmError as error:
        return None, error


if __name__ == "__main__":
    sys.exit(run_gui(sys.argv[1] if len(sys.argv) > 1 else None, sys.argv[:1]))
