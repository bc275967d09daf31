"""Schema migrations: run on open, match the models, and upgrade files made by older schemas."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import sqlcipher3
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from crm_desktop.db.engine import open_database
from crm_desktop.db.migrate import alembic_config, head_revision, include_name
from crm_desktop.db.models import Base, Customer
from crm_desktop.db.schema import SCHEMA_HEAD
from crm_desktop.services.search import search_customer_ids
from crm_desktop.services.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import PASSPHRASE, old_schema_engine


def test_schema_head_constant_matches_migrations() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_revisions_are_numbered_in_order() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions = [r.revision for r in script.walk_revisions("base", "heads")][::-1]
    assert revisions == [f"{n:04d}" for n in range(1, len(revisions) + 1)]


def test_migrated_schema_matches_models(workspace: Workspace) -> None:
    with workspace.db.engine.connect() as conn, warnings.catch_warnings():
        # SQLite's expression indexes cannot be reflected: the name-key index is checked below
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression")
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_name_key_index_matches_the_model(workspace: Workspace) -> None:
    table = Customer.metadata.tables["customers"]
    index = next(i for i in table.indexes if i.name == "ix_customers_live_name_key")
    model_sql = str(CreateIndex(index).compile(dialect=sqlite.dialect()))
    with workspace.db.engine.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_customers_live_name_key'"
        ).scalar_one()

    def words(sql: str) -> str:
        return " ".join(sql.replace("(", " ( ").replace(")", " ) ").split()).lower()

    assert words(stored).replace("if not exists ", "") == words(model_sql)


def test_upgrade_from_first_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = old_schema_engine(path)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customers (id, kind, name, status, created_at, updated_at) VALUES "
            "('c1', 'company', '老客户', 'active', '2024-01-01 00:00:00.000000', "
            "'2024-01-01 00:00:00.000000')"
        )
    engine.dispose()

    workspace = open_workspace(path, PASSPHRASE)
    try:
        assert workspace.db.schema_version == SCHEMA_HEAD
        assert workspace.customers.get("c1").name == "老客户"
        workspace.customers.update("c1", tier="VIP")  # the upgraded file is fully usable
        with workspace.db.session() as session:  # 0002 indexed the existing customer
            assert search_customer_ids(session, "laokehu") == ["c1"]
            assert search_customer_ids(session, "客户") == ["c1"]
    finally:
        workspace.close()


def test_connection_settings(workspace: Workspace) -> None:
    with workspace.db.engine.connect() as conn:
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "temp_store")
        }
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "temp_store": 2}


def test_reopen_keeps_data_and_version(workspace: Workspace, db_path: Path) -> None:
    workspace.customers.create(name="Ada")
    workspace.close()
    db = open_database(db_path, PASSPHRASE)
    try:
        assert db.schema_version == SCHEMA_HEAD
    finally:
        db.close()
    raw = sqlcipher3.connect(str(db_path))
    raw.execute(f"PRAGMA key = '{PASSPHRASE}'")
    assert raw.execute("SELECT name FROM customers").fetchall() == [("Ada",)]
    raw.close()


def test_creation_rows_come_with_0014(tmp_path: Path) -> None:
    """A 0013 file (a row per field) is read as before after the upgrade; a file holding
    creation rows cannot be taken back to 0013, whose program would misread them."""
    from alembic import command

    from crm_desktop.services.import_files import Table
    from crm_desktop.services.imports import CustomerImport
    from crm_desktop.services.journal import CREATED, history

    def downgrade(workspace: Workspace) -> None:
        config = alembic_config()
        with workspace.db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0013")

    path = tmp_path / "old.db"
    workspace = create_workspace(path, PASSPHRASE, owner_name="boss")
    made = workspace.customers.create(name="Ada", city="Leeds")
    downgrade(workspace)  # as the 0013 program left it: a row per field
    workspace.close()
    workspace = open_workspace(path, PASSPHRASE)
    try:
        assert workspace.db.schema_version == SCHEMA_HEAD == "0014"
        table = Table(["name", "city"], [["Grace", "York"]], [2])
        CustomerImport(workspace.ctx, table, {0: "name", 1: "city"}).run()
        with workspace.db.session() as session:
            fields = session.scalars(
                text("SELECT field FROM change_journal WHERE entity = 'customer'")
            ).all()
            imported = session.scalars(select(Customer.id).where(Customer.name == "Grace")).one()
            assert {e.field: e.new_value for e in history(session, [made])}["city"] == "Leeds"
            assert {e.field: e.new_value for e in history(session, [imported])}["city"] == "York"
        assert fields.count(CREATED) == 1 and "city" in fields
        with pytest.raises(RuntimeError, match="creation rows"):
            downgrade(workspace)
    finally:
        workspace.close()
