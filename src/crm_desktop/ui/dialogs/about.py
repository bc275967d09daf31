"""Help → About: the version, the licence and the versions of the libraries inside."""

from __future__ import annotations

import platform
import sys
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import __version__
from crm_desktop.ui.resources import app_icon

# Distribution names of what the program is built from, in the order shown.
LIBRARIES = (
    "SQLAlchemy",
    "alembic",
    "sqlcipher3",
    "keyring",
    "phonenumbers",
    "email-validator",
    "platformdirs",
    "pypinyin",
    "charset-normalizer",
    "python-calamine",
    "openpyxl",
    "icalendar",
    "pyqtgraph",
    "numpy",
    "psycopg",
)


def library_versions() -> list[tuple[str, str]]:
    """(name, version) of Python, Qt, PySide6, SQLCipher and each library that is installed."""
    rows = [
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        ("SQLCipher", _sqlcipher_version()),
    ]
    for name in LIBRARIES:
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            continue
    return rows


def _sqlcipher_version() -> str:
    try:
        from sqlcipher3 import dbapi2

        connection = dbapi2.connect(":memory:")
        try:
            row = connection.execute("PRAGMA cipher_version").fetchone()
        finally:
            connection.close()
        return str(row[0]) if row else ""
    except Exception:  # the About box shows what it can
        return ""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About CRM Desktop"))
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            self.tr("<h2>CRM Desktop</h2><p>Version {version}</p>").format(version=__version__),
            self,
        )
        summary = QLabel(
            self.tr(
                "Customers, follow-ups and deals for small businesses: offline, encrypted, "
                "optionally shared through a team server."
            ),
            self,
        )
        summary.setWordWrap(True)
        licence = QLabel(
            self.tr(
                "Proprietary software; all rights reserved. The libraries listed below are "
                "used under their own licences (Qt and PySide6 under the LGPL v3)."
            ),
            self,
        )
        licence.setWordWrap(True)
        self.libraries = QTreeWidget(self)
        self.libraries.setRootIsDecorated(False)
        self.libraries.setHeaderLabels([self.tr("Library"), self.tr("Version")])
        for name, version in library_versions():
            self.libraries.addTopLevelItem(QTreeWidgetItem([name, version]))
        self.libraries.resizeColumnToContents(0)
        platform_label = QLabel(
            self.tr("Running on {system}, Python {python}.").format(
                system=platform.platform(terse=True), python=sys.version.split()[0]
            ),
            self,
        )
        platform_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        header = QHBoxLayout()
        header.addWidget(icon)
        texts = QVBoxLayout()
        texts.addWidget(title)
        texts.addWidget(summary)
        header.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(licence)
        layout.addWidget(self.libraries, 1)
        layout.addWidget(platform_label)
        layout.addWidget(buttons)
        self.resize(480, 460)
        self.setWindowIcon(QIcon(app_icon()))
