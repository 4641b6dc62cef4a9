from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from gonghui.care import services
from gonghui.care.choices import MedicalCategory, VisitCampaign, VisitReason
from gonghui.care.models import MedicalAidClaim, MedicalAidEnrolment, MedicalAidUnit, SchoolingGrant, ServiceCard, Visit

from .helpers import days_ago, member

pytestmark = pytest.mark.django_db


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def visit(cast, **overrides):
    data = dict(actor=cast.officer, member=cast.member_a1, reason=VisitReason.ILLNESS, visited_on=days_ago(2),
                visitors="工会主席、副主席", money=Decimal("500"), goods="水果、牛奶", goods_value=Decimal("120.50"))
    data.update(overrides)
    return services.visit_create(**data)


# ---------------------------------------------------------------- visits


def test_a_member_visit_belongs_to_the_members_union(cast):
    made = visit(cast)
    assert made.union == cast.union_a1 and made.total_value == Decimal("620.50")


def test_an_enterprise_visit_in_the_summer_campaign(cast):
    made = visit(cast, member=None, enterprise=cast.union_a1.enterprises.first(), reason=VisitReason.HEAT,
                 campaign=VisitCampaign.SUMMER_COOLING, money=Decimal(0), goods="绿豆汤、防暑药品", workers_reached=50)
    assert made.union == cast.union_a1 and made.target_name.endswith("所在企业")


def test_a_funeral_visit_after_the_members_death(cast):
    cast.member_a1.status = "deceased"
    cast.member_a1.save()
    assert visit(cast, reason=VisitReason.WEDDING_FUNERAL).pk


@pytest.mark.parametrize("overrides, field, text", [
    ({"member": None}, "member", "二者选其一"),
    ({"enterprise": "own"}, "member", "二者选其一"),
    ({"campaign": VisitCampaign.SUMMER_COOLING}, "campaign", "对象是企业"),
    ({"member": None, "enterprise": "own", "campaign": VisitCampaign.WINTER_WARMTH, "workers_reached": 5}, "campaign",
     "对象是职工"),
    ({"member": None, "enterprise": "own", "campaign": VisitCampaign.SUMMER_COOLING}, "workers_reached", "请填写"),
    ({"member": None, "enterprise": "own", "workers_reached": 200_000}, "workers_reached", "0至100000"),
    ({"workers_reached": 30}, "workers_reached", "慰问个人时"),
    ({"money": Decimal("-1")}, "money", "负数"),
    ({"goods_value": Decimal("12.345")}, "goods_value", "两位小数"),
    ({"money": Decimal("50000000")}, "money", "1000万元"),
    ({"goods": ""}, "goods", "写明慰问品"),
    ({"visitors": " "}, "visitors", "慰问人"),
    ({"reason": "birthday"}, "reason", "慰问事由"),
    ({"member": "outside"}, "member", "管辖范围"),
    ({"member": None, "enterprise": "outside"}, "enterprise", "管辖范围"),
])
def test_bad_visits_name_the_field_and_save_nothing(cast, overrides, field, text):
    targets = {"own": cast.union_a1.enterprises.first(), "outside": cast.union_b1.enterprises.first()}
    if overrides.get("enterprise") in targets:
        overrides["enterprise"] = targets[overrides["enterprise"]]
    if overrides.get("member") == "outside":
        overrides["member"] = cast.member_b1
    with pytest.raises(ValidationError) as excinfo:
        visit(cast, **overrides)
    assert text in errors_of(excinfo)[field][0]
    assert not Visit.objects.exists()


@pytest.mark.parametrize("overrides, field, text", [
    ({"school_level": "kindergarten"}, "school_level", "学段"),
    ({"amount": Decimal("-300")}, "amount", "负数"),
    ({"amount": Decimal("300.5555")}, "amount", "两位小数"),
    ({"student_name": ""}, "student_name", "学生姓名"),
    ({"member": "outside"}, "member", "管辖范围"),
])
def test_bad_schooling_grants_are_refused(cast, overrides, field, text):
    if overrides.get("member") == "outside":
        overrides["member"] = cast.member_b1
    data = {"actor": cast.officer, "member": cast.member_a1, "student_name": "张小明", "school_level": "university",
            "amount": Decimal("3000"), "granted_on": days_ago(3), **overrides}
    with pytest.raises(ValidationError) as excinfo:
        services.schooling_grant_create(**data)
    assert text in errors_of(excinfo)[field][0]
    assert not SchoolingGrant.objects.exists()


# ---------------------------------------------------------------- mutual medical aid


def unit(cast, **overrides):
    data = dict(actor=cast.officer, union=cast.union_a1, year=days_ago(0).year)
    data.update(overrides)
    return services.medical_unit_enrol(**data)


def test_a_unit_enrols_once_a_year(cast):
    unit(cast)
    with pytest.raises(ValidationError) as excinfo:
        unit(cast)
    assert "年度已参保" in errors_of(excinfo)["union"][0]
    by_enterprise = unit(cast, enterprise=cast.union_a1.enterprises.first())
    assert by_enterprise.name.endswith("所在企业")


@pytest.mark.parametrize("overrides, field, text", [
    ({"union": "street"}, "union", "基层工会"),
    ({"enterprise": "other"}, "enterprise", "覆盖范围"),
    ({"year": 1999}, "year", "参保年度"),
])
def test_bad_unit_enrolments_are_refused(cast, overrides, field, text):
    if overrides.get("union") == "street":
        overrides.update(union=cast.street_a, actor=cast.street_admin)
    if overrides.get("enterprise") == "other":
        overrides.update(enterprise=cast.union_a2.enterprises.first(), actor=cast.street_admin)
    with pytest.raises(ValidationError) as excinfo:
        unit(cast, **overrides)
    assert text in errors_of(excinfo)[field][0]
    assert not MedicalAidUnit.objects.exists()


def test_members_enrol_in_each_category_once(cast):
    enrolled = unit(cast)
    services.medical_member_enrol(actor=cast.officer, unit=enrolled, member=cast.member_a1,
                                  category=MedicalCategory.EMPLOYED, enrolled_on=days_ago(1))
    services.medical_member_enrol(actor=cast.officer, unit=enrolled, member=cast.member_a1,
                                  category=MedicalCategory.ANKANG, enrolled_on=days_ago(1))
    with pytest.raises(ValidationError) as excinfo:
        services.medical_member_enrol(actor=cast.officer, unit=enrolled, member=cast.member_a1,
                                      category=MedicalCategory.ANKANG, enrolled_on=days_ago(1))
    assert "已参加此类别" in errors_of(excinfo)["category"][0]
    with pytest.raises(ValidationError) as excinfo:
        services.medical_member_enrol(actor=cast.street_admin, unit=enrolled, member=cast.member_a2,
                                      category=MedicalCategory.ANKANG, enrolled_on=days_ago(1))
    assert "不属于此参保单位" in errors_of(excinfo)["member"][0]
    assert MedicalAidEnrolment.objects.count() == 2


def test_whole_unit_enrolment_takes_every_active_member_once(cast):
    retired = member(cast.union_a1, 701, category="retired")
    left = member(cast.union_a1, 702)
    left.status = "left"
    left.save()
    enrolled = unit(cast)
    services.medical_member_enrol(actor=cast.officer, unit=enrolled, member=cast.member_a1,
                                  category=MedicalCategory.EMPLOYED, enrolled_on=days_ago(1))
    assert services.medical_enrol_whole_unit(actor=cast.officer, unit=enrolled, enrolled_on=days_ago(1)) == 1
    enrolled.refresh_from_db()
    assert enrolled.whole_unit
    rows = set(MedicalAidEnrolment.objects.values_list("member_id", "category"))
    assert rows == {(cast.member_a1.pk, "employed"), (retired.pk, "retired")}
    assert MedicalAidEnrolment.objects.get(member=retired).history.first().history_user == cast.officer


@pytest.mark.parametrize("amount, text", [("-1", "负数"), ("1.001", "两位小数"), ("10000001", "1000万元")])
def test_bad_claims_are_refused(cast, amount, text):
    enrolment = services.medical_member_enrol(actor=cast.officer, unit=unit(cast), member=cast.member_a1,
                                              category=MedicalCategory.EMPLOYED, enrolled_on=days_ago(5))
    with pytest.raises(ValidationError) as excinfo:
        services.medical_claim_create(actor=cast.officer, enrolment=enrolment, amount=Decimal(amount),
                                      paid_on=days_ago(1))
    assert text in errors_of(excinfo)["amount"][0]
    with pytest.raises(ValidationError) as excinfo:
        services.medical_claim_create(actor=cast.officer, enrolment=enrolment, amount=Decimal(5), paid_on=days_ago(6))
    assert "参保日期" in errors_of(excinfo)["paid_on"][0]
    assert not MedicalAidClaim.objects.exists()


# ---------------------------------------------------------------- service cards


def test_service_card_is_collected_then_issued_once(cast):
    card = services.service_card_collect(actor=cast.officer, member=cast.member_a1, collected_on=days_ago(10))
    with pytest.raises(ValidationError) as excinfo:
        services.service_card_collect(actor=cast.officer, member=cast.member_a1, collected_on=days_ago(9))
    assert "已采集" in errors_of(excinfo)["member"][0]
    with pytest.raises(ValidationError) as excinfo:
        services.service_card_issue(actor=cast.officer, card=card, issued_on=days_ago(11))
    assert "信息采集日期" in errors_of(excinfo)["issued_on"][0]
    card = services.service_card_issue(actor=cast.officer, card=card, issued_on=days_ago(2), card_number="51-0001")
    assert card.issued_on == days_ago(2)
    with pytest.raises(ValidationError) as excinfo:
        services.service_card_issue(actor=cast.officer, card=card, issued_on=days_ago(1))
    assert "已于" in errors_of(excinfo)["__all__"][0]
    assert ServiceCard.objects.count() == 1
