"""Smoke test of a packaged build: the built program makes a demo file, opens it and exits.

    python packaging/smoke_test.py [dist/crm-desktop]

Runs the built executable, not the sources: ``crm-desktop demo`` (Alembic migrations and
SQLCipher from the bundle), ``crm-desktop info``, then the window on Qt's offscreen platform in
Simplified Chinese until its first page of customers is painted (``CRM_BENCH_FIRST_PAGE``
makes it quit there). Fails on a non-zero exit, a Python traceback, a Qt plugin or translation
that cannot be loaded, or a missing bundled file. Standard library only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BUILD = ROOT / "dist" / "crm-desktop"
PASSPHRASE = "smoke test passphrase"
BUNDLED = (
    "crm_desktop/translations/crm_desktop_zh_CN.qm",
    "crm_desktop/translations/crm_desktop_zh_TW.qm",
    "crm_desktop/resources/crm-desktop.svg",
    "crm_desktop/db/migrations/env.py",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/Qt/translations/qtbase_zh_TW.qm",
)
BAD_OUTPUT = ("Traceback", "Could not load the Qt platform plugin", "no zh_CN translation")


def executable(build: Path) -> Path:
    for name in ("crm-desktop.exe", "crm-desktop"):
        if (build / name).is_file():
            return build / name
    raise SystemExit(f"smoke test: no crm-desktop executable in {build}")


def _run(cmd: list[str], env: dict[str, str], timeout: float) -> str:
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - the program we just built
        cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    output = done.stdout + done.stderr
    took = time.perf_counter() - started
    print(f"  {' '.join(cmd[1:])}: exit {done.returncode} in {took:.1f} s", flush=True)
    if done.returncode != 0:
        raise SystemExit(f"smoke test: {cmd[1:]} failed (exit {done.returncode}):\n{output}")
    for bad in BAD_OUTPUT:
        if bad in output:
            raise SystemExit(f"smoke test: {cmd[1:]} printed {bad!r}:\n{output}")
    return output


def smoke(build: Path) -> None:
    program = executable(build)
    internal = build / "_internal" if (build / "_internal").is_dir() else build
    missing = [name for name in BUNDLED if not (internal / name).is_file()]
    if missing:
        raise SystemExit(f"smoke test: the build lacks {missing}")
    with tempfile.TemporaryDirectory(prefix="crm-smoke-") as folder:
        home = Path(folder)
        config = home / "config" / "CRM Desktop"
        config.mkdir(parents=True)
        (config / "CRM Desktop.conf").write_text("[ui]\nlanguage=zh_CN\n", encoding="utf-8")
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "CRM_PASSPHRASE": PASSPHRASE,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }
        db = str(home / "demo.db")
        _run([str(program), "demo", "--db", db, "--customers", "300"], env, 300)
        info = _run([str(program), "info", "--db", db], env, 120)
        if "customers: 300" not in info:
            raise SystemExit(f"smoke test: info does not show the 300 customers:\n{info}")
        gui = _run([str(program), "--db", db], {**env, "CRM_BENCH_FIRST_PAGE": "1"}, 120)
        if "FIRST_PAGE_SHOWN" not in gui:
            raise SystemExit(f"smoke test: the window never showed its first page:\n{gui}")
    print(f"smoke test passed: {program}", flush=True)


if __name__ == "__main__":
    smoke(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_BUILD)
