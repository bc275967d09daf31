"""The ``crm-desktop`` command's headless subcommands, run as a user would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from crm_desktop.db.schema import SCHEMA_HEAD
from tests.conftest import PASSPHRASE


def _run(*args: str, passphrase: str | None = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CRM_PASSPHRASE"}
    if passphrase is not None:
        env["CRM_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_init_then_info(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    made = _run("init", "--db", str(path), "--owner", "boss")
    assert made.returncode == 0, made.stderr
    assert "Created encrypted database" in made.stdout
    info = _run("info", "--db", str(path))
    assert info.returncode == 0, info.stderr
    lines = dict(line.split(": ", 1) for line in info.stdout.splitlines())
    assert lines["schema version"] == SCHEMA_HEAD
    assert lines["users"] == "1"
    assert lines["stages"] == "6"
    assert lines["customers"] == "0"


def test_errors_are_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    assert _run("init", "--db", str(path)).returncode == 0
    wrong = _run("info", "--db", str(path), passphrase="not the right one")
    assert wrong.returncode == 2
    assert wrong.stderr.strip().startswith("crm-desktop: The passphrase is wrong")
    assert "Traceback" not in wrong.stderr
    missing = _run("info", "--db", str(tmp_path / "nope.db"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    again = _run("init", "--db", str(path))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_no_passphrase_without_terminal(tmp_path: Path) -> None:
    result = _run("info", "--db", str(tmp_path / "x.db"), passphrase=None)
    assert result.returncode != 0
    assert "CRM_PASSPHRASE" in result.stderr


def test_import_prints_mapping_and_row_report(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    assert _run("init", "--db", str(path)).returncode == 0
    sheet = tmp_path / "客户.csv"
    sheet.write_text(
        "客户名称,手机号,备注\n张伟,138 0013 8000,老客户\n坏数据,12,\n", encoding="gbk"
    )
    result = _run("import", "--db", str(path), str(sheet), "--map", "备注=")
    assert result.returncode == 0, result.stderr
    assert "encoding 'gb18030'" in result.stdout
    assert "column '客户名称' -> name" in result.stdout
    assert "备注" not in result.stdout.split("Imported")[0].split("rows")[1]
    assert "row 3, column '手机号'" in result.stdout
    assert "1 created" in result.stdout and "1 rows rejected" in result.stdout
    info = _run("info", "--db", str(path))
    assert "customers: 1" in info.stdout


def test_export_customers_to_csv_and_xlsx(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "crm.db"
    assert _run("init", "--db", str(path)).returncode == 0
    sheet = tmp_path / "in.csv"
    sheet.write_text("name,phone\n张伟,13800138000\nAda,+44 20 7946 0958\n", encoding="utf-8")
    assert _run("import", "--db", str(path), str(sheet)).returncode == 0
    out = tmp_path / "out.csv"
    result = _run("export", "--db", str(path), "--out", str(out), "--columns", "name,phone")
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stderr
    assert out.read_text(encoding="utf-8-sig").splitlines() == [
        "Name,Phone",
        "Ada,+44 20 7946 0958",
        "张伟,13800138000",
    ]
    book = tmp_path / "out.xlsx"
    assert _run("export", "--db", str(path), "--out", str(book), "--search", "zw").returncode == 0
    rows = list(openpyxl.load_workbook(book).active.iter_rows(values_only=True))
    assert rows[0][0] == "Name" and [r[0] for r in rows[1:]] == ["张伟"]
