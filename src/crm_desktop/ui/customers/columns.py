"""The columns of the customer list, in the order of ``services.lists.CUSTOMER_COLUMNS``."""

from __future__ import annotations

from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.ui import text
from crm_desktop.ui.widgets.lazy_table import Column

CONTEXT = "CustomerList"

NAME, COMPANY, KIND, PHONE, EMAIL, CITY, TIER, STATUS, OWNER, LAST_CONTACT = range(10)

COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("CustomerList", "Name"), CONTEXT, width=170),
    Column("company", QT_TRANSLATE_NOOP("CustomerList", "Company"), CONTEXT, width=210),
    Column("kind", QT_TRANSLATE_NOOP("CustomerList", "Kind"), CONTEXT, text.enum_label, width=80),
    Column("phone", QT_TRANSLATE_NOOP("CustomerList", "Phone"), CONTEXT, width=120),
    Column("email", QT_TRANSLATE_NOOP("CustomerList", "E-mail"), CONTEXT, width=200),
    Column("city", QT_TRANSLATE_NOOP("CustomerList", "City"), CONTEXT, width=90),
    Column("tier", QT_TRANSLATE_NOOP("CustomerList", "Tier"), CONTEXT, text.enum_label, width=50),
    Column(
        "status", QT_TRANSLATE_NOOP("CustomerList", "Status"), CONTEXT, text.enum_label, width=80
    ),
    Column("owner", QT_TRANSLATE_NOOP("CustomerList", "Owner"), CONTEXT, width=90),
    Column(
        "last_contact_at",
        QT_TRANSLATE_NOOP("CustomerList", "Last contact"),
        CONTEXT,
        text.local_datetime,
        width=140,
    ),
)
