"""change journal: creation rows

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-23

No table changes. From this version on the change journal may hold *creation rows* (field
``@created``: one row for a customer made by an import, its fields as one JSON object; see
``services/journal.py``). A program made for 0013 would read such a row as a field named
``@created`` and push it to the team server as one, and the customer's real fields would never
reach the other devices; the new version number makes that program refuse the file ("made by
a newer version") instead. A file made by 0013 holds no such rows and is read as it is.
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # the version number is the change


def downgrade() -> None:
    # Only a file without creation rows may go back (0013 cannot read them).
    found = op.get_bind().exec_driver_sql(
        "SELECT 1 FROM change_journal WHERE field = '@created' LIMIT 1"
    )
    if found.first() is not None:
        raise RuntimeError("the change journal holds creation rows, which 0013 cannot read")
