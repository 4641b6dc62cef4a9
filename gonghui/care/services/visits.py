"""Visits (慰问, the campaigns among them) and 金秋助学 schooling grants."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from gonghui.core.scoping import is_within
from gonghui.core.services import require_writer
from gonghui.members.models import Member
from gonghui.org.models import Enterprise, Union

from ..choices import SchoolLevel, VisitCampaign, VisitReason
from ..models import SchoolingGrant, Visit
from ..rules import ENTERPRISE_NOT_YOURS, check_amount, check_choice, check_date, check_member, raise_if, save_checked

MAX_WORKERS_REACHED = 100_000


def _visit_target(errors: dict, actor, *, member: Member | None, enterprise: Enterprise | None,
                  campaign: str) -> Union | None:
    if (member is None) == (enterprise is None):
        errors["member"] = "请填写慰问会员或选择慰问企业，二者选其一"
        return None
    if campaign == VisitCampaign.SUMMER_COOLING and enterprise is None:
        errors["campaign"] = "夏送清凉慰问的对象是企业"
    if campaign == VisitCampaign.WINTER_WARMTH and member is None:
        errors["campaign"] = "送温暖慰问的对象是职工"
    if member is not None:
        # A funeral visit comes after the member's death: any status may be visited.
        check_member(errors, actor, member, must_be_active=False)
        return member.union
    if not is_within(actor, enterprise.union):
        errors["enterprise"] = ENTERPRISE_NOT_YOURS
    return enterprise.union


def _check_workers(errors: dict, workers_reached: int, *, enterprise: Enterprise | None, campaign: str) -> None:
    if enterprise is None and workers_reached:
        errors["workers_reached"] = "慰问个人时不填写覆盖职工人数"
    elif workers_reached < 0 or workers_reached > MAX_WORKERS_REACHED:
        errors["workers_reached"] = f"覆盖职工人数应在0至{MAX_WORKERS_REACHED}之间"
    elif campaign == VisitCampaign.SUMMER_COOLING and workers_reached == 0:
        errors["workers_reached"] = "请填写夏送清凉覆盖的职工人数"


@transaction.atomic
def visit_create(*, actor, reason: str, visited_on: date, visitors: str, member: Member | None = None,
                 enterprise: Enterprise | None = None, campaign: str = "", money: Decimal = Decimal(0),
                 goods: str = "", goods_value: Decimal = Decimal(0), workers_reached: int = 0,
                 note: str = "") -> Visit:
    require_writer(actor)
    errors: dict = {}
    union = _visit_target(errors, actor, member=member, enterprise=enterprise, campaign=campaign)
    check_choice(errors, "reason", reason, VisitReason, "请选择慰问事由")
    if campaign:
        check_choice(errors, "campaign", campaign, VisitCampaign, "所属活动不在可选范围内")
    check_date(errors, "visited_on", visited_on)
    if not visitors.strip():
        errors["visitors"] = "请填写慰问人"
    money = check_amount(errors, "money", money, allow_zero=True)
    goods_value = check_amount(errors, "goods_value", goods_value, allow_zero=True)
    if goods_value and not goods.strip():
        errors["goods"] = "填写了慰问品价值，请写明慰问品"
    _check_workers(errors, workers_reached or 0, enterprise=enterprise, campaign=campaign)
    raise_if(errors)
    visit = Visit(tenant_id=union.tenant_id, union=union, member=member, enterprise=enterprise, reason=reason,
                  campaign=campaign, visited_on=visited_on, visitors=visitors.strip(), money=money,
                  goods=goods.strip(), goods_value=goods_value, workers_reached=workers_reached or 0,
                  note=note.strip(), created_by=actor)
    save_checked(visit, actor=actor, clean_exclude=["member", "enterprise", "created_by"])
    return visit


@transaction.atomic
def schooling_grant_create(*, actor, member: Member, student_name: str, school_level: str, amount: Decimal,
                           granted_on: date, school_name: str = "") -> SchoolingGrant:
    """金秋助学: one student of a worker's family."""
    require_writer(actor)
    errors: dict = {}
    check_member(errors, actor, member)
    if not student_name.strip():
        errors["student_name"] = "请填写学生姓名"
    check_choice(errors, "school_level", school_level, SchoolLevel, "请选择学段：大学、中学或小学")
    amount = check_amount(errors, "amount", amount)
    check_date(errors, "granted_on", granted_on)
    raise_if(errors)
    grant = SchoolingGrant(tenant_id=member.tenant_id, union=member.union, member=member,
                           student_name=student_name.strip(), school_level=school_level,
                           school_name=school_name.strip(), amount=amount, granted_on=granted_on, created_by=actor)
    save_checked(grant, actor=actor, clean_exclude=["member", "created_by"])
    return grant
