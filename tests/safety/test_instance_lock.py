"""A second instance on the same file is refused; a lock left by a killed process is not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.services.instance_lock import (
    AlreadyOpenError,
    InstanceLock,
    claim,
    lock_path,
    release,
)

HOLDER = """
import sys, time
from crm_desktop.services.instance_lock import claim
lock = claim(sys.argv[1])
print("HELD", flush=True)
time.sleep(60)
"""


def _start_holder(db_path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "HELD"
    return child


def test_second_instance_in_another_process_is_refused_with_its_pid(tmp_path: Path) -> None:
    db_path = tmp_path / "crm.db"
    child = _start_holder(db_path)
    try:
        with pytest.raises(AlreadyOpenError) as caught:
            claim(db_path)
        assert str(child.pid) in caught.value.message
        assert "crm.db" in caught.value.message
    finally:
        child.kill()
        child.wait()
        assert child.stdout is not None
        child.stdout.close()


def test_lock_left_by_a_killed_instance_is_recovered(tmp_path: Path) -> None:
    db_path = tmp_path / "crm.db"
    child = _start_holder(db_path)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.stdout is not None
    child.stdout.close()
    assert lock_path(db_path).exists()  # the stale lock file is still there
    lock = claim(db_path)
    try:
        assert lock.held
        assert str(os.getpid()) in lock_path(db_path).read_text()
    finally:
        release(db_path)


def test_release_lets_the_next_one_in(tmp_path: Path) -> None:
    db_path = tmp_path / "crm.db"
    with InstanceLock(db_path) as first:
        assert first.held
        with pytest.raises(AlreadyOpenError):
            InstanceLock(db_path).acquire()  # another window of this process counts too
    assert not first.held
    held = claim(db_path)
    assert claim(db_path) is held  # claiming again in the same process is no refusal
    release(db_path)
    assert not held.held
