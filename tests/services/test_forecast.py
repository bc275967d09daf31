"""The forecast's SQL sums against sums computed here in plain Python over the same deals."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from crm_desktop.db.models import Customer, Opportunity, Stage
from crm_desktop.domain.money import Money, minor_digits
from crm_desktop.services import forecast as forecast_module
from crm_desktop.services.forecast import forecast, uses_totals
from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.services.pipeline_moves import PipelineService
from crm_desktop.services.workspace import Workspace, open_workspace
from tests.conftest import PASSPHRASE, old_schema_engine
from tests.services.pipeline_data import stages_by_kind


def test_forecast_matches_independent_sums(workspace: Workspace) -> None:
    ws = workspace
    rng = random.Random(7)
    open_stages, won, _lost = stages_by_kind(ws)
    default = {s.id: s.default_probability for s in open_stages}
    other_user = ws.users.create(username="li", display_name="李娜", role="sales")
    owners = [ws.ctx.user_id, other_user]
    customer = ws.customers.create(name="Acme")
    expected: dict[tuple[str | None, str | None, str], list[Decimal]] = defaultdict(
        lambda: [Decimal(0), Decimal(0), Decimal(0)]
    )
    for n in range(60):
        stage = rng.choice(open_stages)
        currency = rng.choice(["CNY", "USD", "JPY", "KWD"])
        digits = minor_digits(currency)
        amount = Decimal(rng.randrange(1, 10**8)).scaleb(-digits)
        probability = rng.choice([None, 0, 33, 67, 100])
        close = rng.choice([None, date(2030, rng.randrange(1, 13), rng.randrange(1, 28))])
        owner = rng.choice(owners)
        ws.opportunities.create(
            title=f"D{n}", customer_id=customer, stage_id=stage.id, amount=str(amount),
            currency=currency, probability=probability, expected_close=close, owner_id=owner,
        )  # fmt: skip
        key = (None if close is None else close.strftime("%Y-%m"), owner, currency)
        percent = default[stage.id] if probability is None else probability
        expected[key][0] += 1
        expected[key][1] += amount
        expected[key][2] += amount * percent / 100
    ws.opportunities.create(title="won", customer_id=customer, stage_id=won.id, amount="5")
    with ws.db.session() as session:
        rows = forecast(session)
    got = {
        (r.month, r.owner_id, r.currency): [Decimal(r.count), r.amount, r.weighted] for r in rows
    }
    assert got == dict(expected)
    assert {r.owner for r in rows} == {"boss", "李娜"}
    months = [r.month for r in rows]
    assert months == sorted(months, key=lambda m: (m is None, m or ""))


def _expected(
    ws: Workspace, flt: BoardFilter
) -> dict[tuple[str | None, str | None, str], list[Decimal]]:
    """The forecast computed here from every deal, the slow way, in Decimal."""
    sums: dict[tuple[str | None, str | None, str], list[Decimal]] = defaultdict(
        lambda: [Decimal(0), Decimal(0), Decimal(0)]
    )
    with ws.db.session() as session:
        defaults = {s.id: s.default_probability for s in session.scalars(select(Stage))}
        rows = session.execute(
            select(Opportunity, Customer.deleted_at).join(
                Customer, Customer.id == Opportunity.customer_id
            )
        )
        for opp, customer_deleted in rows:
            close = opp.expected_close
            if opp.deleted_at is not None or customer_deleted is not None:
                continue
            if flt.status is not None and opp.status != flt.status:
                continue
            if flt.owner_id is not None and opp.owner_id != flt.owner_id:
                continue
            if flt.close_from is not None and (close is None or close < flt.close_from):
                continue
            if flt.close_to is not None and (close is None or close > flt.close_to):
                continue
            amount = Money.from_minor(opp.amount_minor, opp.currency).amount
            percent = defaults[opp.stage_id] if opp.probability is None else opp.probability
            key = (None if close is None else close.strftime("%Y-%m"), opp.owner_id, opp.currency)
            sums[key][0] += 1
            sums[key][1] += amount
            sums[key][2] += amount * percent / 100
    return dict(sums)


def _check(ws: Workspace, filters: list[BoardFilter]) -> None:
    for flt in filters:
        with ws.db.session() as session:
            rows = forecast(session, flt)
        got = {
            (r.month, r.owner_id, r.currency): [Decimal(r.count), r.amount, r.weighted]
            for r in rows
        }
        assert got == _expected(ws, flt), flt


def test_running_totals_follow_every_kind_of_change(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The running totals (kept by triggers) against sums of the deals after inserts, moves,
    edits, won and lost, deleted and restored deals and customers, and a plain SQL delete."""
    ws = workspace
    rng = random.Random(11)
    open_stages, won, lost = stages_by_kind(ws)
    other = ws.users.create(username="li", display_name="李娜", role="sales")
    owners = [ws.ctx.user_id, other, None]
    customers = [ws.customers.create(name=f"C{n}") for n in range(4)]
    pipeline = PipelineService(ws.ctx, ws.opportunities, ws.followups)
    deals = []
    days = [None, *(date(2030, month, day) for month in (1, 2, 3) for day in (1, 9, 28))]
    for n in range(40):
        deals.append(
            ws.opportunities.create(
                title=f"D{n}", customer_id=rng.choice(customers),
                stage_id=rng.choice(open_stages).id, amount=str(rng.randrange(1, 10**6)),
                currency=rng.choice(["CNY", "USD", "JPY"]),
                probability=rng.choice([None, None, 30, 90]),
                expected_close=rng.choice(days),
                owner_id=rng.choice(owners),
            )
        )  # fmt: skip
    filters = [
        BoardFilter(),
        BoardFilter(owner_id=other),
        BoardFilter(close_from=date(2030, 2, 1), close_to=date(2030, 3, 31)),
        BoardFilter(status=None),
        BoardFilter(status="won"),
    ]
    assert all(uses_totals(f) for f in filters)
    _check(ws, filters)
    for deal in deals[:10]:
        pipeline.move(deal, rng.choice(open_stages).id)
    pipeline.move(deals[10], won.id)
    pipeline.move(deals[11], lost.id, lost_reason="Price")
    ws.opportunities.update(deals[12], amount="77.70", currency="USD", owner_id=other)
    ws.opportunities.update(deals[13], expected_close=date(2030, 2, 2), probability=None)
    ws.opportunities.update(deals[14], probability=55, expected_close=None)
    ws.opportunities.delete(deals[15])
    ws.opportunities.delete(deals[16])
    ws.opportunities.restore(deals[16])
    _check(ws, filters)
    ws.customers.delete(customers[0])  # its deals leave the forecast, the totals stay
    _check(ws, filters)
    ws.customers.restore(customers[0])
    ws.customers.delete(customers[1])
    with ws.db.write() as session:  # a writer that bypasses the services (as sync does)
        session.execute(text("DELETE FROM stage_history"))
        session.execute(text("DELETE FROM followups"))
        session.execute(text("DELETE FROM opportunities WHERE title IN ('D20', 'D21')"))
        session.execute(text("UPDATE opportunities SET amount_minor = 5 WHERE title = 'D22'"))
    _check(ws, filters)
    with ws.db.write() as session:  # a new default probability rewrites nothing
        session.execute(
            update(Stage).where(Stage.id == open_stages[0].id).values(default_probability=42)
        )
    _check(ws, filters)
    ws.customers.delete(customers[2])
    monkeypatch.setattr(forecast_module, "CHUNK", 1)  # trashed customers looked up one by one
    _check(ws, filters)
    monkeypatch.setattr(forecast_module, "MAX_TRASHED", 1)  # too many: the deals are summed
    _check(ws, filters)


def test_other_filters_sum_the_deals(workspace: Workspace) -> None:
    ws = workspace
    open_stages, _won, _lost = stages_by_kind(ws)
    customer = ws.customers.create(name="Acme")
    for n, amount in enumerate(["10", "500", "9000"]):
        ws.opportunities.create(
            title=f"D{n}", customer_id=customer, stage_id=open_stages[0].id, amount=amount,
            expected_close=date(2030, 1, 10 + n),
        )  # fmt: skip
    flt = BoardFilter(amount_min=Decimal(100), close_from=date(2030, 1, 11))
    assert not uses_totals(flt) and not uses_totals(BoardFilter(close_to=date(2030, 1, 30)))
    with ws.db.session() as session:
        rows = forecast(session, flt)
    assert [(r.month, r.count, r.amount) for r in rows] == [("2030-01", 2, Decimal(9500))]


def test_an_older_file_gets_its_totals_when_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = old_schema_engine(path)  # before the search triggers, which need the app's functions
    stamp = "2024-01-01 00:00:00.000000"
    deals = [  # id, amount, currency, stage, probability, close, status, deleted
        ("d1", 1000, "CNY", "s1", None, "2030-01-05", "open", None),
        ("d2", 2550, "CNY", "s1", 40, "2030-01-20", "open", None),
        ("d3", 700, "USD", "s2", None, None, "open", None),
        ("d4", 900, "USD", "s2", None, "2030-02-01", "won", None),
        ("d5", 999, "CNY", "s1", None, "2030-01-07", "open", stamp),
    ]
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customers (id, kind, name, status, created_at, updated_at) VALUES "
            "('c1', 'company', 'Acme', 'active', ?, ?)",
            (stamp, stamp),
        )
        for sid, percent in (("s1", 10), ("s2", 50)):
            conn.exec_driver_sql(
                "INSERT INTO stages (id, name, position, default_probability, kind, created_at,"
                " updated_at) VALUES (?, ?, 0, ?, 'open', ?, ?)",
                (sid, sid, percent, stamp, stamp),
            )
        for deal in deals:
            conn.exec_driver_sql(
                "INSERT INTO opportunities (id, title, customer_id, amount_minor, currency,"
                " stage_id, probability, expected_close, status, deleted_at, stage_changed_at,"
                " created_at, updated_at) VALUES (?, 'x', 'c1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*deal, stamp, stamp, stamp),
            )
    engine.dispose()
    ws = open_workspace(path, PASSPHRASE)
    try:
        with ws.db.session() as session:
            rows = forecast(session)
        got = [(r.month, r.currency, r.count, r.minor, r.weighted_cents) for r in rows]
        assert got == [
            ("2030-01", "CNY", 2, 3550, 1000 * 10 + 2550 * 40),
            (None, "USD", 1, 700, 700 * 50),
        ]
        _check(ws, [BoardFilter(), BoardFilter(status=None)])
    finally:
        ws.close()
