"""The demo-data generator: counts, consistency, realism, determinism and use by the services."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.db.types import to_utc_text
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.search import search_customer_ids
from crm_desktop.services.validation import normalize_email, normalize_phone
from crm_desktop.services.workspace import Workspace, create_workspace

PASSPHRASE = "correct horse battery"
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
CUSTOMERS = 300
CJK = re.compile(r"[\u4e00-\u9fff]")
TIME_TEXT = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")


def _make(path: Path, seed: int = 7) -> Workspace:
    workspace = create_workspace(path, PASSPHRASE, owner_name="boss")
    generate_demo(workspace.db, CUSTOMERS, seed=seed, now=NOW)
    return workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = _make(tmp_path_factory.mktemp("demo") / "demo.db")
    yield workspace
    workspace.close()


def _rows(workspace: Workspace, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    conn = workspace.db.raw_connection()
    try:
        return [tuple(row) for row in conn.execute(sql, args).fetchall()]
    finally:
        conn.close()


def _one(workspace: Workspace, sql: str, *args: Any) -> Any:
    return _rows(workspace, sql, *args)[0][0]


def test_counts_are_in_the_expected_ranges(demo: Workspace) -> None:
    counts = demo.counts()
    assert counts["customers"] == CUSTOMERS
    assert counts["users"] == 9  # the workspace's owner and eight demo users
    assert counts["tags"] == 30
    assert counts["custom_fields"] == 2
    assert counts["stages"] == 6
    assert 2.4 * CUSTOMERS <= counts["followups"] <= 3.6 * CUSTOMERS
    assert 0.35 * CUSTOMERS <= counts["opportunities"] <= 0.65 * CUSTOMERS
    assert counts["stage_history"] == counts["opportunities"]
    assert counts["journal"] == _one(demo, "SELECT count(*) FROM change_journal")
    assert _one(demo, "SELECT count(*) FROM change_journal WHERE entity = 'customer'") == 0
    tagged = _one(demo, "SELECT count(DISTINCT customer_id) FROM customer_tags")
    assert 0.2 * CUSTOMERS <= tagged <= 0.4 * CUSTOMERS
    roles = {role for (role,) in _rows(demo, "SELECT role FROM users")}
    assert roles == {"owner", "manager", "sales", "service"}


def test_every_reference_holds(demo: Workspace) -> None:
    assert _rows(demo, "PRAGMA foreign_key_check") == []
    assert _rows(demo, "PRAGMA integrity_check") == [("ok",)]
    assert _one(demo, "PRAGMA foreign_keys") == 1  # put back on after the load
    for table in ("followups", "opportunities", "contacts", "customer_tags"):
        orphans = _one(
            demo,
            f"SELECT count(*) FROM {table} t "  # noqa: S608 - fixed table names
            "WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = t.customer_id)",
        )
        assert orphans == 0, table
    assert (
        _one(
            demo,
            "SELECT count(*) FROM followups f JOIN contacts k ON k.id = f.contact_id "
            "WHERE k.customer_id != f.customer_id",
        )
        == 0
    )
    assert (
        _one(
            demo,
            "SELECT count(*) FROM followups f JOIN opportunities o ON o.id = f.opportunity_id "
            "WHERE o.customer_id != f.customer_id",
        )
        == 0
    )
    contacts = _rows(
        demo,
        "SELECT kind, count(k.id) FROM customers c "
        "LEFT JOIN contacts k ON k.customer_id = c.id GROUP BY c.id",
    )
    assert all(kind == "company" for kind, n in contacts if n)
    assert max(n for _, n in contacts) <= 3


def test_opportunity_status_follows_the_stage_kind(demo: Workspace) -> None:
    rows = _rows(
        demo,
        "SELECT s.kind, o.status, o.closed_at, o.stage_changed_at, o.created_at, "
        "o.amount_minor, o.currency, h.to_stage_id = o.stage_id, h.from_stage_id "
        "FROM opportunities o JOIN stages s ON s.id = o.stage_id "
        "JOIN stage_history h ON h.opportunity_id = o.id",
    )
    assert {kind for kind, *_ in rows} == {"open", "won", "lost"}
    for kind, status, closed, changed, created, amount, currency, same, before in rows:
        assert status == kind
        assert (closed is None) == (kind == "open")
        assert changed == created and TIME_TEXT.match(changed)
        assert amount > 0 and amount % 100 == 0
        assert currency in ("CNY", "USD")
        assert same and before is None
    currencies = [currency for *_, currency, _, _ in rows]
    assert currencies.count("CNY") > currencies.count("USD") > 0
    probabilities = [p for (p,) in _rows(demo, "SELECT probability FROM opportunities")]
    assert probabilities.count(None) > 0.7 * len(probabilities)


def test_names_mix_chinese_and_latin(demo: Workspace) -> None:
    names = [name for (name,) in _rows(demo, "SELECT name FROM customers")]
    chinese = sum(1 for name in names if CJK.search(name))
    assert 0.5 * CUSTOMERS <= chinese <= 0.7 * CUSTOMERS
    assert any(name.isascii() for name in names)
    companies = [c for (c,) in _rows(demo, "SELECT company FROM customers WHERE company > ''")]
    assert any(c.endswith("有限公司") for c in companies)
    assert any(c.endswith(("Inc.", "Ltd", "LLC", "Pty Ltd", "Pte Ltd")) for c in companies)
    regions = {region for (region,) in _rows(demo, "SELECT DISTINCT region FROM customers")}
    assert {"广东省", "上海市"} <= regions
    assert regions & {"California", "England", "Ontario", "New South Wales", "Singapore"}


def test_phones_and_emails_are_normalised_as_the_services_would(demo: Workspace) -> None:
    rows = _rows(
        demo,
        "SELECT phone, phone_normalized FROM customers WHERE phone IS NOT NULL "
        "UNION ALL SELECT phone, phone_normalized FROM contacts WHERE phone IS NOT NULL",
    )
    assert any(phone.startswith("+86 1") for phone, _ in rows)
    for phone, normalized in rows:
        assert normalize_phone("phone", phone, "CN") == normalized, phone
    emails = _rows(demo, "SELECT email, email_normalized FROM customers WHERE email IS NOT NULL")
    assert any(email != email.lower() for email, _ in emails)
    for email, normalized in emails:
        assert normalize_email("email", email) == normalized


def test_customer_dates_match_their_follow_ups(demo: Workspace) -> None:
    rows = _rows(
        demo,
        "SELECT c.id, c.last_contact_at, c.next_followup_at, "
        "(SELECT max(occurred_at) FROM followups f WHERE f.customer_id = c.id "
        " AND f.status = 'done'), "
        "(SELECT min(due_at) FROM followups f WHERE f.customer_id = c.id "
        " AND f.status = 'planned') FROM customers c",
    )
    for _, last, upcoming, expected_last, expected_next in rows:
        assert last == expected_last
        assert upcoming == expected_next
    now = to_utc_text(NOW)
    done = _rows(demo, "SELECT occurred_at, completed_at FROM followups WHERE status = 'done'")
    assert all(occurred <= completed <= now for occurred, completed in done)
    planned = _rows(demo, "SELECT due_at, remind_at FROM followups WHERE status = 'planned'")
    assert all(remind is None or remind <= due for due, remind in planned)
    overdue = sum(1 for due, _ in planned if due < now)
    assert 0 < overdue < len(planned) / 2
    first = _one(demo, "SELECT min(created_at) FROM customers")
    assert "2024-11-23" <= first[:10] <= "2025-06-01"  # two years of history


def test_same_seed_same_data(demo: Workspace, tmp_path: Path) -> None:
    # Owner ids of the workspaces' own owners differ: compare owners by user name.
    query = (
        "SELECT c.id, c.kind, c.name, c.company, c.phone, c.email, c.address, c.region, c.city, "
        "c.industry, c.source, c.tier, c.status, c.birthday, c.gender, c.notes, "
        "c.last_contact_at, c.next_followup_at, c.created_at, c.updated_at, u.username "
        "FROM customers c LEFT JOIN users u ON u.id = c.owner_id ORDER BY c.id"
    )
    again = _make(tmp_path / "again.db")
    other = create_workspace(tmp_path / "other.db", PASSPHRASE, owner_name="boss")
    try:
        generate_demo(other.db, 50, seed=8, now=NOW)
        assert _rows(again, query) == _rows(demo, query)
        followups = "SELECT id, subject, due_at, occurred_at FROM followups ORDER BY id"
        assert _rows(again, followups) == _rows(demo, followups)
        assert _rows(other, "SELECT id FROM customers LIMIT 5") != _rows(
            demo, "SELECT id FROM customers LIMIT 5"
        )
    finally:
        again.close()
        other.close()


def test_progress_is_reported_per_chunk(tmp_path: Path) -> None:
    workspace = create_workspace(tmp_path / "p.db", PASSPHRASE, owner_name="boss")
    calls: list[tuple[int, int]] = []
    try:
        generate_demo(workspace.db, 25, seed=1, progress=lambda *a: calls.append(a), chunk=10)
        assert calls == [(0, 25), (10, 25), (20, 25), (25, 25)]
        with pytest.raises(ValueError, match="empty"):
            generate_demo(workspace.db, 5)
    finally:
        workspace.close()


def test_demo_data_works_through_the_services(demo: Workspace) -> None:
    customer_id, name = _rows(
        demo,
        "SELECT c.id, c.name FROM customers c WHERE c.kind = 'company' AND c.phone IS NOT NULL "
        "AND EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = c.id) "
        "AND EXISTS (SELECT 1 FROM opportunities o WHERE o.customer_id = c.id "
        "AND o.status = 'open') ORDER BY c.id LIMIT 1",
    )[0]
    customer = demo.customers.get(customer_id)
    assert customer.name == name
    assert customer.created_at.tzinfo is not None
    with demo.db.session() as session:
        assert customer_id in search_customer_ids(session, name, limit=500)
        contact_name = _one(demo, "SELECT name FROM contacts WHERE customer_id = ?", customer_id)
        assert customer_id in search_customer_ids(session, contact_name, limit=500)

    demo.customers.update(customer_id, tier="VIP", notes="Upgraded 升级")
    assert demo.customers.get(customer_id).tier == "VIP"
    opportunity_id = _one(
        demo, "SELECT id FROM opportunities WHERE customer_id = ? AND status = 'open'", customer_id
    )
    won = _one(demo, "SELECT id FROM stages WHERE kind = 'won'")
    demo.opportunities.update(opportunity_id, stage_id=won)
    assert demo.opportunities.get(opportunity_id).status == "won"
    assert (
        _one(demo, "SELECT count(*) FROM stage_history WHERE opportunity_id = ?", opportunity_id)
        == 2
    )
    followup_id = demo.followups.create(
        customer_id=customer_id,
        subject="回访",
        status="done",
        occurred_at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    )
    assert demo.followups.get(followup_id).status == "done"
    assert demo.customers.get(customer_id).last_contact_at == datetime(
        2026, 11, 23, 9, 0, tzinfo=UTC
    )
    tag_id = _one(demo, "SELECT id FROM tags ORDER BY name LIMIT 1")
    demo.customers.set_tags(customer_id, [tag_id])
    demo.customers.delete(customer_id)
    demo.customers.restore(customer_id)
