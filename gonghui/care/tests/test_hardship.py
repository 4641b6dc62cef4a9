from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.care import selectors, services
from gonghui.care.choices import HardshipCause, HardshipFileStatus, HardshipLevel, ReviewOutcome
from gonghui.care.models import AidPayment, HardshipFile, HardshipReview, HouseholdMember
from gonghui.care.services import income_per_head

from .helpers import active_file, apply, approve, days_ago, member, pay

pytestmark = pytest.mark.django_db


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_apply_computes_income_per_head_and_waits_for_the_union(cast):
    file = apply(cast)
    assert file.status == HardshipFileStatus.APPLIED
    assert file.household_size == 3
    assert file.household_income == Decimal("3000.00")
    assert file.income_per_head == Decimal("1000.00")
    assert file.cause_list == [HardshipCause.ILLNESS, HardshipCause.SCHOOLING]
    assert file.get_causes_display() == "患病、子女就学"
    assert [p.name for p in file.household.all()] == ["王丽", "张小明"]
    assert file.history.first().history_user == cast.officer


def test_income_per_head_rounds_to_the_cent():
    assert income_per_head(Decimal("1000"), [Decimal("0"), Decimal("0")]) == (3, Decimal("1000"), Decimal("333.33"))


def test_the_whole_way_from_application_to_closing(cast):
    file = apply(cast, applied_on=days_ago(400))
    file = services.hardship_file_union_review(actor=cast.officer, file=file, approve=True, on_date=days_ago(398))
    assert file.status == HardshipFileStatus.UNION_APPROVED
    file = services.hardship_file_federation_review(actor=cast.street_admin, file=file, approve=True,
                                                    level=HardshipLevel.DEEP, on_date=days_ago(395))
    assert (file.status, file.level, file.approved_on) == (HardshipFileStatus.ACTIVE, HardshipLevel.DEEP, days_ago(395))
    file = services.hardship_file_yearly_review(actor=cast.officer, file=file, outcome=ReviewOutcome.LEVEL_CHANGED,
                                                level=HardshipLevel.RELATIVE, on_date=days_ago(20))
    assert (file.level, file.last_reviewed_on) == (HardshipLevel.RELATIVE, days_ago(20))
    file = services.hardship_file_yearly_review(actor=cast.officer, file=file, outcome=ReviewOutcome.CLOSED,
                                                close_reason="recovered", on_date=days_ago(5))
    assert (file.status, file.closed_on, file.close_reason) == (HardshipFileStatus.CLOSED, days_ago(5), "recovered")
    steps = list(HardshipReview.objects.filter(file=file).values_list("step", "outcome"))
    assert steps == [("union", "approved"), ("federation", "approved"), ("yearly", "level_changed"),
                     ("yearly", "closed")]


def test_county_federation_may_review_too(cast):
    file = approve(cast, apply(cast), reviewer=cast.county_admin)
    assert file.status == HardshipFileStatus.ACTIVE


def test_rejection_needs_a_reason(cast):
    file = apply(cast)
    with pytest.raises(ValidationError) as excinfo:
        services.hardship_file_union_review(actor=cast.officer, file=file, approve=False, on_date=days_ago(1))
    assert "意见" in errors_of(excinfo)["note"][0]
    file = services.hardship_file_union_review(actor=cast.officer, file=file, approve=False, on_date=days_ago(1),
                                               note="家庭收入高于标准")
    assert file.status == HardshipFileStatus.REJECTED


@pytest.mark.parametrize("step, message", [
    ("federation", "不能进行总工会审核"),
    ("yearly", "不能进行年度复核"),
])
def test_steps_out_of_order_are_refused(cast, step, message):
    file = apply(cast)
    with pytest.raises(ValidationError) as excinfo:
        if step == "federation":
            services.hardship_file_federation_review(actor=cast.street_admin, file=file, approve=True,
                                                     level=HardshipLevel.DEEP, on_date=days_ago(1))
        else:
            services.hardship_file_yearly_review(actor=cast.officer, file=file, outcome="kept", on_date=days_ago(1))
    assert message in errors_of(excinfo)["__all__"][0]
    assert "待工会初审" in errors_of(excinfo)["__all__"][0]
    file.refresh_from_db()
    assert file.status == HardshipFileStatus.APPLIED


def test_a_review_cannot_be_done_twice(cast):
    file = apply(cast)
    services.hardship_file_union_review(actor=cast.officer, file=file, approve=True, on_date=days_ago(1))
    with pytest.raises(ValidationError) as excinfo:
        # The caller still holds the stale object: the service reads the file's state afresh.
        services.hardship_file_union_review(actor=cast.officer, file=file, approve=True, on_date=days_ago(1))
    assert "待总工会审核" in errors_of(excinfo)["__all__"][0]
    assert HardshipReview.objects.filter(file=file).count() == 1


def test_only_a_federation_above_the_union_may_do_the_federation_review(cast):
    file = services.hardship_file_union_review(actor=cast.officer, file=apply(cast), approve=True,
                                               on_date=days_ago(1))
    with pytest.raises(ValidationError) as excinfo:
        services.hardship_file_federation_review(actor=cast.officer, file=file, approve=True, level=HardshipLevel.DEEP,
                                                 on_date=days_ago(1))
    assert "上级总工会管理员" in errors_of(excinfo)["__all__"][0]


def test_the_first_reviewer_may_not_also_approve(cast):
    file = services.hardship_file_union_review(actor=cast.street_admin, file=apply(cast), approve=True,
                                               on_date=days_ago(1))
    with pytest.raises(ValidationError) as excinfo:
        services.hardship_file_federation_review(actor=cast.street_admin, file=file, approve=True,
                                                 level=HardshipLevel.DEEP, on_date=days_ago(1))
    assert "另一人" in errors_of(excinfo)["__all__"][0]


def test_approval_needs_a_level(cast):
    file = services.hardship_file_union_review(actor=cast.officer, file=apply(cast), approve=True,
                                               on_date=days_ago(1))
    with pytest.raises(ValidationError) as excinfo:
        services.hardship_file_federation_review(actor=cast.street_admin, file=file, approve=True, on_date=days_ago(1))
    assert "困难类别" in errors_of(excinfo)["level"][0]


@pytest.mark.parametrize("outcome, extra, field, text", [
    ("closed", {}, "close_reason", "脱困、转出或死亡"),
    ("level_changed", {}, "level", "新的困难类别"),
    ("level_changed", {"level": HardshipLevel.RELATIVE}, "level", "相同"),
    ("dropped", {}, "outcome", "复核结论"),
])
def test_yearly_review_checks_its_outcome(cast, outcome, extra, field, text):
    file = active_file(cast)
    with pytest.raises(ValidationError) as excinfo:
        services.hardship_file_yearly_review(actor=cast.officer, file=file, outcome=outcome, on_date=days_ago(1),
                                             **extra)
    assert text in errors_of(excinfo)[field][0]
    file.refresh_from_db()
    assert file.status == HardshipFileStatus.ACTIVE and file.level == HardshipLevel.RELATIVE


def test_review_may_not_be_dated_before_the_application(cast):
    file = apply(cast, applied_on=days_ago(10))
    with pytest.raises(ValidationError) as excinfo:
        services.hardship_file_union_review(actor=cast.officer, file=file, approve=True, on_date=days_ago(11))
    assert "不能早于申请日期" in errors_of(excinfo)["on_date"][0]


def test_one_open_file_per_member(cast):
    apply(cast)
    with pytest.raises(ValidationError) as excinfo:
        apply(cast)
    assert "不能重复申请" in errors_of(excinfo)["member"][0]
    assert HardshipFile.objects.count() == 1


def test_a_closed_file_allows_a_new_application(cast):
    file = active_file(cast, applied_on=days_ago(30))
    services.hardship_file_yearly_review(actor=cast.officer, file=file, outcome="closed", close_reason="recovered",
                                         on_date=days_ago(10))
    assert apply(cast, applied_on=days_ago(2)).status == HardshipFileStatus.APPLIED


@pytest.mark.parametrize("overrides, field, text", [
    ({"causes": []}, "causes", "至少选择一项"),
    ({"causes": ["lottery"]}, "causes", "可选范围"),
    ({"applicant_income": Decimal("-1")}, "applicant_income", "负数"),
    ({"applicant_income": Decimal("1800.555")}, "applicant_income", "两位小数"),
    ({"applicant_income": Decimal("99999999")}, "applicant_income", "1000万元"),
    ({"applied_on": date(2099, 1, 1)}, "applied_on", "晚于今天"),
    ({"household": [{"name": "", "relation": "spouse", "monthly_income": Decimal("10")}]}, "household",
     "第1位家庭成员：请填写姓名"),
    ({"household": [{"name": "王丽", "relation": "cousin", "monthly_income": Decimal("10")}]}, "household", "关系"),
    ({"household": [{"name": "王丽", "relation": "spouse", "monthly_income": Decimal("-5")}]}, "household", "负数"),
])
def test_bad_application_names_the_field_and_saves_nothing(cast, overrides, field, text):
    with pytest.raises(ValidationError) as excinfo:
        apply(cast, **overrides)
    assert text in " ".join(errors_of(excinfo)[field])
    assert not HardshipFile.objects.exists() and not HouseholdMember.objects.exists()


def test_a_member_outside_the_subtree_is_refused_at_the_field(cast):
    with pytest.raises(ValidationError) as excinfo:
        apply(cast, who=cast.member_b1)
    assert errors_of(excinfo)["member"] == ["找不到该会员，或不在您的管辖范围内"]
    assert not HardshipFile.objects.exists()


def test_a_member_who_left_cannot_apply(cast):
    gone = member(cast.union_a1, 501)
    gone.status = "left"
    gone.save()
    with pytest.raises(ValidationError) as excinfo:
        apply(cast, who=gone)
    assert "已退会" in errors_of(excinfo)["member"][0]


def test_care_grant_and_write_access_are_required(cast):
    cast.officer.may_access_care = False
    with pytest.raises(PermissionDenied):
        apply(cast)
    with pytest.raises(PermissionDenied):
        apply(cast, actor=cast.auditor)


# ---------------------------------------------------------------- correcting an application


def correct(cast, file, *, actor=None, **overrides):
    data = dict(actor=actor or cast.officer, file=file, applied_on=days_ago(50), causes=[HardshipCause.DISASTER],
                applicant_income=Decimal("2400"),
                household=[{"name": "王丽", "relation": "spouse", "monthly_income": Decimal("1500")}],
                cause_note=" 房屋受灾 ")
    data.update(overrides)
    return services.hardship_file_update(**data)


def test_correcting_an_application_recomputes_the_figures_and_replaces_the_household(cast):
    file = apply(cast)
    before = list(file.household.values_list("pk", flat=True))
    correct(cast, file, actor=cast.street_admin)
    file.refresh_from_db()
    assert (file.household_size, file.household_income, file.income_per_head) == (2, Decimal("3900.00"),
                                                                                  Decimal("1950.00"))
    assert (file.applied_on, file.get_causes_display(), file.cause_note) == (days_ago(50), "灾害", "房屋受灾")
    assert (file.member, file.status, file.created_by) == (cast.member_a1, HardshipFileStatus.APPLIED, cast.officer)
    assert [(p.name, p.monthly_income) for p in file.household.all()] == [("王丽", Decimal("1500.00"))]
    assert not HouseholdMember.objects.filter(pk__in=before).exists()


def test_a_correction_is_a_version_in_the_audit_trail_by_whoever_made_it(cast):
    file = correct(cast, apply(cast), actor=cast.street_admin, household=[])
    versions = list(file.history.order_by("history_id"))
    assert [(v.history_user, v.income_per_head) for v in versions] == [(cast.officer, Decimal("1000.00")),
                                                                       (cast.street_admin, Decimal("2400.00"))]
    removed = HouseholdMember.history.filter(history_type="-")
    assert sorted(removed.values_list("name", flat=True)) == ["张小明", "王丽"]
    assert {v.history_user for v in removed} == {cast.street_admin}


@pytest.mark.parametrize("overrides, field, text", [
    ({"causes": []}, "causes", "至少选择一项"),
    ({"applicant_income": Decimal("-1")}, "applicant_income", "负数"),
    ({"applicant_income": None}, "applicant_income", "请填写"),
    ({"applied_on": date(2099, 1, 1)}, "applied_on", "晚于今天"),
    ({"household": [{"name": "", "relation": "spouse", "monthly_income": Decimal("10")}]}, "household",
     "第1位家庭成员：请填写姓名"),
    ({"household": [{"name": "王丽", "relation": "spouse", "monthly_income": Decimal("1.001")}]}, "household",
     "两位小数"),
])
def test_a_bad_correction_names_the_field_and_changes_nothing(cast, overrides, field, text):
    file = apply(cast)
    with pytest.raises(ValidationError) as excinfo:
        correct(cast, file, **overrides)
    assert text in " ".join(errors_of(excinfo)[field])
    file.refresh_from_db()
    assert (file.income_per_head, file.causes, file.applied_on) == (Decimal("1000.00"), ",illness,schooling,",
                                                                    days_ago(60))
    assert [p.name for p in file.household.all()] == ["王丽", "张小明"]
    assert file.history.count() == 1


@pytest.mark.parametrize("reviewed, status", [
    (lambda cast, file: services.hardship_file_union_review(actor=cast.officer, file=file, approve=True,
                                                            on_date=days_ago(1)), "待总工会审核"),
    (lambda cast, file: approve(cast, file), "在档"),
    (lambda cast, file: services.hardship_file_union_review(actor=cast.officer, file=file, approve=False,
                                                            on_date=days_ago(1), note="收入高于标准"), "未通过"),
])
def test_after_the_union_review_the_application_cannot_be_corrected(cast, reviewed, status):
    file = apply(cast)
    reviewed(cast, file)
    with pytest.raises(ValidationError) as excinfo:
        correct(cast, file)  # the stale object still says "applied": the service reads the state afresh
    message = errors_of(excinfo)["__all__"][0]
    assert message.startswith(f"该档案当前状态为“{status}”，不能修改")
    assert "工会初审前" in message and "年度复核" in message
    file.refresh_from_db()
    assert file.income_per_head == Decimal("1000.00") and file.household.count() == 2


def test_correcting_needs_the_care_grant_write_access_and_the_subtree(cast):
    file = apply(cast)
    cast.officer.may_access_care = False
    with pytest.raises(PermissionDenied):
        correct(cast, file)
    with pytest.raises(PermissionDenied):
        correct(cast, file, actor=cast.auditor)
    cast.auditor.may_access_care = True
    with pytest.raises(PermissionDenied):
        correct(cast, file, actor=cast.auditor)
    with pytest.raises(ValidationError) as excinfo:
        correct(cast, file, actor=cast.other_officer)
    assert "不在您的管辖范围内" in errors_of(excinfo)["union"][0]
    file.refresh_from_db()
    assert file.income_per_head == Decimal("1000.00") and file.history.count() == 1


# ---------------------------------------------------------------- aid


def test_aid_is_paid_against_an_active_file(cast):
    file = active_file(cast)
    payment = pay(cast, file, "2000.50")
    assert payment.union == cast.union_a1 and payment.amount == Decimal("2000.50")


@pytest.mark.parametrize("amount, text", [
    ("-100", "不能为负数"),
    ("0", "须大于0"),
    ("100.001", "两位小数"),
    ("10000000.01", "1000万元"),
    ("6.04e298", "1000万元"),
    ("NaN", "格式不正确"),
])
def test_bad_aid_amounts_are_refused_and_nothing_saved(cast, amount, text):
    file = active_file(cast)
    with pytest.raises(ValidationError) as excinfo:
        pay(cast, file, amount)
    assert text in errors_of(excinfo)["amount"][0]
    assert not AidPayment.objects.exists()


def test_aid_to_a_closed_file_is_refused(cast):
    file = active_file(cast, applied_on=days_ago(30))
    services.hardship_file_yearly_review(actor=cast.officer, file=file, outcome="closed", close_reason="deceased",
                                         on_date=days_ago(3))
    with pytest.raises(ValidationError) as excinfo:
        pay(cast, file, "500", paid_on=days_ago(1))
    assert "销档（死亡）" in errors_of(excinfo)["__all__"][0] and "不能再发放" in errors_of(excinfo)["__all__"][0]
    assert not AidPayment.objects.exists()


def test_aid_to_a_file_not_yet_approved_is_refused(cast):
    file = apply(cast)
    with pytest.raises(ValidationError) as excinfo:
        pay(cast, file, "500", paid_on=days_ago(1))
    assert "尚未审核建档" in errors_of(excinfo)["__all__"][0]


def test_aid_may_not_predate_the_file(cast):
    file = active_file(cast, applied_on=days_ago(30))
    with pytest.raises(ValidationError) as excinfo:
        pay(cast, file, "500", paid_on=days_ago(31))
    assert "不能早于建档日期" in errors_of(excinfo)["paid_on"][0]


def test_aid_outside_the_subtree_is_refused(cast):
    file = active_file(cast)
    with pytest.raises(ValidationError):
        pay(cast, file, "500", actor=cast.other_officer)
    assert not AidPayment.objects.exists()


# ---------------------------------------------------------------- what the federation follows up


def test_federation_sees_files_not_reviewed_for_a_year_and_files_never_helped(cast):
    old = active_file(cast, applied_on=days_ago(500), approved_on=days_ago(400))
    fresh = active_file(cast, who=member(cast.union_a1, 502), applied_on=days_ago(100))
    pay(cast, fresh, "300")
    due = selectors.files_review_due(user=cast.street_admin, today=date.today())
    never = selectors.files_never_helped(user=cast.street_admin)
    assert list(due) == [old]
    assert list(never) == [old]
    services.hardship_file_yearly_review(actor=cast.officer, file=old, outcome="kept", on_date=days_ago(1))
    assert not selectors.files_review_due(user=cast.street_admin, today=date.today()).exists()
    assert not selectors.files_review_due(user=cast.other_officer, today=date.today() + timedelta(days=900)).exists()


def test_lists_need_the_care_grant(cast):
    with pytest.raises(PermissionDenied):
        selectors.hardship_file_list(user=cast.auditor)
    with pytest.raises(PermissionDenied):
        selectors.aid_list(user=cast.auditor)
