"""Layering rules: the core never imports Qt, and start-up does not load heavy libraries."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import crm_desktop

CORE = ("crm_desktop.domain", "crm_desktop.db", "crm_desktop.services", "crm_desktop.sync")


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(crm_desktop.__path__, "crm_desktop."):
        if info.name.startswith(CORE) and ".migrations" not in info.name:
            names.append(info.name)
    return names


def test_core_layers_import_no_qt() -> None:
    modules = _core_modules()
    assert "crm_desktop.services.customers" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_cli_start_loads_no_gui_or_report_libraries() -> None:
    code = (
        "import sys\n"
        "import crm_desktop.cli, crm_desktop.services.workspace\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'pyqtgraph', 'openpyxl', 'numpy', 'alembic'))\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
