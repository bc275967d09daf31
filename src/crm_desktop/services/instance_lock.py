"""One CRM Desktop window per database file: an OS file lock on ``<file>.lock`` beside it.

The lock is an advisory lock the operating system drops when the process ends in any way
(``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows), so a lock file that a crashed
or killed instance left behind never blocks the next start: only a live holder does. The file
holds the holder's process id and host name, for the message shown to a second instance.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path
from typing import IO

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP

LOCK_SUFFIX = ".lock"


class AlreadyOpenError(CrmError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{file} is already open in another CRM Desktop window (process {pid}). "
        "Switch to that window, or close it and try again.",
    )


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class InstanceLock:
    """Held while a window works on a database file; ``release`` (or process exit) frees it."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.path = lock_path(db_path)
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock or raise ``AlreadyOpenError``; a stale lock file is taken over."""
        if self._handle is not None:
            return
        handle = self.path.open("a+b")
        if not _try_lock(handle):
            handle.seek(1)  # past byte 0, which Windows keeps locked
            holder = handle.read(200).decode("utf-8", errors="replace").split()
            handle.close()
            raise AlreadyOpenError(
                file=self.path.name[: -len(LOCK_SUFFIX)], pid=holder[0] if holder else "?"
            )
        handle.seek(0)
        handle.truncate()
        # Byte 0 is the locked one on Windows; the text starts after it.
        handle.write(f" {os.getpid()} {socket.gethostname()}\n".encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            handle.truncate(0)
        # The file stays: deleting it could let two later instances lock two different files.
        handle.close()  # closing drops the OS lock

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


_held: dict[Path, InstanceLock] = {}


def claim(db_path: str | os.PathLike[str]) -> InstanceLock:
    """The lock on ``db_path`` for this process (the same one when already held here)."""
    key = Path(db_path).resolve()
    lock = _held.get(key)
    if lock is None or not lock.held:
        lock = InstanceLock(db_path)
        lock.acquire()
        _held[key] = lock
    return lock


def release(db_path: str | os.PathLike[str]) -> None:
    lock = _held.pop(Path(db_path).resolve(), None)
    if lock is not None:
        lock.release()
