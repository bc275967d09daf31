"""``crm-desktop backup`` and ``crm-desktop restore``: the backup service from the command line.

Both read the passphrase like the other subcommands (``CRM_PASSPHRASE``, else the terminal).
A backup whose passphrase differs from the file's (made before a passphrase change) takes
``CRM_BACKUP_PASSPHRASE``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

BACKUP_PASSPHRASE_ENV = "CRM_BACKUP_PASSPHRASE"

Passphrase = Callable[..., str]


def add_backup_commands(sub: Any, passphrase: Passphrase) -> None:
    """Add the two subcommands to the ``crm-desktop`` parser's subparsers. Nothing is imported
    here: the window starts through this parser, and the backup service loads SQLAlchemy."""
    backup = sub.add_parser("backup", help="write a verified, encrypted backup of a database")
    backup.add_argument("--db", type=Path, required=True)
    backup.add_argument("--to", type=Path, required=True, metavar="DIR", help="backup folder")
    backup.add_argument("--keep-daily", type=int, metavar="N")
    backup.add_argument("--keep-weekly", type=int, metavar="M")
    backup.set_defaults(run=lambda args: _cmd_backup(args, passphrase))

    restore = sub.add_parser(
        "restore", help="restore a backup into a new file, or over a file with --over"
    )
    restore.add_argument("--from", dest="source", type=Path, required=True, metavar="BACKUP")
    restore.add_argument("--db", type=Path, required=True)
    restore.add_argument(
        "--over",
        action="store_true",
        help="replace the content of the existing --db (it is backed up first)",
    )
    restore.add_argument(
        "--safety-dir",
        type=Path,
        help="where the backup of the replaced content goes (default: Backups beside --db)",
    )
    restore.set_defaults(run=lambda args: _cmd_restore(args, passphrase))


def _cmd_backup(args: argparse.Namespace, passphrase: Passphrase) -> int:
    from crm_desktop.services.backup import (
        DEFAULT_KEEP_DAILY,
        DEFAULT_KEEP_WEEKLY,
        RotationPolicy,
        back_up_and_rotate,
    )
    from crm_desktop.services.workspace import open_workspace

    daily = DEFAULT_KEEP_DAILY if args.keep_daily is None else args.keep_daily
    weekly = DEFAULT_KEEP_WEEKLY if args.keep_weekly is None else args.keep_weekly
    workspace = open_workspace(args.db, passphrase())
    try:
        made = back_up_and_rotate(workspace.db, args.to, RotationPolicy(daily, weekly))
    finally:
        workspace.close()
    size = made.stat().st_size / (1024 * 1024)
    print(f"Backed up to {made} ({size:,.1f} MB); it opens and passes the integrity checks")
    return 0


def _cmd_restore(args: argparse.Namespace, passphrase: Passphrase) -> int:
    from crm_desktop.services import backup, instance_lock
    from crm_desktop.services.workspace import open_workspace

    if not args.over:
        key = os.environ.get(BACKUP_PASSPHRASE_ENV) or passphrase()
        made = backup.restore_to_new_file(args.source, key, args.db)
        print(f"Restored {args.source} into the new file {made}")
        return 0
    current = passphrase()
    from_backup = os.environ.get(BACKUP_PASSPHRASE_ENV) or current
    safety_dir = args.safety_dir or args.db.parent / "Backups"
    with instance_lock.InstanceLock(args.db):  # never under an open window
        workspace = open_workspace(args.db, current)
        try:
            safety = backup.restore_over(workspace.db, args.source, from_backup, safety_dir)
        finally:
            workspace.close()
    print(f"Restored {args.source} over {args.db}; its previous content is in {safety}")
    return 0
