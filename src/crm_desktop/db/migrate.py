"""Runs the Alembic migrations in ``db/migrations`` against an open engine."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")
# Virtual tables (and their shadow tables) made by raw SQL in migrations, unknown to the models.
VIRTUAL_TABLES = ("customer_search", "customer_name_heads")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic filter: compare only what the models describe."""
    del parent_names
    return not (type_ == "table" and name is not None and name.startswith(VIRTUAL_TABLES))


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("the migrations folder holds no revision")
    return head


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
