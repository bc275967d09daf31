"""The fast paths for phones and e-mails agree with phonenumbers and email-validator."""

from __future__ import annotations

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email

from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.validation import normalize_email, normalize_phone

PHONES = [
    "13800138000", "138 0013 8000", "+86 138-0013-8000", "0086 13800138000", "8613800138000",
    "(+86) 139.1234.5678", "19912345678", "12345678901", "1380013800", "+1 415 555 0100",
    "+44 20 7946 0958", "010 6552 9988", "+86 10 6552 9988", "11012345678", "17000000000",
]  # fmt: skip

EMAILS = [
    "a@b.co", "Wang.Fang@Example.COM", "user+tag@mail.example.cn", "x@localhost", "a..b@c.com",
    ".a@c.com", "a.@c.com", "a@-c.com", "a@c-.com", "a@c", "a@c.invalid", "a@c.test",
    "a@xn--fiqs8s.cn", "a@中国.cn", "张@example.com", "a_b%c@d.org", "a@" + "x" * 64 + ".com",
    "a" * 65 + "@c.com", "a@c..com", "a b@c.com", "a@c.com.", "a@1.2.3.4", "a@[1.2.3.4]",
]  # fmt: skip


def _library_phone(value: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _ours(function: object, *args: str) -> str | None:
    try:
        return function(*args)  # type: ignore[operator,no-any-return]
    except ValidationError:
        return None


@pytest.mark.parametrize("region", ["CN", "GB", "US"])
@pytest.mark.parametrize("value", PHONES)
def test_phone_fast_path_agrees(value: str, region: str) -> None:
    assert _ours(normalize_phone, "phone", value, region) == _library_phone(value, region)


@pytest.mark.parametrize("value", EMAILS)
def test_email_fast_path_agrees(value: str) -> None:
    try:
        expected: str | None = str(
            validate_email(value, check_deliverability=False).normalized
        ).lower()
    except EmailNotValidError:
        expected = None
    assert _ours(normalize_email, "email", value) == expected
