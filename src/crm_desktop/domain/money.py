"""Money as an exact Decimal amount with an ISO 4217 currency, stored as integer minor units."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP

# Currencies whose minor unit is not 2 digits (ISO 4217). Every other code uses 2.
_MINOR_DIGITS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "BHD": 3, "KWD": 3, "OMR": 3}
MAX_MINOR = 10**15  # a quadrillion minor units is beyond any deal a small business makes


def minor_digits(currency: str) -> int:
    return _MINOR_DIGITS.get(currency, 2)


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    @classmethod
    def parse(cls, text: str | Decimal | int, currency: str, field: str = "amount") -> Money:
        """Parse a plain decimal amount ("1234.50"); locale-aware parsing belongs to the UI."""
        code = validate_currency(currency, field="currency")
        if isinstance(text, float):
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "Amounts must be exact."))
        try:
            amount = Decimal(str(text).strip().replace(",", "").replace("_", ""))
        except InvalidOperation:
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "“{value}” is not an amount."), value=text
            ) from None
        if not amount.is_finite():
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "“{value}” is not an amount."), value=text
            )
        quantum = Decimal(1).scaleb(-minor_digits(code))
        if abs(amount) >= MAX_MINOR:  # beyond the limit, and too long for quantize()
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "The amount is too large."))
        if amount != amount.quantize(quantum, rounding=ROUND_HALF_EVEN):
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("Errors", "{currency} amounts have at most {digits} decimals."),
                currency=code,
                digits=minor_digits(code),
            )
        money = cls(amount.quantize(quantum), code)
        if abs(money.minor_units) >= MAX_MINOR:
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "The amount is too large."))
        return money

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        return cls(Decimal(minor).scaleb(-minor_digits(currency)), currency)

    @property
    def minor_units(self) -> int:
        return int(self.amount.scaleb(minor_digits(self.currency)))

    def __str__(self) -> str:
        return f"{self.amount:,} {self.currency}"


def validate_currency(code: str, field: str = "currency") -> str:
    code = (code or "").strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "“{value}” is not a three-letter currency code."),
            value=code,
        )
    return code
