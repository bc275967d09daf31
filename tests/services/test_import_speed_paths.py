"""The fast paths of a bulk import leave the same state as creating the customers one by one
through the services: search index, report segment counts and journal rows."""

from __future__ import annotations

import csv
import gc
import io
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from crm_desktop.db.models import ChangeJournal, Customer, Tag
from crm_desktop.services import imports
from crm_desktop.services.import_files import read_table
from crm_desktop.services.imports import CustomerImport, ImportCancelledError, suggest_mapping
from crm_desktop.services.journal import CREATED, created_changes
from crm_desktop.services.search import name_starts_clause, search_customer_ids
from crm_desktop.services.workspace import Workspace, create_workspace
from crm_desktop.sync.clock import HybridClock, Stamp

PASSPHRASE = "correct horse battery"
HEADERS = ["name", "kind", "company", "phone", "email", "region", "city", "industry", "source",
           "tier", "status", "birthday", "gender", "notes", "tags"]  # fmt: skip
ROWS = [
    ["张三", "individual", "杭州市明远科技", "138 0013 8000", "zs@example.cn", "浙江省", "杭州市",
     "制造", "referral", "A", "active", "1980-02-03", "male", "老客户，年底回访", "展会,重点"],
    ["Thornbury Jones", "company", "", "+86 139-1234-5678", "", "", "", "", "website", "VIP",
     "lead", "", "", 'says "call me"\nafter 5 \\ not before', ""],
    ["单田芳", "individual", "", "", "shan@example.com", "北京市", "北京市", "", "", "", "",
     "", "female", "tab\there \x01 odd", "重点"],
    ["深圳华强科技有限公司", "company", "华强集团", "13500001111", "", "广东省", "深圳市",
     "电子", "exhibition", "B", "prospect", "", "", "", "展会"],
    ["李四", "", "", "15800002222", "li4@example.cn", "广东省", "广州市", "电子", "", "C",
     "dormant", "", "", "", ""],
    ["王五", "", "远航贸易", "", "", "广东省", "深圳市", "", "social", "A", "lost", "", "", "",
     "老客户"],
    ["Mary Smith", "individual", "", "020 8765 4321", "Mary.Smith@Example.com", "", "", "",
     "cold_call", "", "", "1975-12-31", "other", "", "VIP"],
]  # fmt: skip
QUERIES = ["zhangsan", "zs", "三", "0013 8000", "8000", "example", "年底", "ornbur", "call",
           "杭州", "mingyuan", "shantianfang", "dantianfang", "huaqiang", "华强", "深圳",
           "smith", "87654321", "远航", "li4"]  # fmt: skip


def _csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    imported = create_workspace(tmp_path / "imported.db", PASSPHRASE, owner_name="boss")
    created = create_workspace(tmp_path / "created.db", PASSPHRASE, owner_name="boss")
    yield imported, created
    imported.close()
    created.close()


def _through_services(ws: Workspace) -> None:
    tag_ids: dict[str, str] = {}
    for row in ROWS:
        values = {h: v for h, v in zip(HEADERS, row, strict=True) if v and h != "tags"}
        customer_id = ws.customers.create(**values)
        names = [t for t in row[-1].split(",") if t]
        for name in names:
            if name not in tag_ids:
                tag_ids[name] = ws.tags.create(name=name)
        if names:
            ws.customers.set_tags(customer_id, [tag_ids[n] for n in names])


def _state(ws: Workspace) -> dict[str, Any]:
    """What the import must reproduce, with this file's own ids replaced by names."""
    me = ws.ctx.user_id or ""
    with ws.db.session() as session:
        names = {i: n for i, n in session.execute(select(Customer.id, Customer.name))}
        tags = {i: n for i, n in session.execute(select(Tag.id, Tag.name))}
        segments = sorted(
            (dimension, "me" if owner == me else owner, value, count)
            for dimension, owner, value, count in session.execute(
                text("SELECT dimension, owner_id, value, count FROM report_segment_counts")
            )
            if count
        )
        found = {q: sorted(names[i] for i in search_customer_ids(session, q)) for q in QUERIES}
        starts = {
            q: sorted(names[i] for i in session.scalars(select(Customer.id).where(clause)))
            for q in QUERIES
            if (clause := name_starts_clause(q)) is not None
        }
        journal: dict[str, list[tuple[str, Any]]] = {}
        for record_id, name, stored in _field_changes(session):
            value: Any = stored
            if name == "tags":
                value = sorted(tags[t] for t in json.loads(stored or "[]"))
            elif name == "owner_id" and stored == json.dumps(me):
                value = "me"
            journal.setdefault(names[record_id], []).append((name, value))
    return {
        "segments": segments,
        "search": found,
        "starts": starts,
        "journal": {k: sorted(v) for k, v in journal.items()},
    }


def _field_changes(session: Session) -> list[tuple[str, str, str | None]]:
    """(record, field, new value as JSON) of the customers' journal, a creation row standing
    for one change per field (``journal.created_changes``)."""
    found: list[tuple[str, str, str | None]] = []
    for change_id, record_id, name, stored in session.execute(
        select(
            ChangeJournal.change_id,
            ChangeJournal.record_id,
            ChangeJournal.field,
            ChangeJournal.new_value,
        ).where(ChangeJournal.entity == "customer")
    ):
        if name == CREATED:
            found += [(record_id, f, v) for _c, f, v in created_changes(change_id, stored or "")]
        else:
            found.append((record_id, name, stored))
    return found


def test_an_import_leaves_the_same_state_as_the_services(
    two: tuple[Workspace, Workspace], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported, created = two
    monkeypatch.setattr(imports, "CHUNK", 3)  # several chunks, one of them short
    table = read_table(_csv(tmp_path / "sheet.csv", [HEADERS, *ROWS]))
    mapping = suggest_mapping(table.headers)
    assert len(mapping) == len(HEADERS)
    report = CustomerImport(imported.ctx, table, mapping).run()
    assert (report.created, report.problems) == (len(ROWS), [])
    _through_services(created)
    expected = _state(created)
    assert expected["search"]["zhangsan"] == ["张三"]  # the comparison compares something
    assert expected["starts"]["zs"] == ["张三"] and expected["starts"]["三"] == []
    assert len(expected["segments"]) > 4 * 3
    assert _state(imported) == expected
    # the journal text is the same, byte for byte, as the services write it
    with imported.db.session() as a, created.db.session() as b:
        notes = [sorted(v or "" for _r, f, v in _field_changes(s) if f == "notes") for s in (a, b)]
        assert notes[0] == notes[1] and len(notes[0]) == 3
        # one creation row per customer, holding every field
        kinds = a.scalars(select(ChangeJournal.field).where(ChangeJournal.entity == "customer"))
        assert list(kinds) == [CREATED] * len(ROWS)


def test_journal_stamps_carry_into_the_next_millisecond(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stamps of an import are handed out in blocks after the clock's ``now``; a block that
    runs past the 6-digit counter carries into the next millisecond, and the clock ends past
    every stamp handed out."""
    ctx = workspace.ctx
    ahead = 4_000_000_000_000  # a clock far ahead of the wall, its counter near the end
    monkeypatch.setattr(ctx, "hlc", HybridClock(ctx.device_id, f"{ahead:015d}.999990.x"))
    monkeypatch.setattr(imports, "CHUNK", 2)
    table = read_table(_csv(tmp_path / "sheet.csv", [HEADERS, *ROWS]))
    CustomerImport(ctx, table, suggest_mapping(table.headers)).run()
    with workspace.db.session() as session:
        rows = session.execute(
            select(ChangeJournal.hlc, ChangeJournal.change_id, ChangeJournal.device_id)
            .where(ChangeJournal.entity == "customer")
            .order_by(ChangeJournal.seq)
        ).all()
    stamps = [r.hlc for r in rows]
    assert len(stamps) == len(ROWS)  # one creation row each
    assert all(re.fullmatch(rf"\d{{15}}\.\d{{6}}\.{ctx.device_id}", s) for s in stamps)
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert {Stamp.parse(s).millis for s in stamps} == {ahead, ahead + 1}
    assert {r.device_id for r in rows} == {ctx.device_id}
    assert ctx.hlc.now() > stamps[-1]
    changes = [r.change_id for r in rows]
    assert all(uuid.UUID(c).version == 7 for c in changes)
    assert all(uuid.UUID(c).variant == uuid.RFC_4122 for c in changes)
    assert changes == sorted(changes) and len(set(changes)) == len(changes)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_left_as_it_was(
    workspace: Workspace, tmp_path: Path, enabled: bool
) -> None:
    """Reading and importing pause Python's cycle collector, and only for their own time."""
    table_path = _csv(tmp_path / "sheet.csv", [HEADERS, *ROWS])
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        table = read_table(table_path)
        assert gc.isenabled() == enabled
        run = CustomerImport(workspace.ctx, table, suggest_mapping(table.headers)).run
        with pytest.raises(ImportCancelledError):
            run(cancelled=lambda: True)
        assert gc.isenabled() == enabled
        run()
        assert gc.isenabled() == enabled
    finally:
        gc.enable() if was else gc.disable()
