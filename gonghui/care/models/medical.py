"""Mutual medical aid (职工医疗互助): units, enrolments and claims; and members' service cards."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, money_field, union_field

from ..choices import MedicalCategory
from .common import actor_fk


class MedicalAidUnit(TenantModel):
    """A unit enrolled in mutual medical aid (职工医疗互助) for one year: a grassroots union or one of its enterprises."""

    union = union_field(_("工会"))
    enterprise = models.ForeignKey("org.Enterprise", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("企业"))
    year = models.PositiveSmallIntegerField(_("参保年度"))
    whole_unit = models.BooleanField(_("全员参保"), default=False)
    created_by = actor_fk()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["union", "year"], condition=Q(enterprise__isnull=True),
                                    name="care_medical_union_once_a_year"),
            models.UniqueConstraint(fields=["enterprise", "year"], condition=Q(enterprise__isnull=False),
                                    name="care_medical_enterprise_once_a_year"),
        ]
        indexes = [models.Index(fields=["tenant", "year"], name="care_medical_unit_year")]
        verbose_name = _("医疗互助参保单位")

    @property
    def name(self) -> str:
        return self.enterprise.name if self.enterprise_id else self.union.name


class MedicalAidEnrolment(TenantModel):
    union = union_field(_("工会"))
    unit = models.ForeignKey(MedicalAidUnit, on_delete=models.PROTECT, related_name="enrolments")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+", verbose_name=_("会员"))
    year = models.PositiveSmallIntegerField(_("参保年度"))
    category = models.CharField(_("参保类别"), max_length=10, choices=MedicalCategory.choices)
    enrolled_on = models.DateField(_("参保日期"))
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "year", "category"], name="care_medical_enrol_once"),
        ]
        indexes = [models.Index(fields=["tenant", "year", "category", "union"], name="care_medical_enrol_year")]
        verbose_name = _("医疗互助参保")


class MedicalAidClaim(TenantModel):
    """A claim paid; its amount counts in the statistics, its note names the illness and needs the care grant
    (the enrolment page, and the claim's audit trail, where a corrected note would show)."""

    HISTORY_CARE_GRANT_REQUIRED = True

    union = union_field()
    enrolment = models.ForeignKey(MedicalAidEnrolment, on_delete=models.PROTECT, related_name="claims")
    amount = money_field(_("赔付金额（元）"))
    paid_on = models.DateField(_("赔付日期"))
    note = models.CharField(_("病种/说明"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["tenant", "paid_on"], name="care_claim_paid_on")]
        verbose_name = _("医疗互助赔付")


class ServiceCard(TenantModel):
    """A member's service card (服务卡): information collected first, the card made later."""

    union = union_field(_("工会"))
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+", verbose_name=_("会员"))
    collected_on = models.DateField(_("信息采集日期"))
    issued_on = models.DateField(_("制卡日期"), null=True, blank=True)
    card_number = models.CharField(_("卡号"), max_length=30, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "member"], name="care_one_card_per_member")]
        indexes = [
            models.Index(fields=["tenant", "collected_on"], name="care_card_collected"),
            models.Index(fields=["tenant", "issued_on"], name="care_card_issued"),
        ]
        verbose_name = _("服务卡")
