"""The first sync's search indexes, built on a thread of their own while the load goes on.

When a snapshot arrives in a file that has no customers and no contacts yet (a new device
joining its team), both search indexes of the new customers — ``customer_search`` (migration
0002) and ``customer_name_heads`` (0013) — are built from the rows as they come, in a private
in-memory database on a second thread: the documents in Python, the FTS5 work in SQLite, which
runs beside the load on the other core. At the end, inside the load's transaction, the two
tables are created again (empty, with their stored SQL) and their shadow tables filled with the
built ones' rows, as a bulk insert would have left them. Creating them again matters: an FTS5
table object keeps what it last read of its index, and one that saw the tables before they
were filled behind its back would answer from that.

The built index holds decrypted search terms in memory only (never a file); it is dropped as
soon as it is copied, or when the load fails. Any other case (customers already in the file,
a load far larger than ``MAX_CUSTOMERS``, rowids not as expected) uses ``index_new_customers``
and ``index_new_names`` in the load's own transaction instead.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Any

import sqlcipher3

from crm_desktop.domain.search_text import FIELD_SEP, RECORD_SEP, customer_document, name_heads

SEARCH_TABLES = ("customer_search", "customer_name_heads")
SHADOWS = ("data", "idx", "docsize", "config")  # an FTS5 table's own tables (contentless)
# Above this many new customers (or twice as many contacts) the rows kept for the build and
# the in-memory copy of the index (about 1 kB a customer) are not worth their memory: the
# load's own transaction builds the index, and what was kept is let go at once.
MAX_CUSTOMERS = 300_000
CHUNK = 5_000
CUSTOMER_FIELDS = ("id", "name", "company", "kind", "phone", "phone_normalized", "email", "notes")
CONTACT_FIELDS = ("customer_id", "deleted_at", "name", "phone", "phone_normalized", "email",
                  "messaging_id")  # fmt: skip


class SearchBuild:
    """Collects the new contacts and customers (``take``), builds both indexes on a thread
    (``start``), and copies them into the file (``copy_into``); ``close`` in every case."""

    def __init__(self, raw: Any, first_customer: int) -> None:
        self.first_customer = first_customer
        self.sql = dict(
            raw.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
                SEARCH_TABLES,
            ).fetchall()
        )
        self.contacts: dict[str, list[str]] = defaultdict(list)
        self.customers: list[tuple[Any, ...]] = []
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None
        self.memory: Any = None
        self.contact_count = 0
        self.too_many = False

    @property
    def usable(self) -> bool:
        return len(self.sql) == len(SEARCH_TABLES) and not self.too_many

    def take(self, entity: str, columns: list[str], records: list[list[Any]]) -> None:
        """The rows of one batch as inserted (``columns`` name their values)."""
        if self.too_many:
            return
        if entity == "contact":
            self.contact_count += len(records)
            at = [columns.index(c) for c in CONTACT_FIELDS]
            for r in records:
                if r[at[1]] is None:  # a deleted contact is not in its customer's document
                    self.contacts[r[at[0]]].append(FIELD_SEP.join(r[i] or "" for i in at[2:]))
        elif entity == "customer":
            at = [columns.index(c) for c in CUSTOMER_FIELDS]
            self.customers.extend(tuple(r[i] for i in at) for r in records)
        if self.contact_count > 2 * MAX_CUSTOMERS or len(self.customers) > MAX_CUSTOMERS:
            self.too_many = True
            self.customers.clear()
            self.contacts.clear()

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="crm-search-build", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.memory = memory = sqlcipher3.connect(
                ":memory:", isolation_level=None, check_same_thread=False
            )
            for name in SEARCH_TABLES:
                memory.execute(self.sql[name])
            memory.execute("BEGIN")
            rowid = self.first_customer
            contacts = self.contacts
            for start in range(0, len(self.customers), CHUNK):
                if self.stop.is_set():
                    return
                chunk = self.customers[start : start + CHUNK]
                documents = []
                heads = []
                for cid, name, company, kind, phone, normalized, email, notes in chunk:
                    found = contacts.get(cid)
                    packed = RECORD_SEP.join(found) if found else None
                    documents.append((rowid, customer_document(
                        name, company, kind, phone, normalized, email, notes, packed)))  # fmt: skip
                    heads.append((rowid, name_heads(name, kind)))
                    rowid += 1
                memory.executemany("INSERT INTO customer_search (rowid, doc) VALUES (?, ?)",
                                   documents)  # fmt: skip
                memory.executemany("INSERT INTO customer_name_heads (rowid, doc) VALUES (?, ?)",
                                   heads)  # fmt: skip
            memory.execute("COMMIT")
        except BaseException as error:  # raised on the loading thread by ``copy_into``
            self.error = error

    def copy_into(self, raw: Any) -> bool:
        """Wait for the build and copy it into the file: False (nothing changed) when the
        customers' rowids are not those the build gave them."""
        if self.thread is None:
            return False
        self.thread.join()
        if self.error is not None:
            raise self.error
        count, low, high = raw.execute(
            "SELECT count(*), min(rowid), max(rowid) FROM customers"
        ).fetchone()
        if count != len(self.customers) or (count and (low, high) != (
                self.first_customer, self.first_customer + count - 1)):  # fmt: skip
            return False
        memory = self.memory
        for name in SEARCH_TABLES:
            raw.execute(f'DROP TABLE "{name}"')
            raw.execute(self.sql[name])
            for shadow in (f"{name}_{s}" for s in SHADOWS):
                raw.execute(f'DELETE FROM "{shadow}"')  # noqa: S608
                cursor = memory.execute(f'SELECT * FROM "{shadow}"')  # noqa: S608
                marks = ", ".join("?" * len(cursor.description))
                raw.executemany(f'INSERT INTO "{shadow}" VALUES ({marks})', cursor)  # noqa: S608
        return True

    def close(self) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join()
        if self.memory is not None:
            self.memory.close()
            self.memory = None
        self.customers.clear()
        self.contacts.clear()
