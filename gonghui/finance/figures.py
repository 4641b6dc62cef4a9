"""The finance figures in the registry (gonghui.core.figures), in the summary's chapter 财务.

Money figures sum `VoucherLine.amount` of posted lines dated in the period (the line's effect on its account:
a reversal counts against what it reverses). 2% collected counts the receipts of the period; arrears are the
enterprises behind on the period's last day (or today, if sooner); audits count the unions audited.
"""

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from gonghui.core.figures import Column, Figure, Ratio, Section, Style
from gonghui.core.periods import Period
from gonghui.core.links import record_link
from gonghui.org.models import Union

from .models import (
    AllocationPayment,
    AuditFinding,
    AuditProject,
    AuditStatus,
    Books,
    Voucher,
    VoucherLine,
    VoucherStatus,
)
from .selectors import arrears_enterprises, books_closed_on_time, books_filed_on_time


def _lines(*prefixes: str):
    condition = Q()
    for prefix in prefixes:
        condition |= Q(code__startswith=prefix)

    def records(period: Period) -> QuerySet:
        return VoucherLine.objects.select_related("union", "voucher", "account").filter(
            condition, posted=True, date__range=period.span)
    return records


def _allocations(period: Period) -> QuerySet:
    return AllocationPayment.objects.select_related("union", "enterprise").filter(
        received_on__range=period.span)


def _arrears(period: Period) -> QuerySet:
    return arrears_enterprises(min(period.end, timezone.localdate()))


def _audited(period: Period) -> QuerySet:
    audited = AuditProject.objects.filter(started_on__range=period.span).values("union_id")
    return Union.objects.filter(pk__in=audited)


def _open_findings(period: Period) -> QuerySet:
    return AuditFinding.objects.select_related("union", "project").filter(
        found_on__range=period.span).exclude(project__status=AuditStatus.CLOSED)


def _posted(period: Period) -> QuerySet:
    return Voucher.objects.select_related("union", "prepared_by", "approved_by").filter(
        status=VoucherStatus.POSTED, date__range=period.span)


def _posted_by_other(period: Period) -> QuerySet:
    return _posted(period).exclude(approved_by=F("prepared_by"))


def _years(period: Period) -> range:
    return range(period.start.year, period.end.year + 1)


def _books(period: Period) -> QuerySet:
    return Books.objects.select_related("union").filter(year__in=_years(period))


def _on_time(books_on_time):
    def records(period: Period) -> QuerySet:
        # Months due by the period's end (or today, if sooner): a campaign over a year past is judged as it ended.
        return _books(period) & books_on_time(_years(period), min(period.end, timezone.localdate()))
    return records


_voucher_url = record_link("finance:voucher_detail", "voucher_id")
_finding_url = record_link("finance:audit_detail", "project_id")


LINE = (Column("工会", "union.name"), Column("日期", "date"), Column("凭证", "voucher.label"),
        Column("科目", "account"), Column("摘要", "summary"), Column("金额（元）", "amount"))


def _money(key: str, label: str, sentence: str, definition: str, *prefixes: str, style=Style.WAN) -> Figure:
    return Figure(key=key, label=label, sentence=sentence, definition=definition, section=Section.FINANCE,
                  records=_lines(*prefixes), unit="万元" if style == Style.WAN else "元", total="amount",
                  style=style, columns=LINE, month_field="date", ranked=True, record_url=_voucher_url)


VOUCHER = (Column("工会", "union.name"), Column("凭证", "label"), Column("日期", "date"), Column("摘要", "summary"),
           Column("制单人", "prepared_by.full_name"), Column("记账人", "approved_by.full_name"))
BOOKS = (Column("工会", "union.name"), Column("会计年度", "year"), Column("已结账至（月）", "closed_month"))


def _assessed(key: str, label: str, definition: str, records, *, voucher: bool = False) -> Figure:
    """A figure the 财务规范化考核 scores from: a rubric item of the checks app names it (or its ratio)."""
    return Figure(key=key, label=label, sentence=label + "{value}" + ("张" if voucher else "家"), definition=definition,
                  section=Section.FINANCE, records=records, unit="张" if voucher else "家",
                  columns=VOUCHER if voucher else BOOKS, month_field="date" if voucher else None,
                  record_url=record_link("finance:voucher_detail") if voucher else None)


def _of_books(key: str, label: str, sentence: str, numerator: str, numerator_label: str) -> Ratio:
    return Ratio(key=key, label=label, sentence=sentence, definition=f"{numerator_label} ÷ 建账工会。",
                 section=Section.FINANCE, numerator=numerator, denominator="finance.books_kept")


# 财务规范化考核: a rubric item names one of these ratios with a target (100: every voucher, every month) and the
# checks app pre-fills its score from the assessed union's books (checks.services._prefill).
ASSESSED = (
    _assessed("finance.vouchers_posted", "已记账凭证", "凭证日期在期内、已审批记账的凭证。", _posted, voucher=True),
    _assessed("finance.vouchers_posted_by_other", "由制单人以外人员审批记账的凭证",
              "已记账凭证中，审批记账人不是制单人的。", _posted_by_other, voucher=True),
    Ratio(key="finance.approval_rate", label="凭证由他人审批记账率", sentence="凭证由制单人以外人员审批记账率{value}",
          definition="由制单人以外人员审批记账的凭证 ÷ 已记账凭证。", section=Section.FINANCE,
          numerator="finance.vouchers_posted_by_other", denominator="finance.vouchers_posted"),
    _assessed("finance.books_kept", "建账工会", "期内各年度建立账套的工会（每年度一套账）。", _books),
    _assessed("finance.books_closed_on_time", "按月按时结账的工会",
              "建账工会中，至期末（或今天）已到期的各月均在次月15日前结账的；尚无到期月份的计为按时。",
              _on_time(books_closed_on_time)),
    _of_books("finance.closing_rate", "按时结账率", "按月按时结账率{value}", "finance.books_closed_on_time",
              "按月按时结账的工会"),
    _assessed("finance.books_filed_on_time", "按时报送报表的工会",
              "建账工会中，至期末（或今天）已到期的各月报表均在次月15日前报送上级的；尚无到期月份的计为按时。",
              _on_time(books_filed_on_time)),
    _of_books("finance.filing_rate", "报表按时报送率", "会计报表按时报送率{value}", "finance.books_filed_on_time",
              "按时报送报表的工会"),
)

FIGURES = (
    _money("finance.income", "工会经费收入", "全年工会经费收入{value}万元",
           "期内已记账凭证中收入类科目（4开头）的发生额（贷方减借方）。", "4"),
    _money("finance.expenditure", "工会经费支出", "支出{value}万元",
           "期内已记账凭证中支出类科目（5开头）的发生额（借方减贷方）。", "5"),
    _money("finance.activities", "职工活动支出", "其中职工活动支出{value}万元",
           "501 职工活动支出（基层工会）与 502 职工活动组织支出（县级以上工会）的期内发生额。", "501", "502"),
    _money("finance.services", "职工服务支出", "职工服务支出{value}万元",
           "503 职工服务支出（劳动和技能竞赛、建家、职工创新、职工书屋等）的期内发生额。", "503"),
    _money("finance.rights", "维权支出", "维权支出{value}万元",
           "504 维权支出（劳动关系协调、劳动保护、法律援助、困难职工帮扶、送温暖）的期内发生额。", "504"),
    _money("finance.facilities", "投入设施建设资金", "投入资金{value}万元用于职工活动设施建设",
           "507 资本性支出（房屋建筑物购建、设备购置、大型修缮等）的期内发生额，即建设职工活动中心等设施的投入。",
           "507"),
    Figure(key="finance.allocation_collected", label="收缴拨缴经费", sentence="收缴工会经费（2%拨缴）{value}万元",
           definition="期内到账（到账日期）的企业按工资总额2%拨缴的工会经费。", section=Section.FINANCE,
           records=_allocations, unit="万元", total="amount", style=Style.WAN, month_field="received_on",
           ranked=True,
           columns=(Column("工会", "union.name"), Column("企业", "enterprise.name"), Column("所属月份", "month"),
                    Column("缴纳方式", "get_channel_display"), Column("到账日期", "received_on"),
                    Column("拨缴经费（元）", "amount"))),
    Figure(key="finance.allocation_arrears", label="欠缴工会经费企业", sentence="欠缴工会经费超过3个月的企业{value}家",
           definition="建账工会所属企业中，至期末（或今天）最近已缴月份落后应缴月份超过3个月（或从未缴纳）的企业。",
           section=Section.FINANCE, records=_arrears, unit="家", zero_sentence="所属企业均按时拨缴工会经费",
           columns=(Column("工会", "union.name"), Column("企业", "name"), Column("最近已缴月份", "last_paid"))),
    Figure(key="finance.audits", label="财务审计工会", sentence="对辖区内的{value}家工会进行了工会财务审计",
           definition="期内开始（开始日期）的经费审查项目所审查的工会，每家工会计一次。", section=Section.FINANCE,
           records=_audited, unit="家", columns=(Column("工会", "name"), Column("层级", "get_level_display"))),
    Figure(key="finance.findings_open", label="未销号审查问题", sentence="审查发现的问题尚有{value}个未整改销号",
           definition="期内发现、所属审查项目尚未销号的问题。", section=Section.FINANCE, records=_open_findings,
           unit="个", month_field="found_on", record_url=_finding_url, zero_sentence="审查发现的问题均已整改销号",
           columns=(Column("被审查工会", "union.name"), Column("问题", "description"), Column("违反的规定", "rule"),
                    Column("涉及金额（元）", "amount"), Column("整改期限", "project.deadline"))),
    *ASSESSED,
)
