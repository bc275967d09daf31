#!/usr/bin/env python3
"""Set up CRM Desktop's environment from the lock files, then launch the app or run the tests.

    python3 run.py          set up .venv and launch CRM Desktop (extra arguments go to the app)
    python3 run.py test     set up .venv with the test tools and run ruff, mypy and pytest
    python3 run.py package  set up .venv with the build tools, build dist/crm-desktop with
                            PyInstaller and smoke-test the built program

Needs only Python 3.11 or newer. The environment lives in .venv next to this file and is
refreshed whenever a lock file changes. On Windows use ``py run.py`` / ``py run.py test``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _run(*cmd: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def _check(*cmd: str | Path) -> None:
    code = _run(*cmd)
    if code:
        sys.exit(f"run.py: setting up the environment failed ({code}): {' '.join(map(str, cmd))}")


def ensure_environment(dev: bool) -> None:
    if sys.version_info < (3, 11):
        sys.exit("run.py: CRM Desktop needs Python 3.11 or newer")
    lock = ROOT / ("requirements-dev.lock" if dev else "requirements.lock")
    stamp = VENV / f".installed-{'dev' if dev else 'app'}"
    digest = hashlib.sha256(lock.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and stamp.exists() and stamp.read_text() == digest:
        return
    if not PYTHON.exists():
        print("Creating the environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print(f"Installing the pinned packages from {lock.name} …", flush=True)
    quiet = ["--quiet", "--disable-pip-version-check", "--no-input"]
    _check(PYTHON, "-m", "pip", "install", *quiet, "--require-hashes", "-r", lock)
    _check(PYTHON, "-m", "pip", "install", *quiet, "--no-deps", "--no-build-isolation", "-e", ".")
    for other in VENV.glob(".installed-*"):
        other.unlink()
    stamp.write_text(digest)


def compile_translations() -> None:
    """translations/*.ts -> src/crm_desktop/translations/*.qm (built, never committed)."""
    sources = sorted((ROOT / "translations").glob("*.ts"))
    built = [ROOT / "src" / "crm_desktop" / "translations" / f"{ts.stem}.qm" for ts in sources]
    newest = max((ts.stat().st_mtime for ts in sources), default=0.0)
    if all(qm.exists() and qm.stat().st_mtime >= newest for qm in built):
        return
    _check(PYTHON, ROOT / "tools" / "update_translations.py", "--compile")


def package() -> int:
    """PyInstaller one-folder build in dist/crm-desktop, then the smoke test of that build."""
    import time

    icons = ROOT / "build" / "icons"
    _check(PYTHON, ROOT / "packaging" / "make_icons.py", icons)
    started = time.perf_counter()
    spec = ROOT / "packaging" / "crm_desktop.spec"
    work = ROOT / "build" / "pyinstaller"
    code = _run(PYTHON, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                "--distpath", ROOT / "dist", "--workpath", work, spec)  # fmt: skip
    if code:
        return code
    print(f"run.py: PyInstaller build took {time.perf_counter() - started:.0f} s", flush=True)
    code = _run(PYTHON, ROOT / "packaging" / "smoke_test.py", ROOT / "dist" / "crm-desktop")
    iscc = shutil.which("iscc")
    if code == 0 and os.name == "nt" and iscc:  # the Windows installer, where Inno Setup is
        version = _version()
        code = _run(
            iscc, f"/DAppVersion={version}", ROOT / "packaging" / "windows" / "crm_desktop.iss"
        )
    return code


def _version() -> str:
    text = (ROOT / "src" / "crm_desktop" / "__init__.py").read_text(encoding="utf-8")
    return text.split("__version__ = ", 1)[1].split()[0].strip("\"'")


def run_tests(extra: list[str]) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps: list[tuple[str, list[str | Path]]] = [
        ("ruff check", [PYTHON, "-m", "ruff", "check", "src", "tests", "benchmarks", "run.py"]),
        ("ruff format", [PYTHON, "-m", "ruff", "format", "--check", "src", "tests", "benchmarks"]),
        ("mypy", [PYTHON, "-m", "mypy"]),
        ("pytest", [PYTHON, "-m", "pytest", *extra]),
    ]
    for name, cmd in steps:
        print(f"== {name}", flush=True)
        code = _run(*cmd, env=env)
        if code:
            print(f"run.py: {name} failed (exit code {code})", flush=True)
            return code
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["test"]:
        ensure_environment(dev=True)
        compile_translations()
        return run_tests(argv[1:])
    if argv[:1] == ["package"]:
        ensure_environment(dev=True)
        compile_translations()
        return package()
    ensure_environment(dev=(VENV / ".installed-dev").exists())
    compile_translations()
    return _run(PYTHON, "-m", "crm_desktop", *argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
