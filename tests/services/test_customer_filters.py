"""Each customer filter, alone and combined, at a fixed "now"; and saving a filter as JSON."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from crm_desktop.services.customer_filters import CustomerFilter, matching_ids
from crm_desktop.services.workspace import Workspace, create_workspace
from tests.conftest import PASSPHRASE

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = NOW - timedelta(days=400)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ws(tmp_path, clock: Clock) -> Workspace:  # type: ignore[no-untyped-def]
    workspace = create_workspace(tmp_path / "f.db", PASSPHRASE, owner_name="boss", clock=clock)
    yield workspace
    workspace.close()


@pytest.fixture
def made(ws: Workspace, clock: Clock) -> dict[str, str]:
    li = ws.users.create(username="li", display_name="李娜", role="sales")
    vip = ws.tags.create(name="VIP")
    stage = ws.stages.list()[0]
    won = next(s for s in ws.stages.list() if s.kind == "won")
    c = {}
    c["gz"] = ws.customers.create(
        name="广州贸易",
        region="广东省",
        city="广州市",
        industry="贸易",
        tier="A",
        status="active",
        source="referral",
    )
    clock.now = NOW - timedelta(days=100)
    c["sz"] = ws.customers.create(
        name="深圳电子",
        region="广东省",
        city="深圳市",
        industry="电子",
        tier="VIP",
        status="prospect",
        source="website",
        owner_id=li,
    )
    clock.now = NOW - timedelta(days=10)
    c["ldn"] = ws.customers.create(
        name="London Ltd",
        region="England",
        city="London",
        industry="Finance",
        tier="B",
        status="lead",
        source="exhibition",
    )
    ws.customers.set_tags(c["sz"], [vip])
    ws.opportunities.create(title="Open deal", customer_id=c["gz"], stage_id=stage.id)
    ws.opportunities.create(title="Won deal", customer_id=c["sz"], stage_id=won.id)
    ws.followups.create(
        customer_id=c["sz"], subject="Met", status="done", occurred_at=NOW - timedelta(days=5)
    )
    ws.followups.create(
        customer_id=c["gz"], subject="Met", status="done", occurred_at=NOW - timedelta(days=60)
    )
    c["li"], c["vip"] = li, vip
    return c


def _ids(ws: Workspace, **kwargs: object) -> set[str]:
    with ws.db.session() as session:
        return set(matching_ids(session, CustomerFilter(**kwargs), NOW))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {"gz", "sz", "ldn"}),
        ({"regions": ("广东省",)}, {"gz", "sz"}),
        ({"cities": ("深圳市", "London")}, {"sz", "ldn"}),
        ({"industries": ("贸易",)}, {"gz"}),
        ({"tiers": ("VIP",)}, {"sz"}),
        ({"statuses": ("lead", "active")}, {"gz", "ldn"}),
        ({"sources": ("website",)}, {"sz"}),
        ({"no_contact_days": 30}, {"gz", "ldn"}),
        ({"no_contact_days": 90}, {"ldn"}),
        ({"has_open_opportunity": True}, {"gz"}),
        ({"has_open_opportunity": False}, {"sz", "ldn"}),
        ({"created_from": date(2026, 8, 1)}, {"sz", "ldn"}),
        ({"created_from": date(2026, 8, 1), "created_to": date(2026, 8, 15)}, {"sz"}),
        ({"text": "shenzhen"}, {"sz"}),
        ({"regions": ("广东省",), "tiers": ("A",)}, {"gz"}),
        ({"regions": ("广东省",), "text": "london"}, set()),
    ],
)
def test_filters(
    ws: Workspace, made: dict[str, str], kwargs: dict[str, object], expected: set[str]
) -> None:
    assert _ids(ws, **kwargs) == {made[k] for k in expected}


def test_tag_and_owner_filters(ws: Workspace, made: dict[str, str]) -> None:
    assert _ids(ws, tag_ids=(made["vip"],)) == {made["sz"]}
    assert _ids(ws, owner_ids=(made["li"],)) == {made["sz"]}
    assert _ids(ws, owner_ids=(ws.ctx.user_id,)) == {made["gz"], made["ldn"]}


def test_trash_shows_only_deleted(ws: Workspace, made: dict[str, str]) -> None:
    ws.customers.delete(made["ldn"])
    assert _ids(ws) == {made["gz"], made["sz"]}
    assert _ids(ws, trash=True) == {made["ldn"]}


def test_filter_round_trips_through_json() -> None:
    flt = CustomerFilter(
        text="张", regions=("广东省",), no_contact_days=30, created_from=date(2026, 1, 1)
    )
    assert CustomerFilter.from_json(flt.to_json()) == flt
    assert CustomerFilter.from_json('{"tiers": ["A"], "future_option": 1}') == CustomerFilter(
        tiers=("A",)
    )
    assert CustomerFilter().is_empty() and not flt.is_empty()


def test_saved_views_per_user(ws: Workspace) -> None:
    flt = CustomerFilter(regions=("广东省",), tiers=("VIP",), text="电子")
    first = ws.saved_views.save("广东 VIP", flt, "last_contact_at", True, ["name", "city"])
    ws.saved_views.save("All leads", CustomerFilter(statuses=("lead",)))
    views = ws.saved_views.list()
    assert [v.name for v in views] == ["广东 VIP", "All leads"]
    assert views[0].filter == flt
    assert (views[0].sort_column, views[0].descending) == ("last_contact_at", True)
    assert views[0].columns == ("name", "city")
    ws.saved_views.update(first, name="Guangdong VIP")
    ws.saved_views.delete(first)
    assert [v.name for v in ws.saved_views.list()] == ["All leads"]
    other = ws.users.create(username="li", display_name="李娜", role="sales")
    ws.ctx.user_id = other
    assert ws.saved_views.list() == []
