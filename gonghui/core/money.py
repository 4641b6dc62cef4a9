"""The one rule for sums of money typed by an officer: yuan and fen, never negative, never absurd."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Bound:
    """The largest amount that is not a typo of a few zeros, and how a message names it."""

    amount: Decimal
    text: str


# No single aid, contribution, cost or dispute a union records comes near this.
ORDINARY = Bound(Decimal("10000000"), "1000万元（一千万）")
MAX_AMOUNT = ORDINARY.amount


def money_error(value, *, label: str = "金额", required: bool = False, allow_zero: bool = True,
                bound: Bound = ORDINARY) -> tuple[str, Decimal | None]:
    """(Chinese message or "", the amount to the fen)."""
    if value is None or value == "":
        return (f"请填写{label}" if required else ""), None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():
        return f"{label}格式不正确，请填写有效的金额数字", None
    if amount < 0:
        return f"{label}不能为负数", None
    if amount == 0 and not allow_zero:
        return f"{label}须大于0", None
    # The bound comes first: quantizing a number of hundreds of digits raises instead of answering.
    if amount > bound.amount:
        return f"{label}超过{bound.text}，明显不合理，超出合理范围，请核对是否多输了位数", None
    if amount != amount.quantize(CENT):
        return f"{label}最多保留两位小数（精确到分）", None
    return "", amount.quantize(CENT)


def check_money(errors: dict, field: str, value, *, label: str = "金额", required: bool = False,
                allow_zero: bool = True, bound: Bound = ORDINARY) -> Decimal | None:
    """Adds the field's message to `errors` (so one submission reports every wrong field) and returns the amount."""
    message, amount = money_error(value, label=label, required=required, allow_zero=allow_zero, bound=bound)
    if message:
        errors[field] = message
    return amount
