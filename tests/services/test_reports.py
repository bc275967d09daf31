"""Report computations against the same figures worked out in plain Python.

``build_sample`` makes a small file through the real services at chosen times (two owners,
two currencies, deals moved through stages, churned customers, trashed records) and returns a
``Ledger``: the same facts as plain Python data. Each test computes its report from the ledger
with loops and compares.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest

from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.reports import Period, PeriodKind, ReportFilter, compute_all
from crm_desktop.services.reports.activity import activity
from crm_desktop.services.reports.customers import churn, new_customers, segments
from crm_desktop.services.reports.sales import (
    forecast_by_month,
    funnel,
    owner_results,
    won_revenue,
)
from crm_desktop.services.workspace import Workspace, create_workspace
from tests.conftest import PASSPHRASE

Q3 = Period.quarter(2026, 3)
NOW = datetime(2026, 9, 15, 12, 0, tzinfo=UTC)


def at(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


@dataclass
class Ledger:
    """What ``build_sample`` did, as plain data (times in UTC)."""

    owners: dict[str, str] = field(default_factory=dict)  # id → display name
    stages: list[str] = field(default_factory=list)  # open stage ids in order
    won_stage: str = ""
    lost_stage: str = ""
    customers: list[dict[str, object]] = field(default_factory=list)
    deals: list[dict[str, object]] = field(default_factory=list)
    followups: list[dict[str, object]] = field(default_factory=list)
    status_changes: list[tuple[str, datetime, str, str]] = field(default_factory=list)

    def customer(self, customer_id: object) -> dict[str, object]:
        return next(c for c in self.customers if c["id"] == customer_id)

    def live_customer(self, customer_id: object) -> bool:
        return not self.customer(customer_id)["deleted"]


class Clock:
    def __init__(self) -> None:
        self.now = at(1, 1)

    def __call__(self) -> datetime:
        return self.now


def build_sample(path: Path) -> tuple[Workspace, Ledger]:
    clock = Clock()
    ws = create_workspace(path, PASSPHRASE, owner_name="boss", clock=clock)
    led = Ledger()
    boss = ws.ctx.user_id
    assert boss is not None
    li = ws.users.create(username="lina", display_name="李娜", role="sales")
    led.owners = {boss: "boss", li: "李娜"}
    stages = ws.stages.list()
    led.stages = [s.id for s in stages if s.kind == "open"]
    led.won_stage = next(s.id for s in stages if s.kind == "won")
    led.lost_stage = next(s.id for s in stages if s.kind == "lost")

    def customer(when: datetime, owner: str, deleted: bool = False, **values: str) -> str:
        clock.now = when
        values.setdefault("status", "active")
        name = f"客户 {len(led.customers)}"
        cid = ws.customers.create(name=name, owner_id=owner, **values)
        led.customers.append(
            {"id": cid, "name": name, "created": when, "owner": owner, "deleted": False, **values}
        )
        return cid

    c_jun = customer(at(6, 20), boss, region="广东省", industry="制造", source="referral", tier="A")
    c_jul = customer(at(7, 3), boss, region="广东省", industry="零售", source="website", tier="B")
    c_jul2 = customer(at(7, 28), li, region="浙江省", industry="制造", source="referral", tier="A")
    c_aug = customer(at(8, 9), li, region="浙江省", tier="VIP", status="lead")
    c_sep = customer(at(9, 30, 23), boss, region="上海市", industry="零售", tier="C")
    customer(at(10, 2), li, region="上海市", source="exhibition", tier="C")
    c_trash = customer(at(7, 10), li, region="广东省", industry="制造", source="website", tier="A")

    def set_status(cid: str, when: datetime, new: str) -> None:
        clock.now = when
        old = str(led.customer(cid)["status"])
        ws.customers.update(cid, status=new)
        led.customer(cid)["status"] = new
        led.status_changes.append((cid, when, old, new))

    set_status(c_jun, at(8, 15), "dormant")  # churned in Q3
    set_status(c_jul2, at(9, 2), "lost")  # churned in Q3
    set_status(c_trash, at(8, 20), "dormant")  # churned, but the customer is trashed below
    set_status(c_jul, at(10, 5), "dormant")  # after Q3: still active at its end
    set_status(c_aug, at(9, 10), "active")  # became active in Q3 (no churn)
    set_status(c_aug, at(10, 9), "lost")  # …and left after Q3 (active at its end)

    def deal(
        when: datetime,
        cid: str,
        owner: str,
        amount: str,
        currency: str,
        path: list[tuple[datetime, str]],
        close: date | None = None,
    ) -> str:
        clock.now = when
        first = led.stages[0]
        did = ws.opportunities.create(
            title=f"单 {len(led.deals)}",
            customer_id=cid,
            owner_id=owner,
            amount=amount,
            currency=currency,
            stage_id=first,
            expected_close=close,
        )
        reached = 1
        status, closed = "open", None
        stage = first
        for moved, stage in path:
            clock.now = moved
            ws.opportunities.update(did, stage_id=stage)
            if stage in led.stages:
                reached = max(reached, led.stages.index(stage) + 1)
            elif stage == led.won_stage:
                status, closed = "won", moved
            else:
                status, closed = "lost", moved
        led.deals.append(
            {
                "id": did, "customer": cid, "created": when, "owner": owner,
                "minor": int(Decimal(amount) * (1 if currency == "JPY" else 100)),
                "currency": currency, "status": status, "closed": closed, "reached": reached,
                "stage": stage, "close": close, "deleted": False,
            }
        )  # fmt: skip
        return did

    _s1, s2, s3, s4 = led.stages
    won, lost = led.won_stage, led.lost_stage
    deal(at(7, 1), c_jul, boss, "1000.50", "CNY", [(at(7, 20), s2), (at(8, 1), won)])
    deal(at(7, 5), c_jul, boss, "200", "USD", [(at(7, 6), s3), (at(9, 1), won)])
    deal(at(7, 9), c_jul2, li, "30000", "JPY", [(at(7, 30), won)])
    deal(at(8, 2), c_jul2, li, "500", "CNY", [(at(8, 3), s2), (at(8, 4), s3), (at(8, 30), lost)])
    deal(at(8, 5), c_jun, boss, "800", "CNY", [(at(8, 6), lost)])
    deal(at(8, 7), c_jun, li, "1200", "CNY", [(at(8, 8), s4)], close=date(2026, 9, 20))
    deal(at(8, 9), c_jul, boss, "99.99", "USD", [], close=date(2026, 8, 31))
    deal(at(9, 3), c_aug, li, "4000", "CNY", [(at(9, 4), s2)], close=date(2026, 10, 3))
    deal(at(6, 1), c_jun, boss, "700", "CNY", [(at(7, 2), won)])  # opened before, won in Q3
    deal(at(9, 29), c_sep, boss, "50", "CNY", [(at(10, 1), won)])  # won after Q3
    gone = deal(at(7, 15), c_jul, boss, "9999", "CNY", [(at(7, 16), won)], close=date(2026, 9, 1))
    deal(at(7, 15), c_trash, li, "7777", "CNY", [(at(7, 17), won)], close=date(2026, 9, 2))
    deal(at(7, 18), c_trash, li, "10", "CNY", [], close=date(2026, 9, 3))

    def followup(owner: str, channel: str, status: str, cid: str, when: datetime) -> str:
        clock.now = at(1, 2)
        key = "occurred_at" if status == "done" else "due_at"
        fid = ws.followups.create(
            customer_id=cid, subject="回访", owner_id=owner, channel=channel, status=status,
            **{key: when},
        )  # fmt: skip
        led.followups.append(
            {"id": fid, "owner": owner, "channel": channel, "status": status, "customer": cid,
             "when": when, "deleted": False}
        )  # fmt: skip
        return fid

    followup(boss, "phone", "done", c_jul, at(7, 4))
    followup(boss, "phone", "done", c_jul, at(8, 4))
    followup(boss, "visit", "done", c_jun, at(9, 14))
    followup(boss, "phone", "done", c_jun, at(6, 30))  # before Q3
    followup(li, "email", "done", c_jul2, at(7, 29))
    followup(li, "email", "planned", c_jul2, at(9, 10))  # overdue at NOW
    followup(li, "email", "planned", c_jul2, at(9, 20))  # planned
    followup(boss, "phone", "planned", c_jul, at(9, 16))  # planned
    followup(boss, "phone", "planned", c_jul, at(10, 16))  # after Q3
    followup(boss, "meeting", "cancelled", c_jul, at(8, 16))  # neither
    junk = followup(boss, "visit", "done", c_jul, at(8, 17))
    followup(li, "visit", "done", c_trash, at(8, 18))  # customer trashed
    followup(li, "phone", "planned", c_trash, at(9, 1))  # customer trashed

    clock.now = at(9, 1)
    ws.opportunities.delete(gone)
    next(d for d in led.deals if d["id"] == gone)["deleted"] = True
    ws.followups.delete(junk)
    next(f for f in led.followups if f["id"] == junk)["deleted"] = True
    ws.customers.delete(c_trash)
    led.customer(c_trash)["deleted"] = True
    clock.now = NOW
    return ws, led


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Ledger]]:
    """Built once for the module: the tests only read it."""
    ws, led = build_sample(tmp_path_factory.mktemp("reports") / "reports.db")
    yield ws, led
    ws.close()


def q3(owner: str | None = None, zone: timezone = UTC) -> ReportFilter:
    return ReportFilter(Q3, owner_id=owner, zone=zone)


def in_q3(when: object) -> bool:
    start, end = q3().bounds()
    return isinstance(when, datetime) and start <= when < end


def live_deals(led: Ledger, owner: str | None) -> list[dict[str, object]]:
    return [
        d
        for d in led.deals
        if not d["deleted"]
        and led.live_customer(d["customer"])
        and (owner is None or d["owner"] == owner)
    ]


OWNERS: list[str | None] = [None, "boss", "李娜"]


def owner_id(led: Ledger, name: str | None) -> str | None:
    return None if name is None else next(k for k, v in led.owners.items() if v == name)


def compute(ws: Workspace, fn: Callable[..., object], *args: object) -> object:
    with ws.db.session() as session:
        return fn(session, *args)


# --- periods ---------------------------------------------------------------------------------


def test_period_parsing_and_codes() -> None:
    assert Period.parse("2026-Q3") == Period(
        date(2026, 7, 1), date(2026, 9, 30), PeriodKind.QUARTER
    )
    assert Period.parse("2026-02").end == date(2026, 2, 28)
    assert Period.parse("2024-02").end == date(2024, 2, 29)
    assert Period.parse("2026") == Period(date(2026, 1, 1), date(2026, 12, 31), PeriodKind.YEAR)
    custom = Period.parse("2026-05-10..2026-07-02")
    assert (custom.kind, custom.months()) == (PeriodKind.CUSTOM, ["2026-05", "2026-06", "2026-07"])
    for text in ("2026-Q3", "2026-12", "2026", "2026-05-10..2026-07-02"):
        assert Period.parse(text).code == text
    assert Period.containing(PeriodKind.QUARTER, date(2026, 11, 23)).code == "2026-Q4"
    assert Period.parse("2026-12").months() == ["2026-12"]
    for bad in ("2026-13", "Q3", "2026-09-30..2026-07-01", ""):
        with pytest.raises(ValidationError):
            Period.parse(bad)


def test_bounds_follow_the_zone() -> None:
    beijing = timezone(timedelta(hours=8))
    start, end = q3(zone=beijing).bounds()
    assert start == datetime(2026, 6, 30, 16, tzinfo=UTC)
    assert end == datetime(2026, 9, 30, 16, tzinfo=UTC)


# --- deals -----------------------------------------------------------------------------------


@pytest.mark.parametrize("owner", OWNERS)
def test_won_revenue_by_month_and_currency(
    sample: tuple[Workspace, Ledger], owner: str | None
) -> None:
    ws, led = sample
    oid = owner_id(led, owner)
    expected: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for d in live_deals(led, oid):
        if d["status"] == "won" and in_q3(d["closed"]):
            assert isinstance(d["closed"], datetime)
            sums = expected[(f"{d['closed']:%Y-%m}", str(d["currency"]))]
            sums[0] += 1
            sums[1] += int(str(d["minor"]))
    rows = compute(ws, won_revenue, q3(oid))
    assert isinstance(rows, list)
    assert {(r.month, r.currency): [r.deals, r.minor] for r in rows} == dict(expected)
    assert [(r.month, r.currency) for r in rows] == sorted(expected)


def test_revenue_is_never_summed_across_currencies(sample: tuple[Workspace, Ledger]) -> None:
    ws, _led = sample
    rows = compute(ws, won_revenue, q3())
    assert isinstance(rows, list)
    july = {r.currency: r.amount for r in rows if r.month == "2026-07"}
    assert july == {"CNY": Decimal("700.00"), "JPY": Decimal("30000")}


@pytest.mark.parametrize("owner", OWNERS)
def test_owner_results(sample: tuple[Workspace, Ledger], owner: str | None) -> None:
    ws, led = sample
    oid = owner_id(led, owner)
    expected: dict[str | None, dict[str, object]] = {}
    for d in live_deals(led, oid):
        if d["status"] in ("won", "lost") and in_q3(d["closed"]):
            e = expected.setdefault(
                str(d["owner"]), {"won": 0, "lost": 0, "revenue": Counter(), "days": []}
            )
            e[str(d["status"])] = int(str(e[str(d["status"])])) + 1
            if d["status"] == "won":
                revenue = e["revenue"]
                assert isinstance(revenue, Counter)
                revenue[d["currency"]] += d["minor"]
                assert isinstance(d["closed"], datetime) and isinstance(d["created"], datetime)
                days = e["days"]
                assert isinstance(days, list)
                days.append((d["closed"] - d["created"]).total_seconds() / 86400)
    rows = compute(ws, owner_results, q3(oid))
    assert isinstance(rows, list)
    assert {r.owner_id for r in rows} == set(expected)
    for row in rows:
        e = expected[row.owner_id]
        assert row.owner == led.owners[str(row.owner_id)]
        assert (row.won, row.lost) == (e["won"], e["lost"])
        assert dict(row.revenue) == dict(e["revenue"])  # type: ignore[call-overload]
        days = e["days"]
        assert isinstance(days, list)
        if days:
            assert row.cycle_days == pytest.approx(sum(days) / len(days))
            assert row.win_rate == pytest.approx(len(days) / (len(days) + int(str(e["lost"]))))
        else:
            assert row.cycle_days is None


@pytest.mark.parametrize("owner", OWNERS)
def test_funnel_and_conversion(sample: tuple[Workspace, Ledger], owner: str | None) -> None:
    ws, led = sample
    oid = owner_id(led, owner)
    opened = [d for d in live_deals(led, oid) if in_q3(d["created"])]
    n_open = len(led.stages)
    reached = [
        n_open + 1
        if d["status"] == "won"
        else led.stages.index(str(d["stage"])) + 1
        if d["status"] == "open"
        else int(str(d["reached"]))
        for d in opened
    ]
    expected = [sum(1 for r in reached if r >= k) for k in range(1, n_open + 2)]
    rows = compute(ws, funnel, q3(oid))
    assert isinstance(rows, list)
    assert [r.reached for r in rows] == expected
    assert [r.stage_id for r in rows] == [*led.stages, led.won_stage]
    assert rows[0].conversion is None
    for before, row in pairwise(rows):
        if before.reached:
            assert row.conversion == pytest.approx(row.reached / before.reached)
        else:
            assert row.conversion is None


@pytest.mark.parametrize("owner", OWNERS)
def test_forecast_by_month(sample: tuple[Workspace, Ledger], owner: str | None) -> None:
    ws, led = sample
    oid = owner_id(led, owner)
    defaults = {s.id: s.default_probability for s in ws.stages.list()}
    expected: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for d in live_deals(led, oid):
        close = d["close"]
        if d["status"] == "open" and isinstance(close, date) and Q3.start <= close <= Q3.end:
            sums = expected[(f"{close:%Y-%m}", str(d["currency"]))]
            minor = int(str(d["minor"]))
            sums[0] += 1
            sums[1] += minor
            sums[2] += minor * defaults[str(d["stage"])]
    rows = compute(ws, forecast_by_month, q3(oid))
    assert isinstance(rows, list)
    assert {(r.month, r.currency): [r.deals, r.minor, r.weighted_cents] for r in rows} == dict(
        expected
    )


# --- customers -------------------------------------------------------------------------------


@pytest.mark.parametrize("owner", OWNERS)
def test_new_customers_by_month(sample: tuple[Workspace, Ledger], owner: str | None) -> None:
    ws, led = sample
    oid = owner_id(led, owner)
    counts = Counter(
        f"{c['created']:%Y-%m}"
        for c in led.customers
        if not c["deleted"] and in_q3(c["created"]) and (oid is None or c["owner"] == oid)
    )
    rows = compute(ws, new_customers, q3(oid))
    assert isinstance(rows, list)
    assert [(r.month, r.count) for r in rows] == [(m, counts[m]) for m in Q3.months()]


def test_new_customers_in_another_zone(sample: tuple[Workspace, Ledger]) -> None:
    ws, led = sample
    beijing = timezone(timedelta(hours=8))
    rows = compute(ws, new_customers, q3(zone=beijing))
    assert isinstance(rows, list)
    start, end = q3(zone=beijing).bounds()
    counts = Counter(
        f"{c['created'].astimezone(beijing):%Y-%m}"  # type: ignore[union-attr]
        for c in led.customers
        if not c["deleted"] and start <= c["created"] < end  # type: ignore[operator]
    )
    assert [(r.month, r.count) for r in rows] == [(m, counts[m]) for m in Q3.months()]
    assert counts["2026-09"] == 0  # the 30 September 23:00 UTC customer moved to October


@pytest.mark.parametrize("owner", OWNERS)
def test_churn_and_rate(sample: tuple[Workspace, Ledger], owner: str | None) -> None:
    ws, led = sample
    oid = owner_id(led, owner)
    _start, end = q3().bounds()

    def counted(cid: str) -> bool:
        c = led.customer(cid)
        return not c["deleted"] and (oid is None or c["owner"] == oid)

    churned: dict[str, datetime] = {}
    for cid, when, old, new in led.status_changes:
        if counted(cid) and in_q3(when) and old == "active" and new in ("dormant", "lost"):
            churned.setdefault(cid, when)
    by_month = Counter(f"{when:%Y-%m}" for when in churned.values())

    def status_at_end(c: dict[str, object]) -> object:
        status = c["status"]
        for cid, when, old, _new in sorted(led.status_changes, key=lambda e: e[1], reverse=True):
            if cid == c["id"] and when >= end:
                status = old
        return status

    active_at_end = sum(
        1
        for c in led.customers
        if counted(str(c["id"])) and c["created"] < end and status_at_end(c) == "active"  # type: ignore[operator]
    )
    result = compute(ws, churn, q3(oid))
    assert [(m.month, m.count) for m in result.by_month] == [  # type: ignore[attr-defined]
        (m, by_month[m]) for m in Q3.months()
    ]
    assert result.churned == len(churned)  # type: ignore[attr-defined]
    assert result.active_at_end == active_at_end  # type: ignore[attr-defined]
    base = len(churned) + active_at_end
    assert result.rate == (len(churned) / base if base else None)  # type: ignore[attr-defined]


@pytest.mark.parametrize("owner", OWNERS)
def test_segments(sample: tuple[Workspace, Ledger], owner: str | None) -> None:
    ws, led = sample
    oid = owner_id(led, owner)
    rows = compute(ws, segments, q3(oid))
    assert isinstance(rows, list)
    for dimension in ("region", "industry", "source", "tier"):
        expected = Counter(
            c.get(dimension)
            for c in led.customers
            if not c["deleted"] and (oid is None or c["owner"] == oid)
        )
        got = {r.value: r.count for r in rows if r.dimension == dimension}
        assert got == dict(expected)
        counts = [r.count for r in rows if r.dimension == dimension and r.value is not None]
        assert counts == sorted(counts, reverse=True)


# --- follow-ups ------------------------------------------------------------------------------


@pytest.mark.parametrize("owner", OWNERS)
def test_activity(sample: tuple[Workspace, Ledger], owner: str | None) -> None:
    ws, led = sample
    oid = owner_id(led, owner)
    expected: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for f in led.followups:
        if f["deleted"] or not led.live_customer(f["customer"]) or not in_q3(f["when"]):
            continue
        if oid is not None and f["owner"] != oid:
            continue
        key = (str(f["owner"]), str(f["channel"]))
        if f["status"] == "done":
            expected[key][0] += 1
        elif f["status"] == "planned":
            expected[key][2 if f["when"] < NOW else 1] += 1  # type: ignore[operator]
    rows = compute(ws, activity, q3(oid), NOW)
    assert isinstance(rows, list)
    got = {(r.owner_id, r.channel): [r.done, r.planned, r.overdue] for r in rows}
    assert got == dict(expected)
    assert all(r.owner == led.owners[str(r.owner_id)] for r in rows)


# --- empty periods, everything at once --------------------------------------------------------


def test_an_empty_period_gives_zero_rows(sample: tuple[Workspace, Ledger]) -> None:
    ws, _led = sample
    empty = ReportFilter(Period.parse("2019-Q1"), zone=UTC)
    with ws.db.session() as session:
        reports = compute_all(session, empty, NOW)
    assert reports.revenue == [] and reports.owners == [] and reports.activity == []
    assert reports.forecast == []
    assert [r.reached for r in reports.funnel] == [0] * 5
    assert all(r.conversion is None for r in reports.funnel)
    assert [m.count for m in reports.new_customers] == [0, 0, 0]
    assert reports.churn.churned == 0 and reports.churn.active_at_end == 0
    assert reports.churn.rate is None
    assert (
        sum(r.count for r in reports.segments if r.dimension == "tier") == 6
    )  # today: every live customer


def test_an_empty_file(workspace: Workspace) -> None:
    with workspace.db.session() as session:
        reports = compute_all(session, q3(), NOW)
    assert reports.segments == [] and reports.revenue == [] and reports.currencies() == []
    assert [r.reached for r in reports.funnel] == [0] * 5


def test_compute_all_reports_progress(sample: tuple[Workspace, Ledger]) -> None:
    ws, _led = sample
    seen: list[tuple[int, int]] = []
    with ws.db.session() as session:
        reports = compute_all(session, q3(), NOW, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(n, 8) for n in range(1, 9)]
    assert reports.currencies() == ["CNY", "JPY", "USD"]
