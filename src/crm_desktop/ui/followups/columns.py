"""The follow-up list's columns: sort keys, translatable headers, widths and cell text."""

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.followup_views import FollowUpRow
from crm_desktop.ui.text import enum_label, local_datetime

CONTEXT = "FollowUpList"


@dataclass(frozen=True)
class Column:
    key: str  # a sort key of ``followup_views.SORTS``, and the FollowUpRow field shown
    header: str  # marked for translation, context "FollowUpList"
    width: int


COLUMNS: tuple[Column, ...] = (
    Column("due_at", QT_TRANSLATE_NOOP("FollowUpList", "Due"), 130),
    Column("subject", QT_TRANSLATE_NOOP("FollowUpList", "Subject"), 220),
    Column("customer", QT_TRANSLATE_NOOP("FollowUpList", "Customer"), 160),
    Column("channel", QT_TRANSLATE_NOOP("FollowUpList", "Channel"), 80),
    Column("status", QT_TRANSLATE_NOOP("FollowUpList", "Status"), 80),
    Column("owner", QT_TRANSLATE_NOOP("FollowUpList", "Owner"), 110),
    Column("occurred_at", QT_TRANSLATE_NOOP("FollowUpList", "Done at"), 130),
    Column("remind_at", QT_TRANSLATE_NOOP("FollowUpList", "Reminder"), 130),
    Column("outcome", QT_TRANSLATE_NOOP("FollowUpList", "Outcome"), 180),
    Column("last_contact_at", QT_TRANSLATE_NOOP("FollowUpList", "Last contact"), 130),
    Column("next_followup_at", QT_TRANSLATE_NOOP("FollowUpList", "Next follow-up"), 130),
)
KEYS = tuple(c.key for c in COLUMNS)
_TIMES = frozenset({"due_at", "occurred_at", "remind_at", "last_contact_at", "next_followup_at"})
_ENUMS = frozenset({"channel", "status"})


def column_of(key: str) -> int:
    return KEYS.index(key)


def cell_text(row: FollowUpRow, key: str) -> str:
    value = getattr(row, key)
    if value is None:
        return ""
    if key in _TIMES:
        return local_datetime(value)
    if key in _ENUMS:
        return enum_label(value)
    text = str(value)
    return text.splitlines()[0] if "\n" in text else text
