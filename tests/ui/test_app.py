"""The composition root end to end, in a child process as the real program runs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from crm_desktop.db.schema import SCHEMA_HEAD
from crm_desktop.services.workspace import Workspace, open_workspace
from tests.conftest import PASSPHRASE, old_schema_engine

# Runs the program; at each benchmark report it also says whether SQLAlchemy had loaded.
SCRIPT = """
import sys
from crm_desktop import app

report = app._report

def report_and_modules(marker):
    report(marker)
    print("SQLALCHEMY", marker, "sqlalchemy" in sys.modules, flush=True)

app._report = report_and_modules
code = app.run_gui(sys.argv[1], sys.argv[:1])
heavy = sorted(m for m in ("pyqtgraph", "openpyxl", "numpy") if m in sys.modules)
print("HEAVY", ",".join(heavy) or "-", flush=True)
sys.exit(code)
"""


def run_program(path: Path, tmp_path: Path) -> list[str]:
    env = dict(
        os.environ,
        CRM_PASSPHRASE=PASSPHRASE,
        CRM_BENCH_FIRST_PAGE="1",
        CRM_BENCH_T0=str(time.time()),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_first_page_is_shown_before_the_program_loads(sample: Workspace, tmp_path: Path) -> None:
    path = sample.path
    sample.close()
    lines = run_program(path, tmp_path)
    first, first_modules, ready, ready_modules, heavy = lines
    assert first.startswith("FIRST_PAGE_SHOWN ")
    assert first_modules == "SQLALCHEMY FIRST_PAGE_SHOWN False"  # painted from plain SQL
    assert ready.startswith("WINDOW_READY ")  # then the real window painted its own page
    assert ready_modules == "SQLALCHEMY WINDOW_READY True"
    assert 0 < float(first.split()[1]) <= float(ready.split()[1]) < 60
    assert heavy == "HEAVY -"
    assert list((tmp_path / "config").rglob("*.conf")), "settings were not saved"


def test_an_old_file_is_migrated_before_any_data_is_shown(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = old_schema_engine(path)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customers (id, kind, name, status, created_at, updated_at) VALUES "
            "('c1', 'company', '老客户', 'active', '2024-01-01 00:00:00.000000', "
            "'2024-01-01 00:00:00.000000')"
        )
    engine.dispose()

    lines = run_program(path, tmp_path)
    # no start-up page: the first page shown is the real window's, after the migrations
    assert lines[1] == "SQLALCHEMY FIRST_PAGE_SHOWN True"
    assert lines[2].startswith("WINDOW_READY ")  # reported together
    workspace = open_workspace(path, PASSPHRASE)
    try:
        assert workspace.db.schema_version == SCHEMA_HEAD
        assert workspace.customers.get("c1").name == "老客户"
    finally:
        workspace.close()


SCAN_SCRIPT = """
import inspect
import PySide6.QtCore
from crm_desktop import app

read = []
real_getsource = inspect.getsource

def recording_getsource(obj):
    read.append(getattr(obj, "__name__", "?"))
    return real_getsource(obj)

inspect.getsource = recording_getsource
import colorsys  # a module new to this process: PySide6 reads its source
app.skip_pyside_source_scan()
import wave  # after the switch: not read
from PySide6.QtCore import QObject, Qt
assert QObject().objectName() == "" and Qt.AlignmentFlag.AlignLeft  # Qt as before
print(",".join(read))
"""


def test_pyside_stops_reading_the_source_of_each_new_module() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCAN_SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    read = done.stdout.strip().split(",")
    assert "colorsys" in read  # what the switch saves at start-up (SQLAlchemy and ours)
    assert "wave" not in read
