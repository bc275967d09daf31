"""The packaging inputs are consistent; the built program passes its smoke test.

The build itself takes minutes, so it is a separate command: ``python3 run.py package`` builds
dist/crm-desktop with PyInstaller and runs packaging/smoke_test.py on it. Here the smoke test
runs again on that build when it exists (marked slow), and the cheap checks always run.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication

import crm_desktop

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "dist" / "crm-desktop"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(path.stem, module)
    spec.loader.exec_module(module)
    return module


def test_version_has_one_value() -> None:
    """The spec, the installer script and the About box read crm_desktop.__version__."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert crm_desktop.__version__ == project["version"]
    spec = (ROOT / "packaging" / "crm_desktop.spec").read_text()
    assert "__version__" in spec
    installer = (ROOT / "packaging" / "windows" / "crm_desktop.iss").read_text()
    assert re.search(r"#define AppVersion GetVersionNumbersString|#ifndef AppVersion", installer)


def test_the_spec_bundles_what_the_program_loads_as_files() -> None:
    spec = (ROOT / "packaging" / "crm_desktop.spec").read_text()
    for needed in ('db" / "migrations', "translations", "crm-desktop.svg", "launch.py"):
        assert needed in spec
    assert (ROOT / "resources" / "crm-desktop.svg").is_file()
    assert (ROOT / "src" / "crm_desktop" / "db" / "migrations" / "env.py").is_file()


def test_icons_render_from_the_one_source(qapp: QApplication, tmp_path: Path) -> None:
    # ``qapp`` first: the script would otherwise make a QGuiApplication for the whole run
    made = _load(ROOT / "packaging" / "make_icons.py").render(tmp_path)
    assert [p.suffix for p in made] == [".png", ".ico", ".icns"]
    assert all(p.stat().st_size > 1000 for p in made)


@pytest.mark.slow
@pytest.mark.skipif(not BUILD.is_dir(), reason="no build: run `python3 run.py package`")
def test_the_built_program_starts_opens_a_demo_file_and_exits() -> None:
    _load(ROOT / "packaging" / "smoke_test.py").smoke(BUILD)
