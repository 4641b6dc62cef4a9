"""Mutual medical aid (units, enrolments, claims) and service cards."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from gonghui.core.pages import FIRST_YEAR
from gonghui.core.services import require_writer, require_writer_within, save_with_history
from gonghui.members.choices import MemberCategory
from gonghui.members.choices import MemberStatus
from gonghui.members.models import Member
from gonghui.org.models import Enterprise, Union, UnionLevel

from ..choices import MedicalCategory
from ..models import MedicalAidClaim, MedicalAidEnrolment, MedicalAidUnit, ServiceCard
from ..rules import check_amount, check_choice, check_date, check_member, raise_if, save_checked


def _check_year(errors: dict, year: int) -> None:
    this_year = timezone.localdate().year
    if not FIRST_YEAR <= (year or 0) <= this_year + 1:
        errors["year"] = f"参保年度应在{FIRST_YEAR}至{this_year + 1}年之间"


@transaction.atomic
def medical_unit_enrol(*, actor, union: Union, year: int, enterprise: Enterprise | None = None,
                       whole_unit: bool = False) -> MedicalAidUnit:
    """A unit joins mutual medical aid for a year: a grassroots union, or one enterprise it covers."""
    require_writer_within(actor, union)
    errors: dict = {}
    if union.level != UnionLevel.GRASSROOTS:
        errors["union"] = "参保单位须是基层工会或其覆盖的企业"
    if enterprise is not None and enterprise.union_id != union.pk:
        errors["enterprise"] = "该企业不在此工会的覆盖范围内"
    _check_year(errors, year)
    same = MedicalAidUnit.objects.filter(union=union, year=year, enterprise=enterprise)
    if not errors and same.exists():
        errors["enterprise" if enterprise else "union"] = f"该单位{year}年度已参保"
    raise_if(errors)
    unit = MedicalAidUnit(tenant_id=union.tenant_id, union=union, enterprise=enterprise, year=year,
                          whole_unit=whole_unit, created_by=actor)
    save_checked(unit, actor=actor, clean_exclude=["enterprise", "created_by"])
    return unit


def _basic_category(member: Member) -> str:
    return MedicalCategory.RETIRED if member.category == MemberCategory.RETIRED else MedicalCategory.EMPLOYED


@transaction.atomic
def medical_member_enrol(*, actor, unit: MedicalAidUnit, member: Member, category: str,
                         enrolled_on: date) -> MedicalAidEnrolment:
    require_writer_within(actor, unit.union)
    errors: dict = {}
    check_member(errors, actor, member)
    if "member" not in errors and member.union_id != unit.union_id:
        errors["member"] = "该会员不属于此参保单位的工会"
    check_choice(errors, "category", category, MedicalCategory, "请选择参保类别：在职、退休、安康或特种")
    check_date(errors, "enrolled_on", enrolled_on)
    if not errors and MedicalAidEnrolment.objects.filter(member=member, year=unit.year, category=category).exists():
        errors["category"] = f"该会员{unit.year}年度已参加此类别互助"
    raise_if(errors)
    enrolment = MedicalAidEnrolment(tenant_id=unit.tenant_id, union=unit.union, unit=unit, member=member,
                                    year=unit.year, category=category, enrolled_on=enrolled_on)
    save_checked(enrolment, actor=actor, clean_exclude=["unit", "member"])
    return enrolment


@transaction.atomic
def medical_enrol_whole_unit(*, actor, unit: MedicalAidUnit, enrolled_on: date) -> int:
    """全员参保: every active member of the unit's union not yet enrolled this year, in 在职 or 退休 by category."""
    require_writer_within(actor, unit.union)
    errors: dict = {}
    check_date(errors, "enrolled_on", enrolled_on)
    raise_if(errors)
    enrolled = MedicalAidEnrolment.objects.filter(
        tenant_id=unit.tenant_id, year=unit.year, category__in=[MedicalCategory.EMPLOYED, MedicalCategory.RETIRED],
    ).values("member_id")
    members = (Member.objects.filter(union=unit.union, status=MemberStatus.ACTIVE).exclude(pk__in=enrolled)
               .only("id", "category"))
    rows = [MedicalAidEnrolment(tenant_id=unit.tenant_id, union=unit.union, unit=unit, member=m, year=unit.year,
                                category=_basic_category(m), enrolled_on=enrolled_on) for m in members.iterator()]
    bulk_create_with_history(rows, MedicalAidEnrolment, batch_size=1000, default_user=actor)
    unit.whole_unit = True
    save_with_history(unit, actor=actor)
    return len(rows)


@transaction.atomic
def medical_claim_create(*, actor, enrolment: MedicalAidEnrolment, amount: Decimal, paid_on: date,
                         note: str = "") -> MedicalAidClaim:
    require_writer_within(actor, enrolment.union)
    errors: dict = {}
    amount = check_amount(errors, "amount", amount)
    check_date(errors, "paid_on", paid_on, not_before=enrolment.enrolled_on, not_before_label="参保日期")
    raise_if(errors)
    claim = MedicalAidClaim(tenant_id=enrolment.tenant_id, union=enrolment.union, enrolment=enrolment, amount=amount,
                            paid_on=paid_on, note=note.strip())
    save_checked(claim, actor=actor, clean_exclude=["enrolment"])
    return claim


@transaction.atomic
def service_card_collect(*, actor, member: Member, collected_on: date) -> ServiceCard:
    require_writer(actor)
    errors: dict = {}
    check_member(errors, actor, member)
    check_date(errors, "collected_on", collected_on)
    if "member" not in errors and ServiceCard.objects.filter(tenant_id=member.tenant_id, member=member).exists():
        errors["member"] = "该会员的服务卡信息已采集"
    raise_if(errors)
    card = ServiceCard(tenant_id=member.tenant_id, union=member.union, member=member, collected_on=collected_on)
    save_checked(card, actor=actor, clean_exclude=["member"])
    return card


@transaction.atomic
def service_card_issue(*, actor, card: ServiceCard, issued_on: date, card_number: str = "") -> ServiceCard:
    require_writer_within(actor, card.union)
    card = ServiceCard.objects.select_for_update().get(pk=card.pk)
    if card.issued_on:
        raise ValidationError({"__all__": f"该会员的服务卡已于{card.issued_on:%Y-%m-%d}制卡"})
    errors: dict = {}
    check_date(errors, "issued_on", issued_on, not_before=card.collected_on, not_before_label="信息采集日期")
    raise_if(errors)
    card.issued_on, card.card_number = issued_on, card_number.strip()
    save_checked(card, actor=actor, clean_exclude=["member"])
    return card
