"""The schema version this program writes. Kept beside the migrations and checked by a test.

Revision ids are four-digit numbers, so a file's version can be compared with ours without
loading Alembic: a larger number, or one we cannot read, is from a newer program.
"""

from __future__ import annotations

SCHEMA_HEAD = "0014"


def schema_number(revision: str) -> int | None:
    return int(revision) if revision.isdigit() else None
