"""Positions of the built-in columns in the customer list model (custom fields follow)."""

from __future__ import annotations

from crm_desktop.ui.customers.cells import BUILT_IN

KEYS = tuple(column.key for column in BUILT_IN)
NAME = KEYS.index("name")
COMPANY = KEYS.index("company")
PHONE = KEYS.index("phone")
CITY = KEYS.index("city")
TIER = KEYS.index("tier")
STATUS = KEYS.index("status")
OWNER = KEYS.index("owner")
TAGS = KEYS.index("tags")
LAST_CONTACT = KEYS.index("last_contact_at")
