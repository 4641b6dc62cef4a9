"""Visits (慰问) and 金秋助学 schooling grants."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, money_field, union_field

from ..choices import SchoolLevel, VisitCampaign, VisitReason
from .common import actor_fk


class Visit(TenantModel):
    """A visit (慰问) to a member or to an enterprise; the union is the one the visited belongs to."""

    union = union_field(_("所属工会"))
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("慰问会员"))
    enterprise = models.ForeignKey("org.Enterprise", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("慰问企业"))
    reason = models.CharField(_("慰问事由"), max_length=16, choices=VisitReason.choices)
    campaign = models.CharField(_("所属活动"), max_length=16, choices=VisitCampaign.choices, blank=True)
    visited_on = models.DateField(_("慰问日期"))
    visitors = models.CharField(_("慰问人"), max_length=120)
    money = money_field(_("慰问金（元）"), default=0)
    goods = models.CharField(_("慰问品"), max_length=200, blank=True)
    goods_value = money_field(_("慰问品价值（元）"), default=0)
    workers_reached = models.PositiveIntegerField(_("覆盖职工人数"), default=0)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    created_by = actor_fk()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(member__isnull=False, enterprise__isnull=True)
                           | Q(member__isnull=True, enterprise__isnull=False)),
                name="care_visit_one_target",
            )
        ]
        indexes = [models.Index(fields=["tenant", "visited_on"], name="care_visit_on")]
        verbose_name = _("慰问")

    @property
    def target_name(self) -> str:
        return self.member.name if self.member_id else self.enterprise.name

    @property
    def total_value(self):
        return self.money + self.goods_value


class SchoolingGrant(TenantModel):
    """金秋助学: a grant to a worker's child at university, secondary or primary school."""

    union = union_field(_("所属工会"))
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+", verbose_name=_("职工"))
    student_name = models.CharField(_("学生姓名"), max_length=30)
    school_level = models.CharField(_("学段"), max_length=12, choices=SchoolLevel.choices)
    school_name = models.CharField(_("学校"), max_length=60, blank=True)
    amount = money_field(_("金额（元）"))
    granted_on = models.DateField(_("发放日期"))
    created_by = actor_fk()
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["tenant", "granted_on"], name="care_grant_on")]
        verbose_name = _("金秋助学")
