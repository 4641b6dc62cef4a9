"""The outreach figures in the registry (gonghui.core.figures), worded as the source summaries word them.

Sections follow where the summaries write each: the surveys under 维权 ("配合完成省总企业外来务工人员情况调查，
共调查访问了近50家企业，涉及职工1.25万人次"), the goods under the culture facilities ("赠送企业篮球架4副，乒乓球台5对，
以及……各类体育用品100多件"), the partner merchants with the service card under 帮扶 ("联系特约服务商户1家"), the
catalogue under 职工素质 ("让企业根据实际需要自行点课……已经开展102期一小时讲堂活动").
"""

from django.db.models import QuerySet

from gonghui.core.figures import Column, Figure, Section
from gonghui.core.periods import Period
from gonghui.core.links import record_link
from gonghui.org.models import Enterprise

from .models import CourseOrder, Gift, Merchant, OrderState, Survey


def _surveys(period: Period) -> QuerySet:
    return Survey.objects.select_related("enterprise", "union").filter(surveyed_on__range=period.span)


def _surveyed(period: Period) -> QuerySet:
    # Enterprises, not visits: one visited twice counts once.
    return Enterprise.objects.select_related("union").filter(pk__in=_surveys(period).values("enterprise_id"))


def _gifts(period: Period) -> QuerySet:
    return Gift.objects.select_related("enterprise", "union").filter(given_on__range=period.span)


def _merchants(period: Period) -> QuerySet:
    return Merchant.objects.select_related("union").filter(contracted_on__range=period.span)


def _orders(period: Period) -> QuerySet:
    return CourseOrder.objects.select_related("enterprise", "course", "union").filter(ordered_on__range=period.span)


def _delivered(period: Period) -> QuerySet:
    return CourseOrder.objects.select_related("enterprise", "course", "union", "activity").filter(
        state=OrderState.DELIVERED, delivered_on__range=period.span)


def _detail(name: str):
    return record_link(f"outreach:{name}_detail")


ENTERPRISE = Column("企业", "enterprise.name")
UNION = Column("所属工会", "union.name")
COURSE = (ENTERPRISE, Column("系列", "course.series"), Column("课程", "course.title"))

FIGURES = (
    Figure(
        key="outreach.enterprises_surveyed", label="调查访问企业", sentence="调查访问企业{value}家", unit="家",
        definition="期内有调查访问记录（调查日期在期间内）的企业数；同一企业多次调查只计一家。",
        section=Section.RIGHTS, records=_surveyed,
        columns=(Column("企业名称", "name"), UNION),
    ),
    Figure(
        key="outreach.workers_reached", label="调查涉及职工", sentence="涉及职工{value}人次", unit="人次",
        definition="期内各次调查访问登记的涉及职工人次之和。",
        section=Section.RIGHTS, records=_surveys, total="workers_reached", month_field="surveyed_on",
        record_url=_detail("survey"),
        columns=(ENTERPRISE, Column("调查日期", "surveyed_on"), Column("调查内容", "topic"),
                 Column("涉及职工（人次）", "workers_reached")),
    ),
    Figure(
        key="outreach.gifts_given", label="赠送企业物品", sentence="赠送物品{value}件", unit="件",
        definition="期内（赠送日期）赠送企业的物品数量之和，副、对、件等各种单位均按一件计。",
        section=Section.CULTURE, records=_gifts, total="quantity", month_field="given_on", ranked=True,
        record_url=_detail("gift"),
        columns=(ENTERPRISE, Column("赠送日期", "given_on"), Column("物品名称", "item"), Column("单位", "unit"),
                 Column("数量", "quantity")),
    ),
    Figure(
        key="outreach.merchants_contracted", label="联系特约服务商户", sentence="联系特约服务商户{value}家",
        unit="家", definition="期内签约（签约日期在期间内）的服务卡特约服务商户数。",
        section=Section.CARE, records=_merchants, month_field="contracted_on", record_url=_detail("merchant"),
        columns=(Column("商户名称", "name"), Column("优惠内容", "offer"), Column("签约日期", "contracted_on"), UNION),
    ),
    Figure(
        key="outreach.courses_ordered", label="企业点课", sentence="点课{value}次", unit="次",
        definition="期内（点课日期）企业从课程目录点课的次数，不论是否已送课。",
        section=Section.QUALITY, records=_orders, month_field="ordered_on", ranked=True,
        record_url=_detail("order"),
        columns=(*COURSE, Column("点课日期", "ordered_on"), Column("状态", "get_state_display")),
    ),
    Figure(
        key="outreach.courses_delivered", label="送课", sentence="送课{value}期", unit="期",
        definition="期内（送课日期）已送课的点课数，每次对应台帐中的一次活动。",
        section=Section.QUALITY, records=_delivered, month_field="delivered_on", record_url=_detail("order"),
        columns=(*COURSE, Column("送课日期", "delivered_on"), Column("台帐活动", "activity.title")),
    ),
)
