"""Rights work (维权): mediation bodies and mediators, dispute cases, petitions, collective contracts.

Dispute cases and petitions are sensitive records: see selectors.py for who may read them.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, money_field, union_field, user_field

from .choices import ContractKind, ContractScope, DisputeKind, DisputeOutcome, PetitionChannel


def dispute_time_limit_days() -> int:
    return settings.GONGHUI.get("DISPUTE_TIME_LIMIT_DAYS", 15)


def contract_warning_days() -> int:
    return settings.GONGHUI.get("CONTRACT_EXPIRY_WARNING_DAYS", 90)


class MediationBody(TenantModel):
    """A labour-dispute mediation body (调解组织): in one enterprise, or for an area (a union node)."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="mediation_bodies",
                              verbose_name=_("所属工会"))
    enterprise = models.ForeignKey("org.Enterprise", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="mediation_bodies", verbose_name=_("所在企业"))
    name = models.CharField(_("调解组织名称"), max_length=120)
    established_on = models.DateField(_("成立日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enterprise"], condition=Q(enterprise__isnull=False),
                                    name="one_mediation_body_per_enterprise"),
        ]
        verbose_name = _("调解组织")

    def __str__(self) -> str:
        return self.name


class Mediator(TenantModel):
    """A mediator (调解员) of one body; `union` repeats the body's so scoping needs no second join."""

    body = models.ForeignKey(MediationBody, on_delete=models.CASCADE, related_name="mediators",
                             verbose_name=_("调解组织"))
    union = union_field()
    name = models.CharField(_("姓名"), max_length=30)
    phone = models.CharField(_("手机号码"), max_length=11, blank=True)
    member = models.ForeignKey("members.Member", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("对应会员"))
    active = models.BooleanField(_("在任"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["union", "active"], name="mediator_union_active")]
        verbose_name = _("调解员")

    def __str__(self) -> str:
        return f"{self.name}（{self.body.name}）"


class DisputeCase(TenantModel):
    """A labour dispute received for mediation (劳动争议调处). Open while it has no outcome."""

    # Read only with the grant may_access_care (see selectors.py); pages outside this app that show
    # any record (the audit trail) are meant to honour it too.
    CARE_GRANT_REQUIRED = True

    # Indexed by dispute_union_received below, which serves plain union lookups as well.
    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="dispute_cases",
                              verbose_name=_("受理工会"), db_index=False)
    enterprise = models.ForeignKey("org.Enterprise", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("涉及企业"))
    received_on = models.DateField(_("受理日期"))
    kind = models.CharField(_("争议类型"), max_length=20, choices=DisputeKind.choices)
    applicant = models.CharField(_("申请人"), max_length=60, blank=True)
    summary = models.TextField(_("争议事由"), max_length=1000, blank=True)
    workers_involved = models.PositiveIntegerField(_("涉及职工人数"))
    amount = money_field(_("涉案金额（元）"), default=0)
    mediator = models.ForeignKey(Mediator, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases",
                                 verbose_name=_("调解员"))
    outcome = models.CharField(_("处理结果"), max_length=16, choices=DisputeOutcome.choices, blank=True)
    closed_on = models.DateField(_("结案日期"), null=True, blank=True)
    result_note = models.CharField(_("结案说明"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [
            # The statistics join the subtree's unions and take each union's cases of the period.
            models.Index(fields=["union", "received_on"], name="dispute_union_received"),
            # The list, newest first: a page without sorting the tenant's cases.
            models.Index(fields=["tenant", "received_on"], name="dispute_tenant_received"),
            # The past-limit flag: open cases received before a cut-off date.
            models.Index(fields=["tenant", "received_on"], condition=Q(closed_on__isnull=True),
                         name="dispute_open_received"),
        ]
        verbose_name = _("劳动争议案件")

    def __str__(self) -> str:
        return f"{self.enterprise.name} {self.get_kind_display()}（{self.received_on:%Y-%m-%d}）"

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    @property
    def due_on(self) -> date:
        return self.received_on + timedelta(days=dispute_time_limit_days())

    @property
    def is_past_limit(self) -> bool:
        return not self.is_closed and timezone.localdate() > self.due_on


class CaseStep(TenantModel):
    """One dated step in handling a case (受理、调查、调解会…), kept in order."""

    case = models.ForeignKey(DisputeCase, on_delete=models.CASCADE, related_name="steps")
    union = union_field()
    on_date = models.DateField(_("日期"))
    action = models.CharField(_("办理事项"), max_length=60)
    note = models.CharField(_("情况说明"), max_length=300, blank=True)
    by = user_field()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on_date", "id"]
        verbose_name = _("办理步骤")


class Petition(TenantModel):
    """A petition or visit received (信访)."""

    CARE_GRANT_REQUIRED = True

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="petitions",
                              verbose_name=_("接待工会"), db_index=False)
    received_on = models.DateField(_("接待日期"))
    channel = models.CharField(_("信访方式"), max_length=10, choices=PetitionChannel.choices,
                               default=PetitionChannel.VISIT)
    petitioner = models.CharField(_("信访人"), max_length=60)
    phone = models.CharField(_("联系电话"), max_length=11, blank=True)
    member = models.ForeignKey("members.Member", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("对应会员"))
    people = models.PositiveIntegerField(_("人数"), default=1)
    matter = models.TextField(_("反映事项"), max_length=1000)
    handling = models.TextField(_("处理情况"), max_length=1000, blank=True)
    result = models.CharField(_("处理结果"), max_length=300, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["union", "received_on"], name="petition_union_received"),
            models.Index(fields=["tenant", "received_on"], name="petition_tenant_received"),
        ]
        verbose_name = _("信访")

    def __str__(self) -> str:
        return f"{self.petitioner}（{self.received_on:%Y-%m-%d}）"


class CollectiveContract(TenantModel):
    """A collective contract (集体合同): one enterprise's, or a regional/industry one covering many."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="collective_contracts",
                              verbose_name=_("签约工会"))
    scope = models.CharField(_("合同层级"), max_length=12, choices=ContractScope.choices,
                             default=ContractScope.ENTERPRISE)
    kind = models.CharField(_("合同类型"), max_length=16, choices=ContractKind.choices)
    title = models.CharField(_("合同名称"), max_length=120)
    enterprises = models.ManyToManyField("org.Enterprise", related_name="collective_contracts",
                                         verbose_name=_("覆盖企业"))
    signed_on = models.DateField(_("签订日期"))
    term_start = models.DateField(_("期限起始"))
    term_end = models.DateField(_("到期日期"))
    wage_increase_pct = models.DecimalField(_("约定工资增长幅度（%）"), max_digits=5, decimal_places=2, null=True,
                                            blank=True)
    workers_covered = models.PositiveIntegerField(_("覆盖职工人数"))
    filed_on = models.DateField(_("劳动部门备案日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["tenant", "term_end"], name="contract_tenant_term_end")]
        verbose_name = _("集体合同")

    def __str__(self) -> str:
        return self.title

    @property
    def is_expired(self) -> bool:
        return self.term_end < timezone.localdate()

    @property
    def is_expiring(self) -> bool:
        today = timezone.localdate()
        return today <= self.term_end <= today + timedelta(days=contract_warning_days())
