"""The team database on PostgreSQL: versioned schema, row-level security, team members.

Everything lives in the ``crm`` schema. Records are stored one row per record (``crm.rows``):
``data`` holds the current value of each field and ``stamps`` the clock stamp of each value,
so a snapshot is one row per record and applying a change is one comparison. ``crm.changes``
is the log that clients pull by sequence number. Members never write a table directly: the
only way in is ``crm.push``, which takes a transaction-level advisory lock, so sequence numbers
become visible in the order they were handed out (a puller can never skip one that commits
late). Reads go through row-level security: a sales member sees the customers they own or
that are shared with them and the contacts, follow-ups and opportunities of those customers;
owners and managers see everything.

Why one generic row table rather than a copy of every local table: the server never has to
be migrated when the desktop file gains a column, one comparison rule serves every kind of
record, and the access rule needs only two derived columns (``scope``, ``owner_id``).
"""

from __future__ import annotations

from typing import Any

# Kinds of records that hang off a customer: they are visible with their customer.
CHILD_ENTITIES = ("contact", "followup", "opportunity")
MANAGER_ROLES = ("owner", "manager")

# Each step moves the server from version n-1 to n; append, never edit a released step.
_STEPS: list[str] = [
    # 1: the first schema
    """
    CREATE SCHEMA IF NOT EXISTS crm;
    CREATE TABLE crm.meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE crm.members (
        role_name name PRIMARY KEY,
        user_id text NOT NULL,
        crm_role text NOT NULL CHECK (crm_role IN ('owner', 'manager', 'sales', 'service'))
    );
    CREATE TABLE crm.shares (
        customer_id text NOT NULL,
        user_id text NOT NULL,
        PRIMARY KEY (customer_id, user_id)
    );
    CREATE TABLE crm.rows (
        entity text NOT NULL,
        row_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        stamps jsonb NOT NULL DEFAULT '{}',
        scope text GENERATED ALWAYS AS (
            CASE WHEN entity = 'customer' THEN row_id
                 WHEN entity IN ('contact', 'followup', 'opportunity')
                     THEN coalesce(data->>'customer_id', '?')
            END) STORED,
        owner_id text GENERATED ALWAYS AS (
            CASE WHEN entity = 'customer' THEN data->>'owner_id' END) STORED,
        PRIMARY KEY (entity, row_id)
    );
    CREATE INDEX rows_scope ON crm.rows (scope);
    CREATE INDEX rows_owner ON crm.rows (owner_id) WHERE owner_id IS NOT NULL;
    CREATE SEQUENCE crm.change_seq;
    CREATE TABLE crm.changes (
        seq bigint PRIMARY KEY,
        change_id uuid NOT NULL UNIQUE,
        entity text NOT NULL,
        row_id text NOT NULL,
        field text NOT NULL,
        value jsonb,
        hlc text COLLATE "C" NOT NULL,
        device text NOT NULL,
        user_id text,
        changed_at text,
        action_id text,
        status text NOT NULL,
        scope text,
        role_name name NOT NULL DEFAULT session_user,
        received_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE FUNCTION crm.is_manager(p_role name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = crm, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM crm.members m
                       WHERE m.role_name = p_role AND m.crm_role IN ('owner', 'manager'))
    $$;
    CREATE FUNCTION crm.my_customers(p_role name) RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = crm, pg_temp AS $$
        SELECT r.row_id FROM crm.rows r JOIN crm.members m ON r.owner_id = m.user_id
        WHERE m.role_name = p_role AND r.entity = 'customer'
        UNION
        SELECT s.customer_id FROM crm.shares s JOIN crm.members m ON s.user_id = m.user_id
        WHERE m.role_name = p_role
    $$;
    CREATE FUNCTION crm.whoami() RETURNS TABLE (user_id text, crm_role text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = crm, pg_temp AS $$
        SELECT m.user_id, m.crm_role FROM crm.members m WHERE m.role_name = session_user
    $$;
    CREATE FUNCTION crm.head() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = crm, pg_temp AS $$
        SELECT coalesce(max(seq), 0) FROM crm.changes
    $$;

    ALTER TABLE crm.rows ENABLE ROW LEVEL SECURITY;
    ALTER TABLE crm.changes ENABLE ROW LEVEL SECURITY;
    ALTER TABLE crm.shares ENABLE ROW LEVEL SECURITY;
    CREATE POLICY rows_read ON crm.rows FOR SELECT USING (
        scope IS NULL OR (SELECT crm.is_manager(current_user))
        OR scope IN (SELECT crm.my_customers(current_user)));
    CREATE POLICY changes_read ON crm.changes FOR SELECT USING (
        scope IS NULL OR (SELECT crm.is_manager(current_user))
        OR scope IN (SELECT crm.my_customers(current_user)));
    CREATE POLICY shares_read ON crm.shares FOR SELECT USING (
        (SELECT crm.is_manager(current_user))
        OR customer_id IN (SELECT crm.my_customers(current_user)));

    CREATE FUNCTION crm.push(batch jsonb, client_version int)
    RETURNS TABLE (change_id uuid, seq bigint, status text, reason text,
                   theirs jsonb, theirs_hlc text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = crm, pg_temp AS $fn$
    DECLARE
        me crm.members;
        manager boolean;
        horizon text;
        version int;
    BEGIN
        SELECT value::int INTO version FROM crm.meta WHERE key = 'schema_version';
        IF client_version <> version THEN
            RAISE EXCEPTION 'crm schema mismatch: server %, client %', version, client_version
                USING ERRCODE = 'CRM01';
        END IF;
        SELECT * INTO me FROM crm.members m WHERE m.role_name = session_user;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'not a team member' USING ERRCODE = '42501';
        END IF;
        manager := me.crm_role IN ('owner', 'manager');
        -- One pusher at a time: numbers become visible in the order they are handed out.
        PERFORM pg_advisory_xact_lock(7305741);
        horizon := lpad(((extract(epoch FROM clock_timestamp()) * 1000)::bigint
                         + 300000)::text, 15, '0');

        DROP TABLE IF EXISTS pg_temp.b;
        CREATE TEMP TABLE b ON COMMIT DROP AS
        SELECT DISTINCT ON (x.id) x.ord, x.id::uuid AS change_id, x.entity, x.row_id, x.field,
               x.value, x.hlc COLLATE "C" AS hlc, x.device, x.user_id, x.changed_at, x.action_id,
               NULL::text AS status, NULL::text AS reason, NULL::bigint AS seq
        FROM jsonb_to_recordset(batch) AS x(ord bigint, id text, entity text, row_id text,
             field text, value jsonb, hlc text, device text, user_id text, changed_at text,
             action_id text)
        ORDER BY x.id, x.ord;

        -- Already received (a retried batch): answer as the first time.
        UPDATE b SET status = c.status, seq = c.seq
        FROM crm.changes c WHERE c.change_id = b.change_id;

        UPDATE b SET status = 'rejected', reason = 'invalid'
        WHERE b.status IS NULL AND (b.entity IS NULL OR b.row_id IS NULL OR b.field IS NULL
              OR b.device IS NULL OR b.hlc !~ '^[0-9]{15}\\.[0-9]{6}\\..+$'
              OR b.field = '@access');
        UPDATE b SET status = 'rejected', reason = 'clock_ahead'
        WHERE b.status IS NULL AND left(b.hlc, 15) > horizon;

        IF NOT manager THEN
            -- Rows that exist must be visible now; new children must hang off a customer
            -- that is visible or new in this batch; a child may not move to a hidden one.
            DROP TABLE IF EXISTS pg_temp.mine;
            CREATE TEMP TABLE mine ON COMMIT DROP AS
            SELECT crm.my_customers(session_user) AS id;
            UPDATE b SET status = 'rejected', reason = 'forbidden'
            FROM crm.rows r
            WHERE b.status IS NULL AND r.entity = b.entity AND r.row_id = b.row_id
              AND r.scope IS NOT NULL AND r.scope NOT IN (SELECT id FROM mine);
            UPDATE b SET status = 'rejected', reason = 'forbidden'
            WHERE b.status IS NULL AND b.entity IN ('contact', 'followup', 'opportunity')
              AND b.field = 'customer_id'
              AND (b.value #>> '{}') NOT IN (SELECT id FROM mine)
              AND NOT EXISTS (SELECT 1 FROM b n WHERE n.entity = 'customer'
                              AND n.row_id = b.value #>> '{}'
                              AND NOT EXISTS (SELECT 1 FROM crm.rows r
                                              WHERE r.entity = 'customer'
                                                AND r.row_id = n.row_id));
        END IF;

        -- A new contact, follow-up or opportunity comes with its customer, or not at all.
        UPDATE b SET status = 'rejected', reason = coalesce(
            (SELECT min(x.reason) FROM b x WHERE x.entity = b.entity AND x.row_id = b.row_id
               AND x.field = 'customer_id' AND x.status = 'rejected'), 'invalid')
        WHERE b.status IS NULL AND b.entity IN ('contact', 'followup', 'opportunity')
          AND NOT EXISTS (SELECT 1 FROM crm.rows r
                          WHERE r.entity = b.entity AND r.row_id = b.row_id)
          AND NOT EXISTS (SELECT 1 FROM b x WHERE x.entity = b.entity AND x.row_id = b.row_id
                            AND x.field = 'customer_id' AND x.status IS NULL);

        -- Records that change owner or customer (see the markers below): existing ones, and
        -- for a sales member also new ones (they may have given away what they just made).
        DROP TABLE IF EXISTS pg_temp.moved;
        CREATE TEMP TABLE moved ON COMMIT DROP AS
        SELECT DISTINCT b.entity, b.row_id FROM b LEFT JOIN crm.rows r
          ON r.entity = b.entity AND r.row_id = b.row_id
        WHERE b.status IS NULL
          AND ((b.entity = 'customer' AND b.field = 'owner_id')
               OR (b.entity IN ('contact', 'followup', 'opportunity')
                   AND b.field = 'customer_id'))
          AND CASE WHEN r.row_id IS NULL THEN NOT manager
                   ELSE (r.data->b.field) IS DISTINCT FROM b.value END;

        -- The newest change of each field in the batch, where it beats the stored stamp.
        WITH best AS (
            SELECT DISTINCT ON (b.entity, b.row_id, b.field) b.entity, b.row_id, b.field,
                   b.value, b.hlc
            FROM b WHERE b.status IS NULL
            ORDER BY b.entity, b.row_id, b.field, b.hlc DESC
        ), win AS (
            SELECT best.* FROM best LEFT JOIN crm.rows r
              ON r.entity = best.entity AND r.row_id = best.row_id
            WHERE r.stamps->>best.field IS NULL
               OR best.hlc > (r.stamps->>best.field) COLLATE "C"
        )
        INSERT INTO crm.rows AS r (entity, row_id, data, stamps)
        SELECT w.entity, w.row_id, jsonb_object_agg(w.field, coalesce(w.value, 'null')),
               jsonb_object_agg(w.field, to_jsonb(w.hlc::text))
        FROM win w GROUP BY w.entity, w.row_id
        ON CONFLICT (entity, row_id) DO UPDATE
            SET data = r.data || EXCLUDED.data, stamps = r.stamps || EXCLUDED.stamps;

        UPDATE b SET status = CASE WHEN r.stamps->>b.field = b.hlc::text
                                   THEN 'applied' ELSE 'superseded' END
        FROM crm.rows r
        WHERE b.status IS NULL AND r.entity = b.entity AND r.row_id = b.row_id;

        INSERT INTO crm.changes (seq, change_id, entity, row_id, field, value, hlc, device,
                                 user_id, changed_at, action_id, status, scope)
        SELECT nextval('crm.change_seq'), s.* FROM (
            SELECT b.change_id, b.entity, b.row_id, b.field, b.value, b.hlc, b.device,
                   b.user_id, b.changed_at, b.action_id, b.status, r.scope
            FROM b JOIN crm.rows r ON r.entity = b.entity AND r.row_id = b.row_id
            WHERE b.seq IS NULL AND b.status IN ('applied', 'superseded')
            ORDER BY b.ord) s
        ON CONFLICT DO NOTHING;
        UPDATE b SET seq = c.seq FROM crm.changes c
        WHERE b.seq IS NULL AND c.change_id = b.change_id;

        -- A customer that changed owner, or a record that moved to another customer, may
        -- appear in or vanish from someone's file: a marker every member pulls says so.
        INSERT INTO crm.changes (seq, change_id, entity, row_id, field, value, hlc, device,
                                 user_id, status, scope)
        SELECT nextval('crm.change_seq'), gen_random_uuid(), a.entity, a.row_id, '@access',
               NULL, a.hlc, a.device, NULL, 'applied', NULL
        FROM (SELECT DISTINCT ON (b.entity, b.row_id) b.entity, b.row_id, b.hlc, b.device
              FROM b JOIN moved m ON m.entity = b.entity AND m.row_id = b.row_id
              WHERE b.status = 'applied' AND b.reason IS NULL
                AND ((b.entity = 'customer' AND b.field = 'owner_id')
                     OR (b.entity IN ('contact', 'followup', 'opportunity')
                         AND b.field = 'customer_id'))
              ORDER BY b.entity, b.row_id, b.hlc DESC) a;

        RETURN QUERY
        SELECT b.change_id, b.seq, b.status, b.reason,
               CASE WHEN b.status = 'superseded' THEN r.data->b.field END,
               CASE WHEN b.status = 'superseded' THEN r.stamps->>b.field END
        FROM b LEFT JOIN crm.rows r ON r.entity = b.entity AND r.row_id = b.row_id
        ORDER BY b.ord;
    END
    $fn$;
    """,
]

SERVER_SCHEMA_VERSION = len(_STEPS)
_MIGRATION_LOCK = 7305740


def server_version(conn: Any) -> int:
    """The version of the ``crm`` schema of the connected database (0: none)."""
    found = conn.execute("SELECT to_regclass('crm.meta') IS NOT NULL").fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT value FROM crm.meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: Any) -> tuple[int, int]:
    """Create or upgrade the schema in one transaction; returns (before, after)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        before = server_version(conn)
        if before > SERVER_SCHEMA_VERSION:
            from crm_desktop.domain.errors import ServerSchemaError

            raise ServerSchemaError(server=before, client=SERVER_SCHEMA_VERSION)
        for version in range(before + 1, SERVER_SCHEMA_VERSION + 1):
            conn.execute(_STEPS[version - 1])
            conn.execute(
                "INSERT INTO crm.meta VALUES ('schema_version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (str(version),),
            )
        return before, SERVER_SCHEMA_VERSION
