"""The bulk path of an import: search index filled in batches, journal rows, cancel part-way."""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from crm_desktop.db.models import ChangeJournal, Customer
from crm_desktop.services.import_files import read_table
from crm_desktop.services.imports import CustomerImport, ImportCancelledError
from crm_desktop.services.journal import CREATED, created_changes, created_id, history
from crm_desktop.services.search import match_count, search_customer_ids
from crm_desktop.services.workspace import Workspace


def _csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _state(ws: Workspace) -> tuple[int, int, list[str], int]:
    """Customers, journal rows, the triggers, and what the index finds for the imported names."""
    with ws.db.session() as session:
        triggers = sorted(
            session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        )
        return (
            int(session.scalar(select(func.count()).select_from(Customer)) or 0),
            int(session.scalar(select(func.count()).select_from(ChangeJournal)) or 0),
            triggers,
            match_count(session, "导入客户"),
        )


def test_cancel_after_rows_were_written_leaves_everything_as_it_was(
    workspace: Workspace, tmp_path: Path
) -> None:
    workspace.customers.create(name="老客户", phone="13900000000")
    rows = [["name", "phone"]] + [[f"导入客户{i}", f"1380000{i:04d}"] for i in range(6000)]
    table = read_table(_csv(tmp_path / "big.csv", rows))
    before = _state(workspace)
    seen: list[int] = []

    def cancelled() -> bool:
        return len(seen) >= 4  # three progress steps of checking, then one chunk written

    with pytest.raises(ImportCancelledError):
        CustomerImport(workspace.ctx, table, {0: "name", 1: "phone"}).run(
            progress=lambda done, total: seen.append(done), cancelled=cancelled
        )
    assert len(seen) == 4  # the cancel came after customers and index entries were written
    assert _state(workspace) == before
    assert before[2] == sorted(before[2]) and "customer_search_insert" in before[2]


def test_imported_customers_are_indexed_and_the_triggers_keep_working(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = [
        ["姓名", "公司", "手机", "邮箱", "备注"],
        ["张三", "杭州市明远科技", "138 0013 8000", "zs@example.cn", "老客户"],
        ["Thornbury Jones", "", "139-1234-5678", "", ""],
    ]
    table = read_table(_csv(tmp_path / "p.csv", rows))
    report = CustomerImport(workspace.ctx, table, {0: "name", 1: "company", 2: "phone",
                                                   3: "email", 4: "notes"}).run()  # fmt: skip
    assert report.created == 2
    with workspace.db.session() as session:
        zhang = session.scalars(select(Customer.id).where(Customer.name == "张三")).one()
        jones = session.scalars(select(Customer.id).where(Customer.name != "张三")).one()
        for query in ("zhangsan", "mingyuan", "0013 8000", "example.cn", "老客"):
            assert search_customer_ids(session, query) == [zhang], query
        assert search_customer_ids(session, "ornbur") == [jones]
    # the insert trigger is back for the next customer, the update trigger never left
    later = workspace.customers.create(name="李四")
    workspace.customers.update(zhang, name="王五")
    with workspace.db.session() as session:
        assert search_customer_ids(session, "lisi") == [later]
        assert search_customer_ids(session, "wangwu") == [zhang]
        assert search_customer_ids(session, "zhangsan") == []


def test_journal_rows_of_an_import(workspace: Workspace, tmp_path: Path) -> None:
    """One creation row per new customer, read as one change per field by the history."""
    rows = [["name", "phone", "tags"], ["张三", "13800138000", "展会"], ["李四", "", ""]]
    table = read_table(_csv(tmp_path / "j.csv", rows))
    CustomerImport(workspace.ctx, table, {0: "name", 1: "phone", 2: "tags"}).run()
    with workspace.db.session() as session:
        zhang = session.scalars(select(Customer).where(Customer.name == "张三")).one()
        journal = session.scalars(
            select(ChangeJournal)
            .where(ChangeJournal.record_id == zhang.id)
            .order_by(ChangeJournal.seq)
        ).all()
        created = session.scalars(
            select(ChangeJournal).where(ChangeJournal.field == CREATED).order_by(ChangeJournal.seq)
        ).all()
        every = session.scalars(select(ChangeJournal.change_id).order_by(ChangeJournal.seq)).all()
        entries = history(session, [zhang.id])
    assert [row.field for row in journal] == [CREATED] and len(created) == 2
    row = journal[0]
    assert row.old_value is None and row.user_id == workspace.ctx.user_id
    fields = json.loads(row.new_value or "{}")
    assert fields["name"] == "张三"
    assert fields["phone"] == "13800138000"
    assert fields["kind"] == "company" and fields["status"] == "lead"
    assert len(fields["tags"]) == 1
    assert "email" not in fields  # fields without a value are left out, as before
    # the history reads one change per field, old value None, all in one action
    assert {e.field: e.new_value for e in entries} == fields and len(entries) == len(fields)
    assert all(e.old_value is None and e.action_id == row.action_id for e in entries)
    assert len({r.action_id for r in created}) == 1
    assert len({r.hlc for r in created}) == len(created)
    # change ids: valid UUIDv7, unique, and (within the import) in the order they were written
    imported = [r.change_id for r in created]
    assert all(uuid.UUID(c).version == 7 for c in imported)
    assert imported == sorted(imported)
    assert len(set(every)) == len(every)
    # the change id of each field: stable, unique, a UUIDv5 of the row's id and the field
    changes = created_changes(row.change_id, row.new_value or "")
    assert [name for _c, name, _v in changes] == list(fields)
    assert [c for c, _n, _v in changes] == [created_id(row.change_id, n) for n in fields]
    assert all(uuid.UUID(c).version == 5 for c, _n, _v in changes)
    assert len({c for c, _n, _v in changes} | set(every)) == len(changes) + len(every)
    assert [json.loads(v) for _c, _n, v in changes] == list(fields.values())
