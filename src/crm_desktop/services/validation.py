"""Field validators: each turns raw input into the stored value or raises ``ValidationError``.

Every service entry point runs its input through these, so bad input never reaches the
database and each problem names its field in a message meant for the user.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP

Validator = Callable[[str, Any], Any]

MAX_NAME = 200
MAX_NOTES = 100_000


def _reject_controls(field: str, text: str) -> None:
    if "\x00" in text:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "The text contains a NUL character.")
        )
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (half of a broken emoji, say)
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "The text contains a broken character.")
            ) from None


def text(max_len: int = MAX_NAME, *, required: bool = False, multiline: bool = False) -> Validator:
    def clean(field: str, value: Any) -> str | None:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "Text is expected here."))
        value = value if multiline else " ".join(value.split())
        value = value.strip()
        _reject_controls(field, value)
        if not value:
            if required:
                raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "This field is required."))
            return None
        if len(value) > max_len:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("Errors", "At most {n} characters are allowed here."),
                n=max_len,
            )
        return str(value)

    return clean


def choice(enum: type[StrEnum], *, required: bool = False) -> Validator:
    values = frozenset(member.value for member in enum)

    def clean(field: str, value: Any) -> str | None:
        if value is None or value == "":
            if required:
                raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "This field is required."))
            return None
        if type(value) is str and value in values:  # the common case, without the enum lookup
            return value
        try:
            return enum(value).value
        except ValueError:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("Errors", "“{value}” is not a valid choice."),
                value=str(value)[:50],
            ) from None

    return clean


def boolean() -> Validator:
    def clean(field: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "Yes or no is expected."))
        return value

    return clean


def integer(lo: int, hi: int, *, required: bool = False) -> Validator:
    def clean(field: str, value: Any) -> int | None:
        if value is None or value == "":
            if required:
                raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "This field is required."))
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "A whole number is expected."))
        try:
            number = int(value)
        except ValueError:
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "A whole number is expected.")
            ) from None
        if not lo <= number <= hi:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("Errors", "The number must be between {lo} and {hi}."),
                lo=lo,
                hi=hi,
            )
        return number

    return clean


def calendar_date(*, lo: date = date(1900, 1, 1), hi: date = date(2200, 1, 1)) -> Validator:
    def clean(field: str, value: Any) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                raise ValidationError(
                    field,
                    QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date (YYYY-MM-DD)."),
                    value=value[:30],
                ) from None
        if not isinstance(value, date):
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "A date is expected."))
        if not lo <= value <= hi:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("Errors", "The date {value} is out of range."),
                value=value.isoformat(),
            )
        return value

    return clean


def timestamp() -> Validator:
    def clean(field: str, value: Any) -> datetime | None:
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.strip())
            except ValueError:
                raise ValidationError(
                    field,
                    QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date and time."),
                    value=value[:30],
                ) from None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "A date and time with a time zone is expected.")
            )
        if not 1900 <= value.year <= 2200:
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "The time is out of range."))
        return value

    return clean


_CN_MOBILE = re.compile(r"(?:\+?86|0086)?(1[3-9]\d{9})")
_PHONE_PUNCTUATION = str.maketrans("", "", " -().\u00a0")
_LOCAL_PART = re.compile(r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*")


def normalize_phone(field: str, value: str, region: str) -> str:
    """E.164 form of a phone number typed in any format; the default region fills a missing +.

    Mainland mobile numbers, the bulk of what is typed and imported here, take a fast path
    that gives the same result as ``phonenumbers`` (a test checks that they agree).
    """
    compact = value.strip().translate(_PHONE_PUNCTUATION)
    mobile = _CN_MOBILE.fullmatch(compact)
    if mobile and (region == "CN" or compact.startswith("+86")):
        return "+86" + mobile.group(1)
    import phonenumbers  # loaded on first use: it is large, and start-up does not need it

    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "“{value}” is not a valid phone number."),
            value=value[:40],
        )
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


@lru_cache(maxsize=20_000)
def _domain_is_valid(domain: str) -> bool:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(f"a@{domain}", check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def normalize_email(field: str, value: str) -> str:
    """The checked, lower-cased address. A plain ASCII address is checked by its domain (once
    per domain, by ``email-validator``) and a simple local part; anything else goes through
    ``email-validator`` whole. Both paths accept and refuse the same addresses."""
    value = value.strip()
    local, at, domain = value.rpartition("@")
    plain = domain.isascii() and "xn--" not in domain.lower()
    simple = at and len(local) <= 64 and _LOCAL_PART.fullmatch(local) and plain
    if simple and _domain_is_valid(domain.lower()):
        return value.lower()
    from email_validator import EmailNotValidError, validate_email

    try:
        return str(validate_email(value, check_deliverability=False).normalized).lower()
    except EmailNotValidError:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "“{value}” is not a valid e-mail address."),
            value=value[:80],
        ) from None
