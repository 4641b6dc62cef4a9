"""Every write of union finance: the writer, the subtree, the input, then a save with history.

Errors are gathered and raised together; a voucher line's error sits at the row's field (
numbered from 1 as the form's rows are: `debit_2`, `credit_2`, `code_2`), a voucher's own at its field or at the top.
"""

import calendar
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gonghui.core.formatting import future_error
from gonghui.core.money import CENT, Bound, check_money, money_error
from gonghui.core.pages import FIRST_YEAR, LAST_YEAR
from gonghui.core.scoping import contains
from gonghui.core.services import (
    checked_save,
    fields_assign,
    require_within,
    require_writer,
    require_writer_within,
    save_with_history,
    text_required,
)
from gonghui.core.uploads import stored_file_add
from gonghui.org.models import Enterprise, Union

from . import chart, sources
from .selectors import table_in_force
from .models import (
    Account,
    AllocationChannel,
    AllocationPayment,
    AuditFinding,
    AuditProject,
    AuditScope,
    AuditStatus,
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

# A county's books hold its year of funds in one line (a budget, a bank balance carried in, the 2% of a large
# enterprise's payroll): far above the 10,000,000 元 bound for one aid payment or activity. The columns hold
# 14 digits; beyond 100亿 is a typo of zeros for any union's books, refused at its field.
BOOKS_BOUND = Bound(Decimal("10000000000"), "100亿元")
SELF_APPROVAL = "制单人不能审批（记账）自己编制的凭证，请由另一位财务人员审批"
SELF_REVIEW = "制单人不能审核自己编制的凭证，请由另一位财务人员审核"
ALLOCATION_RATE = Decimal("0.02")
HUNDRED = Decimal(100)
ZERO = Decimal(0)
BOOKS_FIELDS = ("legal_representative", "finance_head", "accounting_head")
LEVEL_SHARE = {"grassroots": "grassroots", "street": "street", "county": "county"}


# The books of a year -----------------------------------------------------------------------------

def _year_error(year) -> str:
    return "" if year is not None and FIRST_YEAR <= year <= LAST_YEAR else f"年度应在{FIRST_YEAR}至{LAST_YEAR}之间"


def _books(union: Union, year: int) -> Books:
    """The union's books of the year, opened from its level's chart the first time they are needed."""
    books = Books.objects.select_for_update().filter(tenant_id=union.tenant_id, union=union, year=year).first()
    if books is not None:
        return books
    books = Books.objects.create(tenant_id=union.tenant_id, union=union, year=year,
                                 chart=chart.chart_of_level(union.level))
    Account.objects.bulk_create([
        Account(tenant_id=union.tenant_id, union=union, books=books, year=year, code=code, name=name,
                category=category, normal_side=side)
        for code, name, category, side in chart.chart_accounts(books.chart)])
    return books


@transaction.atomic
def books_open(*, actor, union: Union, year: int, legal_representative: str = "", finance_head: str = "",
               accounting_head: str = "") -> Books:
    require_writer_within(actor, union)
    if error := _year_error(year):
        raise ValidationError({"year": error})
    books = _books(union, year)
    return books_update(actor=actor, books=books, legal_representative=legal_representative,
                        finance_head=finance_head, accounting_head=accounting_head)


@transaction.atomic
def books_update(*, actor, books: Books, **fields) -> Books:
    """The three who sign the year's reports (法定代表人, 主管会计工作负责人, 会计机构负责人)."""
    require_writer_within(actor, books.union)
    fields_assign(books, {key: (value or "").strip() for key, value in fields.items()}, BOOKS_FIELDS)
    return checked_save(books, {}, actor=actor)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _closed_error(books: Books, day: date) -> str:
    if day.month <= books.closed_month:
        return f"{day.year}年{day.month}月已结账，不能在已结账期间录入、修改或记账凭证"
    return ""


# Vouchers ----------------------------------------------------------------------------------------

def _side_amounts(row: dict, index: int, errors: dict) -> tuple[Decimal, Decimal]:
    debit = check_money(errors, f"debit_{index}", row.get("debit"), label=f"第{index}行借方金额", bound=BOOKS_BOUND)
    credit = check_money(errors, f"credit_{index}", row.get("credit"), label=f"第{index}行贷方金额", bound=BOOKS_BOUND)
    debit, credit = debit or ZERO, credit or ZERO
    if not {f"debit_{index}", f"credit_{index}"} & set(errors) and (debit > 0) == (credit > 0):
        errors[f"debit_{index}"] = f"第{index}行应填写借方或贷方金额之一，且金额须大于0"
    return debit, credit


def _lines(books: Books, rows: Iterable[dict], errors: dict) -> list[VoucherLine]:
    """The voucher's lines from plain rows (code, debit, credit, summary, kind, headcount, source)."""
    accounts = {account.code: account for account in books.accounts.all()}
    level = books.get_chart_display()
    lines = []
    for index, row in enumerate(rows, start=1):
        code = str(row.get("code") or "").strip()
        account = accounts.get(code)
        if account is None:
            errors[f"code_{index}"] = (f"第{index}行科目“{code}”不是{level}中的科目" if code
                                       else f"第{index}行请选择会计科目")
        elif any(other.startswith(code) and other != code for other in accounts):
            errors[f"code_{index}"] = f"第{index}行科目“{account}”设有明细科目，请记入明细科目"
        debit, credit = _side_amounts(row, index, errors)
        kind = row.get("kind") or LineKind.ORDINARY
        if kind not in LineKind.values:
            errors[f"code_{index}"] = f"第{index}行支出性质不正确"
        headcount = row.get("headcount") or 0
        if not isinstance(headcount, int) or not 0 <= headcount <= 1_000_000:
            errors[f"headcount_{index}"], headcount = f"第{index}行受益人数应为0至1000000之间的整数", 0
        source = row.get("source")
        lines.append(VoucherLine(
            tenant_id=books.tenant_id, union_id=books.union_id, account=account, code=code,
            summary=(row.get("summary") or "").strip()[:200], debit=debit, credit=credit,
            amount=(debit - credit) if account is None or account.normal_side == chart.DEBIT else (credit - debit),
            kind=kind, headcount=headcount,
            source_type=ContentType.objects.get_for_model(source) if source is not None else None,
            source_id=source.pk if source is not None else None))
    if len(lines) < 2:
        errors.setdefault("__all__", "凭证至少应有一借一贷两行分录")
    debits, credits = sum(line.debit for line in lines), sum(line.credit for line in lines)
    if not any(key.startswith(("debit_", "credit_")) for key in errors) and len(lines) >= 2 and debits != credits:
        errors["__all__"] = f"借贷不平衡：借方合计 {debits:.2f} 元，贷方合计 {credits:.2f} 元，凭证未保存"
    return lines


def _check_voucher(voucher: Voucher, books: Books, errors: dict) -> None:
    text_required(voucher, errors, summary="摘要")
    if voucher.date is None:
        errors["date"] = "请填写凭证日期"
        return
    if error := future_error(voucher.date, "凭证日期"):
        errors["date"] = error
    elif error := _closed_error(books, voucher.date):
        errors["date"] = error


def _save_lines(voucher: Voucher, lines: list[VoucherLine]) -> None:
    for line in lines:
        line.voucher, line.date, line.posted = voucher, voucher.date, voucher.status == VoucherStatus.POSTED
    VoucherLine.objects.bulk_create(lines)


@transaction.atomic
def voucher_create(*, actor, union: Union, date: date, summary: str, lines: list[dict],
                   attachment_count: int = 0) -> Voucher:
    """A draft numbered next in the union's year; it counts once another person posts it (voucher_post)."""
    require_writer_within(actor, union)
    if date is None:
        raise ValidationError({"date": "请填写凭证日期"})
    books = _books(union, date.year)
    voucher = Voucher(tenant_id=union.tenant_id, union=union, year=date.year, date=date, summary=summary,
                      attachment_count=attachment_count or 0, prepared_by=actor, number=0)
    errors: dict[str, str] = {}
    _check_voucher(voucher, books, errors)
    rows = _lines(books, lines, errors)
    voucher.number = (Voucher.objects.filter(tenant_id=union.tenant_id, union=union, year=date.year)
                      .aggregate(last=Max("number"))["last"] or 0) + 1
    checked_save(voucher, errors, actor=actor, exclude=["prepared_by", "reverses"])
    _save_lines(voucher, rows)
    return voucher


def _require_draft(voucher: Voucher) -> None:
    if voucher.status == VoucherStatus.POSTED:
        raise ValidationError({"__all__": "凭证已记账，不能修改；如有错误，请冲销后重新编制"})


@transaction.atomic
def voucher_update(*, actor, voucher: Voucher, date: date, summary: str, lines: list[dict],
                   attachment_count: int = 0) -> Voucher:
    require_writer_within(actor, voucher.union)
    _require_draft(voucher)
    if date is None or date.year != voucher.year:
        raise ValidationError({"date": f"凭证日期须在{voucher.year}年内（凭证按年度编号）"})
    books = _books(voucher.union, voucher.year)
    errors: dict[str, str] = {}
    if error := _closed_error(books, voucher.date):
        errors["date"] = error
    voucher.date, voucher.summary, voucher.attachment_count = date, summary, attachment_count or 0
    # Edited after a review, it waits for a review again.
    voucher.status, voucher.reviewed_by = VoucherStatus.DRAFT, None
    _check_voucher(voucher, books, errors)
    rows = _lines(books, lines, errors)
    checked_save(voucher, errors, actor=actor, exclude=["prepared_by", "reviewed_by", "approved_by", "reverses"])
    voucher.lines.all().delete()
    _save_lines(voucher, rows)
    return voucher


@transaction.atomic
def voucher_delete(*, actor, voucher: Voucher) -> None:
    require_writer_within(actor, voucher.union)
    _require_draft(voucher)
    books = _books(voucher.union, voucher.year)
    if error := _closed_error(books, voucher.date):
        raise ValidationError({"date": error})
    voucher._history_user = actor
    voucher.delete()


@transaction.atomic
def voucher_review(*, actor, voucher: Voucher) -> Voucher:
    require_writer_within(actor, voucher.union)
    _require_draft(voucher)
    if voucher.prepared_by_id == actor.pk:
        raise ValidationError({"reviewed_by": SELF_REVIEW})
    voucher.status, voucher.reviewed_by = VoucherStatus.REVIEWED, actor
    save_with_history(voucher, actor=actor)
    return voucher


@transaction.atomic
def voucher_post(*, actor, voucher: Voucher, posted_on: date | None = None) -> Voucher:
    """Approved and posted (记账) by someone other than its preparer; from now on it is never edited."""
    require_writer_within(actor, voucher.union)
    _require_draft(voucher)
    if voucher.prepared_by_id == actor.pk:
        raise ValidationError({"approved_by": SELF_APPROVAL})
    books = _books(voucher.union, voucher.year)
    if error := _closed_error(books, voucher.date):
        raise ValidationError({"date": error})
    posted_on = posted_on or timezone.localdate()
    if error := future_error(posted_on, "记账日期"):
        raise ValidationError({"posted_on": error})
    voucher.status, voucher.approved_by, voucher.posted_on = VoucherStatus.POSTED, actor, max(posted_on, voucher.date)
    save_with_history(voucher, actor=actor)
    voucher.lines.update(posted=True)
    return voucher


@transaction.atomic
def voucher_reverse(*, actor, voucher: Voucher, date: date | None = None) -> Voucher:
    """A draft that undoes a posted voucher: the same lines with debit and credit swapped (冲销)."""
    require_writer_within(actor, voucher.union)
    if voucher.status != VoucherStatus.POSTED:
        raise ValidationError({"__all__": "只有已记账的凭证需要冲销；未记账的凭证可以直接修改或删除"})
    if Voucher.objects.filter(reverses=voucher).exists():
        raise ValidationError({"__all__": "该凭证已有冲销凭证"})
    day = date or timezone.localdate()
    rows = [{"code": line.code, "debit": line.credit or None, "credit": line.debit or None,
             "summary": f"冲销：{line.summary}"[:200], "kind": line.kind, "headcount": line.headcount}
            for line in voucher.lines.all()]
    reversal = voucher_create(actor=actor, union=voucher.union, date=day,
                              summary=f"冲销{voucher.label}：{voucher.summary}"[:200], lines=rows)
    reversal.reverses = voucher
    save_with_history(reversal, actor=actor)
    return reversal


@transaction.atomic
def voucher_attachment_add(*, actor, voucher: Voucher, file) -> VoucherAttachment:
    require_writer_within(actor, voucher.union)
    _require_draft(voucher)
    return stored_file_add(VoucherAttachment, file, actor=actor, owner=voucher, voucher=voucher)


@transaction.atomic
def voucher_from_source(*, actor, source, credit_code: str = "102") -> Voucher:
    """The voucher a payout recorded elsewhere suggests (a 送温暖 visit: 50405 送温暖支出 from the bank), drafted
    with both lines naming the record; the record is then suggested no more."""
    require_writer(actor)
    kind = sources.BY_MODEL.get(type(source))
    if kind is None:
        raise ValidationError({"__all__": "该记录不能生成凭证"})
    require_within(actor, source.union, field="source")
    content_type = ContentType.objects.get_for_model(source)
    if VoucherLine.objects.filter(source_type=content_type, source_id=source.pk,
                                  voucher__reversed_by__isnull=True).exists():
        raise ValidationError({"__all__": "该记录已生成凭证，不能重复记账"})
    record = kind.amount(type(source).objects.filter(pk=source.pk)).get()
    amount, day = sources.amount_of(record), getattr(record, kind.date_field)
    if amount <= 0:
        raise ValidationError({"__all__": "该记录没有金额，无需记账"})
    codes = {code for code, *_ in chart.chart_accounts(chart.chart_of_level(source.union.level))}
    summary = kind.summary(record)[:200]
    headcount = 1 if kind.line_kind == LineKind.GIFT else 0
    return voucher_create(actor=actor, union=source.union, date=day, summary=summary, lines=[
        {"code": sources.charged_code(kind.code(record), codes), "debit": amount, "summary": summary,
         "kind": kind.line_kind, "headcount": headcount, "source": source},
        {"code": credit_code, "credit": amount, "summary": summary, "source": source}])


# Closing a period --------------------------------------------------------------------------------

@transaction.atomic
def period_close(*, actor, union: Union, year: int, month: int, closed_on: date | None = None) -> PeriodClose:
    """月结 (month 12: 年结): the months close in order, each once it has ended and all its vouchers are posted."""
    require_writer_within(actor, union)
    if error := _year_error(year):
        raise ValidationError({"year": error})
    if month is None or not 1 <= month <= 12:
        raise ValidationError({"month": "月份应在1至12之间"})
    closed_on = closed_on or timezone.localdate()
    books = _books(union, year)
    if month <= books.closed_month:
        raise ValidationError({"month": f"{year}年{month}月已结账"})
    if month != books.closed_month + 1:
        raise ValidationError({"month": f"请先结账{year}年{books.closed_month + 1}月（按月顺序结账）"})
    if _month_end(year, month) >= closed_on:
        raise ValidationError({"month": f"{year}年{month}月尚未结束，不能结账"})
    waiting = Voucher.objects.filter(tenant_id=union.tenant_id, union=union, year=year, date__month=month).exclude(
        status=VoucherStatus.POSTED).count()
    if waiting:
        raise ValidationError({"month": f"{year}年{month}月还有{waiting}张凭证未记账，请记账或删除后再结账"})
    books.closed_month = month
    save_with_history(books, actor=actor)
    return PeriodClose.objects.create(tenant_id=union.tenant_id, union=union, books=books, month=month,
                                      closed_on=closed_on, closed_by=actor)


@transaction.atomic
def report_file(*, actor, books: Books, filed_on: date | None = None) -> PeriodClose:
    """报送: the next month's reports go to the level above, in order, each once its month is closed."""
    require_writer_within(actor, books.union)
    books = Books.objects.select_for_update().get(pk=books.pk)
    month = books.filed_month + 1
    if month > 12:
        raise ValidationError({"month": f"{books.year}年的月度和年度报表均已报送"})
    if month > books.closed_month:
        raise ValidationError({"month": f"{books.year}年{month}月尚未结账，结账后才能报送报表"})
    filed_on = filed_on or timezone.localdate()
    if error := future_error(filed_on, "报送日期"):
        raise ValidationError({"filed_on": error})
    books.filed_month = month
    save_with_history(books, actor=actor)
    closing = books.closings.get(month=month)
    closing.filed_on, closing.filed_by = filed_on, actor
    closing.save(update_fields=["filed_on", "filed_by"])
    return closing


# Budgets -----------------------------------------------------------------------------------------

@transaction.atomic
def budget_set(*, actor, union: Union, year: int, code: str, amount) -> Budget:
    """The budget of one income or expenditure account for the year (set again: replaced)."""
    require_writer_within(actor, union)
    errors: dict[str, str] = {}
    if error := _year_error(year):
        errors["year"] = error
    codes = {row[0]: row for row in chart.chart_accounts(chart.chart_of_level(union.level))}
    code = (code or "").strip()
    if code not in codes or codes[code][2] not in (chart.INCOME, chart.EXPENDITURE):
        errors["code"] = f"“{code}”不是本级工会会计科目中的收入或支出科目"
    value = check_money(errors, "amount", amount, label="预算数", required=True, bound=BOOKS_BOUND)
    if errors:
        raise ValidationError(errors)
    budget = Budget.objects.filter(tenant_id=union.tenant_id, union=union, year=year, code=code).first() or Budget(
        tenant_id=union.tenant_id, union=union, year=year, code=code)
    budget.amount = value
    return checked_save(budget, {}, actor=actor)


# The 2% allocation -------------------------------------------------------------------------------

def _percent(errors: dict, field: str, value, label: str) -> Decimal:
    message, amount = money_error(value, label=label)
    if not message and amount is not None and amount > HUNDRED:
        message = f"{label}不能超过100%"
    if message:
        errors[field] = message.replace("金额", "比例")
    return amount or ZERO


@transaction.atomic
def sharing_table_create(*, actor, union: Union, province: str, effective_from: date, **shares) -> SharingTable:
    """A federation's table of who keeps what of the 2%, from a day on; the shares add up to 100%."""
    require_writer_within(actor, union)
    errors: dict[str, str] = {}
    labels = {name: str(SharingTable._meta.get_field(name).verbose_name) for name in SharingTable.SHARES}
    values = {name: _percent(errors, name, shares.get(name), labels[name]) for name in SharingTable.SHARES}
    if unknown := set(shares) - set(SharingTable.SHARES):
        errors.update({name: "该字段不能在此填写" for name in unknown})
    total = sum(values.values())
    if not errors and total != HUNDRED:
        errors["__all__"] = f"各级分成比例合计应为100%，现为{total.normalize():f}%"
    table = SharingTable(tenant_id=union.tenant_id, union=union, province=province, effective_from=effective_from,
                         **values)
    return _province_table_save(table, errors, actor=actor)


def _province_table_save(table, errors: dict, *, actor):
    """A province's table (sharing, spending rules, dues): set by a federation, one per union and day."""
    what = table._meta.verbose_name
    if not table.union.is_federation:
        errors["union"] = f"{what}由总工会制定"
    text_required(table, errors, province="省份")
    if table.effective_from is None:
        errors["effective_from"] = "请填写执行日期"
    elif type(table).objects.filter(union=table.union, effective_from=table.effective_from).exists():
        errors["effective_from"] = f"该执行日期已有{what}，请换一个日期"
    return checked_save(table, errors, actor=actor)


def sharing_table_for(union: Union, day: date) -> SharingTable | None:
    """The table in force on `day` for `union`: set by the nearest federation above it (or itself)."""
    return table_in_force(SharingTable, union, day)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _month_received(errors: dict, month: date | None, received_on: date | None, label: str) -> date | None:
    """The month paid for (its first day) and the day the money came: not ahead of today, nor before the month."""
    if month is None:
        errors["month"] = "请填写所属月份"
    else:
        month = _month_start(month)
        if month > _month_start(timezone.localdate()):
            errors["month"] = "所属月份不能晚于本月"
    if received_on is None:
        errors["received_on"] = f"请填写{label}"
    elif error := future_error(received_on, label):
        errors["received_on"] = error
    elif month and received_on < month:
        errors["received_on"] = f"{label}不能早于所属月份"
    return month


def _table_in_force(errors: dict, model, union: Union, month: date | None):
    table = table_in_force(model, union, month) if month else None
    if month and table is None:
        errors["month"] = f"{month:%Y年%m月}没有执行中的{model._meta.verbose_name}，请总工会先制定"
    return table


@transaction.atomic
def allocation_receive(*, actor, enterprise: Enterprise, month: date, payroll, channel: str,
                       received_on: date) -> AllocationPayment:
    """An enterprise's 2% of one month's payroll, received: the union's share to 402, the upper levels' to 211,
    by the sharing table in force that month; the receipt's voucher is drafted for approval."""
    require_writer(actor)
    union = enterprise.union
    require_within(actor, union, field="enterprise")
    errors: dict[str, str] = {}
    payroll_value = check_money(errors, "payroll", payroll, label="工资总额", required=True, allow_zero=False,
                                bound=BOOKS_BOUND)
    if channel not in AllocationChannel.values:
        errors["channel"] = "请选择缴纳方式"
    month = _month_received(errors, month, received_on, "到账日期")
    table = _table_in_force(errors, SharingTable, union, month)
    if month and AllocationPayment.objects.filter(tenant_id=union.tenant_id, enterprise=enterprise,
                                                  month=month).exists():
        errors["month"] = f"{enterprise.name}{month:%Y年%m月}的拨缴经费已登记"
    if errors:
        raise ValidationError(errors)
    amount = (payroll_value * ALLOCATION_RATE).quantize(CENT, ROUND_HALF_UP)
    own_percent = getattr(table, LEVEL_SHARE.get(union.level, "grassroots"))
    own = (amount * own_percent / HUNDRED).quantize(CENT, ROUND_HALF_UP)
    payment = AllocationPayment(tenant_id=union.tenant_id, union=union, enterprise=enterprise, month=month,
                                payroll=payroll_value, amount=amount, channel=channel, received_on=received_on,
                                own_share=own, upper_share=amount - own, table=table, created_by=actor)
    checked_save(payment, {}, actor=actor, exclude=["enterprise", "table", "voucher", "created_by"])
    label = f"{enterprise.name}{month:%Y年%m月}拨缴经费（{payment.get_channel_display()}）"
    rows = [{"code": "102", "debit": amount, "summary": label, "source": payment},
            {"code": "402", "credit": own, "summary": f"{label}本级留成{own_percent.normalize():f}%",
             "source": payment}]
    if payment.upper_share:
        rows.append({"code": "211", "credit": payment.upper_share, "summary": f"{label}应上缴上级",
                     "source": payment})
    payment.voucher = voucher_create(actor=actor, union=union, date=received_on, summary=label[:200], lines=rows)
    save_with_history(payment, actor=actor)
    return payment


# Members' dues (会费) ------------------------------------------------------------------------------

@transaction.atomic
def dues_rate_create(*, actor, union: Union, province: str, effective_from: date, rate) -> DuesRate:
    """The province's dues: a percentage of a member's monthly wage, from a day on."""
    require_writer_within(actor, union)
    errors: dict[str, str] = {}
    value = _percent(errors, "rate", rate, "会费标准")
    if "rate" not in errors and not value:
        errors["rate"] = "会费标准须大于0%"
    table = DuesRate(tenant_id=union.tenant_id, union=union, province=province, effective_from=effective_from,
                     rate=value)
    return _province_table_save(table, errors, actor=actor)


def dues_of(wages: Decimal, rate: DuesRate) -> Decimal:
    """The dues of wages at the province's rate, to the fen."""
    return (wages * rate.rate / HUNDRED).quantize(CENT, ROUND_HALF_UP)


@transaction.atomic
def dues_receive(*, actor, union: Union, month: date, members: int, wages, received_on: date) -> DuesPayment:
    """A month's dues of the union's members: their wages times the rate in force that month, received into the
    bank (102) as 会费收入 (401); the receipt's voucher is drafted for approval."""
    require_writer_within(actor, union)
    errors: dict[str, str] = {}
    wages_value = check_money(errors, "wages", wages, label="缴纳会员工资总额", required=True, allow_zero=False,
                              bound=BOOKS_BOUND)
    if not isinstance(members, int) or members < 1:
        errors["members"] = "缴纳会员人数应为大于0的整数"
    month = _month_received(errors, month, received_on, "收缴日期")
    rate = _table_in_force(errors, DuesRate, union, month)
    if month and DuesPayment.objects.filter(tenant_id=union.tenant_id, union=union, month=month).exists():
        errors["month"] = f"{union.name}{month:%Y年%m月}的会费已登记"
    if errors:
        raise ValidationError(errors)
    payment = DuesPayment(tenant_id=union.tenant_id, union=union, month=month, members=members, wages=wages_value,
                          amount=dues_of(wages_value, rate), rate=rate, received_on=received_on, created_by=actor)
    if not payment.amount:
        raise ValidationError({"wages": "按会费标准计算的会费为0元，请核对工资总额"})
    checked_save(payment, {}, actor=actor, exclude=["rate", "voucher", "created_by"])
    label = f"{month:%Y年%m月}会员会费（{members}人，按{rate.rate.normalize():f}%）"
    payment.voucher = voucher_create(actor=actor, union=union, date=received_on, summary=label, lines=[
        {"code": "102", "debit": payment.amount, "summary": label, "source": payment},
        {"code": "401", "credit": payment.amount, "summary": label, "source": payment}])
    save_with_history(payment, actor=actor)
    return payment


# Spending rules ----------------------------------------------------------------------------------

@transaction.atomic
def spending_rules_create(*, actor, union: Union, province: str, effective_from: date, gift_limit,
                          cash_gifts_banned: bool = True, equipment_threshold=Decimal(1000)) -> SpendingRules:
    require_writer_within(actor, union)
    errors: dict[str, str] = {}
    gift = check_money(errors, "gift_limit", gift_limit, label="慰问品每人每年限额", required=True)
    threshold = check_money(errors, "equipment_threshold", equipment_threshold, label="固定资产标准", required=True)
    rules = SpendingRules(tenant_id=union.tenant_id, union=union, province=province, effective_from=effective_from,
                          gift_limit=gift, cash_gifts_banned=bool(cash_gifts_banned), equipment_threshold=threshold)
    return _province_table_save(rules, errors, actor=actor)


# Audits (经费审查) ---------------------------------------------------------------------------------

def _require_committee(actor, project: AuditProject) -> None:
    require_within(actor, project.committee, field="committee")


def _open(project: AuditProject) -> None:
    if project.status == AuditStatus.CLOSED:
        raise ValidationError({"__all__": "该审查项目已销号"})


@transaction.atomic
def audit_project_create(*, actor, committee: Union, union: Union, year: int, title: str, scope: list[str],
                         started_on: date) -> AuditProject:
    """An audit by `committee`'s audit committee of its own books or of a union below it."""
    require_writer_within(actor, committee, field="committee")
    errors: dict[str, str] = {}
    if not contains(committee, union):
        errors["union"] = "经审会只能审查本级工会或下级工会的经费"
    if error := _year_error(year):
        errors["year"] = error
    scope = [value for value in (scope or []) if value]
    if not scope:
        errors["scope"] = "请至少选择一项审查范围"
    elif set(scope) - set(AuditScope.values):
        errors["scope"] = "审查范围不正确"
    if error := future_error(started_on, "开始日期"):
        errors["started_on"] = error
    project = AuditProject(tenant_id=union.tenant_id, union=union, committee=committee, year=year, title=title,
                           scope=scope, started_on=started_on, created_by=actor)
    text_required(project, errors, title="审查项目名称")
    return checked_save(project, errors, actor=actor, exclude=["committee", "created_by"])


@transaction.atomic
def audit_finding_add(*, actor, project: AuditProject, area: str, description: str, rule: str, amount,
                      found_on: date | None = None) -> AuditFinding:
    require_writer(actor)
    _require_committee(actor, project)
    _open(project)
    errors: dict[str, str] = {}
    value = check_money(errors, "amount", amount, label="涉及金额", bound=BOOKS_BOUND)
    found_on = found_on or timezone.localdate()
    if error := future_error(found_on, "发现日期"):
        errors["found_on"] = error
    elif found_on < project.started_on:
        errors["found_on"] = f"发现日期不能早于审查开始日期（{project.started_on:%Y-%m-%d}）"
    finding = AuditFinding(tenant_id=project.tenant_id, union_id=project.union_id, project=project, area=area,
                           description=description, rule=rule, amount=value or ZERO, found_on=found_on)
    text_required(finding, errors, description="问题", rule="违反的规定")
    return checked_save(finding, errors, actor=actor, exclude=["project"])


@transaction.atomic
def audit_notice(*, actor, project: AuditProject, notice: str, deadline: date) -> AuditProject:
    """The rectification notice (整改通知) with its deadline."""
    require_writer(actor)
    _require_committee(actor, project)
    _open(project)
    errors: dict[str, str] = {}
    if not project.findings.exists():
        errors["__all__"] = "没有发现问题的审查项目无需下达整改通知，可以直接销号"
    if deadline is None:
        errors["deadline"] = "请填写整改期限"
    elif deadline < project.started_on:
        errors["deadline"] = "整改期限不能早于审查开始日期"
    project.notice, project.deadline, project.status = notice, deadline, AuditStatus.NOTIFIED
    text_required(project, errors, notice="整改通知")
    return checked_save(project, errors, actor=actor, exclude=["committee", "created_by"])


@transaction.atomic
def audit_feedback(*, actor, project: AuditProject, feedback: str, feedback_on: date | None = None) -> AuditProject:
    """The audited union's report of what it rectified."""
    require_writer_within(actor, project.union)
    _open(project)
    if project.status not in (AuditStatus.NOTIFIED, AuditStatus.ANSWERED):
        raise ValidationError({"__all__": "整改通知下达后才能反馈整改情况"})
    errors: dict[str, str] = {}
    project.feedback, project.feedback_on = feedback, feedback_on or timezone.localdate()
    if error := future_error(project.feedback_on, "反馈日期"):
        errors["feedback_on"] = error
    project.status = AuditStatus.ANSWERED
    text_required(project, errors, feedback="整改情况")
    return checked_save(project, errors, actor=actor, exclude=["committee", "created_by"])


@transaction.atomic
def audit_close(*, actor, project: AuditProject, closed_on: date | None = None) -> AuditProject:
    """销号: the committee accepts the rectification (or found nothing)."""
    require_writer(actor)
    _require_committee(actor, project)
    _open(project)
    if project.findings.exists() and project.status != AuditStatus.ANSWERED:
        raise ValidationError({"__all__": "被审查工会反馈整改情况后才能销号"})
    closed_on = closed_on or timezone.localdate()
    if error := future_error(closed_on, "销号日期"):
        raise ValidationError({"closed_on": error})
    project.status, project.closed_on = AuditStatus.CLOSED, closed_on
    return checked_save(project, {}, actor=actor, exclude=["committee", "created_by"])
