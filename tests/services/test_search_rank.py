"""Search relevance: names starting with what was typed first, then contacts, then the rest."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crm_desktop.domain.search_text import RECORD_SEP, query_terms, search_rank
from crm_desktop.services import customer_list
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.search import match_count
from crm_desktop.services.workspace import Workspace

NOW = datetime(2026, 11, 23, tzinfo=UTC)


def _rank(query: str, name: str, kind: str, contacts: list[str]) -> int:
    return search_rank(" ".join(query_terms(query)), name, kind, RECORD_SEP.join(contacts))


@pytest.mark.parametrize(
    ("query", "name", "kind", "contacts", "rank"),
    [
        ("zs", "张三", "individual", [], 0),  # initials from the first character
        ("zhangsan", "张三丰", "individual", [], 0),  # pinyin from the first syllable
        ("张", "张三", "individual", [], 0),
        ("thorn", "Jack Thornbury", "individual", [], 0),  # a word of the name starts with it
        ("jack thorn", "Jack Thornbury", "individual", [], 0),
        ("shan", "单雄信", "individual", [], 0),  # the family-name reading
        ("zs", "Acme Ltd", "company", ["李四", "张帅"], 1),  # a contact's name starts with it
        ("zs", "杭州市明远科技", "company", [], 2),  # inside the name: 杭(h)州(z)市(s)
        ("ornbur", "Thornbury & Sons", "company", [], 2),
        ("zs", "Acme Ltd", "company", [], 3),  # only another field matched
        ("138 0013", "张三", "individual", [], 3),
        ("", "张三", "individual", [], 3),
    ],
)
def test_rank(query: str, name: str, kind: str, contacts: list[str], rank: int) -> None:
    assert _rank(query, name, kind, contacts) == rank


def test_search_results_come_best_first(workspace: Workspace) -> None:
    ws = workspace
    inside = ws.customers.create(name="杭州市明远科技有限公司")  # zs inside the name
    other = ws.customers.create(name="Jack Smith", kind="individual", company="中山五金")
    by_contact = ws.customers.create(name="Beta Trading")
    ws.contacts.create(customer_id=by_contact, name="张帅")
    second = ws.customers.create(name="赵爽", kind="individual")
    first = ws.customers.create(name="张三", kind="individual")
    unrelated = ws.customers.create(name="李四", kind="individual")
    with ws.db.session() as session:
        assert match_count(session, "zs") == 5
        ids = customer_list.ordered_rowids(session, CustomerFilter(text="zs"), "name", now=NOW)
        rows = customer_list.fetch_rows(session, list(ids), ["name"])
        by_name_down = customer_list.ordered_rowids(
            session, CustomerFilter(text="zs"), "name", True, NOW
        )
    order = [rows[r][0] for r in ids]
    assert order == [first, second, by_contact, inside, other]  # name order within a rank
    assert unrelated not in order
    assert len(by_name_down) == 5  # an explicit descending sort is a plain name sort


def test_match_count_can_stop_early(workspace: Workspace) -> None:
    for i in range(7):
        workspace.customers.create(name=f"Anchor {i}")
    with workspace.db.session() as session:
        assert match_count(session, "anchor") == 7
        assert match_count(session, "anchor", cap=3) == 4
        assert match_count(session, "anchor", cap=10) == 7
