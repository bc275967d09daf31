"""Splitting a period's UTC bounds into whole UTC days (read from the aggregate tables of
migration 0010) and the partial days at its edges (read from the rows themselves), so that a
local period in any time zone gives the same figures as counting the rows."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

Span = tuple[datetime, datetime]


def whole_days(start: datetime, end: datetime) -> Span:
    """The whole UTC days inside ``[start, end)`` as ``[first, last)`` (empty if equal)."""
    first = datetime.combine(start.astimezone(UTC).date(), time.min, tzinfo=UTC)
    if first < start:
        first += timedelta(days=1)
    last = datetime.combine(end.astimezone(UTC).date(), time.min, tzinfo=UTC)
    return first, max(first, last)


def edges(start: datetime, end: datetime, days: Span) -> list[Span]:
    """The parts of ``[start, end)`` outside the whole days ``days``."""
    first, last = days
    if first >= last:
        return [(start, end)] if start < end else []
    return [(a, b) for a, b in ((start, first), (last, end)) if a < b]


def day_text(value: datetime) -> str:
    """The aggregate tables' day key (``YYYY-MM-DD``, UTC)."""
    return value.astimezone(UTC).strftime("%Y-%m-%d")


def split_at_day(days: Span, moment: datetime) -> tuple[Span, Span | None, Span]:
    """Whole days before the UTC day of ``moment``, that day (if inside), and those after."""
    first, last = days
    day = datetime.combine(moment.astimezone(UTC).date(), time.min, tzinfo=UTC)
    nxt = day + timedelta(days=1)
    before = (first, min(last, max(first, day)))
    after = (max(first, min(last, nxt)), last)
    today = (day, nxt) if first <= day and nxt <= last else None
    return before, today, after
