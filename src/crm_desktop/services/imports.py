"""Importing customers from a spreadsheet: column mapping, validation by row, duplicates, apply.

The whole import is one transaction: a cancel or a failure part-way leaves the database exactly
as it was. Rows are validated by the same validators as the editor, so a row that would be
refused there is reported here (row number, column, problem) and not imported. Rows are
written in bulk (with their journal rows) so that 100,000 rows take seconds, not minutes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db.bulk import (
    AscendingIds,
    insert_json_rows,
    insert_rows,
    next_rowid,
    raw_connection,
    suspended_triggers,
)
from crm_desktop.db.models import Customer, Tag, User
from crm_desktop.db.types import to_utc_text
from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.domain.ids import new_id
from crm_desktop.domain.search_text import customer_document, name_heads
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.customers import CustomerService
from crm_desktop.services.import_files import Table, no_cyclic_gc
from crm_desktop.services.journal import JOURNAL_COLUMNS, Action, CreationJournal
from crm_desktop.services.search import HEADS_INDEX, SEARCH_INDEX, bulk_indexing
from crm_desktop.services.validation import normalize_email, normalize_phone

CHUNK = 2000
# Page cache of the import's transaction: the indexes of customers and of the journal take new
# entries all over them, and a cache that holds them keeps SQLite from spilling pages to the
# WAL and reading them back (the connection's own size is put back after).
BULK_CACHE_KIB = 256 * 1024
# Customer columns an imported row can fill (besides id, times and the defaults).
IMPORTED_COLUMNS = (
    "name", "company", "phone", "phone_normalized", "email", "email_normalized", "address",
    "region", "city", "industry", "source", "tier", "birthday", "gender", "notes",
)  # fmt: skip
IMPORTABLE = (
    "name", "company", "kind", "phone", "email", "address", "region", "city", "industry",
    "source", "tier", "status", "birthday", "gender", "notes", "tags", "owner",
)  # fmt: skip

# Header names users put in their sheets, English and Chinese, for each field.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "name": ("name", "customer", "customer name", "client", "full name", "客户", "客户名称",
             "客户名", "姓名", "名称", "名字"),
    "company": ("company", "company name", "organisation", "organization", "公司", "公司名称",
                "单位", "企业", "企业名称"),
    "kind": ("type", "kind", "customer type", "类型", "客户类型"),
    "phone": ("phone", "mobile", "tel", "telephone", "phone number", "cell", "电话", "手机",
              "手机号", "手机号码", "联系电话", "电话号码"),
    "email": ("email", "e-mail", "mail", "email address", "邮箱", "电子邮件", "电子邮箱", "邮件"),
    "address": ("address", "street", "地址", "详细地址", "联系地址"),
    "region": ("region", "province", "state", "省", "省份", "地区", "区域"),
    "city": ("city", "town", "城市", "市"),
    "industry": ("industry", "sector", "行业", "所属行业"),
    "source": ("source", "lead source", "来源", "客户来源"),
    "tier": ("tier", "level", "grade", "rating", "等级", "级别", "客户等级", "客户级别"),
    "status": ("status", "lifecycle", "stage", "状态", "客户状态"),
    "birthday": ("birthday", "date of birth", "dob", "生日", "出生日期"),
    "gender": ("gender", "sex", "性别"),
    "notes": ("notes", "note", "remark", "remarks", "comment", "comments", "备注", "说明"),
    "tags": ("tags", "tag", "labels", "标签"),
    "owner": ("owner", "sales", "salesperson", "account owner", "负责人", "销售", "业务员",
              "所属销售"),
}  # fmt: skip

# Words users write for our enum values.
VALUE_NAMES: dict[str, dict[str, str]] = {
    "kind": {"company": "company", "公司": "company", "企业": "company", "单位": "company",
             "individual": "individual", "person": "individual", "个人": "individual"},
    "status": {"lead": "lead", "线索": "lead", "prospect": "prospect", "意向": "prospect",
               "潜在": "prospect", "潜在客户": "prospect", "active": "active", "customer": "active",
               "成交": "active", "活跃": "active", "已成交": "active", "dormant": "dormant",
               "休眠": "dormant", "沉睡": "dormant", "lost": "lost", "流失": "lost"},
    "source": {"referral": "referral", "转介绍": "referral", "介绍": "referral",
               "website": "website", "web": "website", "网站": "website", "官网": "website",
               "exhibition": "exhibition", "trade show": "exhibition", "展会": "exhibition",
               "cold call": "cold_call", "cold_call": "cold_call", "陌拜": "cold_call",
               "电话陌拜": "cold_call", "advertising": "advertising", "ads": "advertising",
               "广告": "advertising", "social": "social", "social media": "social",
               "社交媒体": "social", "微信": "social", "other": "other", "其他": "other"},
    "gender": {"male": "male", "m": "male", "男": "male", "female": "female", "f": "female",
               "女": "female", "other": "other", "其他": "other"},
    "tier": {"a": "A", "b": "B", "c": "C", "vip": "VIP", "a类": "A", "b类": "B", "c类": "C"},
}  # fmt: skip


class DuplicatePolicy(StrEnum):
    SKIP = "skip"
    UPDATE = "update"
    CREATE = "create"


class ImportCancelledError(CrmError):
    template = QT_TRANSLATE_NOOP("Errors", "The import was cancelled; nothing was imported.")


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str  # English template, translated by the UI with params
    params: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        return self.message.format(**self.params)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    skipped_duplicates: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def rejected_rows(self) -> int:
        return len({p.row for p in self.problems})


@lru_cache(maxsize=4096)  # a sheet repeats the same few tiers, statuses and owners
def _fold(text: str) -> str:
    return re.sub(r"[\s_\-:：]+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


def suggest_mapping(headers: list[str]) -> dict[int, str]:
    """Column index → field, from header names in English or Chinese; each field used once."""
    lookup = {_fold(alias): name for name, aliases in HEADER_NAMES.items() for alias in aliases}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        target = lookup.get(_fold(header))
        if target and target not in mapping.values():
            mapping[index] = target
    return mapping


@dataclass
class _Row:
    number: int
    values: dict[str, Any]
    tags: list[str]
    key_phone: str | None
    key_email: str | None
    key_name: str


@contextmanager
def _bulk_cache(session: Session) -> Iterator[None]:
    conn = raw_connection(session)
    size = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {size}")


def _name_key(name: str | None, company: str | None) -> str:
    return " ".join(f"{name or ''}|{company or ''}".casefold().split())


class CustomerImport:
    """Validates and applies one table with one mapping. Use ``check`` for the preview and
    report, ``run`` to write."""

    def __init__(
        self,
        ctx: ServiceContext,
        table: Table,
        mapping: dict[int, str],
        policy: DuplicatePolicy = DuplicatePolicy.SKIP,
    ) -> None:
        self.ctx = ctx
        self.table = table
        self.mapping = {
            i: f for i, f in mapping.items() if f in IMPORTABLE and i < len(table.headers)
        }
        self.policy = DuplicatePolicy(policy)
        # the sheet's column of each field, for the row report
        self._column_of = {f: table.headers[i] for i, f in self.mapping.items()}
        self._column_of["owner_id"] = self._column_of.get("owner", "")
        self.service = CustomerService(ctx)
        if "name" not in self.mapping.values():
            raise ValidationError(
                "name", QT_TRANSLATE_NOOP("Errors", "Choose the column that holds the name.")
            )

    # --- validation ----------------------------------------------------------------------

    def _owner_lookup(self, session: Session) -> dict[str, str]:
        lookup: dict[str, str] = {}
        for user_id, username, display in session.execute(
            select(User.id, User.username, User.display_name).where(User.deleted_at.is_(None))
        ):
            lookup[_fold(username)] = user_id
            lookup[_fold(display)] = user_id
        return lookup

    def _row(
        self, number: int, cells: list[str], owners: dict[str, str], problems: list[RowProblem]
    ) -> _Row | None:
        raw: dict[str, Any] = {}
        tags: list[str] = []
        for index, name in self.mapping.items():
            cell = cells[index].strip()
            if not cell:
                continue
            if name == "tags":
                tags = [t.strip() for t in re.split(r"[,;，；、|]", cell) if t.strip()]
                continue
            if name == "owner":
                owner = owners.get(_fold(cell))
                if owner is None:
                    problems.append(RowProblem(number, self.table.headers[index],
                        QT_TRANSLATE_NOOP("Errors", "There is no user “{value}”."),
                        {"value": cell[:40]}))  # fmt: skip
                    return None
                raw["owner_id"] = owner
                continue
            names = VALUE_NAMES.get(name)
            raw[name] = names.get(_fold(cell), cell) if names else cell
        column_of = self._column_of
        try:
            values = self.service.clean(raw, creating=True)
            if values.get("phone"):
                values["phone_normalized"] = normalize_phone(
                    "phone", values["phone"], self.ctx.default_region
                )
            if values.get("email"):
                values["email_normalized"] = normalize_email("email", values["email"])
        except ValidationError as exc:
            problems.append(
                RowProblem(number, column_of.get(exc.field, exc.field), exc.template, exc.params)
            )
            return None
        for tag in tags:
            if len(tag) > 64:
                problems.append(RowProblem(number, column_of.get("tags", "tags"),
                    QT_TRANSLATE_NOOP("Errors", "At most {n} characters are allowed here."),
                    {"n": 64}))  # fmt: skip
                return None
        return _Row(
            number,
            values,
            tags,
            values.get("phone_normalized"),
            values.get("email_normalized"),
            _name_key(values.get("name"), values.get("company")),
        )

    def check(
        self,
        session: Session,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[list[_Row], list[RowProblem]]:
        owners = self._owner_lookup(session)
        problems: list[RowProblem] = []
        rows: list[_Row] = []
        total = len(self.table.rows)
        for start in range(0, total, CHUNK):
            if cancelled is not None and cancelled():
                raise ImportCancelledError()
            for offset, cells in enumerate(self.table.rows[start : start + CHUNK]):
                row = self._row(self.table.row_numbers[start + offset], cells, owners, problems)
                if row is not None:
                    rows.append(row)
            if progress is not None:
                progress(min(start + CHUNK, total), total * 2)
        return rows, problems

    # --- duplicates ----------------------------------------------------------------------

    def _existing(self, session: Session, rows: list[_Row]) -> dict[tuple[str, str], str]:
        """Existing live customers matching any row's phone, e-mail or name+company: one query
        per kind of key, the keys sent as one JSON array (SQLite probes the key's index)."""
        found: dict[tuple[str, str], str] = {}
        live = Customer.deleted_at.is_(None)
        for kind, column, keys in (
            ("phone", Customer.phone_normalized, {r.key_phone for r in rows if r.key_phone}),
            ("email", Customer.email_normalized, {r.key_email for r in rows if r.key_email}),
            ("name", Customer.name, {r.values["name"] for r in rows}),
        ):
            if not keys:
                continue
            each = func.json_each(json.dumps(sorted(keys), ensure_ascii=False))
            wanted = select(each.table_valued("value").c.value)
            query = select(column, Customer.company, Customer.id).where(live, column.in_(wanted))
            for key, company, customer_id in session.execute(query):
                if kind == "name":
                    found.setdefault(("name", _name_key(key, company)), customer_id)
                else:
                    found.setdefault((kind, key), customer_id)
        return found

    # --- applying ------------------------------------------------------------------------

    def run(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        report = ImportReport()
        with no_cyclic_gc(), self.ctx.db.write() as session, _bulk_cache(session):
            # The rows live in this call only: freed before the collector runs again, which
            # would otherwise walk every one of them (about 0.3 s for 100,000 rows).
            self._apply(session, report, progress, cancelled)
        return report

    def _apply(
        self,
        session: Session,
        report: ImportReport,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        rows, report.problems = self.check(session, progress, cancelled)
        existing = self._existing(session, rows)
        seen: dict[tuple[str, str], str] = {}
        to_create: list[tuple[str, _Row]] = []
        to_update: list[tuple[str, _Row]] = []
        new_ids = AscendingIds()  # appended to the id indexes of customers and journal
        for row in rows:
            candidates = (("phone", row.key_phone), ("email", row.key_email))
            keys = [(k, v) for k, v in candidates if v] + [("name", row.key_name)]
            found = (existing.get(k) or seen.get(k) for k in keys)
            match = next((m for m in found if m), None)
            if match is not None and self.policy == DuplicatePolicy.SKIP:
                report.skipped_duplicates += 1
                continue
            if match is not None and self.policy == DuplicatePolicy.UPDATE:
                to_update.append((match, row))
                continue
            customer_id = new_ids.take(1)[0]
            to_create.append((customer_id, row))
            for key in keys:
                seen.setdefault(key, customer_id)
        tag_ids = self._tags(session, {t for _, r in to_create + to_update for t in r.tags})
        self._create(session, to_create, tag_ids, progress, cancelled, len(rows))
        action = Action(session, self.ctx)
        for customer_id, row in to_update:
            values = {k: v for k, v in row.values.items() if k in self.service.fields}
            self.service.update_in(action, customer_id, values)
            if row.tags:
                current = self.service.tag_ids(session, customer_id)
                wanted = current + [tag_ids[t] for t in row.tags]
                self.service.set_tags_in(action, customer_id, wanted)
        report.created, report.updated = len(to_create), len(to_update)
        if cancelled is not None and cancelled():
            raise ImportCancelledError()

    def _tags(self, session: Session, names: set[str]) -> dict[str, str]:
        ids: dict[str, str] = {}
        for tag_id, name in session.execute(
            select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None))
        ):
            ids.setdefault(name.casefold(), tag_id)
        result: dict[str, str] = {}
        for name in sorted(names):
            if name.casefold() not in ids:
                ids[name.casefold()] = self._create_tag(session, name)
            result[name] = ids[name.casefold()]
        return result

    def _create_tag(self, session: Session, name: str) -> str:
        now = self.ctx.clock()
        tag = Tag(id=new_id(), name=name, created_at=now, updated_at=now)
        session.add(tag)
        Action(session, self.ctx).record("tag", tag.id, {"name": (None, name)})
        return tag.id

    def _create(
        self,
        session: Session,
        rows: list[tuple[str, _Row]],
        tag_ids: dict[str, str],
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
        total: int,
    ) -> None:
        """Insert the new customers in chunks with their tags, search-index entries and journal
        rows. Three per-row triggers are set aside for this transaction only and their work
        done in batches instead, so every entry is in before the commit: the search index and
        the name-start index (filled chunk by chunk) and the report segment counts (one grouped
        UPSERT at the end). Each new customer is journalled by one creation row holding all its
        fields (``journal.CreationJournal``; sync and the history read it as one change per
        field), a tenth of the bytes of a row per field.

        The customers go in first, row by row (their name-order index calls Python for each).
        Then the next chunk is made on a second thread (pure Python, no database) while SQLite
        inserts this chunk's index entries, tags and journal rows, each kind as one statement
        over a JSON array (``db.bulk.insert_json_rows``) that runs without Python's lock:
        ``executemany`` would take the lock back for every row and wait for the other thread
        to let go of it."""
        now = to_utc_text(self.ctx.clock())
        defaults = {"kind": "company", "status": "lead", "owner_id": self.ctx.user_id}
        columns = ("rowid", "id", "created_at", "updated_at", *defaults, *IMPORTED_COLUMNS)
        stored = columns[4:]
        journalled = tuple(c for c in stored if c in self.service.fields)
        journal = CreationJournal(self.ctx, "customer", len(rows))
        first = next_rowid(session, "customers")

        def prepare(start: int) -> _Chunk:
            chunk = _Chunk()
            made: list[tuple[str, dict[str, Any]]] = []
            documents: list[tuple[int, str]] = []
            heads: list[tuple[int, str]] = []
            links: list[tuple[str, str]] = []
            for rowid, (customer_id, row) in enumerate(rows[start : start + CHUNK], first + start):
                values = {**defaults, **row.values}
                if values.get("birthday") is not None:
                    values["birthday"] = values["birthday"].isoformat()
                get = values.get
                chunk.customers.append((rowid, customer_id, now, now, *(get(c) for c in stored)))
                documents.append((rowid, customer_document(
                    get("name"), get("company"), get("kind"), get("phone"),
                    get("phone_normalized"), get("email"), get("notes"), None,
                )))  # fmt: skip
                heads.append((rowid, name_heads(get("name"), get("kind"))))
                created = {n: v for n in journalled if (v := get(n)) is not None}
                if row.tags:
                    ids = sorted({tag_ids[t] for t in row.tags})
                    links += [(customer_id, t) for t in ids]
                    created["tags"] = ids
                made.append((customer_id, created))
            # the rows that SQLite inserts while the next chunk is made: one JSON text each
            dump = json.dumps
            chunk.rest = [
                (SEARCH_INDEX, ("rowid", "doc"), dump(documents, ensure_ascii=False)),
                (HEADS_INDEX, ("rowid", "doc"), dump(heads, ensure_ascii=False)),
                ("customer_tags", ("customer_id", "tag_id"), dump(links)),
                ("change_journal", JOURNAL_COLUMNS, dump(journal.rows(made), ensure_ascii=False)),
            ]
            return chunk

        with (
            bulk_indexing(session),
            suspended_triggers(session, (SEGMENT_COUNTS_TRIGGER,)),
            ThreadPoolExecutor(1, thread_name_prefix="import-rows") as helper,
        ):
            chunk = prepare(0)
            for start in range(0, len(rows), CHUNK):
                if cancelled is not None and cancelled():
                    raise ImportCancelledError()
                insert_rows(session, "customers", columns, chunk.customers)
                following = helper.submit(prepare, start + CHUNK)
                for table, names, values in chunk.rest:
                    insert_json_rows(session, table, names, values)
                chunk = following.result()
                if progress is not None:
                    done = min(start + CHUNK, len(rows))
                    progress(total + done * total // max(1, len(rows)), total * 2)
            if rows:
                add_segment_counts(raw_connection(session), first)


@dataclass
class _Chunk:
    """Up to ``CHUNK`` new customers as stored: their rows, index documents (search and name
    starts), tag links and creation rows for the journal."""

    customers: list[tuple[Any, ...]] = field(default_factory=list)
    rest: list[tuple[str, tuple[str, ...], str]] = field(default_factory=list)


# The trigger adding each new customer to the report segment counts (migrations 0010, 0011).
SEGMENT_COUNTS_TRIGGER = "report_customers_insert"
SEGMENT_DIMENSIONS = ("region", "industry", "source", "tier")


_SEGMENT_ROWS = " UNION ALL ".join(
    f"SELECT '{d}' AS d, coalesce(owner_id, '') AS o, coalesce('=' || {d}, '') AS v "  # noqa: S608
    "FROM customers WHERE rowid >= :first AND deleted_at IS NULL"
    for d in SEGMENT_DIMENSIONS
)
_ADD_SEGMENT_COUNTS = (
    "INSERT INTO report_segment_counts (dimension, owner_id, value, count) "  # noqa: S608
    f"SELECT d, o, v, count(*) FROM ({_SEGMENT_ROWS}) GROUP BY d, o, v "
    "ON CONFLICT (dimension, owner_id, value) DO UPDATE SET "
    "count = report_segment_counts.count + excluded.count"
)


def add_segment_counts(conn: Any, first_rowid: int) -> None:
    """What the segment counts' insert trigger would have added for the customers inserted from
    rowid ``first_rowid`` on, in one grouped UPSERT (same buckets: dimension, owner ('' none),
    '' for no value else '=' and the value)."""
    conn.execute(_ADD_SEGMENT_COUNTS, {"first": first_rowid})
