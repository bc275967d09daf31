"""Bulk-load helpers: triggers set aside for one transaction, ids that ascend as taken."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from crm_desktop.db.bulk import AscendingIds, suspended_triggers
from crm_desktop.services.search import INSERT_TRIGGER, match_count
from crm_desktop.services.workspace import Workspace


def _triggers(ws: Workspace) -> list[str]:
    with ws.db.session() as session:
        return sorted(session.scalars(text("SELECT name FROM sqlite_master WHERE type='trigger'")))


def test_triggers_come_back_after_the_block(workspace: Workspace) -> None:
    before = _triggers(workspace)
    with workspace.db.write() as session, suspended_triggers(session, [INSERT_TRIGGER]):
        inside = sorted(
            session.scalars(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
        )
        assert INSERT_TRIGGER not in inside
    assert _triggers(workspace) == before
    workspace.customers.create(name="Anchor Trading")  # indexed by the trigger again
    with workspace.db.session() as session:
        assert match_count(session, "anchor") == 1


def test_triggers_come_back_after_an_error(workspace: Workspace) -> None:
    before = _triggers(workspace)
    with (
        pytest.raises(RuntimeError),
        workspace.db.write() as session,
        suspended_triggers(session, [INSERT_TRIGGER]),
    ):
        raise RuntimeError("boom")
    assert _triggers(workspace) == before


def test_triggers_come_back_after_a_failed_statement(workspace: Workspace) -> None:
    before = _triggers(workspace)
    with (
        pytest.raises(Exception, match="no such table"),
        workspace.db.write() as session,
        suspended_triggers(session, [INSERT_TRIGGER]),
    ):
        session.execute(text("INSERT INTO no_such_table VALUES (1)"))
    assert _triggers(workspace) == before


def test_ascending_ids_are_uuid7_unique_and_in_order() -> None:
    ids = AscendingIds()
    taken = [i for _ in range(100) for i in ids.take(97)]  # > 4,096 in a millisecond, likely
    assert taken == sorted(taken)
    assert len(set(taken)) == len(taken)
    for value in taken:
        parsed = uuid.UUID(value)
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122 and str(parsed) == value


def test_json_rows_are_stored_as_executemany_stores_them(workspace: Workspace) -> None:
    """``insert_json_rows`` and ``insert_rows`` store the same values: text (quotes,
    backslashes, control characters, CJK, emoji), integers and NULLs."""
    import json

    from crm_desktop.db.bulk import insert_json_rows, insert_rows

    values = [
        (1, 'say "hi"\\ \n\t\x01 x', None, 7),
        (2, "张三 🙂 \u2028", "", -5),
        (3, "", None, 2**53 + 1),
    ]
    with workspace.db.write() as session:
        session.execute(text("CREATE TABLE t_plain (n INTEGER, a TEXT, b TEXT, c INTEGER)"))
        session.execute(text("CREATE TABLE t_json (n INTEGER, a TEXT, b TEXT, c INTEGER)"))
        insert_rows(session, "t_plain", ("n", "a", "b", "c"), values)
        insert_json_rows(session, "t_json", ("n", "a", "b", "c"), json.dumps(values))
        query = "SELECT n, a, typeof(a), b, typeof(b), c, typeof(c) FROM {} ORDER BY n"
        plain = session.execute(text(query.format("t_plain"))).all()
        stored = session.execute(text(query.format("t_json"))).all()
    assert stored == plain and [tuple(r)[0:2] for r in stored] == [v[0:2] for v in values]
