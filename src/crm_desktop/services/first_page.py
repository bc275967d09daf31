"""The customer list's first page read with plain SQL, so the window can show it at start-up
before SQLAlchemy and the rest of the program have loaded.

It reads exactly what the list's default query shows first (live customers in name order,
``crm_name_key``, then rowid) on the keyed connection ``db/keyed_file.py`` opened, with the
columns of ``list_columns.py``; a test compares its rows with the list service's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from crm_desktop.db.keyed_file import RawConnection
from crm_desktop.services.list_columns import BUILT_IN

PAGE = 100  # rows read for the start-up page: more than any screen shows
_TAGS = (
    "(SELECT group_concat(t.name, ', ') FROM customer_tags ct JOIN tags t"
    " ON t.id = ct.tag_id AND t.deleted_at IS NULL WHERE ct.customer_id = c.id)"
)


# the SQL of each built-in column (``list_columns.BUILT_IN``) on ``customers c``, ``users u``
SQL: dict[str, str] = {
    **{key: f"c.{key}" for key in BUILT_IN},
    "owner": "u.display_name",
    "tags": _TAGS,
}


@dataclass(frozen=True)
class FirstPage:
    """The rows of the start-up page: rowid, customer id, then one value per key."""

    user_id: str | None  # whose column layout the list uses
    user_name: str
    keys: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def current_user(conn: RawConnection) -> tuple[str | None, str]:
    """The id and display name of this file's current user (None, "" when there is none)."""
    row = conn.execute(
        "SELECT m.value, u.display_name FROM meta m LEFT JOIN users u ON u.id = m.value"
        " WHERE m.key = 'current_user_id'"
    ).fetchone()
    return (None, "") if row is None else (str(row[0]), str(row[1] or ""))


def _value(kind: str, value: Any) -> Any:
    """The value as the ORM types give it: aware datetimes and dates instead of text."""
    if value is None:
        return None
    if kind == "datetime":
        return datetime.fromisoformat(value).replace(tzinfo=UTC)  # stored in UTC, no offset
    if kind == "date":
        return date.fromisoformat(value)
    return value


def read_first_page(
    conn: RawConnection, keys: Sequence[str] | None = None, limit: int = PAGE
) -> FirstPage:
    """The first ``limit`` live customers by name, with the columns ``keys`` (built-in ones;
    other keys read as empty). ``keys`` None: the list layout the current user keeps is not
    known here, so every built-in column is read."""
    wanted = tuple(keys) if keys is not None else tuple(BUILT_IN)
    known = [k for k in wanted if k in BUILT_IN]
    select = ", ".join(["c.rowid", "c.id", *(SQL[k] for k in known)])
    query = (
        f"SELECT {select} FROM customers c LEFT JOIN users u ON u.id = c.owner_id"  # noqa: S608 - fixed column table
        " WHERE c.deleted_at IS NULL ORDER BY crm_name_key(c.name, c.kind), c.rowid LIMIT ?"
    )
    rows = []
    for raw in conn.execute(query, (int(limit),)):
        by_key = {
            key: _value(BUILT_IN[key][1], value) for key, value in zip(known, raw[2:], strict=True)
        }
        rows.append((raw[0], raw[1], *(by_key.get(k) for k in wanted)))
    return FirstPage(*current_user(conn), wanted, rows)
