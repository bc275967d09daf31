"""Alembic environment: runs on the connection handed in by ``crm_desktop.db.migrate``."""

from __future__ import annotations

from alembic import context

from crm_desktop.db.migrate import include_name
from crm_desktop.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
