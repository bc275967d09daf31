"""customer search index (FTS5), kept current by triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The index is contentless and keyed by the customers' rowid. Its document comes from the SQL
function ``crm_search_document`` that every connection registers (see ``db/engine.py``), so
every writer — services, bulk loads, sync — keeps it current inside its own transaction.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CONTACTS_OF = """(
    SELECT group_concat(
        coalesce(ct.name, '') || char(31) || coalesce(ct.phone, '') || char(31) ||
        coalesce(ct.phone_normalized, '') || char(31) || coalesce(ct.email, '') || char(31) ||
        coalesce(ct.messaging_id, ''), char(30))
    FROM contacts ct WHERE ct.customer_id = c.id AND ct.deleted_at IS NULL
)"""

DOCUMENT = f"""crm_search_document(
    c.name, c.company, c.kind, c.phone, c.phone_normalized, c.email, c.notes, {CONTACTS_OF}
)"""


def _reindex(customer_id: str) -> str:
    return f"""
    DELETE FROM customer_search
        WHERE rowid = (SELECT rowid FROM customers WHERE id = {customer_id});
    INSERT INTO customer_search (rowid, doc)
        SELECT c.rowid, {DOCUMENT} FROM customers c WHERE c.id = {customer_id};
    """


TRIGGERS = {
    # A new customer has no index entry and no contacts yet: insert only (a delete of a row
    # that is not there would still cost a tombstone in a contentless index).
    "customer_search_insert": f"""
        CREATE TRIGGER customer_search_insert AFTER INSERT ON customers BEGIN
            INSERT INTO customer_search (rowid, doc) SELECT c.rowid, {DOCUMENT}
                FROM (SELECT NEW.rowid AS rowid, NEW.id AS id, NEW.name AS name,
                    NEW.company AS company, NEW.kind AS kind, NEW.phone AS phone,
                    NEW.phone_normalized AS phone_normalized, NEW.email AS email,
                    NEW.notes AS notes) AS c;
        END""",
    "customer_search_update": f"""
        CREATE TRIGGER customer_search_update
        AFTER UPDATE OF name, company, kind, phone, phone_normalized, email, notes ON customers
        BEGIN
            {_reindex("NEW.id")}
        END""",
    "customer_search_delete": """
        CREATE TRIGGER customer_search_delete AFTER DELETE ON customers BEGIN
            DELETE FROM customer_search WHERE rowid = OLD.rowid;
        END""",
    "contact_search_insert": f"""
        CREATE TRIGGER contact_search_insert AFTER INSERT ON contacts BEGIN
            {_reindex("NEW.customer_id")}
        END""",
    "contact_search_update": f"""
        CREATE TRIGGER contact_search_update
        AFTER UPDATE OF customer_id, name, phone, phone_normalized, email, messaging_id,
            deleted_at ON contacts
        BEGIN
            {_reindex("OLD.customer_id")}
            {_reindex("NEW.customer_id")}
        END""",
    "contact_search_delete": f"""
        CREATE TRIGGER contact_search_delete AFTER DELETE ON contacts BEGIN
            {_reindex("OLD.customer_id")}
        END""",
}


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE customer_search USING fts5(doc, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2', "
        "content = '', contentless_delete = 1, detail = 'none')"
    )
    for sql in TRIGGERS.values():
        op.execute(sql)
    op.execute(
        f"INSERT INTO customer_search (rowid, doc) SELECT c.rowid, {DOCUMENT} FROM customers c"
    )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS customer_search")
