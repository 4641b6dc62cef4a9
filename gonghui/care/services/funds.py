"""Enterprise hardship funds: set up, money in, aid out; the balance never goes below zero."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from gonghui.core.scoping import is_within
from gonghui.core.services import require_writer, require_writer_within, save_with_history
from gonghui.members.models import Member
from gonghui.org.models import Enterprise, UnionLevel

from ..models import FundContribution, FundPayout, HardshipFund
from ..rules import (ENTERPRISE_NOT_YOURS, check_amount, check_date, check_member, raise_if, require_care_access,
                     save_checked)


@transaction.atomic
def fund_create(*, actor, enterprise: Enterprise, established_on: date, note: str = "") -> HardshipFund:
    require_writer(actor)
    errors: dict = {}
    if not is_within(actor, enterprise.union):
        errors["enterprise"] = ENTERPRISE_NOT_YOURS
    elif enterprise.union.level != UnionLevel.GRASSROOTS:
        errors["enterprise"] = "该企业尚未建立工会：帮困基金由企业工会管理，请先建会"
    elif HardshipFund.objects.filter(tenant_id=enterprise.tenant_id, enterprise=enterprise).exists():
        errors["enterprise"] = "该企业已建立帮困基金"
    check_date(errors, "established_on", established_on)
    raise_if(errors)
    fund = HardshipFund(tenant_id=enterprise.tenant_id, union=enterprise.union, enterprise=enterprise,
                        established_on=established_on, note=note.strip(), created_by=actor)
    save_checked(fund, actor=actor, clean_exclude=["enterprise", "created_by"])
    return fund


def _lock_fund(actor, fund: HardshipFund) -> HardshipFund:
    """The fund row locked (SELECT ... FOR UPDATE) until commit: concurrent payouts queue on it."""
    require_writer_within(actor, fund.union)
    return HardshipFund.objects.select_for_update().select_related("union", "enterprise").get(pk=fund.pk)


@transaction.atomic
def fund_contribute(*, actor, fund: HardshipFund, amount: Decimal, on_date: date,
                    source: str = "") -> FundContribution:
    fund = _lock_fund(actor, fund)
    errors: dict = {}
    amount = check_amount(errors, "amount", amount)
    check_date(errors, "on_date", on_date, not_before=fund.established_on, not_before_label="基金建立日期")
    raise_if(errors)
    fund.balance += amount
    save_with_history(fund, actor=actor)
    contribution = FundContribution(tenant_id=fund.tenant_id, union=fund.union, fund=fund, amount=amount,
                                    on_date=on_date, source=source.strip(), created_by=actor)
    save_checked(contribution, actor=actor, clean_exclude=["fund", "created_by"])
    return contribution


@transaction.atomic
def fund_payout(*, actor, fund: HardshipFund, member: Member, amount: Decimal, paid_on: date,
                reason: str) -> FundPayout:
    """Aid from an enterprise's fund to one of its members; the balance may reach zero, never below."""
    require_care_access(actor)
    fund = _lock_fund(actor, fund)
    errors: dict = {}
    check_member(errors, actor, member)
    if "member" not in errors and not member.union.path.startswith(fund.union.path):
        errors["member"] = "该会员不属于此企业的工会，不能从本基金救助"
    amount = check_amount(errors, "amount", amount)
    if amount is not None and amount > fund.balance:
        errors["amount"] = f"基金余额不足：当前余额{fund.balance}元，本次支出{amount}元，不能透支"
    check_date(errors, "paid_on", paid_on, not_before=fund.established_on, not_before_label="基金建立日期")
    if not reason.strip():
        errors["reason"] = "请填写救助事由"
    raise_if(errors)
    fund.balance -= amount
    save_with_history(fund, actor=actor)
    payout = FundPayout(tenant_id=fund.tenant_id, union=fund.union, fund=fund, member=member, amount=amount,
                        paid_on=paid_on, reason=reason.strip(), created_by=actor)
    save_checked(payout, actor=actor, clean_exclude=["fund", "member", "created_by"])
    return payout
