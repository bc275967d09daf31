"""Encrypted backups of the open database: make, verify, rotate, restore.

A backup is made with ``sqlcipher_export`` inside one read transaction of a pooled connection,
so it is a consistent snapshot while the program keeps writing. The backup file is ATTACHed
without a KEY clause, which gives it the main file's key *and* salt: the same passphrase opens
it, and no key has to be held here. Every backup is written under a temporary name, checked
(it opens, ``integrity_check`` and ``cipher_integrity_check`` pass, its row counts equal the
snapshot's), synced to disk and only then renamed to its final name.

Rotation keeps the newest backup of each of the last N days that have one and the newest of
each of the last M ISO weeks. Restoring writes a backup into a new file, or over the open file
through SQLite's backup API in one write transaction (the open file is backed up first and
keeps its own passphrase).
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import sqlcipher3

from crm_desktop.db.engine import Database
from crm_desktop.db.keyed_file import SALT_BYTES, RawConnection, raw_key, register_functions
from crm_desktop.db.schema import SCHEMA_HEAD, schema_number
from crm_desktop.domain import errors
from crm_desktop.domain.text import QT_TRANSLATE_NOOP

SUFFIX = ".crmbackup"
PARTIAL = ".partial"
DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_WEEKLY = 4
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?" + re.escape(SUFFIX) + "$")
_CHECKED_TABLES = ("customers", "contacts", "followups", "opportunities", "change_journal")
_ATTACHED = "crm_backup_target"


class BackupError(errors.CrmError):
    """A backup could not be written or does not verify; ``reason`` says which."""

    template = QT_TRANSLATE_NOOP("Errors", "The backup {file} failed: {reason}")


@dataclass(frozen=True)
class RotationPolicy:
    keep_daily: int = DEFAULT_KEEP_DAILY
    keep_weekly: int = DEFAULT_KEEP_WEEKLY


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # UTC, from the file name

    @property
    def day(self) -> date:
        return self.taken_at.astimezone().date()


# --- names and listing --------------------------------------------------------------------------


def backup_name(db_path: Path, when: datetime) -> str:
    return f"{db_path.stem}-{when.astimezone(UTC).strftime(_STAMP)}{SUFFIX}"


def list_backups(folder: Path, db_path: Path) -> list[BackupFile]:
    """The backups of ``db_path`` in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match is None or match["stem"] != db_path.stem or not entry.is_file():
            continue
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(BackupFile(entry, taken))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name))


def backup_due(folder: Path, db_path: Path, now: datetime) -> bool:
    """True when no backup of ``db_path`` was taken on ``now``'s local calendar day."""
    today = now.astimezone().date()
    return not any(b.day == today for b in list_backups(folder, db_path))


def last_change(db: Database) -> datetime | None:
    """When the newest change recorded in the file's journal was made (None: never)."""
    from sqlalchemy import select

    from crm_desktop.db.models import ChangeJournal

    with db.session() as session:
        return session.scalar(
            select(ChangeJournal.changed_at).order_by(ChangeJournal.seq.desc()).limit(1)
        )


def backup_needed(db: Database, folder: Path, now: datetime) -> bool:
    """A scheduled backup is needed: none today, and something changed since the newest one
    (a file nobody changed is in its last backup already)."""
    backups = list_backups(folder, db.path)
    today = now.astimezone().date()
    if any(b.day == today for b in backups):
        return False
    changed = last_change(db)
    if changed is None:
        return False
    # Backup names keep whole seconds; a change in the backup's own second is in it.
    return not backups or changed.astimezone(UTC).replace(microsecond=0) > backups[-1].taken_at


# --- making and checking ------------------------------------------------------------------------


def _fail(path: Path, reason: str) -> BackupError:
    return BackupError(file=path.name, reason=reason)


def _counts(conn: RawConnection, schema: str) -> dict[str, int]:
    return {
        table: int(conn.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()[0])  # noqa: S608 (names are constants)
        for table in _CHECKED_TABLES
    }


def _check_attached(conn: RawConnection, path: Path) -> None:
    try:
        conn.execute(f"SELECT count(*) FROM {_ATTACHED}.sqlite_master").fetchone()  # noqa: S608
        result = conn.execute(f"PRAGMA {_ATTACHED}.integrity_check").fetchall()
        cipher = conn.execute(f"PRAGMA {_ATTACHED}.cipher_integrity_check").fetchall()
    except sqlcipher3.DatabaseError:
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "the copy cannot be read.")) from None
    if result != [("ok",)] or cipher:
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "the copy fails its integrity check."))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not possible on Windows; the rename is enough there
        _fsync(folder)


def _export(conn: RawConnection, partial: Path, final: Path) -> None:
    """``sqlcipher_export`` of one read snapshot into ``partial``, then checked: it opens,
    ``integrity_check`` and ``cipher_integrity_check`` pass, its row counts are the
    snapshot's."""
    try:
        conn.execute(f"ATTACH DATABASE ? AS {_ATTACHED}", (str(partial),))
    except sqlcipher3.Error:
        raise _fail(final, QT_TRANSLATE_NOOP("Errors", "the file cannot be written.")) from None
    try:
        conn.execute("BEGIN")  # one read snapshot for the copy and the counts
        try:
            # Start the snapshot, and load the schema as it is now (another connection may
            # just have changed it, say an import's triggers): the export reads it as is.
            conn.execute("SELECT count(*) FROM main.sqlite_master").fetchone()
            conn.execute(f"SELECT sqlcipher_export('{_ATTACHED}')")
            expected = _counts(conn, "main")
        finally:
            conn.execute("COMMIT")
        _check_attached(conn, final)
        if _counts(conn, _ATTACHED) != expected:
            raise _fail(final, QT_TRANSLATE_NOOP("Errors", "the copy is incomplete."))
    except sqlcipher3.Error:
        raise _fail(final, QT_TRANSLATE_NOOP("Errors", "the file cannot be written.")) from None
    finally:
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute(f"DETACH DATABASE {_ATTACHED}")


def make_backup(db: Database, folder: str | os.PathLike[str], now: datetime | None = None) -> Path:
    """Write a verified, encrypted backup of ``db`` into ``folder`` and return its path."""
    folder = Path(folder)
    when = now or datetime.now(UTC)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise _fail(folder, QT_TRANSLATE_NOOP("Errors", "the folder cannot be created.")) from None
    final = folder / backup_name(db.path, when)
    number = 1
    while final.exists():
        number += 1
        final = folder / final.name.replace(SUFFIX, f"-{number}{SUFFIX}")
    partial = final.with_name(final.name + PARTIAL)
    partial.unlink(missing_ok=True)
    fairy = db.raw_connection()
    try:
        _export(fairy.driver_connection, partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        fairy.close()
    with db.path.open("rb") as source, partial.open("rb") as copy:
        same_salt = source.read(SALT_BYTES) == copy.read(SALT_BYTES)
    if not same_salt:  # the passphrase would not open it
        partial.unlink(missing_ok=True)
        raise _fail(final, QT_TRANSLATE_NOOP("Errors", "the copy is not keyed like the file."))
    _fsync(partial)
    os.replace(partial, final)
    _fsync_folder(folder)
    return final


def _open_backup(path: Path, passphrase: str) -> RawConnection:
    """A read-only keyed connection to a backup; wrong passphrase and bad files are refused."""
    if not path.is_file():
        raise errors.DatabaseMissingError(path=str(path))
    size = path.stat().st_size
    if size == 0 or size % 512:
        raise errors.NotADatabaseError(path=str(path))
    uri = path.resolve().as_uri() + "?mode=ro"
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    register_functions(conn)  # integrity_check evaluates the expression indexes
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {raw_key(path, passphrase)}")
        conn.execute("PRAGMA temp_store = MEMORY")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            # A wrong key fails every page; the right one with a damaged schema page fails
            # only that page (not the first): that file is damaged, not wrongly keyed.
            failed = {
                int(n)
                for (line,) in conn.execute("PRAGMA cipher_integrity_check").fetchall()
                for n in re.findall(r"page (\d+)", str(line))
            }
            if failed and 1 not in failed:
                raise _fail(path, QT_TRANSLATE_NOOP("Errors", "the file is damaged.")) from None
            raise errors.WrongPassphraseError(path=str(path)) from None
    except BaseException:
        conn.close()
        raise
    return conn


def verify_backup(path: str | os.PathLike[str], passphrase: str) -> str:
    """Check a backup file with its passphrase; returns its schema version.

    It must open, pass ``integrity_check`` and ``cipher_integrity_check``, and hold CRM data of
    a schema this program knows. The file is opened read-only and not changed.
    """
    path = Path(path)
    conn = _open_backup(path, passphrase)
    try:
        try:
            integrity = conn.execute("PRAGMA integrity_check").fetchall()
            cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlcipher3.DatabaseError:
            raise _fail(path, QT_TRANSLATE_NOOP("Errors", "the file is damaged.")) from None
    finally:
        conn.close()
    if integrity != [("ok",)] or cipher:
        raise _fail(path, QT_TRANSLATE_NOOP("Errors", "the file is damaged."))
    if version is None:
        raise errors.NotCrmDatabaseError(path=str(path))
    found = schema_number(str(version[0]))
    if found is None or found > (schema_number(SCHEMA_HEAD) or 0):
        raise errors.NewerSchemaError(path=str(path), found=str(version[0]), known=SCHEMA_HEAD)
    return str(version[0])


# --- rotation -----------------------------------------------------------------------------------


def rotate(folder: Path, db_path: Path, policy: RotationPolicy) -> list[Path]:
    """Delete the backups the policy does not keep; returns the deleted paths."""
    backups = list_backups(folder, db_path)
    keep: set[Path] = set()
    newest_by_day: dict[date, BackupFile] = {}
    newest_by_week: dict[tuple[int, int], BackupFile] = {}
    for backup in backups:  # oldest first, so the last one written per period wins
        newest_by_day[backup.day] = backup
        iso = backup.day.isocalendar()
        newest_by_week[(iso.year, iso.week)] = backup
    for day in sorted(newest_by_day, reverse=True)[: max(0, policy.keep_daily)]:
        keep.add(newest_by_day[day].path)
    for week in sorted(newest_by_week, reverse=True)[: max(0, policy.keep_weekly)]:
        keep.add(newest_by_week[week].path)
    if backups:
        keep.add(backups[-1].path)  # never delete the newest backup
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
            deleted.append(backup.path)
    return deleted


def back_up_and_rotate(
    db: Database, folder: Path, policy: RotationPolicy, now: datetime | None = None
) -> Path:
    made = make_backup(db, folder, now)
    rotate(folder, db.path, policy)
    return made


# --- restoring ----------------------------------------------------------------------------------


def restore_to_new_file(
    backup: str | os.PathLike[str], passphrase: str, target: str | os.PathLike[str]
) -> Path:
    """Write the backup into a new database file (same passphrase as the backup)."""
    backup, target = Path(backup), Path(target)
    if target.exists():
        raise errors.DatabaseExistsError(path=str(target))
    verify_backup(backup, passphrase)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + PARTIAL)
    partial.unlink(missing_ok=True)
    source = _open_backup(backup, passphrase)
    try:
        salt = backup.read_bytes()[:SALT_BYTES]
        key = raw_key(backup, passphrase)[:-2] + salt.hex() + "'\""  # key and salt: x'KEYSALT'
        copy = sqlcipher3.connect(str(partial), isolation_level=None)
        try:
            copy.execute("PRAGMA cipher_log_level = NONE")
            copy.execute(f"PRAGMA key = {key}")
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = WAL")
        finally:
            copy.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    _fsync(partial)
    os.replace(partial, target)
    _fsync_folder(target.parent)
    verify_backup(target, passphrase)
    return target


def restore_over(
    db: Database, backup: str | os.PathLike[str], passphrase: str, safety_folder: Path
) -> Path:
    """Replace the open database's content with the backup's; returns the safety backup.

    The current content is backed up into ``safety_folder`` first. The copy runs through
    SQLite's backup API into the open file in one write transaction, so a crash midway leaves
    the old content; the file keeps its own passphrase. A backup of an older schema is
    upgraded. Callers reload everything they show afterwards.
    """
    backup = Path(backup)
    version = verify_backup(backup, passphrase)
    safety = make_backup(db, safety_folder)
    source = _open_backup(backup, passphrase)
    try:
        db.engine.dispose()  # no pooled connection keeps pages of the old content
        fairy = db.raw_connection()
        try:
            source.backup(fairy.driver_connection)
        except sqlcipher3.Error:
            raise _fail(backup, QT_TRANSLATE_NOOP("Errors", "it could not be copied.")) from None
        finally:
            fairy.close()
    finally:
        source.close()
    db.engine.dispose()
    if (schema_number(version) or 0) < (schema_number(SCHEMA_HEAD) or 0):
        from crm_desktop.db.migrate import upgrade

        upgrade(db.engine)
    return safety
