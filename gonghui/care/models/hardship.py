"""Hardship files (困难职工档案), their households and reviews, and the aid paid against them."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, money_field, union_field

from ..choices import (
    OPEN_STATUSES,
    AidPaymentKind,
    CloseReason,
    FundSource,
    HardshipCause,
    HardshipFileStatus,
    HardshipLevel,
    HouseholdRelation,
    ReviewOutcome,
    ReviewStep,
)
from .common import actor_fk


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
    status = models.CharField(_("状态"), max_length=16, choices=HardshipFileStatus.choices,
                              default=HardshipFileStatus.APPLIED)
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
        labels = dict(HardshipCause.choices)
        return "、".join(str(labels.get(c, c)) for c in self.cause_list)


class HouseholdMember(TenantModel):
    """A person living with the applicant, with their monthly income."""

    CARE_GRANT_REQUIRED = True  # as HardshipFile

    SCOPE_PATH = "file__union__path"

    file = models.ForeignKey(HardshipFile, on_delete=models.CASCADE, related_name="household")
    name = models.CharField(_("姓名"), max_length=30)
    relation = models.CharField(_("与申请人关系"), max_length=10, choices=HouseholdRelation.choices)
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

    union = union_field(_("所属工会"))
    file = models.ForeignKey(HardshipFile, on_delete=models.PROTECT, related_name="aid", verbose_name=_("困难职工档案"))
    kind = models.CharField(_("救助类型"), max_length=12, choices=AidPaymentKind.choices)
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
