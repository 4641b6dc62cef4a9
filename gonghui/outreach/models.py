"""Work with enterprises (企业服务): surveys, goods given, service-card partner merchants, the course catalogue.

A record about one enterprise (a survey, a gift, a course order) belongs to the enterprise's union,
whoever entered it (a street's visit to a company is in that company's union's subtree as well as the
street's): so the enterprises a figure counts and the records behind its sums are scoped alike.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, money_field, union_field

from .choices import OrderState


def _enterprise() -> models.ForeignKey:
    return models.ForeignKey("org.Enterprise", on_delete=models.PROTECT, related_name="+", verbose_name=_("企业"))


class Survey(TenantModel):
    """A visit to an enterprise to find out how its workers are (调查访问企业)."""

    union = union_field(_("所属工会"))
    enterprise = _enterprise()
    surveyed_on = models.DateField(_("调查日期"))
    workers_reached = models.PositiveIntegerField(_("涉及职工（人次）"))
    topic = models.CharField(_("调查内容"), max_length=120)
    findings = models.TextField(_("调查情况"), max_length=2000, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "surveyed_on"], name="survey_union_date")]
        verbose_name = _("调查访问")

    def __str__(self) -> str:
        return f"{self.enterprise.name} {self.topic}（{self.surveyed_on:%Y-%m-%d}）"


class Gift(TenantModel):
    """Goods given to an enterprise (赠送企业篮球架4副): one kind of item per record."""

    union = union_field(_("所属工会"))
    enterprise = _enterprise()
    given_on = models.DateField(_("赠送日期"))
    item = models.CharField(_("物品名称"), max_length=60)
    quantity = models.PositiveIntegerField(_("数量"))
    unit = models.CharField(_("单位"), max_length=4, default="件")
    value = money_field(_("价值（元）"), default=0)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "given_on"], name="gift_union_date")]
        verbose_name = _("赠送物品")

    def __str__(self) -> str:
        return f"{self.enterprise.name} {self.item}{self.quantity}{self.unit}"


class Merchant(TenantModel):
    """A shop that gives service-card holders a discount (特约服务商户)."""

    union = union_field(_("签约工会"))
    name = models.CharField(_("商户名称"), max_length=120)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    offer = models.CharField(_("优惠内容"), max_length=200)
    contracted_on = models.DateField(_("签约日期"))
    ended_on = models.DateField(_("终止日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "contracted_on"], name="merchant_union_date")]
        verbose_name = _("特约服务商户")

    def __str__(self) -> str:
        return self.name


class Course(TenantModel):
    """A session a union offers enterprises to order (点课), in a series such as 一小时课堂."""

    union = union_field(_("开课工会"))
    title = models.CharField(_("课程名称"), max_length=120)
    series = models.CharField(_("系列"), max_length=40, help_text=_("如：一小时课堂、阳光家庭成长沙龙"))
    description = models.TextField(_("课程介绍"), max_length=1000, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("课程")

    def __str__(self) -> str:
        return f"{self.series}：{self.title}"


class CourseOrder(TenantModel):
    """An enterprise's order of a course from the catalogue, and the session that delivered it."""

    union = union_field(_("所属工会"))
    enterprise = _enterprise()
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="orders", verbose_name=_("课程"))
    ordered_on = models.DateField(_("点课日期"))
    state = models.CharField(_("状态"), max_length=10, choices=OrderState.choices, default=OrderState.REQUESTED)
    # By name, not import: the ledger is a sibling app. The session is an activity of the ledger;
    # deleting it there leaves the order delivered, without its link.
    activity = models.ForeignKey("ledger.Activity", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("送课活动（台帐）"))
    delivered_on = models.DateField(_("送课日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "ordered_on"], name="order_union_date"),
                   models.Index(fields=["union", "delivered_on"], name="order_union_delivered")]
        verbose_name = _("点课")

    def __str__(self) -> str:
        return f"{self.enterprise.name} {self.course.title}（{self.ordered_on:%Y-%m-%d}）"
