"""Care's figures in the registry (gonghui.core.figures), and the lines the statistics page writes from them.

Each figure's sentence is phrased as the source summaries phrase it ("新增困难职工3人"); each LINE joins
figures into one of the summaries' sentences ("新增困难职工3人，现共有困难职工26人，发放各类困难补助4.9万元").
People are counted as people, not rows: a member visited twice, or enrolled in two medical-aid
categories, is one person (the records are the members themselves).
"""

from typing import NamedTuple

from django.conf import settings
from django.db.models import F, Q, QuerySet

from gonghui.core.figures import Column, Figure, Ratio, Section, Style
from gonghui.core.periods import Period
from gonghui.core.links import record_link
from gonghui.members.models import Member
from gonghui.org.models import Enterprise

from .choices import MedicalCategory, SchoolLevel, VisitCampaign, VisitReason
from .models import (AidPayment, FundContribution, FundPayout, HardshipFile, HardshipFund, MedicalAidClaim,
                     MedicalAidEnrolment, MedicalAidUnit, SchoolingGrant, ServiceCard, Visit)

# In place of figures read from hardship files and fund payouts, for users without the care grant.
NEEDS_GRANT = "（需“可查看帮扶与维权档案”授权方可查看）"

def fund_required_lookups() -> dict:
    """Which enterprises must have a hardship fund (Enterprise lookups); 规模以上企业 unless set otherwise.

    Read at each count, so that a changed setting (and a test's) takes effect."""
    return settings.GONGHUI["FUND_REQUIRED"]


def _people(records: QuerySet) -> QuerySet:
    """The members behind some records, each once."""
    return Member.objects.filter(pk__in=records.values("member_id"))


def _enterprises(records: QuerySet) -> QuerySet:
    return Enterprise.objects.filter(pk__in=records.values("enterprise_id"))


def _within(model, field: str):
    """Records dated within the period."""
    def records(period: Period) -> QuerySet:
        return model.objects.filter(**{f"{field}__range": period.span})
    return records


MEMBER_COLUMNS = (Column("姓名", "name"), Column("所属工会", "union.name"))
ENTERPRISE_COLUMNS = (Column("企业名称", "name"), Column("所属工会", "union.name"), Column("职工人数", "headcount"))
member_url = record_link("members:detail")


# --- hardship files and aid --------------------------------------------------------------------------------

def _files_new(period: Period) -> QuerySet:
    return HardshipFile.objects.filter(approved_on__range=period.span)


def _files_active(period: Period) -> QuerySet:
    return HardshipFile.objects.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=period.end),
                                       approved_on__lte=period.end)


FILE_COLUMNS = (Column("会员", "member.name"), Column("所属工会", "union.name"),
                Column("困难类别", "get_level_display"), Column("建档日期", "approved_on"),
                Column("销档日期", "closed_on"))
HARDSHIP = (
    Figure(key="care.hardship_new", label="新增困难职工", sentence="新增困难职工{value}人", unit="人",
           definition="期内经总工会审核建档（建档日期在期间内）的困难职工档案数。",
           section=Section.CARE, records=_files_new, care=True, month_field="approved_on", ranked=True,
           columns=FILE_COLUMNS, record_url=record_link("care:file_detail")),
    Figure(key="care.hardship_active", label="现共有困难职工", sentence="现共有困难职工{value}人", unit="人",
           definition="期末当日在档（已建档且期末前未销档）的困难职工档案数。",
           section=Section.CARE, records=_files_active, care=True, columns=FILE_COLUMNS,
           record_url=record_link("care:file_detail")),
    Figure(key="care.hardship_aid", label="发放各类困难补助", sentence="发放各类困难补助{value}万元", unit="万元",
           definition="期内对在档困难职工档案发放的各类救助金额之和。", section=Section.CARE,
           records=_within(AidPayment, "paid_on"), total="amount", style=Style.WAN, care=True,
           month_field="paid_on",
           columns=(Column("会员", "file.member.name"), Column("救助类型", "get_kind_display"),
                    Column("金额（元）", "amount"), Column("发放日期", "paid_on"),
                    Column("资金来源", "get_fund_source_display")),
           record_url=record_link("care:file_detail", "file_id")),
)


# --- enterprise hardship funds -----------------------------------------------------------------------------

def _funds(period: Period) -> QuerySet:
    return HardshipFund.objects.filter(established_on__lte=period.end)


def _required(period: Period) -> QuerySet:
    return Enterprise.objects.filter(**fund_required_lookups())


def _required_with_fund(period: Period) -> QuerySet:
    return _required(period).filter(pk__in=_funds(period).values("enterprise_id"))


def _required_without_fund(period: Period) -> QuerySet:
    return _required(period).exclude(pk__in=_funds(period).values("enterprise_id"))


REQUIRED = "须建立帮困基金的企业（默认为规模以上企业，见设置 GONGHUI[\"FUND_REQUIRED\"]）"
FUNDS = (
    Figure(key="care.funds", label="建立帮困基金企业", sentence="{value}家企业建立了内部帮困基金", unit="家",
           definition="期末前已建立企业帮困基金的企业数（基金由企业所在的基层工会管理）。",
           section=Section.CARE, records=_funds,
           columns=(Column("企业", "enterprise.name"), Column("所属工会", "union.name"),
                    Column("建立日期", "established_on")),
           record_url=record_link("care:fund_detail")),
    Figure(key="care.fund_required", label="须建帮困基金企业", sentence="规模以上企业{value}家", unit="家",
           definition=f"{REQUIRED}数。", section=Section.CARE, records=_required, columns=ENTERPRISE_COLUMNS),
    Figure(key="care.fund_required_with_fund", label="已建帮困基金的规模以上企业",
           sentence="{value}家规模以上企业建立了帮困基金", unit="家",
           definition=f"{REQUIRED}中，期末前已建立帮困基金的企业数。", section=Section.CARE,
           records=_required_with_fund, columns=ENTERPRISE_COLUMNS),
    Figure(key="care.fund_required_without_fund", label="未建帮困基金的规模以上企业",
           sentence="尚有{value}家规模以上企业未建立帮困基金", zero_sentence="规模以上企业帮困基金实现全覆盖",
           unit="家", definition=f"{REQUIRED}中，期末仍未建立帮困基金的企业数；为0时即“实现全覆盖”。",
           section=Section.CARE, records=_required_without_fund, columns=ENTERPRISE_COLUMNS, ranked=True),
    Figure(key="care.fund_total", label="基金总额", sentence="基金总额达到{value}万元", unit="万元",
           definition="各企业帮困基金截至期末累计筹集的金额。", section=Section.CARE,
           records=lambda period: FundContribution.objects.filter(on_date__lte=period.end),
           total="amount", style=Style.WAN,
           columns=(Column("基金", "fund"), Column("金额（元）", "amount"), Column("筹集日期", "on_date"),
                    Column("来源", "source")),
           record_url=record_link("care:fund_detail", "fund_id")),
    Figure(key="care.fund_paid", label="企业帮困基金发放", sentence="企业帮困基金共发放{value}万元", unit="万元",
           definition="期内从企业帮困基金发放的救助金额。", section=Section.CARE,
           records=_within(FundPayout, "paid_on"), total="amount", style=Style.WAN, care=True,
           month_field="paid_on",
           columns=(Column("基金", "fund"), Column("救助对象", "member.name"), Column("金额（元）", "amount"),
                    Column("发放日期", "paid_on"), Column("救助事由", "reason")),
           record_url=record_link("care:fund_detail", "fund_id")),
    Figure(key="care.fund_helped", label="企业帮困基金救助对象", sentence="救助对象{value}人", unit="人",
           definition="期内得到企业帮困基金救助的人数（同一人多次只计一次）。", section=Section.CARE,
           records=lambda period: _people(_within(FundPayout, "paid_on")(period)), care=True,
           columns=MEMBER_COLUMNS, record_url=member_url),
)
COVERAGE = Ratio(key="care.fund_coverage", label="基金组建占", sentence="基金组建占{value}",
                 definition=f"{REQUIRED}中已建立帮困基金的比例：已建基金的规模以上企业数 ÷ 规模以上企业数。",
                 section=Section.CARE, numerator="care.fund_required_with_fund", denominator="care.fund_required",
                 ranked=True)


# --- visits and 金秋助学 -------------------------------------------------------------------------------------

def _visits(period: Period, **lookups) -> QuerySet:
    return (_within(Visit, "visited_on")(period).filter(**lookups)
            .annotate(value=F("money") + F("goods_value")))


VISIT_COLUMNS = (Column("慰问对象", "target_name"), Column("慰问事由", "get_reason_display"),
                 Column("慰问日期", "visited_on"), Column("慰问人", "visitors"),
                 Column("慰问金和慰问品（元）", "value"))
VALUE = "金额为慰问金与慰问品价值之和。"


def _visit_figure(key: str, label: str, sentence: str, definition: str, *, total: str | None = "value",
                  unit: str = "元", **lookups) -> Figure:
    return Figure(key=key, label=label, sentence=sentence, unit=unit, definition=definition,
                  section=Section.CARE, records=lambda period: _visits(period, **lookups), total=total,
                  style=Style.YUAN if total == "value" else Style.COUNT, month_field="visited_on",
                  columns=VISIT_COLUMNS)


WINTER = (
    Figure(key="care.winter_members", label="送温暖慰问困难职工", unit="名",
           sentence="元旦春节困难职工慰问活动中共计慰问困难职工{value}名",
           definition="期内标记为“送温暖（元旦春节）”的慰问中慰问的职工人数（同一人多次只计一次）。",
           section=Section.CARE, records=lambda period: _people(_visits(period, campaign=VisitCampaign.WINTER_WARMTH)),
           columns=MEMBER_COLUMNS, record_url=member_url),
    _visit_figure("care.winter_value", "送温暖慰问金和慰问品", "发放慰问金和慰问品{value}元",
                  f"期内“送温暖（元旦春节）”慰问的金额，{VALUE}", campaign=VisitCampaign.WINTER_WARMTH),
)
SUMMER = (
    Figure(key="care.summer_enterprises", label="夏送清凉慰问企业", sentence="夏季高温慰问企业{value}家", unit="家",
           definition="期内标记为“夏送清凉”的慰问所到的企业数（同一企业多次只计一次）。", section=Section.CARE,
           records=lambda period: _enterprises(_visits(period, campaign=VisitCampaign.SUMMER_COOLING)),
           columns=ENTERPRISE_COLUMNS),
    _visit_figure("care.summer_workers", "夏送清凉覆盖职工", "企业职工{value}人",
                  "期内“夏送清凉”各次慰问登记的覆盖职工人数之和。", total="workers_reached", unit="人",
                  campaign=VisitCampaign.SUMMER_COOLING),
    _visit_figure("care.summer_value", "夏送清凉慰问品", "共发放防暑用品、饮料等慰问品共计{value}元",
                  f"期内“夏送清凉”慰问的金额，{VALUE}", campaign=VisitCampaign.SUMMER_COOLING),
)
VISITS = (
    _visit_figure("care.visits", "慰问", "开展慰问{value}次", "期内登记的全部慰问次数（含送温暖、夏送清凉）。",
                  total=None, unit="次"),
    _visit_figure("care.visits_value", "慰问金和慰问品", "发放慰问金和慰问品{value}元",
                  f"期内全部慰问的金额，{VALUE}"),
    *(_visit_figure(f"care.visits_{code}", f"慰问（{label}）", f"{label}{{value}}次",
                    f"期内慰问事由为“{label}”的慰问次数。", total=None, unit="次", reason=code)
      for code, label in VisitReason.choices),
)

GRANT_COLUMNS = (Column("职工", "member.name"), Column("学生", "student_name"), Column("学段", "get_school_level_display"),
                 Column("学校", "school_name"), Column("金额（元）", "amount"), Column("发放日期", "granted_on"))
_grants = _within(SchoolingGrant, "granted_on")
SCHOOLING = (
    *(Figure(key=f"care.schooling_{code}", label=f"金秋助学（{label}生）", sentence=f"{{value}}名{label}生", unit="名",
             definition=f"期内金秋助学发放给{label}生的人次。", section=Section.CARE,
             records=lambda period, code=code: _grants(period).filter(school_level=code), month_field="granted_on",
             columns=GRANT_COLUMNS)
      for code, label in SchoolLevel.choices),
    Figure(key="care.schooling_families", label="金秋助学困难职工家庭", unit="名",
           sentence="共计{value}名困难职工家庭提供了助学服务",
           definition="期内得到金秋助学的职工家庭数（按职工计，一家多名学生只计一次）。", section=Section.CARE,
           records=lambda period: _people(_grants(period)), columns=MEMBER_COLUMNS, record_url=member_url),
    Figure(key="care.schooling_amount", label="金秋助学金额", sentence="共计{value}元", unit="元",
           definition="期内金秋助学发放的金额之和。", section=Section.CARE, records=_grants, total="amount",
           style=Style.YUAN, month_field="granted_on", columns=GRANT_COLUMNS),
)


# --- mutual medical aid and service cards ------------------------------------------------------------------

def _enrolments(period: Period) -> QuerySet:
    """The enrolment year is the year the period ends in."""
    return MedicalAidEnrolment.objects.filter(year=period.end.year)


def _units(period: Period) -> QuerySet:
    return MedicalAidUnit.objects.filter(year=period.end.year)


YEAR = "按参保年度统计，年度取期末所在年份。"
ENROLMENT_COLUMNS = (Column("会员", "member.name"), Column("参保类别", "get_category_display"),
                     Column("参保单位", "unit.name"), Column("参保日期", "enrolled_on"))
UNIT_COLUMNS = (Column("参保单位", "name"), Column("工会", "union.name"), Column("全员参保", "whole_unit"))
enrolment_url = record_link("care:enrolment_detail")
CLAIM_COLUMNS = (Column("会员", "enrolment.member.name"), Column("赔付金额（元）", "amount"),
                 Column("赔付日期", "paid_on"))
MEDICAL = (
    Figure(key="care.medical_people", label="医疗互助参保人数", sentence="参保人数为{value}人", unit="人",
           definition=f"{YEAR}参保的人数：一人参加多个类别只计一次。", section=Section.CARE,
           records=lambda period: _people(_enrolments(period)), columns=MEMBER_COLUMNS, record_url=member_url),
    Figure(key="care.medical_enrolments", label="医疗互助参保人次", sentence="合计参保{value}人次", unit="人次",
           definition=f"{YEAR}各类别参保人次之和：一人参加多个类别分别计。", section=Section.CARE,
           records=_enrolments, columns=ENROLMENT_COLUMNS, record_url=enrolment_url),
    *(Figure(key=f"care.medical_{code}", label=f"医疗互助（{label}）", sentence=f"{label}参保{{value}}人", unit="人",
             definition=f"{YEAR}参加“{label}”类别的人数。", section=Section.CARE,
             records=lambda period, code=code: _enrolments(period).filter(category=code),
             columns=ENROLMENT_COLUMNS, record_url=enrolment_url)
      for code, label in MedicalCategory.choices),
    Figure(key="care.medical_units", label="医疗互助参保单位", sentence="共有{value}家单位参保", unit="家",
           definition=f"{YEAR}参保的单位数（基层工会或其企业）。", section=Section.CARE, records=_units,
           columns=UNIT_COLUMNS, record_url=record_link("care:medical_unit")),
    Figure(key="care.medical_whole_units", label="医疗互助全员参保单位", sentence="其中{value}家企业全员参保",
           unit="家", definition=f"{YEAR}登记为全员参保的参保单位数。", section=Section.CARE,
           records=lambda period: _units(period).filter(whole_unit=True), columns=UNIT_COLUMNS,
           record_url=record_link("care:medical_unit")),
    Figure(key="care.medical_claims", label="医疗互助赔付人次", sentence="医疗互助赔付{value}人次", unit="人次",
           definition="期内医疗互助赔付的次数（一人多次分别计）。", section=Section.CARE,
           records=_within(MedicalAidClaim, "paid_on"), month_field="paid_on",
           columns=CLAIM_COLUMNS, record_url=record_link("care:enrolment_detail", "enrolment_id")),
    Figure(key="care.medical_claims_paid", label="医疗互助赔付金额", sentence="共{value}元", unit="元",
           definition="期内医疗互助赔付的金额之和。", section=Section.CARE,
           records=_within(MedicalAidClaim, "paid_on"), total="amount", style=Style.YUAN, month_field="paid_on",
           columns=CLAIM_COLUMNS, record_url=record_link("care:enrolment_detail", "enrolment_id")),
)

CARD_COLUMNS = (Column("会员", "member.name"), Column("所属工会", "union.name"), Column("信息采集日期", "collected_on"),
                Column("制卡日期", "issued_on"))
CARDS = (
    Figure(key="care.cards_collected", label="服务卡采集信息", sentence="采集信息{value}人", unit="人",
           definition="期内采集服务卡信息的人数。", section=Section.CARE,
           records=_within(ServiceCard, "collected_on"), month_field="collected_on", columns=CARD_COLUMNS),
    Figure(key="care.cards_issued", label="服务卡制卡", sentence="制卡{value}人", unit="人",
           definition="期内制卡的人数。", section=Section.CARE, records=_within(ServiceCard, "issued_on"),
           month_field="issued_on", columns=CARD_COLUMNS),
    Figure(key="care.cards_collected_total", label="服务卡累计采集信息", sentence="现已累计采集信息{value}人",
           unit="人", definition="截至期末累计采集服务卡信息的人数。", section=Section.CARE,
           records=lambda period: ServiceCard.objects.filter(collected_on__lte=period.end), columns=CARD_COLUMNS),
    Figure(key="care.cards_issued_total", label="服务卡累计制卡", sentence="累计制卡{value}人", unit="人",
           definition="截至期末累计制卡的人数。", section=Section.CARE,
           records=lambda period: ServiceCard.objects.filter(issued_on__lte=period.end), columns=CARD_COLUMNS),
)

FIGURES = (*HARDSHIP, *FUNDS, COVERAGE, *WINTER, *SUMMER, *SCHOOLING, *VISITS, *MEDICAL, *CARDS)


class Line(NamedTuple):
    """One of the summaries' sentences, written from figures.

    In `text`, `{key}` is that figure's sentence; `{key1,key2,…}` lists those of them that are not zero,
    joined by "，" ("无" if none is), as the summaries list visits by reason.
    """

    key: str
    heading: str
    text: str


def _each(prefix: str, choices) -> str:
    return ",".join(f"care.{prefix}_{code}" for code, _ in choices)


LINES = (
    Line("hardship", "困难职工帮扶", "{care.hardship_new}，{care.hardship_active}，{care.hardship_aid}"),
    Line("fund_coverage", "企业帮困基金",
         "{care.funds}，{care.fund_coverage}，{care.fund_total}。{care.fund_required_without_fund}"),
    Line("fund_payouts", "企业帮困基金救助", "{care.fund_paid}，{care.fund_helped}"),
    Line("winter", "送温暖", "{care.winter_members}，{care.winter_value}"),
    Line("summer", "夏送清凉", "{care.summer_enterprises}，{care.summer_workers}，{care.summer_value}"),
    Line("schooling", "金秋助学",
         "为" + "、".join(f"{{care.schooling_{code}}}" for code, _ in SchoolLevel.choices)
         + "，{care.schooling_families}，{care.schooling_amount}"),
    Line("visits", "慰问（五必访等）", "{care.visits}（{" + _each("visits", VisitReason.choices) + "}），{care.visits_value}"),
    Line("medical", "职工医疗互助",
         "{care.medical_people}，{care.medical_enrolments}，其中"
         + "，".join(f"{{care.medical_{code}}}" for code, _ in MedicalCategory.choices)
         + "，{care.medical_units}，{care.medical_whole_units}"),
    Line("medical_claims", "医疗互助赔付", "{care.medical_claims}，{care.medical_claims_paid}"),
    Line("cards", "服务卡", "本期{care.cards_collected}，{care.cards_issued}，"
                          "{care.cards_collected_total}，{care.cards_issued_total}"),
)
