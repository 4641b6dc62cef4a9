"""Enterprise hardship funds (企业帮困基金): what went in and what was paid out."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, money_field, union_field

from .common import actor_fk


class HardshipFund(TenantModel):
    """An enterprise's internal hardship fund (企业帮困基金); the balance never goes below zero.

    Its name, union and contributions are anyone's in the subtree; its balance drops with every payout, so the
    balance (selectors, tables, API) and its audit trail (core history page) need the care grant.
    """

    HISTORY_CARE_GRANT_REQUIRED = True

    union = union_field(_("所属工会"))
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
    union = union_field()
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

    union = union_field()
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
