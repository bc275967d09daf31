"""The ``crm-desktop`` command: the GUI by default, subcommands for headless jobs.

Every subcommand that opens a database takes ``--db PATH`` and reads the passphrase from the
``CRM_PASSPHRASE`` environment variable, else asks for it on the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from crm_desktop import __version__
from crm_desktop.domain.errors import CrmError

PASSPHRASE_ENV = "CRM_PASSPHRASE"


def _passphrase(*, confirm: bool = False) -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise SystemExit(f"crm-desktop: set {PASSPHRASE_ENV} or run in a terminal to type it")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise SystemExit("crm-desktop: the two passphrases differ")
    return first


def _cmd_init(args: argparse.Namespace) -> int:
    from crm_desktop.services.workspace import create_workspace

    workspace = create_workspace(args.db, _passphrase(confirm=True), owner_name=args.owner)
    print(f"Created encrypted database {workspace.path} (schema {workspace.db.schema_version})")
    workspace.close()
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from crm_desktop.services.workspace import open_workspace

    workspace = open_workspace(args.db, _passphrase())
    try:
        print(f"file: {workspace.path}")
        print(f"schema version: {workspace.db.schema_version}")
        for name, count in workspace.counts().items():
            print(f"{name}: {count}")
    finally:
        workspace.close()
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from crm_desktop.services.demo import generate_demo
    from crm_desktop.services.workspace import create_workspace

    workspace = create_workspace(args.db, _passphrase(confirm=True))
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if not args.quiet:
            print(f"\r{done:,} / {total:,} customers", end="", file=sys.stderr, flush=True)

    try:
        generate_demo(
            workspace.db,
            customers=args.customers,
            seed=args.seed,
            progress=progress,
            followup_scale=args.followup_scale,
        )
    finally:
        workspace.close()
    if not args.quiet:
        print(file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"Made {args.db} with {args.customers:,} customers in {elapsed:.1f} s")
    return 0


def _mapping(headers: list[str], given: list[str]) -> dict[int, str]:
    from crm_desktop.services.imports import IMPORTABLE, suggest_mapping

    mapping = suggest_mapping(headers)
    for item in given:
        column, _, target = item.rpartition("=")
        if column not in headers or target not in (*IMPORTABLE, ""):
            raise SystemExit(
                f"crm-desktop: --map {item!r}: use COLUMN=FIELD with a column of the file and "
                f"one of {', '.join(IMPORTABLE)} (or an empty FIELD to skip the column)"
            )
        index = headers.index(column)
        mapping = {i: f for i, f in mapping.items() if f != target and i != index}
        if target:
            mapping[index] = target
    return mapping


def _cmd_import(args: argparse.Namespace) -> int:
    from crm_desktop.services.import_files import read_table
    from crm_desktop.services.imports import CustomerImport, DuplicatePolicy
    from crm_desktop.services.workspace import open_workspace

    table = read_table(args.file)
    mapping = _mapping(table.headers, args.map or [])
    detected = ", ".join(
        f"{k} {v!r}" for k, v in (("encoding", table.encoding), ("delimiter", table.delimiter)) if v
    )
    print(f"{args.file.name}: {len(table.rows):,} rows" + (f" ({detected})" if detected else ""))
    for index, target in sorted(mapping.items()):
        print(f"  column {table.headers[index]!r} -> {target}")
    workspace = open_workspace(args.db, _passphrase())
    try:
        started = time.perf_counter()
        report = CustomerImport(
            workspace.ctx, table, mapping, DuplicatePolicy(args.on_duplicate)
        ).run()
    finally:
        workspace.close()
    for problem in report.problems:
        print(f"  row {problem.row}, column {problem.column!r}: {problem.text()}")
    print(
        f"Imported in {time.perf_counter() - started:.1f} s: {report.created:,} created, "
        f"{report.updated:,} updated, {report.skipped_duplicates:,} duplicates skipped, "
        f"{report.rejected_rows:,} rows rejected"
    )
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from crm_desktop.services import customer_list
    from crm_desktop.services.customer_filters import CustomerFilter
    from crm_desktop.services.exports import export_customers
    from crm_desktop.services.workspace import open_workspace

    if args.report or args.list != "customers":
        from crm_desktop.cli_reports import run_export

        return run_export(args, _passphrase)
    fmt = args.format or ("csv" if args.out.suffix.lower() == ".csv" else "xlsx")
    columns = args.columns.split(",") if args.columns else list(customer_list.DEFAULT_COLUMNS)
    unknown = [c for c in columns if c not in customer_list.COLUMNS]
    if unknown:
        raise SystemExit(
            f"crm-desktop: unknown column {unknown[0]!r}; "
            f"choose from {', '.join(customer_list.COLUMNS)}"
        )
    labels = {key: customer_list.COLUMNS[key].label for key in columns}
    flt = CustomerFilter(text=args.search or "")
    workspace = open_workspace(args.db, _passphrase())
    try:
        started = time.perf_counter()
        with workspace.db.session() as session:
            rows = export_customers(session, flt, args.sort, False, columns, args.out, fmt, labels)
    finally:
        workspace.close()
    elapsed = time.perf_counter() - started
    print(f"Wrote {rows:,} customers to {args.out} in {elapsed:.1f} s")
    print("Note: the exported file is not encrypted; keep it somewhere safe.", file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crm-desktop", description="CRM Desktop: customers, follow-ups and deals, offline."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=Path, help="database file to open in the window")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="create an empty encrypted database")
    init.add_argument("--db", type=Path, required=True)
    init.add_argument("--owner", help="user name of the first user (the owner)")
    init.set_defaults(run=_cmd_init)

    info = sub.add_parser("info", help="print a database's schema version and row counts")
    info.add_argument("--db", type=Path, required=True)
    info.set_defaults(run=_cmd_info)

    demo = sub.add_parser("demo", help="make a new encrypted database full of realistic data")
    demo.add_argument("--db", type=Path, required=True)
    demo.add_argument("--customers", type=int, default=10_000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--followup-scale",
        type=float,
        default=1.0,
        help="multiply the done follow-ups per customer (about 3 per customer at 1.0)",
    )
    demo.add_argument("--quiet", action="store_true")
    demo.set_defaults(run=_cmd_demo)

    imp = sub.add_parser("import", help="import customers from a .csv or .xlsx file")
    imp.add_argument("--db", type=Path, required=True)
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--map",
        action="append",
        metavar="COLUMN=FIELD",
        help="map a column to a field (repeatable); other columns are suggested from headers",
    )
    imp.add_argument(
        "--on-duplicate",
        choices=["skip", "update", "create"],
        default="skip",
        help="what to do with a row that matches an existing customer (default: skip)",
    )
    imp.set_defaults(run=_cmd_import)

    exp = sub.add_parser("export", help="export a list (.xlsx or .csv) or the reports workbook")
    exp.add_argument("--db", type=Path, required=True)
    exp.add_argument(
        "--list", choices=["customers", "followups", "opportunities"], default="customers"
    )
    exp.add_argument("--report", choices=["all"], help="the reports workbook (with the lists)")
    exp.add_argument("--period", help="2026-07, 2026-Q3, 2026 or 2026-07-01..2026-09-30")
    exp.add_argument("--owner", help="reports of one owner (user name or display name)")
    exp.add_argument("--out", type=Path, required=True)
    exp.add_argument("--format", choices=["xlsx", "csv"], help="default: from --out's suffix")
    exp.add_argument("--search", help="only customers matching this search text")
    exp.add_argument("--sort", default="name", help="column to sort by (default: name)")
    exp.add_argument("--columns", help="comma-separated column keys (default: the list's)")
    exp.set_defaults(run=_cmd_export)

    from crm_desktop.cli_backup import add_backup_commands

    add_backup_commands(sub, _passphrase)  # backup, restore

    from crm_desktop.sync.cli_commands import add_sync_commands

    add_sync_commands(sub)  # server init, server add-user, sync
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        from crm_desktop.app import run_gui

        return run_gui(str(args.db) if args.db else None, sys.argv[:1])
    try:
        code: int = args.run(args)
        return code
    except CrmError as exc:
        print(f"crm-desktop: {exc.message}", file=sys.stderr)
        return 2
