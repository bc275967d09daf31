"""Headless team-sync commands: ``server init``, ``server add-user`` and ``sync``.

The server password comes from ``CRM_SERVER_PASSWORD``, else (for ``sync``) the keychain,
else a prompt on the terminal; the server DSN given once with ``sync --server`` is remembered in
the file (without a password), and a server set up in the app's Team sync dialog is used too.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from crm_desktop.sync.credentials import SERVER_KEY, SERVER_PASSWORD_ENV

__all__ = ["SERVER_KEY", "SERVER_PASSWORD_ENV", "add_sync_commands"]


def add_sync_commands(sub: Any) -> None:
    server = sub.add_parser("server", help="set up the team's PostgreSQL server")
    server_sub = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = server_sub.add_parser("init", help="create or upgrade the server schema")
    init.add_argument("--dsn", required=True, help="an administrator's connection string")
    init.set_defaults(run=_cmd_server_init)
    add = server_sub.add_parser("add-user", help="add a team member (a PostgreSQL login)")
    add.add_argument("--dsn", required=True, help="an administrator's connection string")
    add.add_argument("--login", required=True)
    add.add_argument("--role", choices=["owner", "manager", "sales", "service"], required=True)
    add.add_argument("--name", help="display name")
    add.add_argument("--user-id", help="keep this user id (e.g. the owner's in an existing file)")
    add.set_defaults(run=_cmd_add_user)

    sync = sub.add_parser("sync", help="push local changes to the team server and pull others'")
    sync.add_argument("--db", type=Path, required=True)
    sync.add_argument("--server", "--dsn", dest="server", help="connection string (remembered)")
    sync.add_argument(
        "--save-password",
        action="store_true",
        help="after a successful sync, keep the server password in the system keychain",
    )
    sync.set_defaults(run=_cmd_sync)


def _password(prompt: str) -> str | None:
    value = os.environ.get(SERVER_PASSWORD_ENV)
    if value is not None:
        return value
    return _ask(prompt)


def _ask(prompt: str) -> str | None:
    if not sys.stdin.isatty():
        return None  # the DSN or ~/.pgpass may carry it
    return getpass.getpass(prompt)


def _cmd_server_init(args: argparse.Namespace) -> int:
    from crm_desktop.sync.server_admin import init_server

    before, after = init_server(args.dsn)
    if before == after:
        print(f"The server schema is up to date (version {after}).")
    else:
        print(f"Server schema: version {before} -> {after}.")
    return 0


def _cmd_add_user(args: argparse.Namespace) -> int:
    from crm_desktop.sync.server_admin import add_user

    password = _password(f"Password for the new login {args.login}: ")
    user_id = add_user(args.dsn, args.login, password, args.role, args.name, args.user_id)
    print(f"Added {args.login} ({args.role}), user id {user_id}.")
    return 0


def _cmd_sync(args: argparse.Namespace) -> int:
    from crm_desktop.cli import _passphrase
    from crm_desktop.domain.errors import KeychainUnavailableError
    from crm_desktop.services.context import read_meta, write_meta
    from crm_desktop.services.workspace import open_workspace
    from crm_desktop.sync.client import SyncClient, pending_count
    from crm_desktop.sync.conflicts import open_conflicts
    from crm_desktop.sync.credentials import (
        dsn_of,
        load_settings,
        mark_synced,
        remember_server_password,
        server_password,
        settings_from_dsn,
    )

    workspace = open_workspace(args.db, _passphrase())
    try:
        dsn = args.server or read_meta(workspace.db, SERVER_KEY)
        if not dsn:
            saved = load_settings(workspace.db)  # set up in the app's Team sync dialog
            dsn = dsn_of(saved) if saved else None
        if not dsn:
            raise SystemExit("crm-desktop: give the server once with --server DSN")
        if args.server:
            write_meta(workspace.db, SERVER_KEY, args.server)
        settings = settings_from_dsn(dsn)
        password = server_password(settings, lambda: _ask("Server password: "))

        def connect() -> Any:
            import psycopg

            if password:
                return psycopg.connect(dsn, autocommit=True, connect_timeout=15, password=password)
            return psycopg.connect(dsn, autocommit=True, connect_timeout=15)

        result = SyncClient(workspace.ctx, connect).sync()
        mark_synced(workspace.db)
        print(
            f"sent {result.pushed}, received {result.pulled + result.snapshot_rows}, "
            f"conflicts {len(open_conflicts(workspace.db))}, "
            f"waiting to send {pending_count(workspace.db)}"
        )
        if args.save_password and password:
            try:
                remember_server_password(settings, password)
            except KeychainUnavailableError:
                print(
                    "crm-desktop: no system keychain is available; the password was not saved",
                    file=sys.stderr,
                )
    finally:
        workspace.close()
    return 0
