"""customer name heads: a second, small search index of where each name starts

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-23

``customer_name_heads`` is a contentless FTS5 table keyed by the customers' rowid, like
``customer_search`` (0002), whose document is ``crm_name_heads(name, kind)``
(``search_text.name_heads``): each word of the name, and for Chinese its pinyin from the
first syllable and its initials from the first character. The customer list ranks a search's
matches whose name starts with what was typed first (``zs`` → 张三 before 杭州市… companies),
however many matches there are, with one more index lookup. Triggers keep it current in every
writer's own transaction; building it reads each customer's name once.
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

HEADS = "crm_name_heads(NEW.name, NEW.kind)"
TRIGGERS = {
    "customer_heads_insert": f"""
        CREATE TRIGGER customer_heads_insert AFTER INSERT ON customers BEGIN
            INSERT INTO customer_name_heads (rowid, doc) VALUES (NEW.rowid, {HEADS});
        END""",
    "customer_heads_update": f"""
        CREATE TRIGGER customer_heads_update AFTER UPDATE OF name, kind ON customers BEGIN
            DELETE FROM customer_name_heads WHERE rowid = OLD.rowid;
            INSERT INTO customer_name_heads (rowid, doc) VALUES (NEW.rowid, {HEADS});
        END""",
    "customer_heads_delete": """
        CREATE TRIGGER customer_heads_delete AFTER DELETE ON customers BEGIN
            DELETE FROM customer_name_heads WHERE rowid = OLD.rowid;
        END""",
}


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE customer_name_heads USING fts5(doc, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2', "
        "content = '', contentless_delete = 1, detail = 'none')"
    )
    for sql in TRIGGERS.values():
        op.execute(sql)
    op.execute(
        "INSERT INTO customer_name_heads (rowid, doc)"
        " SELECT rowid, crm_name_heads(name, kind) FROM customers"
    )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS customer_name_heads")
