"""The composition root end to end, in a child process as the real program runs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from crm_desktop.services.workspace import Workspace
from tests.conftest import PASSPHRASE

SCRIPT = """
import sys
from crm_desktop.app import run_gui
code = run_gui(sys.argv[1], sys.argv[:1])
heavy = sorted(m for m in ("pyqtgraph", "openpyxl", "numpy") if m in sys.modules)
print("HEAVY", ",".join(heavy) or "-", flush=True)
sys.exit(code)
"""


def test_run_gui_reports_the_first_page_and_exits(sample: Workspace, tmp_path: Path) -> None:
    path = sample.path
    sample.close()
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
    lines = done.stdout.splitlines()
    assert lines[0].startswith("FIRST_PAGE_SHOWN ")
    assert 0 < float(lines[0].split()[1]) < 60
    assert lines[1] == "HEAVY -"
    assert list((tmp_path / "config").rglob("*.conf")), "settings were not saved"
