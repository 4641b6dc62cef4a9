from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel

from .choices import (
    AidKind,
    Campaign,
    Cause,
    CloseReason,
    FileStatus,
    FundSource,
    HardshipLevel,
    MedicalCategory,
    OPEN_STATUSES,
    Relation,
    ReviewOutcome,
    ReviewStep,
    SchoolLevel,
    VisitReason,
)

def money_field(label: str, **kwargs) -> models.DecimalField:
    return models.DecimalField(label, max_digits=12, decimal_places=2, **kwargs)


def actor_fk() -> models.ForeignKey:
    return models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("经办人"))


class HardshipFile(TenantModel):
    """A hardship worker's file (困难职工档案), from application to closing.

    `union` is the member's union when the file was opened: the file stays
    with that union (and its federations) even if the member later moves.
    """

    # Read only with the grant may_access_care (selectors check it); pages outside this app that
    # show any record, such as the audit trail, are meant to honour it too.
    CARE_GRANT_REQUIRED = True

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="hardship_files",
                              verbose_name=_("所属工会"))
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="hardship_files",
                               verbose_name=_("会员"))
    applied_on = models.DateField(_("申请日期"))
    # Stored as ",illness,schooling," so that `causes__contains=",illness,"` matches one cause exactly.
    causes = models.CharField(_("致困原因"), max_length=120)
    cause_note = models.CharField(_("困难情况说明"), max_length=500, blank=True)
    applicant_income = money_field(_("本人月收入（元）"))
    household_size = models.PositiveSmallIntegerField(_("家庭人口"))
    household_income = money_field(_("家庭月收入（元）"))
    income_per_head = money_field(_("家庭月人均收入（元）"))
    status = models.CharField(_("状态"), max_length=16, choices=FileStatus.choices, default=FileStatus.APPLIED)
    level = models.CharField(_("困难类别"), max_length=12, choices=HardshipLevel.choices, blank=True)
    approved_on = models.DateField(_("建档日期"), null=True, blank=True)
    # The approval or the latest yearly review: what the "not reviewed for a year" list looks at.
    last_reviewed_on = models.DateField(_("最近复核日期"), null=True, blank=True)
    closed_on = models.DateField(_("销档日期"), null=True, blank=True)
    close_reason = models.CharField(_("销档原因"), max_length=12, choices=CloseReason.choices, blank=True)
    created_by = actor_fk()
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member"], condition=Q(status__in=[s.value for s in OPEN_STATUSES]),
                                    name="care_one_open_file"),
        ]
        indexes = [
            models.Index(fields=["union", "status"], name="care_file_union_status"),
            # The list's order (newest application first): read in index order, a page joins only its rows.
            models.Index(fields=["tenant", "applied_on", "id"], name="care_file_applied"),
            # The statistics: approved within a period, still active at its end.
            models.Index(fields=["tenant", "approved_on"], name="care_file_approved"),
            models.Index(fields=["tenant", "status", "last_reviewed_on"], name="care_file_review_due"),
        ]
        verbose_name = _("困难职工档案")

    def __str__(self) -> str:
        return f"{self.member.name}的困难职工档案"

    @property
    def cause_list(self) -> list[str]:
        return [c for c in self.causes.split(",") if c]

    def get_causes_display(self) -> str:
        labels = dict(Cause.choices)
        return "、".join(str(labels.get(c, c)) for c in self.cause_list)


class HouseholdMember(TenantModel):
    """A person living with the applicant, with their monthly income."""

    CARE_GRANT_REQUIRED = True  # as HardshipFile

    SCOPE_PATH = "file__union__path"

    file = models.ForeignKey(HardshipFile, on_delete=models.CASCADE, related_name="household")
    name = models.CharField(_("姓名"), max_length=30)
    relation = models.CharField(_("与申请人关系"), max_length=10, choices=Relation.choices)
    monthly_income = money_field(_("月收入（元）"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("家庭成员")


class HardshipReview(TenantModel):
    """One decision on a file: the union's first review, the federation's, or a yearly review."""

    SCOPE_PATH = "file__union__path"

    file = models.ForeignKey(HardshipFile, on_delete=models.CASCADE, related_name="reviews")
    step = models.CharField(_("环节"), max_length=12, choices=ReviewStep.choices)
    outcome = models.CharField(_("结论"), max_length=16, choices=ReviewOutcome.choices)
    level = models.CharField(_("困难类别"), max_length=12, choices=HardshipLevel.choices, blank=True)
    close_reason = models.CharField(_("销档原因"), max_length=12, choices=CloseReason.choices, blank=True)
    on_date = models.DateField(_("日期"))
    note = models.CharField(_("意见"), max_length=300, blank=True)
    by = actor_fk()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on_date", "id"]


class AidPayment(TenantModel):
    """Aid paid against an active hardship file (帮扶救助)."""

    CARE_GRANT_REQUIRED = True  # as HardshipFile

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属工会"))
    file = models.ForeignKey(HardshipFile, on_delete=models.PROTECT, related_name="aid", verbose_name=_("困难职工档案"))
    kind = models.CharField(_("救助类型"), max_length=12, choices=AidKind.choices)
    amount = money_field(_("金额（元）"))
    paid_on = models.DateField(_("发放日期"))
    fund_source = models.CharField(_("资金来源"), max_length=16, choices=FundSource.choices)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    created_by = actor_fk()
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        # Covers the statistics' sum of a period's aid by union: an index-only scan, no heap visits.
        indexes = [models.Index(fields=["tenant", "paid_on", "union", "amount"], name="care_aid_paid_on")]
        verbose_name = _("帮扶救助")


class HardshipFund(TenantModel):
    """An enterprise's internal hardship fund (企业帮困基金); the balance never goes below zero."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属工会"))
    enterprise = models.ForeignKey("org.Enterprise", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("企业"))
    established_on = models.DateField(_("建立日期"))
    balance = money_field(_("余额（元）"), default=0)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    created_by = actor_fk()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "enterprise"], name="care_one_fund_per_enterprise"),
            models.CheckConstraint(condition=Q(balance__gte=0), name="care_fund_balance_not_negative"),
        ]
        verbose_name = _("企业帮困基金")

    def __str__(self) -> str:
        return f"{self.enterprise.name}帮困基金"


class FundContribution(TenantModel):
    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+")
    fund = models.ForeignKey(HardshipFund, on_delete=models.PROTECT, related_name="contributions")
    amount = money_field(_("金额（元）"))
    on_date = models.DateField(_("筹集日期"))
    source = models.CharField(_("来源"), max_length=60, blank=True)
    created_by = actor_fk()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-on_date", "-id"]
        verbose_name = _("基金筹集")


class FundPayout(TenantModel):
    CARE_GRANT_REQUIRED = True  # as HardshipFile

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+")
    fund = models.ForeignKey(HardshipFund, on_delete=models.PROTECT, related_name="payouts")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+", verbose_name=_("救助对象"))
    amount = money_field(_("金额（元）"))
    paid_on = models.DateField(_("发放日期"))
    reason = models.CharField(_("救助事由"), max_length=200)
    created_by = actor_fk()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-paid_on", "-id"]
        indexes = [models.Index(fields=["tenant", "paid_on"], name="care_payout_paid_on")]
        verbose_name = _("基金救助")


class Visit(TenantModel):
    """A visit (慰问) to a member or to an enterprise; the union is the one the visited belongs to."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属工会"))
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("慰问会员"))
    enterprise = models.ForeignKey("org.Enterprise", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("慰问企业"))
    reason = models.CharField(_("慰问事由"), max_length=16, choices=VisitReason.choices)
    campaign = models.CharField(_("所属活动"), max_length=16, choices=Campaign.choices, blank=True)
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

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+", verbose_name=_("所属工会"))
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


class MedicalAidUnit(TenantModel):
    """A unit enrolled in mutual medical aid (职工医疗互助) for one year: a grassroots union or one of its enterprises."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+", verbose_name=_("工会"))
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
    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+", verbose_name=_("工会"))
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
    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+")
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

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+", verbose_name=_("工会"))
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
