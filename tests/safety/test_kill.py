"""The kill test in reduced form (the full run: ``python -m benchmarks.bench_kill``)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.bench_kill import Ledger, check_file, run_kills

KILLS = 24


def test_committed_writes_survive_sigkill_and_the_file_stays_sound(tmp_path: Path) -> None:
    counts = run_kills(KILLS, seed=7, folder=tmp_path)
    assert counts.failures == []
    assert counts.kills == KILLS
    assert counts.checks_passed == KILLS
    # the children did get work done between kills: at least one commit in every round that
    # waited for the child to be ready
    assert counts.commits_reported >= counts.kills - counts.kills_before_ready > 0


def test_the_check_notices_a_missing_commit(tmp_path: Path) -> None:
    """The checker itself can fail: a commit that is reported but not in the file is caught."""
    from benchmarks.bench_kill import PASSPHRASE, _key

    from crm_desktop.services.workspace import create_workspace

    path = tmp_path / "k.db"
    create_workspace(path, PASSPHRASE, owner_name="owner").close()
    ledger = Ledger()
    ledger.read("C 00000000-0000-0000-0000-000000000000 Knobody")
    ledger.read("B Bnever- 50")
    problems = check_file(path, _key(path), ledger)
    assert len(problems) == 2
