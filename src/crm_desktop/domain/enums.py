"""Closed sets of values used across the product, stored as their string values."""

from __future__ import annotations

from enum import StrEnum

from crm_desktop.domain.text import QT_TRANSLATE_NOOP

CONTEXT = "Enums"


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    SALES = "sales"
    SERVICE = "service"


class CustomerKind(StrEnum):
    COMPANY = "company"
    INDIVIDUAL = "individual"


class LifecycleStatus(StrEnum):
    LEAD = "lead"
    PROSPECT = "prospect"
    ACTIVE = "active"
    DORMANT = "dormant"
    LOST = "lost"


class Tier(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    VIP = "VIP"


class Source(StrEnum):
    REFERRAL = "referral"
    WEBSITE = "website"
    EXHIBITION = "exhibition"
    COLD_CALL = "cold_call"
    ADVERTISING = "advertising"
    SOCIAL = "social"
    OTHER = "other"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    VISIT = "visit"
    MEETING = "meeting"
    MESSAGE = "message"
    OTHER = "other"


class FollowUpStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class OpportunityStatus(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class StageKind(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class CustomFieldType(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"


# English labels for display, marked for translation (context "Enums").
LABELS: dict[str, str] = {
    "owner": QT_TRANSLATE_NOOP("Enums", "Owner"),
    "manager": QT_TRANSLATE_NOOP("Enums", "Manager"),
    "sales": QT_TRANSLATE_NOOP("Enums", "Sales"),
    "service": QT_TRANSLATE_NOOP("Enums", "Service"),
    "company": QT_TRANSLATE_NOOP("Enums", "Company"),
    "individual": QT_TRANSLATE_NOOP("Enums", "Individual"),
    "lead": QT_TRANSLATE_NOOP("Enums", "Lead"),
    "prospect": QT_TRANSLATE_NOOP("Enums", "Prospect"),
    "active": QT_TRANSLATE_NOOP("Enums", "Active"),
    "dormant": QT_TRANSLATE_NOOP("Enums", "Dormant"),
    "lost": QT_TRANSLATE_NOOP("Enums", "Lost"),
    "A": QT_TRANSLATE_NOOP("Enums", "A"),
    "B": QT_TRANSLATE_NOOP("Enums", "B"),
    "C": QT_TRANSLATE_NOOP("Enums", "C"),
    "VIP": QT_TRANSLATE_NOOP("Enums", "VIP"),
    "referral": QT_TRANSLATE_NOOP("Enums", "Referral"),
    "website": QT_TRANSLATE_NOOP("Enums", "Website"),
    "exhibition": QT_TRANSLATE_NOOP("Enums", "Exhibition"),
    "cold_call": QT_TRANSLATE_NOOP("Enums", "Cold call"),
    "advertising": QT_TRANSLATE_NOOP("Enums", "Advertising"),
    "social": QT_TRANSLATE_NOOP("Enums", "Social media"),
    "other": QT_TRANSLATE_NOOP("Enums", "Other"),
    "female": QT_TRANSLATE_NOOP("Enums", "Female"),
    "male": QT_TRANSLATE_NOOP("Enums", "Male"),
    "phone": QT_TRANSLATE_NOOP("Enums", "Phone"),
    "email": QT_TRANSLATE_NOOP("Enums", "E-mail"),
    "visit": QT_TRANSLATE_NOOP("Enums", "Visit"),
    "meeting": QT_TRANSLATE_NOOP("Enums", "Meeting"),
    "message": QT_TRANSLATE_NOOP("Enums", "Message"),
    "planned": QT_TRANSLATE_NOOP("Enums", "Planned"),
    "done": QT_TRANSLATE_NOOP("Enums", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("Enums", "Cancelled"),
    "open": QT_TRANSLATE_NOOP("Enums", "Open"),
    "won": QT_TRANSLATE_NOOP("Enums", "Won"),
    "text": QT_TRANSLATE_NOOP("Enums", "Text"),
    "number": QT_TRANSLATE_NOOP("Enums", "Number"),
    "date": QT_TRANSLATE_NOOP("Enums", "Date"),
    "choice": QT_TRANSLATE_NOOP("Enums", "Choice"),
}
