"""Money as the user's locale writes it: exact Decimal in, exact text out (never a float)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal

from PySide6.QtCore import QLocale

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.money import minor_digits
from crm_desktop.domain.text import QT_TRANSLATE_NOOP

_PLAIN = re.compile(r"-?\d+(\.\d+)?")
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'")


def parse_amount(text: str, locale: QLocale | None = None, field: str = "amount") -> Decimal:
    """``"1,234.50"`` (en_US) or ``"1.234,50"`` (de_DE) → ``Decimal("1234.50")``."""
    locale = locale or QLocale()
    raw = text.strip().translate(_SPACES)
    group, point = locale.groupSeparator(), locale.decimalPoint()
    if group and group.strip():
        raw = raw.replace(group, "")
    raw = raw.replace(point, ".").replace(locale.negativeSign(), "-")
    if not _PLAIN.fullmatch(raw):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "“{value}” is not an amount."), value=text[:30]
        )
    return Decimal(raw)


def format_number(amount: Decimal, digits: int, locale: QLocale | None = None) -> str:
    """The amount rounded to ``digits`` decimals, grouped the locale's way."""
    locale = locale or QLocale()
    value = amount.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    sign, whole, fraction = ("-" if value < 0 else ""), *f"{abs(value):f}".partition(".")[::2]
    text = locale.toString(int(whole))
    if digits:
        text += locale.decimalPoint() + fraction
    return (locale.negativeSign() if sign else "") + text


def format_money(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    """``$1,234.50`` for the locale's own currency, ``CNY 1,234.50`` for any other."""
    locale = locale or QLocale()
    number = format_number(amount, minor_digits(currency), locale)
    own = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    if currency == own:
        symbol = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
        pattern = locale.toCurrencyString(1, "\x01")
        return pattern.replace("1", number, 1).replace("\x01", symbol)
    return f"{currency}\u00a0{number}"
