"""``crm-desktop export --report all --period 2026-Q3 --out FILE.xlsx`` (the reports workbook,
the same as the window's "Export workbook…") and ``export --list followups|opportunities``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from crm_desktop.db.models import User
from crm_desktop.domain.errors import CrmError

if TYPE_CHECKING:
    from crm_desktop.services.workspace import Workspace


def _owner_id(workspace: Workspace, owner: str | None) -> tuple[str | None, str | None]:
    """``--owner`` (a user name, display name or id) as (id, display name)."""
    if owner is None:
        return None, None
    with workspace.db.session() as session:
        found = session.execute(
            select(User.id, User.display_name).where(
                User.deleted_at.is_(None),
                or_(User.id == owner, User.username == owner, User.display_name == owner),
            )
        ).first()
    if found is None:
        raise SystemExit(f"crm-desktop: no user {owner!r}")
    return found[0], found[1]


def run_export(args: argparse.Namespace, passphrase: Callable[[], str]) -> int:
    from crm_desktop.services.customer_filters import CustomerFilter
    from crm_desktop.services.exports import (
        FOLLOWUP_COLUMNS,
        OPPORTUNITY_COLUMNS,
        export_list,
        followup_rows,
        list_headers,
        list_kinds,
        opportunity_rows,
    )
    from crm_desktop.services.followup_views import FollowUpFilter, View
    from crm_desktop.services.pipeline import BoardFilter
    from crm_desktop.services.reports import Period, PeriodKind, ReportFilter, compute_all
    from crm_desktop.services.workbook import Cover, ListFilters, export_workbook
    from crm_desktop.services.workspace import open_workspace

    fmt = args.format or ("csv" if args.out.suffix.lower() == ".csv" else "xlsx")
    if args.report and fmt != "xlsx":
        raise SystemExit("crm-desktop: --report writes an .xlsx workbook")
    try:
        period = Period.parse(args.period) if args.period else None
    except CrmError as exc:
        raise SystemExit(f"crm-desktop: {exc.message}") from None
    workspace = open_workspace(args.db, passphrase())
    try:
        started = time.perf_counter()
        now = workspace.ctx.clock().astimezone()
        owner_id, owner_name = _owner_id(workspace, args.owner)
        with workspace.db.session() as session:
            if args.report:
                chosen = period or Period.containing(PeriodKind.QUARTER, now.date())
                flt = ReportFilter(chosen, owner_id=owner_id)  # in this computer's time zone
                reports = compute_all(session, flt, now)
                user = workspace.users.get(workspace.ctx.user_id) if workspace.ctx.user_id else None
                cover = Cover(user.display_name if user else "", now, owner_name)
                lists = ListFilters(customers=CustomerFilter(text=args.search or ""))
                counts = export_workbook(session, reports, args.out, cover, lists)
                what = f"the {flt.period.code} reports and " + ", ".join(
                    f"{n:,} {name}" for name, n in counts.items()
                )
            elif args.list == "followups":
                rows = followup_rows(session, FollowUpFilter(View.ALL), now)
                headers = list_headers(FOLLOWUP_COLUMNS, lambda _c, t: t)
                count = export_list(
                    args.out, fmt, "Follow-ups", headers, list_kinds(FOLLOWUP_COLUMNS), rows
                )
                what = f"{count:,} follow-ups"
            else:
                board = BoardFilter(owner_id=owner_id, status=None)
                rows = opportunity_rows(session, board)
                headers = list_headers(OPPORTUNITY_COLUMNS, lambda _c, t: t)
                count = export_list(
                    args.out, fmt, "Opportunities", headers, list_kinds(OPPORTUNITY_COLUMNS), rows
                )
                what = f"{count:,} opportunities"
    finally:
        workspace.close()
    print(f"Wrote {what} to {args.out} in {time.perf_counter() - started:.1f} s")
    print("Note: the exported file is not encrypted; keep it somewhere safe.", file=sys.stderr)
    return 0
