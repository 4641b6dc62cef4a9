"""Every read of union finance, scoped through `visible()`."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Sum
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from gonghui.core.figures import figure_get, figure_records
from gonghui.core.formatting import percent
from gonghui.core.periods import Period
from gonghui.core.scoping import ancestor_paths, get_visible_or_404, visible, within
from gonghui.org.models import Enterprise, Union

from . import chart, sources
from .filters import (AllocationFilters, AuditFilters, DuesFilters, FilingFilters, FindingFilters, LineFilters,
                      VoucherFilters, overdue_q)
from .models import (
    AllocationPayment,
    AuditFinding,
    AuditProject,
    Books,
    Budget,
    DuesPayment,
    DuesRate,
    LineKind,
    PeriodClose,
    SharingTable,
    SpendingRules,
    Voucher,
    VoucherAttachment,
    VoucherLine,
    VoucherStatus,
)

ZERO = Decimal(0)
# 拨缴经费 is due by the 15th of the next month; more than this many months unpaid is arrears.
ARREARS_MONTHS = 3


# Books and vouchers ------------------------------------------------------------------------------

def books_list(*, user) -> QuerySet[Books]:
    return visible(Books.objects.select_related("union"), user).order_by("-year", "union__path")


def filing_list(*, user, filters: Mapping | None = None) -> QuerySet[PeriodClose]:
    """The months whose reports were filed to the level above (报送), newest first."""
    qs = visible(PeriodClose.objects.select_related("union", "books", "filed_by").filter(filed_on__isnull=False),
                 user)
    return FilingFilters.narrow(qs, filters).order_by("-filed_on", "-id")


def books_get(*, user, pk) -> Books:
    return get_visible_or_404(books_list(user=user), user, pk=pk)


def books_of(*, union: Union, year: int) -> Books | None:
    """The union's books of the year, if opened (`union` read through a scoped selector)."""
    return Books.objects.filter(tenant_id=union.tenant_id, union=union, year=year).first()


def accounts_for(*, union: Union, year: int) -> list[tuple[str, str]]:
    """(code, "code name") of the accounts a voucher of the union may use in the year: its books', or its chart's."""
    books = books_of(union=union, year=year)
    rows = (list(books.accounts.values_list("code", "name")) if books is not None
            else [(code, name) for code, name, _, _ in chart.chart_accounts(chart.chart_of_level(union.level))])
    return [(code, f"{code} {name}") for code, name in rows]


def voucher_list(*, user, filters: Mapping | None = None) -> QuerySet[Voucher]:
    qs = visible(Voucher.objects.select_related("union", "prepared_by", "approved_by"), user)
    return VoucherFilters.narrow(qs, filters).order_by("-date", "-number")


def voucher_get(*, user, pk) -> Voucher:
    return get_visible_or_404(voucher_list(user=user), user, pk=pk)


def voucher_lines(*, voucher: Voucher) -> QuerySet[VoucherLine]:
    return voucher.lines.select_related("account", "source_type").order_by("id")


def reversal_of(*, voucher: Voucher) -> Voucher | None:
    return Voucher.objects.filter(tenant_id=voucher.tenant_id, reverses=voucher).first()


@dataclass(frozen=True)
class LineSource:
    label: str
    url: str


def line_sources(*, lines: list[VoucherLine]) -> dict[int, LineSource]:
    """Each line's record kept elsewhere (by line id), as a label and a link."""
    found = {}
    for line in lines:
        kind = sources.BY_MODEL.get(line.source_type.model_class()) if line.source_type_id else None
        if kind is not None and line.source is not None:
            found[line.pk] = LineSource(label=f"{kind.label}：{kind.summary(line.source)}", url=kind.url(line.source))
        elif line.source_type_id and line.source is not None:
            found[line.pk] = LineSource(label=str(line.source), url="")
    return found


def attachment_get(*, user, pk) -> VoucherAttachment:
    return get_visible_or_404(VoucherAttachment.objects.select_related("union", "voucher"), user, pk=pk)


def line_list(*, user, filters: Mapping | None = None) -> QuerySet[VoucherLine]:
    """Posted lines (明细账), newest first."""
    qs = visible(VoucherLine.objects.select_related("union", "voucher", "account").filter(posted=True), user)
    return LineFilters.narrow(qs, filters).order_by("-date", "-id")


def _lines_naming(records: list) -> QuerySet[VoucherLine]:
    return VoucherLine.objects.filter(source_type=ContentType.objects.get_for_model(records[0]),
                                      source_id__in=[record.pk for record in records])


def vouchers_of_record(*, user, record) -> QuerySet[Voucher]:
    """The vouchers whose lines name `record` as their source (the record shows its voucher)."""
    return voucher_list(user=user).filter(pk__in=_lines_naming([record]).values("voucher_id"))


def voucher_links(*, user, records) -> dict[int, list[tuple[str, str]]]:
    """For a page of records of one model (a care list): {record id: [(voucher's label and state, its page)]},
    oldest first, so the last is the one standing; the vouchers as the user may see them. Two queries a page."""
    records = list(records)
    if not records:
        return {}
    pairs = set(_lines_naming(records).values_list("source_id", "voucher_id"))
    vouchers = voucher_list(user=user).filter(pk__in={voucher_id for _, voucher_id in pairs}).in_bulk()
    links: dict[int, list[tuple[str, str]]] = {}
    for source_id, voucher_id in sorted(pairs, key=lambda pair: pair[1]):
        if (voucher := vouchers.get(voucher_id)) is not None:
            links.setdefault(source_id, []).append(
                (f"{voucher.label}（{voucher.get_status_display()}）",
                 reverse("finance:voucher_detail", args=[voucher.pk])))
    return links


# Spending-rule warnings --------------------------------------------------------------------------

def table_in_force(model, union: Union, day: date):
    """A province's table (sharing, spending rules) in force on `day` for `union`: the one set by the nearest
    federation above it (or by itself), latest first."""
    return (model.objects.filter(tenant_id=union.tenant_id, union__path__in=ancestor_paths(union),
                                 effective_from__lte=day)
            .select_related("union").order_by("-union__depth", "-effective_from").first())


def rules_for(union: Union, day: date) -> SpendingRules | None:
    return table_in_force(SpendingRules, union, day)


def voucher_warnings(*, voucher: Voucher) -> list[str]:
    """What the province's spending rules say of the voucher: warnings, never refusals."""
    rules = rules_for(voucher.union, voucher.date)
    if rules is None:
        return []
    warnings = []
    year_gifts = (VoucherLine.objects.filter(tenant_id=voucher.tenant_id, union_id=voucher.union_id,
                                             date__year=voucher.year, kind=LineKind.GIFT, posted=True,
                                             headcount__gt=0).exclude(voucher=voucher))
    for index, line in enumerate(voucher_lines(voucher=voucher), start=1):
        if line.kind == LineKind.CASH_CARD and rules.cash_gifts_banned:
            warnings.append(f"第{index}行：发放现金或购物卡作为礼品，违反{rules.province}经费开支规定")
        if (line.kind == LineKind.EQUIPMENT and line.debit >= rules.equipment_threshold
                and not line.code.startswith(("507", "162"))):
            warnings.append(f"第{index}行：单价{rules.equipment_threshold:.0f}元以上的通用设备应按固定资产入账"
                            f"（507 资本性支出，同时记 162 固定资产），不应列为费用")
        if line.kind == LineKind.GIFT and line.headcount:
            before = sum((other.debit / other.headcount for other in year_gifts), ZERO)
            each = before + line.debit / line.headcount
            if each > rules.gift_limit:
                warnings.append(f"第{index}行：本年慰问品人均{each:.2f}元，超过每人每年{rules.gift_limit:.0f}元的限额")
    return warnings


# Suggested vouchers ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Suggestion:
    kind: sources.SourceKind
    record: object
    date: date
    amount: Decimal
    code: str
    summary: str
    url: str


def suggestions(*, user, union: Union, year: int, limit: int = 50) -> list[Suggestion]:
    """Payouts recorded elsewhere in the union's subtree this year that no standing voucher line names yet."""
    found = []
    for kind in sources.KINDS:
        content_type = ContentType.objects.get_for_model(kind.model)
        linked = VoucherLine.objects.filter(source_type=content_type, source_id=OuterRef("pk"),
                                            voucher__reversed_by__isnull=True)
        qs = within(visible(kind.model.objects.select_related("union"), user), union)
        qs = kind.amount(qs.filter(**{f"{kind.date_field}__year": year})).filter(paid__gt=0).exclude(Exists(linked))
        for record in qs.order_by(f"-{kind.date_field}", "-pk")[:limit]:
            found.append(Suggestion(kind=kind, record=record, date=getattr(record, kind.date_field),
                                    amount=sources.amount_of(record), code=kind.code(record),
                                    summary=kind.summary(record), url=kind.url(record)))
    return sorted(found, key=lambda s: (s.date, s.kind.key), reverse=True)[:limit]


def source_get(*, user, kind: str, pk) -> object:
    source_kind = sources.BY_KEY.get(kind)
    if source_kind is None:
        raise Http404
    return get_visible_or_404(source_kind.model.objects.select_related("union"), user, pk=pk)


def budget_accounts(*, union: Union) -> list[tuple[str, str]]:
    """The income and expenditure accounts a budget of the union may name (its level's chart)."""
    return [(code, f"{code} {name}") for code, name, category, _ in
            chart.chart_accounts(chart.chart_of_level(union.level)) if category in (chart.INCOME, chart.EXPENDITURE)]


# Budgets -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BudgetRow:
    code: str
    name: str
    budget: Decimal | None
    actual: Decimal

    @property
    def rate(self) -> str:
        return percent(self.actual, self.budget) if self.budget else "—"


def budget_execution(*, user, union: Union, year: int) -> list[BudgetRow]:
    """Each income and expenditure account of the union's own books: its budget and what was posted (决算)."""
    budgets = dict(visible(Budget.objects.filter(union=union, year=year), user).values_list("code", "amount"))
    actual = dict(visible(VoucherLine.objects.filter(union=union, posted=True, date__year=year), user)
                  .order_by().values_list("code").annotate(total=Sum("amount")))
    rows = []
    for code, name, category, _ in chart.chart_accounts(chart.chart_of_level(union.level)):
        if category not in (chart.INCOME, chart.EXPENDITURE):
            continue
        spent = sum((value for line_code, value in actual.items() if line_code.startswith(code)), ZERO)
        if code in budgets or spent or len(code) == 3:
            rows.append(BudgetRow(code=code, name=name, budget=budgets.get(code), actual=spent))
    return rows


# The 2% allocation -------------------------------------------------------------------------------

def allocation_list(*, user, filters: Mapping | None = None) -> QuerySet[AllocationPayment]:
    qs = visible(AllocationPayment.objects.select_related("union", "enterprise", "voucher"), user)
    return AllocationFilters.narrow(qs, filters).order_by("-month", "enterprise__name")


def sharing_tables(*, user) -> QuerySet[SharingTable]:
    return visible(SharingTable.objects.select_related("union"), user).order_by("-effective_from")


def spending_rules(*, user) -> QuerySet[SpendingRules]:
    return visible(SpendingRules.objects.select_related("union"), user).order_by("-effective_from")


def dues_rates(*, user) -> QuerySet[DuesRate]:
    return visible(DuesRate.objects.select_related("union"), user).order_by("-effective_from")


def dues_list(*, user, filters: Mapping | None = None) -> QuerySet[DuesPayment]:
    qs = visible(DuesPayment.objects.select_related("union", "rate", "voucher"), user)
    return DuesFilters.narrow(qs, filters).order_by("-month", "union__path")


def months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def arrears_enterprises(today: date) -> QuerySet[Enterprise]:
    """Enterprises of unions keeping books this year whose last month paid is more than ARREARS_MONTHS months
    behind the last month due (last month): unscoped, the caller scopes."""
    cutoff = months_before(today, ARREARS_MONTHS + 1)
    keeping = Books.objects.filter(union_id=OuterRef("union_id"), year=today.year)
    last = (AllocationPayment.objects.filter(enterprise_id=OuterRef("pk")).order_by().values("enterprise_id")
            .annotate(last=Max("month")).values("last"))
    return (Enterprise.objects.select_related("union").filter(Exists(keeping))
            .annotate(last_paid=last).filter(Q(last_paid__isnull=True) | Q(last_paid__lt=cutoff)))


def arrears_list(*, user, union: Union | None = None, today: date | None = None) -> QuerySet[Enterprise]:
    return within(visible(arrears_enterprises(today or timezone.localdate()), user), union).order_by("name")


# Audits ------------------------------------------------------------------------------------------

def audit_list(*, user, filters: Mapping | None = None) -> QuerySet[AuditProject]:
    qs = visible(AuditProject.objects.select_related("union", "committee"), user)
    return AuditFilters.narrow(qs, filters).order_by("-started_on", "-id")


def audit_get(*, user, pk) -> AuditProject:
    return get_visible_or_404(audit_list(user=user), user, pk=pk)


def finding_list(*, user, filters: Mapping | None = None) -> QuerySet[AuditFinding]:
    qs = visible(AuditFinding.objects.select_related("union", "project"), user)
    return FindingFilters.narrow(qs, filters).order_by("-found_on", "-id")


# The home page's to-do card ----------------------------------------------------------------------

@dataclass(frozen=True)
class Todo:
    to_post: int
    overdue_findings: int
    arrears: int


def finance_todo(*, user, today: date) -> Todo:
    return Todo(
        # Waiting for someone other than their preparer.
        to_post=voucher_list(user=user).exclude(status=VoucherStatus.POSTED).exclude(prepared_by=user).count(),
        overdue_findings=finding_list(user=user).filter(overdue_q(today, "project__")).count(),
        arrears=arrears_list(user=user, today=today).count(),
    )


# Income and expenditure by account, from the registry's records so the rows add up to the figures --------

@dataclass(frozen=True)
class AccountTotal:
    code: str
    name: str
    amount: Decimal
    url: str


def by_account(*, user, union: Union, period: Period) -> list[AccountTotal]:
    rows = []
    for key in ("finance.income", "finance.expenditure"):
        records = figure_records(figure_get(key), user=user, union=union, period=period)
        totals: dict[str, Decimal] = {}
        for code, amount in records.order_by().values_list("code").annotate(total=Sum("amount")):
            totals[code[:3]] = totals.get(code[:3], ZERO) + (amount or ZERO)
        query = {"union": union.pk, "start": period.start.isoformat(), "end": period.end.isoformat()}
        rows += [AccountTotal(code=code, name=chart.NAMES[code], amount=amount,
                              url=reverse("finance:lines") + "?" + urlencode({**query, "code": code}))
                 for code, amount in sorted(totals.items()) if amount]
    return rows


# 财务规范化考核: what the books say of each union's bookkeeping -----------------------------------------

# A month counts as closed on time when closed by this day of the next month (reports are due then).
CLOSE_BY_DAY = 15


@dataclass(frozen=True)
class AssessmentRow:
    """One union's items of the assessment, each (label, done, due): read by a rubric's items."""

    union: Union
    books: Books
    items: tuple[tuple[str, int, int], ...]

    @property
    def score(self) -> str:
        done, due = sum(item[1] for item in self.items), sum(item[2] for item in self.items)
        return percent(done, due)


def _on_time(closings, day_field: str, year: int, due: list[int]) -> int:
    return sum(1 for closing in closings if closing.month in due and getattr(closing, day_field) is not None
               and getattr(closing, day_field) <= close_by(year, closing.month))


def months_due(year: int, today: date) -> list[int]:
    """The months of the year whose closing was due by `today` (their CLOSE_BY_DAY of the next month passed)."""
    return [month for month in range(1, 13) if close_by(year, month) <= today]


def close_by(year: int, month: int) -> date:
    return date(year + (month == 12), month % 12 + 1, CLOSE_BY_DAY)


def books_closed_on_time(years: range, today: date) -> QuerySet[Books]:
    """Books of those years whose every month due by `today` was closed by its day (unscoped: the caller scopes)."""
    return _books_on_time("closed_on", years, today)


def books_filed_on_time(years: range, today: date) -> QuerySet[Books]:
    """Books of those years whose every month due by `today` had its reports filed by its day (unscoped)."""
    return _books_on_time("filed_on", years, today)


def _books_on_time(day_field: str, years: range, today: date) -> QuerySet[Books]:
    """Months close (and are filed) in order and once each, so the books are on time when as many of their rows
    are on time as months are due; books with no month due yet have nothing late."""
    kept = Q(pk__in=[])
    for year in years:
        due = months_due(year, today)
        if not due:
            kept |= Q(year=year)
            continue
        on_time = Q(pk__in=[])
        for month in due:
            on_time |= Q(month=month, **{f"{day_field}__lte": close_by(year, month)})
        closed = (PeriodClose.objects.filter(on_time, books__year=year).order_by().values("books_id")
                  .annotate(n=Count("pk")).filter(n=len(due)).values("books_id"))
        kept |= Q(year=year, pk__in=closed)
    return Books.objects.filter(kept)


def books_assessment(*, user, union: Union, year: int, today: date | None = None) -> list[AssessmentRow]:
    """For each union of the subtree keeping books in the year: vouchers posted by someone other than their
    preparer, months closed and their reports filed on time (by the 15th of the next month), a budget set, the
    report's three signers."""
    today = today or timezone.localdate()
    books = list(within(books_list(user=user), union).filter(year=year).prefetch_related("closings"))
    ids = [b.union_id for b in books]
    vouchers = Voucher.objects.filter(union_id__in=ids, year=year, status=VoucherStatus.POSTED)
    posted = dict(vouchers.order_by().values_list("union_id").annotate(n=Count("id")))
    by_other = dict(vouchers.exclude(approved_by=F("prepared_by")).order_by().values_list("union_id")
                    .annotate(n=Count("id")))
    budgeted = set(Budget.objects.filter(union_id__in=ids, year=year).values_list("union_id", flat=True))
    due = months_due(year, today)
    rows = []
    for b in books:
        rows.append(AssessmentRow(union=b.union, books=b, items=(
            ("凭证由制单人以外的人员审批记账", by_other.get(b.union_id, 0), posted.get(b.union_id, 0)),
            ("按月按时结账（次月15日前）", _on_time(b.closings.all(), "closed_on", year, due), len(due)),
            ("按时向上级报送报表（次月15日前）", _on_time(b.closings.all(), "filed_on", year, due), len(due)),
            ("编制年度预算", int(b.union_id in budgeted), 1),
            ("报表签章人齐全", int(all((b.legal_representative, b.finance_head, b.accounting_head))), 1),
        )))
    return rows


