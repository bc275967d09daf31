"""The application's icon, drawn from ``resources/crm-desktop.svg`` (the one source of it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ICON_NAME = "crm-desktop.svg"


def icon_path() -> Path | None:
    """The icon in a source tree (``resources/``) or in a packaged build (``crm_desktop/``)."""
    package = Path(__file__).resolve().parent.parent
    for folder in (package / "resources", package.parent.parent / "resources"):
        if (folder / ICON_NAME).is_file():
            return folder / ICON_NAME
    return None


def app_icon() -> QIcon:
    path = icon_path()
    return QIcon(str(path)) if path is not None else QIcon()
