"""The aggregate tables of migration 0010 against the rows they sum.

A random sequence of real service operations (create, edit, status/owner/stage change,
delete, restore, merge) runs on a fresh file; afterwards every table must hold exactly the
buckets counted in plain Python from the rows, and every report computed from the tables must
equal the same report counted from the rows, for several periods, owners and time zones
(including zones with half-hour offsets, whose local days cut UTC days in two).
"""

from __future__ import annotations

import contextlib
import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select

from crm_desktop.db.migrate import alembic_config, upgrade
from crm_desktop.db.models import (
    Customer,
    FollowUp,
    Opportunity,
    ReportDealDay,
    ReportFollowUpDay,
    ReportSegmentCount,
    StageHistory,
)
from crm_desktop.domain.errors import CrmError
from crm_desktop.services.duplicates import merge_customers
from crm_desktop.services.reports import Period, ReportFilter
from crm_desktop.services.reports.activity import activity, activity_from_rows
from crm_desktop.services.reports.customers import segments, segments_from_rows
from crm_desktop.services.reports.sales import funnel, funnel_from_rows
from crm_desktop.services.stage_settings import StageSettings
from crm_desktop.services.workspace import Workspace, create_workspace
from tests.conftest import PASSPHRASE

REGIONS = ["广东省", "浙江省", "上海市", None]
INDUSTRIES = ["制造", "零售", None]
SOURCES = ["referral", "website", None]
TIERS = ["A", "B", "VIP", None]
CHANNELS = ["phone", "email", "visit"]
ZONES = [UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=5, minutes=30)),
         timezone(timedelta(hours=-7))]  # fmt: skip


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 6, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _moment(rng: random.Random) -> datetime:
    """A time in June–October 2026, often near a UTC or local midnight."""
    day = datetime(2026, 6, 1, tzinfo=UTC) + timedelta(days=rng.randrange(150))
    minutes = rng.choice([0, 1, 30, 60 * 16, 60 * 18 + 29, 60 * 18 + 30, 60 * 23 + 59])
    return day + timedelta(minutes=minutes if rng.random() < 0.6 else rng.randrange(1440))


def _run_operations(
    ws: Workspace, clock: Clock, rng: random.Random, steps: int, seller: str = "lina"
) -> None:
    boss = ws.ctx.user_id
    assert boss is not None
    owners = [boss, ws.users.create(username=seller, display_name=seller, role="sales")]
    stages = ws.stages.list()
    stage_ids = [s.id for s in stages]
    customers: list[str] = []
    followups: list[str] = []
    deals: list[str] = []

    def new_customer() -> None:
        customers.append(
            ws.customers.create(
                name=f"客户 {len(customers)}",
                owner_id=rng.choice(owners),
                region=rng.choice(REGIONS),
                industry=rng.choice(INDUSTRIES),
                source=rng.choice(SOURCES),
                tier=rng.choice(TIERS),
                status=rng.choice(["lead", "active"]),
            )
        )

    def edit_customer() -> None:
        edits: list[tuple[str, list[Any]]] = [
            ("owner_id", owners), ("region", REGIONS), ("tier", TIERS), ("source", SOURCES),
            ("industry", INDUSTRIES), ("status", ["active", "dormant", "lost"]),
        ]  # fmt: skip
        field, choices = rng.choice(edits)
        ws.customers.update(rng.choice(customers), **{field: rng.choice(choices)})

    def new_followup() -> None:
        status = rng.choice(["done", "planned", "planned", "cancelled"])
        when = {"occurred_at" if status == "done" else "due_at": _moment(rng)}
        followups.append(
            ws.followups.create(
                customer_id=rng.choice(customers),
                subject="回访",
                owner_id=rng.choice(owners),
                channel=rng.choice(CHANNELS),
                status=status,
                **when,
            )
        )

    def edit_followup() -> None:
        fid = rng.choice(followups)
        change = rng.choice(["done", "planned", "owner", "channel", "due", "customer"])
        if change == "done":
            ws.followups.update(fid, status="done", occurred_at=_moment(rng))
        elif change == "planned":
            ws.followups.update(fid, status="planned", due_at=_moment(rng))
        elif change == "owner":
            ws.followups.update(fid, owner_id=rng.choice(owners))
        elif change == "channel":
            ws.followups.update(fid, channel=rng.choice(CHANNELS))
        elif change == "due":
            ws.followups.update(fid, due_at=_moment(rng))
        else:
            ws.followups.update(fid, customer_id=rng.choice(customers))

    def new_deal() -> None:
        deals.append(
            ws.opportunities.create(
                title=f"单 {len(deals)}",
                customer_id=rng.choice(customers),
                owner_id=rng.choice(owners),
                amount="100",
                currency="CNY",
                stage_id=stage_ids[0],
            )
        )

    def edit_deal() -> None:
        did = rng.choice(deals)
        if rng.random() < 0.7:
            ws.opportunities.update(did, stage_id=rng.choice(stage_ids))
        else:
            ws.opportunities.update(did, owner_id=rng.choice(owners))

    def trash(service: object, ids: list[str]) -> None:
        record = rng.choice(ids)
        if rng.random() < 0.4:
            service.delete(record)  # type: ignore[attr-defined]
        else:
            service.restore(record)  # type: ignore[attr-defined]

    def merge() -> None:
        survivor, other = rng.sample(customers, 2)
        merge_customers(ws.ctx, survivor, [other])

    for _ in range(6):
        clock.now = _moment(rng)
        new_customer()
    operations = [
        (new_customer, 3), (edit_customer, 3), (new_followup, 8), (edit_followup, 6),
        (new_deal, 5), (edit_deal, 6), (lambda: trash(ws.customers, customers), 1),
        (lambda: trash(ws.followups, followups), 2), (lambda: trash(ws.opportunities, deals), 2),
        (merge, 1),
    ]  # fmt: skip
    actions = [op for op, weight in operations for _ in range(weight)]
    for _ in range(steps):
        clock.now = _moment(rng)
        # refused by the services (e.g. a trashed record): nothing written
        with contextlib.suppress(CrmError, IndexError, ValueError):
            rng.choice(actions)()


def _day(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%d")


def _expected_tables(ws: Workspace) -> tuple[Counter[tuple[str, ...]], ...]:
    """The three tables' buckets counted in Python from every row (trashed ones included)."""
    with ws.db.session() as session:
        trashed = {c.id for c in session.scalars(select(Customer)) if c.deleted_at is not None}
        followups: Counter[tuple[str, ...]] = Counter()
        for f in session.scalars(select(FollowUp)):
            when = f.occurred_at if f.status == "done" else f.due_at
            live = f.deleted_at is None and f.customer_id not in trashed
            if live and when is not None and f.status in ("done", "planned"):
                followups[(f.status, str(_day(when)), f.owner_id or "", f.channel)] += 1
        history: dict[str, set[str]] = {}
        for h in session.scalars(select(StageHistory)):
            history.setdefault(h.opportunity_id, set()).add(h.to_stage_id)
        deals: Counter[tuple[str, ...]] = Counter()
        for o in session.scalars(select(Opportunity)):
            if o.deleted_at is None and o.customer_id not in trashed:
                reach = "" if o.status in ("open", "won") else ",".join(sorted(history[o.id]))
                deals[(str(_day(o.created_at)), o.owner_id or "", o.status, o.stage_id, reach)] += 1
        segments: Counter[tuple[str, ...]] = Counter()
        for c in session.scalars(select(Customer)):
            if c.deleted_at is None:
                for name in ("region", "industry", "source", "tier"):
                    value = getattr(c, name)
                    segments[(name, c.owner_id or "", "" if value is None else "=" + value)] += 1
    return followups, deals, segments


def _stored_tables(ws: Workspace) -> tuple[Counter[tuple[str, ...]], ...]:
    followups: Counter[tuple[str, ...]]
    deals: Counter[tuple[str, ...]]
    segments: Counter[tuple[str, ...]]
    with ws.db.session() as session:
        followups = Counter(
            {
                (r.kind, r.day, r.owner_id, r.channel): r.count
                for r in session.scalars(select(ReportFollowUpDay))
                if r.count
            }
        )
        deals = Counter(
            {
                (r.day, r.owner_id, r.status, r.stage_id, r.reach): r.count
                for r in session.scalars(select(ReportDealDay))
                if r.count
            }
        )
        segments = Counter(
            {
                (r.dimension, r.owner_id, r.value): r.count
                for r in session.scalars(select(ReportSegmentCount))
                if r.count
            }
        )
    return followups, deals, segments


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_tables_and_reports_follow_every_operation(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    clock = Clock()
    ws = create_workspace(tmp_path / "t.db", PASSPHRASE, owner_name="boss", clock=clock)
    try:
        _run_operations(ws, clock, rng, steps=220)
        expected = _expected_tables(ws)
        assert sum(expected[0].values()) > 8 and sum(expected[1].values()) > 4
        assert _stored_tables(ws) == expected

        _compare_reports(ws, rng)
        # the funnel ranks lost deals' history when it reads: a new stage order is followed
        stages = ws.stages.list()
        open_ids = [s.id for s in stages if s.kind == "open"]
        rng.shuffle(open_ids)
        StageSettings(ws.stages).reorder(open_ids + [s.id for s in stages if s.kind != "open"])
        _compare_reports(ws, rng)
    finally:
        ws.close()


def _compare_reports(ws: Workspace, rng: random.Random) -> None:
    owners: list[str | None] = [None, ws.ctx.user_id]
    periods = [
        Period.quarter(2026, 3),
        Period.month(2026, 8),
        Period(date(2026, 7, 10), date(2026, 7, 10)),
        Period.year(2026),
    ]
    with ws.db.session() as session:
        for period in periods:
            for zone in ZONES:
                for owner in owners:
                    flt = ReportFilter(period, owner_id=owner, zone=zone)
                    assert funnel(session, flt) == funnel_from_rows(session, flt)
                    assert segments(session, flt) == segments_from_rows(session, flt)
                    for now in (_moment(rng), datetime(2026, 8, 20, 18, 30, tzinfo=UTC)):
                        assert activity(session, flt, now) == activity_from_rows(session, flt, now)


def test_migration_fills_the_tables_of_an_existing_file(tmp_path: Path) -> None:
    """Taken back to 0009 (tables and triggers dropped), more rows written without them, then
    upgraded: the migration counts every existing row into the tables."""
    rng = random.Random(7)
    clock = Clock()
    ws = create_workspace(tmp_path / "m.db", PASSPHRASE, owner_name="boss", clock=clock)
    try:
        _run_operations(ws, clock, rng, steps=120)
        config = alembic_config()
        with ws.db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0009")
        _run_operations(
            ws, clock, rng, steps=60, seller="wang"
        )  # the tables are gone: nothing counted
        upgrade(ws.db.engine)
        expected = _expected_tables(ws)
        assert sum(expected[0].values()) > 8
        assert _stored_tables(ws) == expected
    finally:
        ws.close()
