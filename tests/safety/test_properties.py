"""Property tests over the services: any input succeeds and reads back equal, or raises our
own error; never another exception, and a refused action writes nothing at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from crm_desktop.db.models import COUNTED_TABLES
from crm_desktop.domain.errors import CrmError
from crm_desktop.services.custom_fields import clean_custom_value
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.customer_list import count as list_count
from crm_desktop.services.customer_list import ordered_rowids
from crm_desktop.services.search import search_customer_ids
from crm_desktop.services.workspace import Workspace, create_workspace
from tests.conftest import PASSPHRASE

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HOSTILE = [
    '"',
    "*",
    "NEAR",
    "NEAR(a b)",
    "'; DROP TABLE customers; --",
    'a" OR "b',
    "^",
    "(",
    ")",
    ":",
    "name:",
    "-",
    "AND OR NOT",
    "\x00",
    "\ud800",
    "🙂👍🏽",
    "مرحبا بالعالم",
    "שלום",
    "\u202egnp.exe",
    "张三",
    "%",
    "_",
    "\\",
    "x" * 5000,
]

any_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0xFFFF), max_size=40),
)
any_value = st.one_of(
    any_text,
    st.sampled_from(HOSTILE),
    st.none(),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.just(dt.UTC)),
    st.decimals(),
    st.lists(st.text(max_size=5), max_size=3),
)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    path: Path = tmp_path_factory.mktemp("props") / "crm.db"
    workspace = create_workspace(path, PASSPHRASE, owner_name="boss")
    workspace.customers.create(name="Anchor customer")
    yield workspace
    workspace.close()


def _rows(ws: Workspace) -> dict[str, int]:
    with ws.db.session() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in COUNTED_TABLES.items()
        }


def _attempt(ws: Workspace, action: Callable[[], Any]) -> Any:
    """Run ``action``; it may raise only our own error, and then nothing may have changed."""
    before = _rows(ws)
    try:
        return action()
    except CrmError as error:
        assert error.message  # a message for the user
        assert _rows(ws) == before, "a refused action wrote something"
        return None


def _anchor(ws: Workspace) -> str:
    with ws.db.session() as session:
        ids = search_customer_ids(session, "Anchor")
    return ids[0]


CUSTOMER_FIELDS = st.fixed_dictionaries(
    {"name": any_value},
    optional={
        "company": any_value,
        "phone": st.one_of(any_value, st.from_regex(r"\+?[0-9 ()-]{3,20}", fullmatch=True)),
        "email": st.one_of(any_value, st.emails()),
        "notes": st.one_of(any_value, st.just("长" * 100_000), st.just("n" * 100_001)),
        "tier": st.one_of(st.sampled_from(["A", "B", "C", "vip", "VIP"]), any_value),
        "status": st.one_of(st.sampled_from(["lead", "active", "lost"]), any_value),
        "birthday": any_value,
        "city": any_value,
        "gender": any_value,
        "kind": any_value,
        "no_such_field": any_value,
    },
)


@EXAMPLES
@given(values=CUSTOMER_FIELDS)
@example(values={"name": "a\ud800b"})
@example(values={"name": "ok", "notes": "\udfff"})
@example(values={"name": "NUL\x00"})
@example(values={"name": "🙂 مرحبا", "notes": "长" * 100_000, "email": "a@example.com"})
def test_customer_create_reads_back_or_refuses(ws: Workspace, values: dict[str, Any]) -> None:
    cleaned: dict[str, Any] = {}

    def create() -> str:
        cleaned.update(ws.customers.clean(values, creating=True))
        return ws.customers.create(**values)

    customer_id = _attempt(ws, create)
    if customer_id is None:
        return
    stored = ws.customers.get(customer_id)
    for name, value in cleaned.items():
        if name == "email" and value:
            assert stored.email == value and stored.email_normalized
        else:
            assert getattr(stored, name) == value, name


@EXAMPLES
@given(values=CUSTOMER_FIELDS.map(lambda d: {k: v for k, v in d.items() if k != "name"}))
def test_customer_update_reads_back_or_refuses(ws: Workspace, values: dict[str, Any]) -> None:
    anchor = _anchor(ws)
    before = ws.customers.get(anchor)
    cleaned: dict[str, Any] = {}

    def update() -> bool:
        cleaned.update(ws.customers.clean(values, creating=False))
        ws.customers.update(anchor, **values)
        return True

    if _attempt(ws, update) is None:
        after = ws.customers.get(anchor)
        assert after.updated_at == before.updated_at  # nothing of the record changed
        return
    stored = ws.customers.get(anchor)
    for name, value in cleaned.items():
        assert getattr(stored, name) == value, name


@EXAMPLES
@given(text=any_text)
@example(text="\ud800")
@example(text='NEAR("a" "b")')
@example(text="'; DROP TABLE customers; --")
def test_search_never_fails_on_any_text(ws: Workspace, text: str) -> None:
    with ws.db.session() as session:
        search_customer_ids(session, text)
        flt = CustomerFilter(text=text)
        assert len(ordered_rowids(session, flt)) == list_count(session, flt)


@EXAMPLES
@given(name=st.text(alphabet=st.characters(categories=["L", "N"]), min_size=2, max_size=12))
def test_a_created_name_is_found_by_search(ws: Workspace, name: str) -> None:
    customer_id = _attempt(ws, lambda: ws.customers.create(name=name))
    if customer_id is None:
        return
    with ws.db.session() as session:
        assert customer_id in search_customer_ids(session, name, limit=10_000)


@EXAMPLES
@given(
    values=st.fixed_dictionaries(
        {"name": any_value},
        optional={
            "phone": any_value,
            "email": st.one_of(any_value, st.emails()),
            "title": any_value,
            "is_primary": any_value,
            "customer_id": any_value,
        },
    )
)
def test_contact_create(ws: Workspace, values: dict[str, Any]) -> None:
    values.setdefault("customer_id", _anchor(ws))
    contact_id = _attempt(ws, lambda: ws.contacts.create(**values))
    if contact_id is not None:
        assert ws.contacts.get(contact_id).customer_id == values["customer_id"]


@EXAMPLES
@given(
    values=st.fixed_dictionaries(
        {"subject": any_value},
        optional={
            "due_at": st.one_of(any_value, st.datetimes(timezones=st.timezones())),
            "remind_at": any_value,
            "occurred_at": any_value,
            "notes": any_value,
            "channel": st.one_of(st.sampled_from(["phone", "visit"]), any_value),
            "status": st.one_of(st.sampled_from(["planned", "done", "cancelled"]), any_value),
            "contact_id": any_value,
            "opportunity_id": any_value,
        },
    )
)
def test_followup_create(ws: Workspace, values: dict[str, Any]) -> None:
    values["customer_id"] = _anchor(ws)
    followup_id = _attempt(ws, lambda: ws.followups.create(**values))
    if followup_id is not None:
        stored = ws.followups.get(followup_id)
        if isinstance(values.get("subject"), str):
            assert stored.subject == " ".join(values["subject"].split())


@EXAMPLES
@given(
    title=st.one_of(st.just("Deal"), any_value),
    amount=st.one_of(
        any_value,
        st.decimals(allow_nan=True, allow_infinity=True),
        st.sampled_from(["1e30", "-0", "1,234.50", "0.001", "9" * 40, "1_000", "NaN", "-Infinity"]),
    ),
    currency=st.one_of(st.sampled_from(["CNY", "USD", "JPY", "cny", "XXX"]), any_value),
    probability=any_value,
    expected_close=any_value,
)
@example(title="t", amount="1e30", currency="CNY", probability=None, expected_close=None)
@example(title="t", amount=10**40, currency="USD", probability=None, expected_close=None)
@example(title="t", amount=Decimal("9" * 40), currency="JPY", probability=None, expected_close=None)
def test_opportunity_create(
    ws: Workspace, title: Any, amount: Any, currency: Any, probability: Any, expected_close: Any
) -> None:
    stage = ws.stages.list()[0]
    values = {
        "title": title,
        "customer_id": _anchor(ws),
        "stage_id": stage.id,
        "amount": amount,
        "currency": currency,
        "probability": probability,
        "expected_close": expected_close,
    }
    opportunity_id = _attempt(ws, lambda: ws.opportunities.create(**values))
    if opportunity_id is not None:
        stored = ws.opportunities.get(opportunity_id)
        money = ws.opportunities.amount(stored)
        if isinstance(amount, Decimal | int):
            assert money.amount == Decimal(amount)


@EXAMPLES
@given(name=any_value, color=any_value)
def test_tag_create(ws: Workspace, name: Any, color: Any) -> None:
    tag_id = _attempt(ws, lambda: ws.tags.create(name=name, color=color))
    if tag_id is not None:
        assert ws.tags.get(tag_id).name == " ".join(str(name).split())


@EXAMPLES
@given(kind=st.sampled_from(["text", "number", "date", "choice"]), raw=any_value)
@example(kind="number", raw="9" * 5000)
@example(kind="text", raw="\ud800")
@example(kind="text", raw=" ")
def test_custom_field_values(ws: Workspace, kind: str, raw: Any) -> None:
    fields = {f.field_type: f for f in ws.custom_fields.list()}
    if kind not in fields:
        choices = ["甲", "B"] if kind == "choice" else None
        ws.custom_fields.create(name=f"field {kind}", field_type=kind, choices=choices)
        fields = {f.field_type: f for f in ws.custom_fields.list()}
    field = fields[kind]
    anchor = _anchor(ws)
    done = _attempt(ws, lambda: ws.customers.set_custom_values(anchor, {field.id: raw}) or True)
    if done:  # reads back as the checked value (blank text clears the field)
        stored = ws.customers.custom_values(anchor).get(field.id)
        assert stored == clean_custom_value(field, raw)
