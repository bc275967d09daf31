"""Setting up the team server: create or migrate its schema, add team members as roles.

Run by the owner with an administrator's connection (``crm-desktop server init`` and
``crm-desktop server add-user``). Each member gets their own PostgreSQL login role; what it may
read is decided by the row-level security policies of ``server_schema``.
"""

from __future__ import annotations

import json
import time
from typing import Any

from crm_desktop.domain.ids import new_id
from crm_desktop.sync.clock import HybridClock
from crm_desktop.sync.server_schema import migrate

SERVER_DEVICE = "server"
ROLES = ("owner", "manager", "sales", "service")


def connect(dsn: str, **kwargs: Any) -> Any:
    import psycopg

    return psycopg.connect(dsn, autocommit=True, **kwargs)


def init_server(dsn: str) -> tuple[int, int]:
    """Create or upgrade the schema; returns (version before, version after)."""
    with connect(dsn) as conn:
        return migrate(conn)


def add_user(
    dsn: str,
    login: str,
    password: str | None,
    role: str,
    display_name: str | None = None,
    user_id: str | None = None,
) -> str:
    """Create (or update) the login role of a member and their user record; returns its id."""
    from psycopg import sql

    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    user_id = user_id or new_id()
    with connect(dsn) as conn, conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        if password is None:
            conn.execute(sql.SQL(verb + " ROLE {} LOGIN").format(sql.Identifier(login)))
        else:
            conn.execute(
                sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(login), sql.Literal(password)
                )
            )
        who = sql.Identifier(login)
        conn.execute(sql.SQL("GRANT USAGE ON SCHEMA crm TO {}").format(who))
        conn.execute(
            sql.SQL("GRANT SELECT ON crm.meta, crm.rows, crm.changes, crm.shares TO {}").format(who)
        )
        conn.execute(
            "INSERT INTO crm.members VALUES (%s, %s, %s) ON CONFLICT (role_name) DO UPDATE "
            "SET user_id = EXCLUDED.user_id, crm_role = EXCLUDED.crm_role",
            (login, user_id, role),
        )
        name = display_name or login
        put_server_record(
            conn,
            "user",
            user_id,
            {"username": login, "display_name": name, "role": role, "active": True},
        )
    return user_id


def drop_user(dsn: str, login: str) -> None:
    from psycopg import sql

    with connect(dsn) as conn, conn.transaction():
        conn.execute("DELETE FROM crm.members WHERE role_name = %s", (login,))
        who = sql.Identifier(login)
        conn.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA crm FROM {}").format(who))
        conn.execute(sql.SQL("REVOKE ALL ON SCHEMA crm FROM {}").format(who))
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(who))


def share_customer(dsn: str, customer_id: str, user_id: str, shared: bool = True) -> None:
    """Let a member see a customer they do not own (or stop it), announced to every client."""
    with connect(dsn) as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(7305741)")
        if shared:
            conn.execute(
                "INSERT INTO crm.shares VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (customer_id, user_id),
            )
        else:
            conn.execute(
                "DELETE FROM crm.shares WHERE customer_id = %s AND user_id = %s",
                (customer_id, user_id),
            )
        _announce_access(conn, "customer", customer_id)


def put_server_record(conn: Any, entity: str, row_id: str, values: dict[str, Any]) -> None:
    """Write fields of one record as the server itself would (inside the caller's
    transaction): logged as changes with fresh stamps, so every client pulls them."""
    conn.execute("SELECT pg_advisory_xact_lock(7305741)")
    clock = HybridClock(SERVER_DEVICE, wall=lambda: time.time_ns() // 1_000_000)
    for field, value in values.items():
        stamp = clock.now()
        encoded = json.dumps(value, ensure_ascii=False)
        conn.execute(
            "INSERT INTO crm.rows AS r (entity, row_id, data, stamps) "
            "VALUES (%s, %s, jsonb_build_object(%s::text, %s::jsonb), "
            "jsonb_build_object(%s::text, %s::text)) "
            "ON CONFLICT (entity, row_id) DO UPDATE SET data = r.data || EXCLUDED.data, "
            "stamps = r.stamps || EXCLUDED.stamps",
            (entity, row_id, field, encoded, field, stamp),
        )
        conn.execute(
            "INSERT INTO crm.changes (seq, change_id, entity, row_id, field, value, hlc, device,"
            " status, scope) SELECT nextval('crm.change_seq'), %s, %s, %s, %s, %s::jsonb, %s,"
            " %s, 'applied', r.scope FROM crm.rows r WHERE r.entity = %s AND r.row_id = %s",
            (new_id(), entity, row_id, field, encoded, stamp, SERVER_DEVICE, entity, row_id),
        )


def _announce_access(conn: Any, entity: str, row_id: str) -> None:
    conn.execute(
        "INSERT INTO crm.changes (seq, change_id, entity, row_id, field, hlc, device, status)"
        " VALUES (nextval('crm.change_seq'), gen_random_uuid(), %s, %s, '@access', '', %s,"
        " 'applied')",
        (entity, row_id, SERVER_DEVICE),
    )
