"""Backups: made while the file is open, verified, rotated, restored to a new file or over it."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3

from crm_desktop.db.keyed_file import raw_key
from crm_desktop.domain import errors
from crm_desktop.services import backup
from crm_desktop.services.workspace import Workspace, open_workspace
from tests.conftest import PASSPHRASE


def _names(ws: Workspace) -> set[str]:
    with ws.db.session() as session:
        from crm_desktop.db.models import Customer

        return {c.name for c in session.query(Customer)}


def test_backup_opens_with_the_passphrase_and_holds_the_data(
    workspace: Workspace, tmp_path: Path
) -> None:
    workspace.customers.create(name="张三", phone="13800138000", notes="🙂" * 100)
    made = backup.make_backup(workspace.db, tmp_path / "backups")
    assert made.suffix == backup.SUFFIX and made.exists()
    assert not list((tmp_path / "backups").glob("*" + backup.PARTIAL))
    assert backup.verify_backup(made, PASSPHRASE) == workspace.db.schema_version
    assert made.read_bytes()[:16] != b"SQLite format 3\x00"  # encrypted
    with pytest.raises(errors.WrongPassphraseError):
        backup.verify_backup(made, "another passphrase")
    # the backup is a complete database: search index included
    copy = tmp_path / "copy.db"
    backup.restore_to_new_file(made, PASSPHRASE, copy)
    restored = open_workspace(copy, PASSPHRASE)
    try:
        assert _names(restored) == {"张三"}
        from crm_desktop.services.search import search_customer_ids

        with restored.db.session() as session:
            assert len(search_customer_ids(session, "zs")) == 1
    finally:
        restored.close()


def test_backup_is_a_consistent_snapshot_while_another_connection_writes(
    workspace: Workspace, tmp_path: Path
) -> None:
    for n in range(20):
        workspace.customers.create(name=f"C{n}")
    writer = workspace.db.raw_connection()
    writer.driver_connection.execute("BEGIN IMMEDIATE")
    writer.driver_connection.execute("UPDATE customers SET name = 'uncommitted'")
    try:
        made = backup.make_backup(workspace.db, tmp_path)
    finally:
        writer.driver_connection.execute("ROLLBACK")
        writer.close()
    copy = backup.restore_to_new_file(made, PASSPHRASE, tmp_path / "copy.db")
    restored = open_workspace(copy, PASSPHRASE)
    try:
        assert _names(restored) == {f"C{n}" for n in range(20)}
    finally:
        restored.close()


def test_a_damaged_backup_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    workspace.customers.create(name="Alice Smith")
    made = backup.make_backup(workspace.db, tmp_path)
    data = bytearray(made.read_bytes())
    data[5000] ^= 0xFF  # one flipped byte in the second page
    made.write_bytes(bytes(data))
    with pytest.raises(errors.CrmError):
        backup.verify_backup(made, PASSPHRASE)
    truncated = tmp_path / "truncated.crmbackup"
    truncated.write_bytes(bytes(data[:1000]))
    with pytest.raises(errors.NotADatabaseError):
        backup.verify_backup(truncated, PASSPHRASE)
    target = tmp_path / "new.db"
    with pytest.raises(errors.CrmError):
        backup.restore_to_new_file(made, PASSPHRASE, target)
    assert not target.exists()


def test_rotation_keeps_n_daily_and_m_weekly(tmp_path: Path) -> None:
    db_path = tmp_path / "crm.db"
    folder = tmp_path / "b"
    folder.mkdir()
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for day in range(60):  # two backups a day for 60 days
        for hour in (0, 6):
            when = start + timedelta(days=day, hours=hour)
            (folder / backup.backup_name(db_path, when)).write_bytes(b"x")
    (folder / "other-20260101-000000.crmbackup").write_bytes(b"x")  # another file's backup
    (folder / "notes.txt").write_bytes(b"x")
    backup.rotate(folder, db_path, backup.RotationPolicy(keep_daily=3, keep_weekly=2))
    kept = backup.list_backups(folder, db_path)
    days = sorted({b.day for b in kept})
    newest = start + timedelta(days=59, hours=6)
    assert kept[-1].taken_at == newest
    assert len({b.day for b in kept}) == len(kept)  # one per day: the newest of that day
    assert all(b.taken_at.hour == 18 for b in kept)
    weeks = {b.day.isocalendar()[:2] for b in kept}
    assert len(weeks) == 2  # the last 3 days fall within the last 2 weeks
    assert len(kept) <= 3 + 2 and days[-3:] == [
        newest.date() - timedelta(days=d) for d in (2, 1, 0)
    ]
    assert (folder / "other-20260101-000000.crmbackup").exists()
    assert (folder / "notes.txt").exists()


def test_backup_due_once_a_day(workspace: Workspace, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    assert backup.backup_due(tmp_path, workspace.path, now)
    backup.make_backup(workspace.db, tmp_path, now)
    assert not backup.backup_due(tmp_path, workspace.path, now)
    assert backup.backup_due(tmp_path, workspace.path, now + timedelta(days=1))


def test_restore_over_backs_up_first_and_keeps_the_passphrase(
    workspace: Workspace, tmp_path: Path
) -> None:
    workspace.customers.create(name="Before")
    made = backup.make_backup(workspace.db, tmp_path / "b")
    workspace.customers.create(name="After")
    safety = backup.restore_over(workspace.db, made, PASSPHRASE, tmp_path / "safety")
    assert _names(workspace) == {"Before"}
    assert backup.verify_backup(safety, PASSPHRASE)
    with workspace.db.session():
        pass
    workspace.customers.create(name="Later")  # the open file keeps working
    path = workspace.path
    workspace.close()
    reopened = open_workspace(path, PASSPHRASE)
    try:
        assert _names(reopened) == {"Before", "Later"}
        conn = reopened.db.raw_connection().driver_connection
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        reopened.close()
    restored_safety = backup.restore_to_new_file(safety, PASSPHRASE, tmp_path / "safety.db")
    again = open_workspace(restored_safety, PASSPHRASE)
    try:
        assert _names(again) == {"Before", "After"}
    finally:
        again.close()


def test_restore_to_an_existing_file_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    made = backup.make_backup(workspace.db, tmp_path)
    with pytest.raises(errors.DatabaseExistsError):
        backup.restore_to_new_file(made, PASSPHRASE, workspace.path)


def test_backup_into_an_unwritable_folder_says_so(workspace: Workspace, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    with pytest.raises(backup.BackupError):
        backup.make_backup(workspace.db, blocker / "sub")
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(backup.BackupError):
                backup.make_backup(workspace.db, locked)
        finally:
            locked.chmod(0o700)


def test_backup_uses_the_files_own_salt(workspace: Workspace, tmp_path: Path) -> None:
    made = backup.make_backup(workspace.db, tmp_path)
    conn = sqlcipher3.connect(str(made))
    try:
        conn.execute(f"PRAGMA key = {raw_key(made, PASSPHRASE)}")
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        conn.close()


def test_a_scheduled_backup_is_needed_only_after_changes(
    workspace: Workspace, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    later = now + timedelta(days=2)
    assert backup.backup_needed(workspace.db, tmp_path, now)  # changed, never backed up
    backup.make_backup(workspace.db, tmp_path, now)
    assert not backup.backup_needed(workspace.db, tmp_path, now)  # today's is made
    assert not backup.backup_needed(workspace.db, tmp_path, later)  # nothing changed since
    workspace.ctx.clock = lambda: now + timedelta(hours=1)  # a change after that backup
    workspace.customers.create(name="New today")
    assert backup.backup_needed(workspace.db, tmp_path, later)
    backup.make_backup(workspace.db, tmp_path, later)
    assert not backup.backup_needed(workspace.db, tmp_path, later)


def test_restored_search_index_points_at_the_same_customers_after_rowid_gaps(
    workspace: Workspace, tmp_path: Path
) -> None:
    """The search index is keyed by the customers' rowid: a backup must keep every rowid,
    even where rows were removed for good and left gaps, or search finds the wrong people."""
    from crm_desktop.services.search import search_customer_ids

    names = ["Alpha Trading", "Bravo Foods", "Charlie Metals", "Delta Textiles", "Echo Paper"]
    ids = [workspace.customers.create(name=name) for name in names]
    with workspace.db.write() as session:  # rows gone for good: gaps in the rowids
        from sqlalchemy import text

        for gone in (ids[0], ids[2]):
            session.execute(text("DELETE FROM customers WHERE id = :id"), {"id": gone})
    made = backup.make_backup(workspace.db, tmp_path / "backups")
    copy = tmp_path / "copy.db"
    backup.restore_to_new_file(made, PASSPHRASE, copy)
    restored = open_workspace(copy, PASSPHRASE)
    try:
        with restored.db.session() as session:
            for name, cid in zip(names, ids, strict=True):
                if cid in (ids[0], ids[2]):
                    continue
                assert search_customer_ids(session, name.split()[0]) == [cid]
    finally:
        restored.close()
