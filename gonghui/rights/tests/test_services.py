from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.rights import services
from gonghui.rights.choices import ContractScope, DisputeOutcome
from gonghui.rights.models import CaseStep, CollectiveContract, DisputeCase, MediationBody, Mediator, Petition

from .helpers import body, case, contract, days_ago, petition

pytestmark = pytest.mark.django_db


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def assert_refused(make, model, field: str, text: str) -> None:
    """The service names the field in Chinese and nothing of the kind is saved."""
    before = model.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        make()
    assert text in " ".join(errors_of(excinfo)[field]), errors_of(excinfo)
    assert model.objects.count() == before


# Money ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("amount, text", [
    (Decimal("-1"), "不能为负数"),
    (Decimal("100.123"), "两位小数"),
    (Decimal("10000000.01"), "超出合理范围"),
    (Decimal("NaN"), "有效的金额"),
])
def test_a_bad_amount_is_refused_at_the_field(cast, amount, text):
    assert_refused(lambda: case(cast, amount=amount), DisputeCase, "amount", text)


def test_an_amount_with_trailing_zero_decimals_is_fine(cast):
    assert case(cast, amount=Decimal("100.500")).amount == Decimal("100.50")


# Dispute cases ----------------------------------------------------------------------------------

def test_create_records_the_reception_as_the_first_step_and_the_history(cast):
    made = case(cast)
    assert [s.action for s in made.steps.all()] == ["受理"]
    assert made.history.first().history_user == cast.officer
    assert not made.is_closed and not made.is_past_limit


def test_a_case_closed_before_it_opened_is_refused(cast):
    assert_refused(lambda: case(cast, received_on=days_ago(5), outcome=DisputeOutcome.MEDIATED, closed_on=days_ago(6)),
                   DisputeCase, "closed_on", "结案日期不能早于受理日期")


def test_closing_before_the_reception_date_is_refused_and_the_case_stays_open(cast):
    made = case(cast, received_on=days_ago(5))
    with pytest.raises(ValidationError) as excinfo:
        services.dispute_close(actor=cast.officer, case=made, outcome=DisputeOutcome.MEDIATED, closed_on=days_ago(6))
    assert "结案日期不能早于受理日期" in errors_of(excinfo)["closed_on"][0]
    made.refresh_from_db()
    assert made.closed_on is None and made.outcome == "" and made.steps.count() == 1


def test_moving_the_reception_after_the_closing_date_is_refused(cast):
    made = case(cast, received_on=days_ago(10), outcome=DisputeOutcome.MEDIATED, closed_on=days_ago(8))
    with pytest.raises(ValidationError) as excinfo:
        services.dispute_update(actor=cast.officer, case=made, received_on=days_ago(7))
    assert "closed_on" in errors_of(excinfo)
    made.refresh_from_db()
    assert made.received_on == days_ago(10)


@pytest.mark.parametrize("overrides, field, text", [
    ({"outcome": DisputeOutcome.MEDIATED}, "closed_on", "请填写结案日期"),
    ({"closed_on": days_ago(1)}, "outcome", "请选择处理结果"),
    ({"received_on": days_ago(-1)}, "received_on", "不能晚于今天"),
    ({"workers_involved": 0}, "workers_involved", "涉及职工人数"),
    ({"workers_involved": 1_000_000}, "workers_involved", "涉及职工人数"),
    ({"kind": "strike"}, "kind", ""),
])
def test_other_bad_case_input_is_refused_at_the_field(cast, overrides, field, text):
    assert_refused(lambda: case(cast, **overrides), DisputeCase, field, text)


def test_an_enterprise_outside_the_subtree_is_refused(cast):
    sibling_enterprise = cast.union_a2.enterprises.get()
    assert_refused(lambda: case(cast, enterprise=sibling_enterprise), DisputeCase, "enterprise", "找不到该企业")


def test_an_enterprise_above_the_recording_union_is_refused(cast):
    # The street's unaffiliated enterprise is the street admin's, but not under union A1.
    assert_refused(lambda: case(cast, actor=cast.street_admin, enterprise=cast.enterprise_street_a),
                   DisputeCase, "enterprise", "找不到该企业")


def test_a_federation_records_cases_of_enterprises_below_it(cast):
    made = case(cast, actor=cast.street_admin, union=cast.street_a, enterprise=cast.union_a2.enterprises.get())
    assert made.union == cast.street_a


def test_a_union_outside_the_subtree_cannot_record_a_case(cast):
    assert_refused(lambda: case(cast, union=cast.union_a2, enterprise=cast.union_a2.enterprises.get()),
                   DisputeCase, "union", "管辖范围")


def test_a_mediator_outside_the_subtree_is_refused(cast):
    other = services.mediator_create(actor=cast.sibling_officer, name="钱进",
                                     body=body(cast, actor=cast.sibling_officer, union=cast.union_a2,
                                               name="甲二中学调解委员会", enterprise=cast.union_a2.enterprises.get()))
    assert_refused(lambda: case(cast, mediator=other), DisputeCase, "mediator", "找不到该调解员")


def test_steps_close_and_nothing_after_closing(cast):
    made = case(cast, received_on=days_ago(6))
    services.dispute_step_add(actor=cast.officer, case=made, on_date=days_ago(4), action="召开调解会")
    services.dispute_close(actor=cast.officer, case=made, outcome=DisputeOutcome.MEDIATED, closed_on=days_ago(2),
                           result_note="企业补发工资")
    made.refresh_from_db()
    assert made.outcome == DisputeOutcome.MEDIATED and made.closed_on == days_ago(2)
    assert [s.action for s in made.steps.all()] == ["受理", "召开调解会", "结案：调解成功"]
    with pytest.raises(ValidationError):
        services.dispute_step_add(actor=cast.officer, case=made, on_date=days_ago(1), action="回访")
    with pytest.raises(ValidationError):
        services.dispute_close(actor=cast.officer, case=made, outcome=DisputeOutcome.COURT, closed_on=days_ago(1))


def test_a_step_before_the_reception_is_refused(cast):
    made = case(cast, received_on=days_ago(6))
    assert_refused(lambda: services.dispute_step_add(actor=cast.officer, case=made, on_date=days_ago(7), action="调查"),
                   CaseStep, "on_date", "不能早于受理日期")


def test_a_case_is_past_limit_after_its_time_limit(cast, settings):
    assert case(cast, received_on=days_ago(16)).is_past_limit
    assert not case(cast, received_on=days_ago(15)).is_past_limit
    settings.GONGHUI = {**settings.GONGHUI, "DISPUTE_TIME_LIMIT_DAYS": 30}
    assert not case(cast, received_on=days_ago(16)).is_past_limit


def test_a_closed_case_is_never_past_limit(cast):
    assert not case(cast, received_on=days_ago(60), outcome=DisputeOutcome.NOT_MEDIATED,
                    closed_on=days_ago(1)).is_past_limit


def test_writing_cases_and_petitions_needs_the_grant(cast):
    cast.officer.may_access_care = False
    with pytest.raises(PermissionDenied):
        case(cast)
    with pytest.raises(PermissionDenied):
        petition(cast)


def test_auditor_cannot_write(cast):
    with pytest.raises(PermissionDenied):
        contract(cast, actor=cast.auditor)


# Petitions --------------------------------------------------------------------------------------

def test_petition_links_a_member_by_id_number(cast):
    made = petition(cast, member_id_number=cast.member_a1.id_number)
    assert made.member == cast.member_a1


@pytest.mark.parametrize("overrides, field, text", [
    ({"member_id_number": "__sibling__"}, "member_id_number", "找不到该会员"),
    ({"member_id_number": "123"}, "member_id_number", "18位"),
    ({"phone": "0574-8680000"}, "phone", "座机"),
    ({"closed_on": days_ago(3)}, "closed_on", "不能早于接待日期"),
    ({"petitioner": " "}, "petitioner", "信访人"),
    ({"people": 0}, "people", "人数"),
])
def test_bad_petition_input_is_refused_at_the_field(cast, overrides, field, text):
    if overrides.get("member_id_number") == "__sibling__":
        overrides["member_id_number"] = cast.member_a2.id_number
    assert_refused(lambda: petition(cast, **overrides), Petition, field, text)


def test_petition_update_keeps_the_member_link_when_no_number_is_typed(cast):
    made = petition(cast, member_id_number=cast.member_a1.id_number)
    services.petition_update(actor=cast.officer, petition=made, handling="已转劳动监察", result="已解决",
                             closed_on=days_ago(1))
    made.refresh_from_db()
    assert made.member == cast.member_a1 and made.closed_on == days_ago(1)


# Mediation bodies and mediators -----------------------------------------------------------------

def test_an_enterprise_body_belongs_to_the_enterprises_union(cast):
    made = body(cast, actor=cast.street_admin, union=cast.street_a)
    assert made.union == cast.union_a1


def test_an_enterprise_has_one_mediation_body(cast):
    body(cast)
    assert_refused(lambda: body(cast, name="第二个"), MediationBody, "enterprise", "已设立调解组织")


def test_a_body_for_an_enterprise_outside_the_subtree_is_refused(cast):
    assert_refused(lambda: body(cast, enterprise=cast.union_b1.enterprises.get()), MediationBody, "enterprise",
                   "找不到该企业")


def test_mediator_phone_and_member_link(cast):
    made = body(cast)
    mediator = services.mediator_create(actor=cast.officer, body=made, name="孙强", phone="+86 139 1234 5678",
                                        member_id_number=cast.member_a1.id_number)
    assert mediator.phone == "13912345678" and mediator.member == cast.member_a1 and mediator.union == cast.union_a1


def test_a_mediator_member_outside_the_subtree_is_refused(cast):
    made = body(cast)
    assert_refused(lambda: services.mediator_create(actor=cast.officer, body=made, name="孙强",
                                                    member_id_number=cast.member_b1.id_number),
                   Mediator, "member_id_number", "找不到该会员")


# Collective contracts ---------------------------------------------------------------------------

def test_a_contract_that_expires_before_it_is_signed_is_refused(cast):
    assert_refused(lambda: contract(cast, signed_on=days_ago(10), term_start=days_ago(20), term_end=days_ago(11)),
                   CollectiveContract, "term_end", "到期日期不能早于签订日期")


@pytest.mark.parametrize("overrides, field, text", [
    ({"term_start": days_ago(100), "term_end": days_ago(100)}, "term_end", "须晚于期限起始日期"),
    ({"filed_on": days_ago(400)}, "filed_on", "备案日期不能早于签订日期"),
    ({"signed_on": days_ago(-3)}, "signed_on", "不能晚于今天"),
    ({"wage_increase_pct": Decimal("-2")}, "wage_increase_pct", "0至100"),
    ({"wage_increase_pct": Decimal("3.333")}, "wage_increase_pct", "两位小数"),
    ({"workers_covered": 0}, "workers_covered", "覆盖职工人数"),
    ({"enterprises": []}, "enterprises", "请选择"),
    ({"title": ""}, "title", "合同名称"),
])
def test_bad_contract_input_is_refused_at_the_field(cast, overrides, field, text):
    assert_refused(lambda: contract(cast, **overrides), CollectiveContract, field, text)


def test_a_contract_enterprise_outside_the_subtree_is_refused(cast):
    assert_refused(lambda: contract(cast, enterprises=[cast.union_a2.enterprises.get()]), CollectiveContract,
                   "enterprises", "找不到该企业")


def test_an_enterprise_contract_names_one_enterprise_and_a_regional_one_many(cast):
    two = [cast.union_a1.enterprises.get(), cast.union_a2.enterprises.get()]
    assert_refused(lambda: contract(cast, actor=cast.street_admin, union=cast.street_a, enterprises=two),
                   CollectiveContract, "enterprises", "只能对应一家企业")
    regional = contract(cast, actor=cast.street_admin, union=cast.street_a, enterprises=two,
                        scope=ContractScope.REGIONAL, title="甲街道区域性工资集体协商协议")
    assert set(regional.enterprises.all()) == set(two)


def test_contract_expiry_flag_follows_the_warning_window(cast, settings):
    soon = contract(cast, term_end=days_ago(-90))
    later = contract(cast, term_end=days_ago(-91), title="later")
    gone = contract(cast, term_end=days_ago(1), title="gone")
    assert soon.is_expiring and not later.is_expiring and not gone.is_expiring and gone.is_expired
    settings.GONGHUI = {**settings.GONGHUI, "CONTRACT_EXPIRY_WARNING_DAYS": 120}
    assert later.is_expiring


def test_contract_update_replaces_the_enterprises(cast):
    made = contract(cast, actor=cast.street_admin, union=cast.street_a)
    services.contract_update(actor=cast.street_admin, contract=made, enterprises=[cast.union_a2.enterprises.get()],
                             workers_covered=80)
    made.refresh_from_db()
    assert [e.pk for e in made.enterprises.all()] == [cast.union_a2.enterprises.get().pk]
    assert made.workers_covered == 80
    assert made.term_end - made.signed_on == timedelta(days=3 * 365)
