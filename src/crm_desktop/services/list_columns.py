"""The customer list's built-in columns: key, header (marked for translation) and kind.

Shared by the list service (which adds each column's SQL expression) and the start-up page
(``first_page.py``, plain SQL), so both show the same columns under the same names.
"""

from __future__ import annotations

from crm_desktop.domain.text import QT_TRANSLATE_NOOP

# key -> (label in context "Columns", kind: text, enum, date, datetime, user, tags)
BUILT_IN: dict[str, tuple[str, str]] = {
    "name": (QT_TRANSLATE_NOOP("Columns", "Name"), "text"),
    "company": (QT_TRANSLATE_NOOP("Columns", "Company"), "text"),
    "kind": (QT_TRANSLATE_NOOP("Columns", "Kind"), "enum"),
    "phone": (QT_TRANSLATE_NOOP("Columns", "Phone"), "text"),
    "email": (QT_TRANSLATE_NOOP("Columns", "E-mail"), "text"),
    "region": (QT_TRANSLATE_NOOP("Columns", "Region"), "text"),
    "city": (QT_TRANSLATE_NOOP("Columns", "City"), "text"),
    "industry": (QT_TRANSLATE_NOOP("Columns", "Industry"), "text"),
    "source": (QT_TRANSLATE_NOOP("Columns", "Source"), "enum"),
    "tier": (QT_TRANSLATE_NOOP("Columns", "Tier"), "enum"),
    "status": (QT_TRANSLATE_NOOP("Columns", "Status"), "enum"),
    "owner": (QT_TRANSLATE_NOOP("Columns", "Owner"), "user"),
    "tags": (QT_TRANSLATE_NOOP("Columns", "Tags"), "tags"),
    "last_contact_at": (QT_TRANSLATE_NOOP("Columns", "Last contact"), "datetime"),
    "next_followup_at": (QT_TRANSLATE_NOOP("Columns", "Next follow-up"), "datetime"),
    "created_at": (QT_TRANSLATE_NOOP("Columns", "Created"), "datetime"),
    "updated_at": (QT_TRANSLATE_NOOP("Columns", "Modified"), "datetime"),
    "birthday": (QT_TRANSLATE_NOOP("Columns", "Birthday"), "date"),
    "gender": (QT_TRANSLATE_NOOP("Columns", "Gender"), "enum"),
    "address": (QT_TRANSLATE_NOOP("Columns", "Address"), "text"),
    "notes": (QT_TRANSLATE_NOOP("Columns", "Notes"), "text"),
}
DEFAULT_COLUMNS = (
    "name", "company", "phone", "city", "tier", "status", "owner", "last_contact_at",
    "next_followup_at",
)  # fmt: skip
