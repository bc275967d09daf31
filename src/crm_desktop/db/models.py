"""Typed SQLAlchemy models of everything the tabs show, plus the change journal.

Conventions: ids are client-made UUID strings; times are UTC (``UTCDateTime``); money is integer
minor units plus a currency code; enums are stored as their string values; records that users
delete are soft-deleted (``deleted_at``) so they can be restored and so deletes can sync.
Nothing two offline people could both create (a phone, a name) is a unique constraint.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from crm_desktop.db.types import ISODate, UTCDateTime, utcnow
from crm_desktop.domain.ids import new_id

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UUID_LEN = 36


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _id_column() -> Mapped[str]:
    return mapped_column(String(UUID_LEN), primary_key=True, default=new_id)


def _user_fk(nullable: bool = True) -> Mapped[str | None]:
    return mapped_column(String(UUID_LEN), ForeignKey("users.id"), nullable=nullable)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Meta(Base):
    """Key/value facts about this file: device id, default phone region, current user."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Timestamps, Base):
    __tablename__ = "users"
    id: Mapped[str] = _id_column()
    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    email: Mapped[str | None] = mapped_column(String(254))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


LIVE_SORT_COLUMNS = ("name", "created_at", "last_contact_at", "next_followup_at")


class Customer(Timestamps, Base):
    __tablename__ = "customers"
    id: Mapped[str] = _id_column()
    kind: Mapped[str] = mapped_column(String(16), default="company")
    name: Mapped[str] = mapped_column(String(200))
    company: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(64))
    phone_normalized: Mapped[str | None] = mapped_column(String(32), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    email_normalized: Mapped[str | None] = mapped_column(String(254), index=True)
    address: Mapped[str | None] = mapped_column(String(500))
    region: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100))
    industry: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str | None] = mapped_column(String(32))
    tier: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="lead")
    owner_id: Mapped[str | None] = _user_fk()
    birthday: Mapped[date | None] = mapped_column(ISODate)
    gender: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(Text)
    last_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_followup_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # The list sorts live customers by these columns; partial indexes hold only live rows
    # and give the row ids in order without touching the table.
    __table_args__ = (
        Index(None, "owner_id"),
        Index(None, "status"),
        *(
            Index(f"ix_customers_live_{column}", column, sqlite_where=text("deleted_at IS NULL"))
            for column in LIVE_SORT_COLUMNS
        ),
        Index("ix_customers_deleted_id", "id", sqlite_where=text("deleted_at IS NOT NULL")),
        # the Reports tab (migration 0008): segments and active counts from the index alone
        Index(
            "ix_customers_report_segments",
            *("owner_id", "region", "industry", "source", "tier"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_customers_report_status",
            *("status", "created_at", "owner_id"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )


# The list's name order: Chinese by pinyin beside Latin text (domain/sort_key.py; the SQL
# function is registered on every connection by keyed_file.py). Migration 0012.
# Queries sort by this very expression, so that SQLite reads the index.
CUSTOMER_NAME_KEY = func.crm_name_key(Customer.name, Customer.kind)
Index("ix_customers_live_name_key", CUSTOMER_NAME_KEY, sqlite_where=text("deleted_at IS NULL"))


class Contact(Timestamps, Base):
    __tablename__ = "contacts"
    id: Mapped[str] = _id_column()
    customer_id: Mapped[str] = mapped_column(
        String(UUID_LEN), ForeignKey("customers.id"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(64))
    phone_normalized: Mapped[str | None] = mapped_column(String(32), index=True)
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    messaging_id: Mapped[str | None] = mapped_column(String(200))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class Tag(Timestamps, Base):
    __tablename__ = "tags"
    id: Mapped[str] = _id_column()
    name: Mapped[str] = mapped_column(String(64))
    color: Mapped[str | None] = mapped_column(String(16))


class CustomerTag(Base):
    """A tag on a customer. The journal records a customer's tag set as its ``tags`` field."""

    __tablename__ = "customer_tags"
    customer_id: Mapped[str] = mapped_column(
        String(UUID_LEN), ForeignKey("customers.id"), primary_key=True
    )
    tag_id: Mapped[str] = mapped_column(
        String(UUID_LEN), ForeignKey("tags.id"), primary_key=True, index=True
    )


class CustomFieldDef(Timestamps, Base):
    __tablename__ = "custom_field_defs"
    id: Mapped[str] = _id_column()
    entity: Mapped[str] = mapped_column(String(32), default="customer")
    name: Mapped[str] = mapped_column(String(100))
    field_type: Mapped[str] = mapped_column(String(16))
    choices: Mapped[str | None] = mapped_column(Text)  # JSON list for "choice" fields
    position: Mapped[int] = mapped_column(Integer, default=0)


class CustomFieldValue(Base):
    """The value of one custom field on one record, as text (ISO date, plain decimal, choice)."""

    __tablename__ = "custom_field_values"
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    field_id: Mapped[str] = mapped_column(
        String(UUID_LEN), ForeignKey("custom_field_defs.id"), primary_key=True, index=True
    )
    value: Mapped[str | None] = mapped_column(Text)


class Stage(Timestamps, Base):
    __tablename__ = "stages"
    id: Mapped[str] = _id_column()
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    default_probability: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(8), default="open")


class Opportunity(Timestamps, Base):
    __tablename__ = "opportunities"
    id: Mapped[str] = _id_column()
    title: Mapped[str] = mapped_column(String(200))
    customer_id: Mapped[str] = mapped_column(
        String(UUID_LEN), ForeignKey("customers.id"), index=True
    )
    amount_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    stage_id: Mapped[str] = mapped_column(String(UUID_LEN), ForeignKey("stages.id"), index=True)
    probability: Mapped[int | None] = mapped_column(Integer)  # None: the stage's default
    expected_close: Mapped[date | None] = mapped_column(ISODate, index=True)
    source: Mapped[str | None] = mapped_column(String(32))
    owner_id: Mapped[str | None] = _user_fk()
    status: Mapped[str] = mapped_column(String(8), default="open")
    lost_reason: Mapped[str | None] = mapped_column(String(500))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    stage_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index(None, "owner_id", "status"),
        Index(None, "status", "stage_id"),
        # covering the board's columns and the forecast (migration 0007): read in
        # expected-close order without touching the table
        Index(
            "ix_opportunities_pipeline",
            *("status", "expected_close", "owner_id", "currency", "stage_id", "deleted_at"),
            *("customer_id", "amount_minor", "probability"),
        ),
        # the Reports tab (migration 0008): closed deals by time, deals opened by time
        Index(
            "ix_opportunities_report_closed",
            *("status", "closed_at", "owner_id", "currency", "amount_minor", "created_at"),
            "customer_id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_opportunities_report_created",
            *("created_at", "owner_id", "status", "stage_id", "customer_id"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )


class ForecastTotal(Base):
    """Running totals of live deals per status, expected-close month ('' undated), owner
    ('' none), currency and stage, kept by triggers (migration 0009) for the forecast.
    ``own_weighted``: Σ amount × probability of deals with their own probability;
    ``default_amount``: Σ amount of the deals taking their stage's default."""

    __tablename__ = "forecast_totals"
    status: Mapped[str] = mapped_column(String(8), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    stage_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    deals: Mapped[int] = mapped_column(Integer)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    own_weighted: Mapped[int] = mapped_column(BigInteger)
    default_amount: Mapped[int] = mapped_column(BigInteger)


class ReportFollowUpDay(Base):
    """Live follow-ups per kind (done: by day occurred; planned: by day due), UTC day
    (YYYY-MM-DD), owner ('' none) and channel, kept by triggers (migration 0010) for the
    Reports tab's activity. Follow-ups of trashed customers are left out."""

    __tablename__ = "report_followup_days"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class ReportDealDay(Base):
    """Live deals per UTC day opened (YYYY-MM-DD), owner ('' none), status, stage and, for
    deals neither open nor won, ``reach``: the stages of their history (sorted ids, comma
    separated; '' for the others). Kept by triggers (migrations 0010, 0011) for the funnel."""

    __tablename__ = "report_deal_days"
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    status: Mapped[str] = mapped_column(String(8), primary_key=True)
    stage_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    reach: Mapped[str] = mapped_column(Text, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class ReportSegmentCount(Base):
    """Live customers per dimension (region, industry, source, tier), owner ('' none) and
    value ('' unknown, else '=' + the value), kept by triggers (migration 0010)."""

    __tablename__ = "report_segment_counts"
    dimension: Mapped[str] = mapped_column(String(16), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    value: Mapped[str] = mapped_column(String(101), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class StageHistory(Base):
    __tablename__ = "stage_history"
    id: Mapped[str] = _id_column()
    opportunity_id: Mapped[str] = mapped_column(
        String(UUID_LEN), ForeignKey("opportunities.id"), index=True
    )
    from_stage_id: Mapped[str | None] = mapped_column(String(UUID_LEN), ForeignKey("stages.id"))
    to_stage_id: Mapped[str] = mapped_column(String(UUID_LEN), ForeignKey("stages.id"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[str | None] = _user_fk()


class FollowUp(Timestamps, Base):
    __tablename__ = "followups"
    id: Mapped[str] = _id_column()
    customer_id: Mapped[str] = mapped_column(
        String(UUID_LEN), ForeignKey("customers.id"), index=True
    )
    contact_id: Mapped[str | None] = mapped_column(
        String(UUID_LEN), ForeignKey("contacts.id"), index=True
    )
    opportunity_id: Mapped[str | None] = mapped_column(
        String(UUID_LEN), ForeignKey("opportunities.id"), index=True
    )
    channel: Mapped[str] = mapped_column(String(16), default="phone")
    subject: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="planned")
    owner_id: Mapped[str | None] = _user_fk()
    occurred_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    remind_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index(None, "due_at"),
        Index(None, "status", "due_at"),
        Index(None, "owner_id", "status", "due_at"),
        Index(None, "remind_at"),
        Index(None, "status", "occurred_at"),  # the Done view
        Index(
            "ix_followups_pending_remind",
            "owner_id",
            "remind_at",
            sqlite_where=text(
                "status = 'planned' AND deleted_at IS NULL AND remind_at IS NOT NULL"
            ),
        ),
        # the Reports tab's activity (migration 0008): done by time, planned by due time
        Index(
            "ix_followups_report_done",
            *("status", "occurred_at", "owner_id", "channel", "customer_id"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_followups_report_due",
            *("status", "due_at", "owner_id", "channel", "customer_id"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )


class SavedView(Timestamps, Base):
    """A named customer-list view of one user: filter, sort and columns, as JSON."""

    __tablename__ = "saved_views"
    id: Mapped[str] = _id_column()
    user_id: Mapped[str | None] = _user_fk()
    name: Mapped[str] = mapped_column(String(100))
    definition: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ChangeJournal(Base):
    """One row per changed field: the audit history now, the sync outbox later.

    ``old_value``/``new_value`` are JSON text. ``hlc`` is the hybrid-logical-clock stamp of the
    change (sortable text), ``change_id`` its globally unique id for idempotent sync, and
    ``pushed_seq`` the server's sequence number once the change has been acknowledged.
    """

    __tablename__ = "change_journal"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(UUID_LEN), default=new_id, unique=True)
    action_id: Mapped[str] = mapped_column(String(UUID_LEN))  # groups one user action
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(80))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[str | None] = mapped_column(String(UUID_LEN))
    device_id: Mapped[str] = mapped_column(String(UUID_LEN))
    hlc: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    pushed_seq: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        Index(None, "entity", "record_id"),
        Index(None, "pushed_seq"),
        # churn in the Reports tab (migration 0008): customers' status changes by time
        Index(
            "ix_change_journal_customer_status",
            *("changed_at", "record_id", "seq"),
            sqlite_where=text("entity = 'customer' AND field = 'status'"),
        ),
    )


class SyncStamp(Base):
    """Team sync: the clock stamps of field values that came from the server in bulk (first
    sync, rows moving in), as JSON ``{field: stamp}``; other stamps are in the journal."""

    __tablename__ = "sync_stamps"
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    stamps: Mapped[str] = mapped_column(Text)


class SyncConflict(Base):
    """Team sync: a change of this device that lost to a newer one (or that the server refused),
    kept with both values until its author keeps theirs or accepts the other."""

    __tablename__ = "sync_conflicts"
    change_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(80))
    mine: Mapped[str | None] = mapped_column(Text)
    theirs: Mapped[str | None] = mapped_column(Text)
    theirs_hlc: Mapped[str | None] = mapped_column(String(120))
    reason: Mapped[str] = mapped_column(String(32))  # superseded / forbidden / invalid
    found_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)


# Names of the kinds of rows, as ``crm-desktop info`` reports them.
COUNTED_TABLES: dict[str, type[Base]] = {
    "users": User,
    "customers": Customer,
    "contacts": Contact,
    "tags": Tag,
    "custom_fields": CustomFieldDef,
    "stages": Stage,
    "opportunities": Opportunity,
    "stage_history": StageHistory,
    "followups": FollowUp,
    "saved_views": SavedView,
    "journal": ChangeJournal,
}
