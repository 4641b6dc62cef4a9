"""Services to workers (职工服务): employment aid, check-ups and rest stays, children's summer classes, donation drives.

No ID number is stored: a person helped is a member (the link) or, for a job seeker who is not one, a name.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, money_field, union_field

from .choices import RecuperationKind


class UnionRecord(TenantModel):
    union = union_field(_("登记工会"))

    class Meta:
        abstract = True


class PersonHelped(UnionRecord):
    """A record of one person: a member, or a non-member by name; `name` is the member's at entry, for lists."""

    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("会员"))
    name = models.CharField(_("姓名"), max_length=30)

    class Meta:
        abstract = True

    @property
    def is_member(self) -> bool:
        return self.member_id is not None


class EmploymentAid(PersonHelped):
    """再就业援助: one person the union helped into a job."""

    DATE_FIELD = "aided_on"  # the date lists, filters and figures read

    aided_on = models.DateField(_("就业日期"))
    employer = models.CharField(_("就业单位"), max_length=120)
    post = models.CharField(_("岗位"), max_length=60, blank=True)
    helped_by = models.CharField(_("帮扶人"), max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "aided_on"], name="employment_aid_union_date")]
        verbose_name = _("再就业援助")


class Recuperation(PersonHelped):
    """体检 / 疗休养: one person sent for a check-up or a rest-and-recuperation stay."""

    DATE_FIELD = "on_date"

    kind = models.CharField(_("类别"), max_length=10, choices=RecuperationKind.choices)
    on_date = models.DateField(_("日期"))
    place = models.CharField(_("地点/机构"), max_length=120)
    cost = money_field(_("费用（元）"), default=0)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "kind", "on_date"], name="recuperation_union_kind_date")]
        verbose_name = _("体检与疗休养")


class ChildrenProgramme(UnionRecord):
    """小候鸟暑期放心班: a summer programme for workers' children, its classes and children as numbers."""

    DATE_FIELD = "start_on"

    name = models.CharField(_("名称"), max_length=120)
    start_on = models.DateField(_("开班日期"))
    end_on = models.DateField(_("结束日期"))
    classes = models.PositiveIntegerField(_("班数"))
    children = models.PositiveIntegerField(_("参加小朋友人数"))
    history = HistoricalRecords()

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(end_on__gte=models.F("start_on")),
                                              name="children_programme_ends_after_start")]
        verbose_name = _("暑期放心班")


class DonationDrive(UnionRecord):
    """慈善一日捐 and gifts in kind: one drive, what its donors gave (money, and items by kind)."""

    DATE_FIELD = "held_on"

    name = models.CharField(_("活动名称"), max_length=120)
    held_on = models.DateField(_("日期"))
    purpose = models.CharField(_("用途"), max_length=200, blank=True)
    donors = models.PositiveIntegerField(_("捐赠人次"))
    amount = money_field(_("捐款（元）"), default=0)
    clothes = models.PositiveIntegerField(_("衣物（件）"), default=0)
    books = models.PositiveIntegerField(_("书籍（册）"), default=0)
    other_items = models.PositiveIntegerField(_("其他物品（件）"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("捐赠活动")
