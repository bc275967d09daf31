"""Composition root of the GUI: application object, translators, which file to open, the window.

Start-up is kept lean: when the file is known up front, a thread takes its passphrase (from
``CRM_PASSPHRASE`` or the keychain), derives the key (deliberately slow; it releases the GIL)
and reads the list's first page with plain SQL while Qt loads. That page is painted first
(``ui/customers/first_page.py``), then SQLAlchemy and the window load and the real window
takes its place. Nothing here imports chart or spreadsheet libraries.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from crm_desktop.db.keyed_file import KeyedFile
    from crm_desktop.domain.errors import CrmError
    from crm_desktop.services.first_page import FirstPage
    from crm_desktop.services.workspace import Workspace
    from crm_desktop.ui.main_window import MainWindow
    from crm_desktop.ui.session import Session

APP_NAME = "CRM Desktop"
PASSPHRASE_ENV = "CRM_PASSPHRASE"
BENCH_ENV = "CRM_BENCH_FIRST_PAGE"
BENCH_T0_ENV = "CRM_BENCH_T0"
FIRST_PAGE_MARKER = "FIRST_PAGE_SHOWN"  # the first page is on screen (start-up page or window)
WINDOW_READY_MARKER = "WINDOW_READY"  # the real window has painted its own first page
LAST_DATABASE_KEY = "session/last_database"
LAST_TAB_KEY = "main_window/tab"  # as ui/main_window saves it
_STARTED = time.perf_counter()  # fallback start time when the benchmark gives none


class _BackgroundOpen:
    """Opening the file on a thread, started at once: the key derivation (slow on purpose, it
    releases the GIL) runs while Qt loads. Then, if the file needs no migration, the thread
    reads the list's first page with plain SQL, so the window can show it before SQLAlchemy
    and the rest of the program load (``page``)."""

    def __init__(self, path: Path, passphrase: str | None) -> None:
        """``passphrase`` None: the one the keychain remembers for ``path``, if any."""
        self.path = path
        self._passphrase = passphrase
        self._keyed: KeyedFile | None = None
        self._error: CrmError | None = None
        self.page: FirstPage | None = None
        self._thread = threading.Thread(target=self._run, name="open-database", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import sqlcipher3

        from crm_desktop.db.keyed_file import open_keyed
        from crm_desktop.domain.errors import CrmError
        from crm_desktop.services.first_page import read_first_page

        passphrase = self._passphrase
        if passphrase is None:
            from crm_desktop.services.secrets import recall_passphrase

            passphrase = recall_passphrase(self.path)
            if passphrase is None:
                return  # nothing remembered: the user is asked
        try:
            self._keyed = open_keyed(self.path, passphrase)
        except CrmError as error:
            self._error = error
            return
        if not self._keyed.needs_upgrade:  # migrations run before any data is shown
            try:
                self.page = read_first_page(self._keyed.connection)
            except (sqlcipher3.Error, ValueError):
                self.page = None  # the full program will say what is wrong

    def wait(self) -> FirstPage | None:
        """Wait for the key and the first page; None when no first page can be shown early."""
        self._thread.join()
        return self.page

    def result(self) -> tuple[Workspace | None, CrmError | None]:
        """The workspace (migrated if it had to be), or the error that prevented it."""
        self._thread.join()
        if self._keyed is None:
            return None, self._error
        return _adopt(self._keyed)


def _adopt(keyed: KeyedFile) -> tuple[Workspace | None, CrmError | None]:
    """The workspace around a file ``open_keyed`` checked and keyed (as ``open_workspace``)."""
    from crm_desktop.db.engine import adopt
    from crm_desktop.domain.errors import CrmError
    from crm_desktop.services.context import open_context
    from crm_desktop.services.workspace import Workspace

    try:
        db = adopt(keyed)
    except CrmError as error:
        return None, error
    try:
        return Workspace(db, open_context(db)), None
    except CrmError as error:
        db.close()
        return None, error
    except BaseException:
        db.close()
        raise


def data_dir() -> Path:
    """Where new databases and the demo go by default."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))


def install_translators(app: QApplication, settings: QSettings) -> None:
    """Our and Qt's translations, locale and fonts for the chosen (or system) language."""
    from crm_desktop.ui import i18n
    from crm_desktop.ui.resources import app_icon

    i18n.install(settings)
    app.setWindowIcon(app_icon())


def skip_pyside_source_scan() -> None:
    """Stop PySide6 reading the source of every module imported after it.

    PySide6 looks at each newly imported module's source text (``inspect.getsource``) to
    tell modules that mention PySide6 from those that do not, for its optional
    ``from __feature__ import snake_case, true_property`` switches. This program selects no
    such feature, so every module sees Qt's default names either way (a module that did
    import ``__feature__`` would still be registered by that import). The scan costs about
    a fifth of the CPU of loading SQLAlchemy and the window's modules at start-up."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_no_pyside_feature  # type: ignore[attr-defined]


def _uses_no_pyside_feature(_module: object) -> bool:
    return False


def _report(marker: str) -> None:
    """Benchmark hook: print the seconds since the benchmark spawned us."""
    t0 = os.environ.get(BENCH_T0_ENV)
    elapsed = time.time() - float(t0) if t0 else time.perf_counter() - _STARTED
    print(f"{marker} {elapsed:.4f} {time.process_time():.4f}", flush=True)  # wall, CPU


def _report_window_ready(reported_first: bool) -> None:
    from PySide6.QtCore import QCoreApplication

    if not reported_first:
        _report(FIRST_PAGE_MARKER)
    _report(WINDOW_READY_MARKER)
    QCoreApplication.exit(0)


def run_gui(db_path: str | None, argv: list[str]) -> int:
    """Run the desktop application until its window closes; returns the exit code."""
    env_passphrase = os.environ.get(PASSPHRASE_ENV)
    # With the file and its passphrase given, the key derivation starts before Qt loads.
    early = _BackgroundOpen(Path(db_path), env_passphrase) if db_path and env_passphrase else None
    from PySide6.QtCore import QCoreApplication, QSettings

    skip_pyside_source_scan()  # before the program's own modules load
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    settings = QSettings()
    path = Path(db_path) if db_path else _last_database(settings.value(LAST_DATABASE_KEY))
    from crm_desktop.ui.lock.instance import REFUSED_EXIT_CODE, refuse_second_instance

    if path is not None and refuse_second_instance(path):  # another window has the file
        return REFUSED_EXIT_CODE  # the early open only read the file
    opening = early or (_BackgroundOpen(path, env_passphrase) if path else None)

    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setQuitOnLastWindowClosed(False)  # the session decides when the program ends
    install_translators(app, settings)

    if opening is not None and _opens_on_customers(settings) and opening.wait() is not None:
        return _run_from_first_page(app, settings, opening)

    from crm_desktop.ui.session import Session

    session = Session(settings, data_dir())
    workspace: Workspace | None = None
    error: CrmError | None = None
    if opening is not None:
        workspace, error = opening.result()
    if workspace is None:
        workspace = session.ask(path, error)
    if workspace is None:
        return 0
    session.ended.connect(app.quit)
    _watch_for_benchmark(session.start(workspace), reported_first=False)
    try:
        return app.exec()
    finally:
        session.shutdown()
        settings.sync()


def _opens_on_customers(settings: QSettings) -> bool:
    """The window will open on the Customers tab (the start-up page shows only that one)."""
    return str(settings.value(LAST_TAB_KEY, 0)) in ("0", "")


def _watch_for_benchmark(window: MainWindow, *, reported_first: bool) -> None:
    if os.environ.get(BENCH_ENV):
        window.first_page_shown.connect(lambda: _report_window_ready(reported_first))


def _on_thread_then(
    parent: QObject, work: Callable[[], None], then: Callable[[], None]
) -> Callable[[], None]:
    """A function that starts ``work`` on a thread and calls ``then`` on the GUI thread once
    it has finished (a short poll: no cross-thread signal is needed)."""
    from PySide6.QtCore import QTimer

    thread = threading.Thread(target=work, name="load-program", daemon=True)
    poll = QTimer(parent)
    poll.setInterval(10)

    def check() -> None:
        if not thread.is_alive():
            poll.stop()
            then()

    poll.timeout.connect(check)

    def start() -> None:
        thread.start()
        poll.start()

    return start


def _run_from_first_page(app: QApplication, settings: QSettings, opening: _BackgroundOpen) -> int:
    """Show the start-up page at once, then load the program and swap in the real window.

    Only for a file that opened without error and needs no migration; the page is a picture
    of the window (``ui/customers/first_page.py``), replaced in place by the real one."""
    from crm_desktop.ui.customers.first_page import FirstPageWindow

    page = opening.page
    if page is None:
        raise ValueError("no first page to show")
    preview = FirstPageWindow(settings, opening.path.name, page)
    bench = bool(os.environ.get(BENCH_ENV))
    holder: list[Session] = []  # the session, kept alive while the loop runs
    loaded: list[tuple[Workspace | None, CrmError | None]] = []
    folder: list[Path] = []

    def import_program() -> None:
        """On a thread, while the start-up page stays responsive (the search box takes
        typing): the program's modules, SQLAlchemy and the workspace around the file."""
        import crm_desktop.ui.main_window
        import crm_desktop.ui.session  # noqa: F401

        folder.append(data_dir())
        loaded.append(opening.result())

    def load_program() -> None:
        from crm_desktop.ui.session import Session

        session = Session(settings, folder[0] if folder else data_dir())
        holder.append(session)
        workspace, error = loaded[0] if loaded else opening.result()
        if workspace is None:  # cannot happen after a clean first page, but stay correct
            workspace = session.ask(opening.path, error)
        if workspace is None:
            preview.close()
            app.quit()
            return
        session.ended.connect(app.quit)
        window = session.start(workspace)
        window.customers.model.preload(page)  # same rows until its own query answers
        _watch_for_benchmark(window, reported_first=True)
        preview.hand_over_search(window.search)  # what was typed meanwhile is searched
        preview.close()
        preview.deleteLater()

    start_loading = _on_thread_then(preview, import_program, load_program)

    def painted() -> None:
        if bench:
            _report(FIRST_PAGE_MARKER)
        start_loading()  # after the paint has reached the screen

    preview.painted.connect(painted)
    preview.show()
    try:
        return app.exec()
    finally:
        for session in holder:
            session.shutdown()
        settings.sync()


def _last_database(value: object) -> Path | None:
    """The file opened last time, if it still exists."""
    if not isinstance(value, str) or not value:
        return None
    path = Path(value)
    return path if path.exists() else None


if __name__ == "__main__":
    sys.exit(run_gui(sys.argv[1] if len(sys.argv) > 1 else None, sys.argv[:1]))
