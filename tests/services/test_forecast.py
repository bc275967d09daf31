"""The forecast's SQL sums against sums computed here in plain Python over the same deals."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date
from decimal import Decimal

from crm_desktop.domain.money import minor_digits
from crm_desktop.services.forecast import forecast
from crm_desktop.services.workspace import Workspace
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
