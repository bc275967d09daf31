"""Screenshots of every tab and the main dialogs in English, Simplified and Traditional Chinese.

    .venv/bin/python tools/screenshots.py [--customers 20000] [--out screenshots]

Runs offscreen on a copy of the benchmark demo file, switches the language the way a user
does (View → Language, which rebuilds the window) and saves ``<what>_<language>.png``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

TABS = ("customers", "followups", "opportunities", "reports")
SIZE = (1280, 800)


def _pseudo_translator_class() -> type:
    from PySide6.QtCore import QTranslator

    class Pseudo(QTranslator):
        """Every text half as long again, placeholders and accelerators kept."""

        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            del context, disambiguation, n
            if not source or source.startswith("<") or "%" in source:
                return source
            return f"{source} {'·' * max(2, len(source) // 2)}"

        def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
            return False

    return Pseudo


def PseudoTranslator() -> object:  # noqa: N802 - reads as the class it makes
    return _pseudo_translator_class()()


def main() -> int:  # noqa: PLR0915 - one straight script
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--languages", default="en,zh_CN,zh_TW")
    args = parser.parse_args()

    from benchmarks.data import PASSPHRASE, demo_file
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from crm_desktop.services.workspace import open_workspace
    from crm_desktop.ui import i18n
    from crm_desktop.ui.session import Session

    source = demo_file(args.customers).path
    work = Path(tempfile.mkdtemp(prefix="crm-shots-"))
    copy = work / "demo.db"
    shutil.copyfile(source, copy)
    QCoreApplication.setOrganizationName("CRM Desktop Screenshots")
    QCoreApplication.setApplicationName("CRM Desktop Screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "cfg"))
    app = QApplication(sys.argv[:1])
    settings = QSettings()
    i18n.install(settings)
    session = Session(settings, work)
    window = session.start(open_workspace(copy, PASSPHRASE))
    args.out.mkdir(parents=True, exist_ok=True)

    def save(widget: QWidget, name: str) -> None:
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    pseudo = PseudoTranslator() if "pseudo" in args.languages else None
    for language in args.languages.split(","):
        if language == "pseudo":  # English, every text made 50 % longer: finds clipping
            app.installTranslator(pseudo)  # type: ignore[arg-type]
            session.rebuild_window()
        else:
            window.set_language(language)
        QTest.qWait(300)
        if session.window is None:
            raise SystemExit("screenshots: the window was not rebuilt")
        window = session.window
        window.resize(*SIZE)
        for number, tab in enumerate(TABS):
            window.tabs.setCurrentIndex(number)
            QTest.qWait(2500)
            if tab == "reports":  # the charts are computed off the GUI thread
                computing = QCoreApplication.translate("ReportsTab", "Computing…")
                for _ in range(120):
                    if window.reports.status.text() != computing:
                        break
                    QTest.qWait(500)
                QTest.qWait(500)
            if tab == "customers":
                window.customers.table.selectRow(2)
                QTest.qWait(800)
            save(window, f"{tab}_{language}")
        window.tabs.setCurrentIndex(0)
        for name, dialog in (
            ("editor", window.customers.edit_customer()),
            ("settings", window.show_settings()),
            ("about", window.show_about()),
        ):
            if dialog is None:
                continue
            QTest.qWait(600)
            save(dialog, f"dialog_{name}_{language}")
            dialog.close()
    session.shutdown()
    app.processEvents()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
