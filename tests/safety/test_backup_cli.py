"""``crm-desktop backup`` and ``crm-desktop restore``."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.cli import main
from crm_desktop.services import backup, instance_lock
from crm_desktop.services.workspace import Workspace, open_workspace
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_PASSPHRASE", PASSPHRASE)


def test_backup_then_restore_to_a_new_file_and_over(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.customers.create(name="Alice Smith")
    path = workspace.path
    workspace.close()
    assert main(["backup", "--db", str(path), "--to", str(tmp_path / "b")]) == 0
    assert "integrity checks" in capsys.readouterr().out
    [made] = backup.list_backups(tmp_path / "b", path)

    copy = tmp_path / "copy.db"
    assert main(["restore", "--from", str(made.path), "--db", str(copy)]) == 0
    assert main(["restore", "--from", str(made.path), "--db", str(copy)]) == 2  # exists
    assert "already exists" in capsys.readouterr().err

    ws = open_workspace(path, PASSPHRASE)
    ws.customers.create(name="Bob After")
    ws.close()
    safety = tmp_path / "safety"
    args = ["restore", "--from", str(made.path), "--db", str(path), "--over"]
    assert main([*args, "--safety-dir", str(safety)]) == 0
    ws = open_workspace(path, PASSPHRASE)
    try:
        assert ws.counts()["customers"] == 1
    finally:
        ws.close()
    assert len(backup.list_backups(safety, path)) == 1


def test_restore_over_a_file_open_in_a_window_is_refused(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = backup.make_backup(workspace.db, tmp_path / "b")
    with instance_lock.InstanceLock(workspace.path):
        args = ["restore", "--from", str(made), "--db", str(workspace.path), "--over"]
        assert main(args) == 2
    assert "already open" in capsys.readouterr().err
