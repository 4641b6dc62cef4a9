"""Records kept elsewhere that pay money out, and the voucher each suggests ("nothing entered twice").

Each kind names its model, the date and amount it pays, the account it is charged to (the grassroots chart's
明细科目; a federation's chart charges the same function's account, `charged_code`), how its line is worded
and its page. A voucher line links back to its record (`VoucherLine.source`); a record whose voucher stands
(not reversed) is suggested no more.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Model, QuerySet
from django.urls import reverse

from gonghui.care.models import AidPayment, FundPayout, SchoolingGrant, Visit
from gonghui.ledger.models import Activity, ActivityKind

from .models import LineKind

# The ledger's kinds of activity to the 2021 chart's details of 501 职工活动 / 503 职工服务 / 504 / 505.
ACTIVITY_CODES = {
    ActivityKind.MEETING: "50502", ActivityKind.STUDY: "50101", ActivityKind.CULTURE_SPORTS: "50102",
    ActivityKind.FESTIVAL: "50105", ActivityKind.COMPETITION: "50301", ActivityKind.SKILL_CONTEST: "50301",
    ActivityKind.TRAINING: "50501", ActivityKind.LEGAL_EDUCATION: "50403", ActivityKind.PUBLICITY: "50103",
    ActivityKind.OTHER: "50106",
}


@dataclass(frozen=True)
class SourceKind:
    key: str
    label: str
    model: type[Model]
    date_field: str
    amount: Callable[[QuerySet], QuerySet]  # annotates `paid`
    code: Callable[[Model], str]
    summary: Callable[[Model], str]
    url: Callable[[Model], str]
    line_kind: str = LineKind.ORDINARY


KINDS = (
    SourceKind("activity", "活动台帐", Activity, "date", lambda qs: qs.annotate(paid=F("cost")),
               lambda record: ACTIVITY_CODES.get(record.kind, "50106"), lambda record: f"{record.title}活动经费",
               lambda record: reverse("ledger:detail", args=[record.pk])),
    SourceKind("visit", "慰问", Visit, "visited_on", lambda qs: qs.annotate(paid=F("money") + F("goods_value")),
               lambda record: "50405", lambda record: f"慰问{record.get_reason_display()}",
               lambda record: reverse("care:visits"), LineKind.GIFT),
    SourceKind("grant", "金秋助学", SchoolingGrant, "granted_on", lambda qs: qs.annotate(paid=F("amount")),
               lambda record: "50405", lambda record: "金秋助学助学金", lambda record: reverse("care:grants")),
    SourceKind("aid", "困难职工帮扶", AidPayment, "paid_on", lambda qs: qs.annotate(paid=F("amount")),
               lambda record: "50404", lambda record: f"困难职工{record.get_kind_display()}",
               lambda record: reverse("care:file_detail", args=[record.file_id])),
    SourceKind("payout", "帮困基金救助", FundPayout, "paid_on", lambda qs: qs.annotate(paid=F("amount")),
               lambda record: "50404", lambda record: "帮困基金救助",
               lambda record: reverse("care:fund_detail", args=[record.fund_id])),
)
BY_KEY = {kind.key: kind for kind in KINDS}
BY_MODEL = {kind.model: kind for kind in KINDS}


def charged_code(code: str, codes: set[str]) -> str:
    """The account a record is charged to in a chart: the detail if the chart has it, else its account, else
    the federation's 502 for member activities, else 510 其他支出."""
    for candidate in (code, code[:3], "502" if code.startswith("501") else "", "510"):
        if candidate in codes:
            return candidate
    return "510"


def amount_of(record) -> Decimal:
    return Decimal(getattr(record, "paid", None) if getattr(record, "paid", None) is not None else 0)
