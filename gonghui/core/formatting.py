"""How figures are written on every page, export and summary: one rule each."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

ZERO = Decimal(0)
TENTH = Decimal("0.1")


def percent(part: int, whole: int) -> str:
    """"100%" or "12.5%" as the summaries write rates; "—" when there is nothing to divide by."""
    if not whole:
        return "—"
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(TENTH, ROUND_HALF_UP)
    return f"{value:.0f}%" if value == value.to_integral_value() else f"{value:.1f}%"


def yuan(amount: Decimal | None) -> str:
    """Whole yuan without decimals, otherwise to the fen."""
    amount = amount or ZERO
    return f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"


def wan(amount: Decimal | None) -> str:
    """Ten-thousands of yuan to one decimal, as the summaries write 4.9万元."""
    return str(((amount or ZERO) / 10000).quantize(TENTH, ROUND_HALF_UP))


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def future_error(value: date | None, label: str = "日期") -> str:
    """The one "not after today" rule for dates an officer types: the message, or ""."""
    if value and value > timezone.localdate():
        return f"{label}不能晚于今天"
    return ""
