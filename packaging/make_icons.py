"""Render the one icon source (resources/crm-desktop.svg) into the formats installers need.

    python packaging/make_icons.py OUT_DIR   writes crm-desktop.png, .ico (Windows), .icns (macOS)

Uses Qt's own image plugins (svg, ico, icns), so no image library is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "crm-desktop.svg"


def render(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    out.mkdir(parents=True, exist_ok=True)
    icon = QIcon(str(SOURCE))
    made = []
    for name, size, image_format in (
        ("crm-desktop.png", 512, "PNG"),
        ("crm-desktop.ico", 256, "ICO"),
        ("crm-desktop.icns", 512, "ICNS"),
    ):
        path = out / name
        if not icon.pixmap(size, size).toImage().save(str(path), image_format):
            raise SystemExit(f"make_icons: Qt could not write {path}")
        made.append(path)
    return made


if __name__ == "__main__":
    for made in render(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"):
        print(made)
