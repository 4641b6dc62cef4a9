"""The checks figures in the registry (gonghui.core.figures), under 考核与竞赛.

An assessment counts in the period that holds its step's day: assessed when the federation gave its
result (复核日期), named on its naming day, withdrawn on its withdrawal day. The year's 活力基层工会
targets are the assessments of 活力基层工会创建 campaigns of that year; met are those of them named.
"""

from django.db.models import QuerySet

from gonghui.core.figures import Column, Figure, Section
from gonghui.core.periods import Period
from gonghui.core.links import record_link

from .models import Assessment, AssessmentStatus, NoticeStatus, RubricKind, SupervisionNotice


def _assessments() -> QuerySet:
    return Assessment.objects.select_related("union", "campaign")


def _assessed(period: Period) -> QuerySet:
    return _assessments().filter(reviewed_on__range=period.span)


def _named(period: Period) -> QuerySet:
    return _assessments().filter(named_on__range=period.span).exclude(
        status=AssessmentStatus.WITHDRAWN)


def _withdrawn(period: Period) -> QuerySet:
    return _assessments().filter(withdrawn_on__range=period.span)


def _targets(period: Period) -> QuerySet:
    return _assessments().filter(campaign__rubric__kind=RubricKind.VITALITY,
                                 campaign__year__range=(period.start.year, period.end.year))


def _targets_met(period: Period) -> QuerySet:
    return _targets(period).filter(status=AssessmentStatus.NAMED)


def _labour_checks(period: Period) -> QuerySet:
    return _assessed(period).filter(campaign__rubric__kind=RubricKind.LABOUR_LAW)


def _notices_open(period: Period) -> QuerySet:
    # Open at the period's end: issued by then and not closed by then.
    return SupervisionNotice.objects.select_related("union").filter(issued_on__lte=period.end).exclude(
        status=NoticeStatus.CLOSED, closed_on__lte=period.end)


_notice_url = record_link("checks:notice_detail")
_url = record_link("checks:assessment_detail")


COLUMNS = (Column("考核", "campaign.name"), Column("被考核单位", "union.name"), Column("考核对象", "subject"),
           Column("复核得分", "total"), Column("等次", "level"), Column("状态", "get_status_display"))

FIGURES = (
    Figure(key="checks.assessed", label="考核评定", sentence="考核评定{value}家（次）", unit="家",
           definition="期内（复核日期）由上级工会复核评定结果的考核对象，含未达标和一票否决的。",
           section=Section.CHECKS, records=_assessed, month_field="reviewed_on", ranked=True, record_url=_url,
           columns=COLUMNS),
    Figure(key="checks.named", label="命名", sentence="命名{value}家", unit="家",
           definition="期内（命名日期）经公示后命名、至今未摘牌的考核对象（如模范职工之家、示范班组）。",
           section=Section.CHECKS, records=_named, month_field="named_on", record_url=_url, columns=COLUMNS),
    Figure(key="checks.withdrawn", label="复查摘牌", sentence="复查摘牌{value}家", unit="家",
           definition="期内（摘牌日期）复查不合格被摘牌的考核对象。",
           section=Section.CHECKS, records=_withdrawn, month_field="withdrawn_on", record_url=_url, columns=COLUMNS),
    Figure(key="checks.vitality_targets", label="活力基层工会创建目标", sentence="确定活力基层工会创建目标{value}家",
           unit="家", definition="期内各年度活力基层工会创建考核中确定的创建对象。",
           section=Section.CHECKS, records=_targets, record_url=_url, columns=COLUMNS),
    Figure(key="checks.vitality_met", label="活力基层工会创建达标", sentence="已命名{value}家", unit="家",
           definition="上述创建对象中已命名（达标）的。",
           section=Section.CHECKS, records=_targets_met, record_url=_url, columns=COLUMNS),
    Figure(key="checks.labour_checks", label="劳动法律监督检查", sentence="开展劳动法律监督检查{value}家（次）", unit="家",
           definition="期内（复核日期）评定结果的劳动法律监督检查（书面劳动合同、工资按时足额发放、社会保险、工时、女职工特殊保护等）。",
           section=Section.RIGHTS, records=_labour_checks, month_field="reviewed_on", record_url=_url, columns=COLUMNS),
    Figure(key="checks.notices_open", label="监督意见书未整改", sentence="下达的监督意见书尚有{value}份未整改完毕",
           unit="份", definition="期末前已下达、到期末仍未复查销号的劳动法律监督意见书（其企业即有未整改问题的企业）。",
           section=Section.RIGHTS, records=_notices_open, record_url=_notice_url, zero_sentence="监督意见书均已整改完毕",
           columns=(Column("被检查单位", "union.name"), Column("下达日期", "issued_on"), Column("整改期限", "deadline"),
                    Column("状态", "get_status_display"))),
)
