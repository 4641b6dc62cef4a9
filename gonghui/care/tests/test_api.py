from datetime import date
from decimal import Decimal

import pytest

from gonghui.care.models import AidPayment, FundPayout, HardshipFile, MedicalAidEnrolment, ServiceCard, Visit
from gonghui.core.models import AccessLog
from gonghui.testing import assert_scoped

from .helpers import active_file, apply, days_ago, fund

pytestmark = pytest.mark.django_db


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_file_list_is_scoped_and_masked(client, cast):
    apply(cast)
    apply(cast, who=cast.member_b1, actor=cast.other_officer)
    client.force_login(cast.street_admin)
    body = client.get("/api/care/hardship/files").json()
    assert [r["member_name"] for r in body["results"]] == [cast.member_a1.name]
    result = body["results"][0]
    assert "*" in result["id_number_masked"] and cast.member_a1.id_number not in str(body)
    assert result["causes"] == ["illness", "schooling"]


def test_the_whole_way_through_the_api(client, cast):
    client.force_login(cast.officer)
    response = post(client, "/api/care/hardship/files", {
        "member": cast.member_a1.pk, "applied_on": days_ago(3).isoformat(), "causes": ["unemployment"],
        "applicant_income": "0", "household": [{"name": "王丽", "relation": "spouse", "monthly_income": "1500"}]})
    assert response.status_code == 201, response.content
    file_id = response.json()["id"]
    assert response.json()["income_per_head"] == "750.00"
    assert post(client, f"/api/care/hardship/files/{file_id}/union-review",
                {"approve": True, "on_date": days_ago(2).isoformat()}).json()["status"] == "union_approved"
    client.force_login(cast.street_admin)
    body = post(client, f"/api/care/hardship/files/{file_id}/federation-review",
                {"approve": True, "level": "accidental", "on_date": days_ago(1).isoformat()}).json()
    assert (body["status"], body["level"]) == ("active", "accidental")
    assert [r["step"] for r in body["reviews"]] == ["union", "federation"]
    response = post(client, f"/api/care/hardship/files/{file_id}/aid", {
        "kind": "temporary", "amount": "800", "paid_on": days_ago(0).isoformat(), "fund_source": "donation"})
    assert response.status_code == 201
    assert client.get("/api/care/hardship/aid").json()["count"] == 1
    client.get(f"/api/care/hardship/files/{file_id}")
    assert AccessLog.objects.filter(action="view_hardship_file", user=cast.street_admin).exists()


def test_create_file_errors_name_the_field_and_save_nothing(client, cast):
    client.force_login(cast.officer)
    response = post(client, "/api/care/hardship/files", {
        "member": cast.member_b1.pk, "applied_on": days_ago(3).isoformat(), "causes": [],
        "applicant_income": "-3"})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["member"] == ["找不到该会员，或不在您的管辖范围内"]
    response = post(client, "/api/care/hardship/files", {
        "member": cast.member_a1.pk, "applied_on": days_ago(3).isoformat(), "causes": [],
        "applicant_income": "-3"})
    errors = response.json()["errors"]
    assert "负数" in errors["applicant_income"][0] and "至少选择一项" in errors["causes"][0]
    assert not HardshipFile.objects.exists()


def put(client, url, data):
    return client.put(url, data, content_type="application/json")


CORRECTION = {"applied_on": days_ago(5).isoformat(), "causes": ["disaster"], "applicant_income": "2400",
              "cause_note": "房屋受灾", "household": [{"name": "王丽", "relation": "spouse", "monthly_income": "1500"}]}


def test_correct_an_application_through_the_api(client, cast):
    file = apply(cast)
    client.force_login(cast.officer)
    response = put(client, f"/api/care/hardship/files/{file.pk}", CORRECTION)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["household_size"], body["household_income"], body["income_per_head"]) == (2, "3900.00", "1950.00")
    assert (body["causes"], body["member_id"], body["status"]) == (["disaster"], cast.member_a1.pk, "applied")
    assert body["household"] == [{"name": "王丽", "relation": "spouse", "monthly_income": "1500.00"}]
    assert file.history.first().history_user == cast.officer


def test_correct_file_errors_name_the_field_and_change_nothing(client, cast):
    file = apply(cast)
    client.force_login(cast.officer)
    bad = {**CORRECTION, "causes": [], "household": [{"name": "", "relation": "spouse", "monthly_income": "-1"}]}
    response = put(client, f"/api/care/hardship/files/{file.pk}", bad)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["causes"] == ["请至少选择一项致困原因"]
    assert errors["household"] == ["第1位家庭成员：请填写姓名", "第1位家庭成员：金额不能为负数"]
    file.refresh_from_db()
    assert file.income_per_head == Decimal("1000.00") and file.household.count() == 2


def test_correct_file_after_the_union_review_through_the_api(client, cast):
    file = apply(cast)
    client.force_login(cast.officer)
    post(client, f"/api/care/hardship/files/{file.pk}/union-review", {"approve": True,
                                                                      "on_date": days_ago(1).isoformat()})
    response = put(client, f"/api/care/hardship/files/{file.pk}", CORRECTION)
    assert response.status_code == 422
    message = response.json()["errors"]["__all__"][0]
    assert message.startswith("该档案当前状态为“待总工会审核”，不能修改") and "年度复核" in message


def test_correct_file_needs_the_grant_and_write_access(client, cast):
    file = apply(cast)
    url = f"/api/care/hardship/files/{file.pk}"
    client.force_login(cast.auditor)
    # A read-only account's write is refused before the record is looked up: 403 whether or not it may see it.
    assert put(client, url, CORRECTION).status_code == 403
    assert put(client, "/api/care/hardship/files/999999", CORRECTION).status_code == 403
    cast.auditor.may_access_care = True
    cast.auditor.save()
    response = put(client, url, CORRECTION)
    assert response.status_code == 403 and "只读" in response.json()["detail"]
    cast.officer.may_access_care = False
    cast.officer.save()
    client.force_login(cast.officer)
    assert put(client, url, CORRECTION).status_code == 404
    file.refresh_from_db()
    assert file.income_per_head == Decimal("1000.00")


@pytest.mark.parametrize("amount, text", [("-20", "负数"), ("20.005", "两位小数"), ("50000000", "1000万元")])
def test_bad_aid_amount_through_the_api(client, cast, amount, text):
    file = active_file(cast)
    client.force_login(cast.officer)
    response = post(client, f"/api/care/hardship/files/{file.pk}/aid", {
        "kind": "living", "amount": amount, "paid_on": days_ago(0).isoformat(), "fund_source": "own_funds"})
    assert response.status_code == 422 and text in response.json()["errors"]["amount"][0]
    assert not AidPayment.objects.exists()


def test_wrong_transition_through_the_api(client, cast):
    file = apply(cast)
    client.force_login(cast.officer)
    response = post(client, f"/api/care/hardship/files/{file.pk}/yearly-review",
                    {"outcome": "kept", "on_date": days_ago(0).isoformat()})
    assert response.status_code == 422
    assert response.json()["errors"]["__all__"] == ["该档案当前状态为“待工会初审”，不能进行年度复核"]


def test_hardship_api_needs_the_grant(client, cast):
    file = apply(cast)
    client.force_login(cast.auditor)
    assert client.get(f"/api/care/hardship/files/{file.pk}").status_code == 404
    assert client.get("/api/care/hardship/watch").status_code == 403


def test_fund_payout_overdraw_through_the_api(client, cast):
    created = fund(cast, amount="300")
    client.force_login(cast.officer)
    response = post(client, f"/api/care/funds/{created.pk}/payouts", {
        "member": cast.member_a1.pk, "amount": "300.01", "paid_on": days_ago(0).isoformat(), "reason": "救助"})
    assert response.status_code == 422 and "基金余额不足" in response.json()["errors"]["amount"][0]
    assert not FundPayout.objects.exists()
    response = post(client, f"/api/care/funds/{created.pk}/payouts", {
        "member": cast.member_a1.pk, "amount": "300", "paid_on": days_ago(0).isoformat(), "reason": "救助"})
    assert response.status_code == 201
    assert client.get(f"/api/care/funds/{created.pk}").json()["balance"] == "0.00"


def test_funds_visits_grants_medical_and_cards_through_the_api(client, cast):
    client.force_login(cast.officer)
    enterprise = cast.union_a1.enterprises.first()
    fund_id = post(client, "/api/care/funds", {"enterprise": enterprise.pk,
                                              "established_on": days_ago(30).isoformat()}).json()["id"]
    assert post(client, f"/api/care/funds/{fund_id}/contributions",
                {"amount": "5000", "on_date": days_ago(1).isoformat()}).status_code == 201
    response = post(client, "/api/care/visits", {
        "enterprise": enterprise.pk, "reason": "heat", "campaign": "summer_cooling",
        "visited_on": days_ago(1).isoformat(), "visitors": "工会主席", "goods": "饮料", "goods_value": "900",
        "workers_reached": 60})
    assert response.status_code == 201 and Visit.objects.get().workers_reached == 60
    assert post(client, "/api/care/schooling-grants", {
        "member": cast.member_a1.pk, "student_name": "张小明", "school_level": "primary", "amount": "500",
        "granted_on": days_ago(1).isoformat()}).status_code == 201
    unit = {"union": cast.union_a1.pk, "year": date.today().year}
    unit_id = post(client, "/api/care/medical/units", unit).json()["id"]
    assert post(client, f"/api/care/medical/units/{unit_id}/whole-unit",
                {"enrolled_on": days_ago(1).isoformat()}).json() == {"enrolled": 1}
    enrolment = MedicalAidEnrolment.objects.get()
    assert post(client, f"/api/care/medical/enrolments/{enrolment.pk}/claims",
                {"amount": "320.5", "paid_on": days_ago(0).isoformat()}).status_code == 201
    card_id = post(client, "/api/care/service-cards", {"member": cast.member_a1.pk,
                                                       "collected_on": days_ago(3).isoformat()}).json()["id"]
    assert post(client, f"/api/care/service-cards/{card_id}/issue",
                {"issued_on": days_ago(1).isoformat()}).status_code == 200
    assert ServiceCard.objects.get().issued_on == days_ago(1)
    for url in ("/api/care/funds", "/api/care/visits", "/api/care/schooling-grants", "/api/care/medical/units",
                "/api/care/medical/enrolments", "/api/care/service-cards"):
        assert client.get(url).json()["count"] == 1, url


def test_an_enterprise_outside_the_subtree_is_reported_at_its_field(client, cast):
    client.force_login(cast.officer)
    response = post(client, "/api/care/visits", {
        "enterprise": cast.union_b1.enterprises.first().pk, "reason": "heat", "visited_on": days_ago(1).isoformat(),
        "visitors": "主席"})
    assert response.status_code == 422 and "管辖范围" in response.json()["errors"]["enterprise"][0]


def test_it_checks_access(client, cast):
    cast.auditor.may_access_care = True  # the matrix is about the subtree; the grant is tested above
    cast.auditor.save()
    file = active_file(cast)
    created = fund(cast, amount="100")
    a1 = cast.union_a1
    for url in (f"/api/care/hardship/files/{file.pk}", f"/api/care/funds/{created.pk}",
                f"/api/care/funds/{created.pk}/payouts",
                f"/api/care/statistics?union_id={a1.pk}&start=2025-01-01&end=2025-12-31"):
        assert_scoped(client, cast, url, owner=a1)
    bad_aid = {"kind": "living", "amount": "-1", "paid_on": "2025-01-01", "fund_source": "own_funds"}
    assert_scoped(client, cast, f"/api/care/hardship/files/{file.pk}/aid", owner=a1, method="post", data=bad_aid,
                  json=True)
    assert_scoped(client, cast, f"/api/care/hardship/files/{file.pk}/yearly-review", owner=a1, method="post",
                  data={"outcome": "bad", "on_date": "2025-01-01"}, json=True)
    assert_scoped(client, cast, f"/api/care/hardship/files/{file.pk}", owner=a1, method="put",
                  data={**CORRECTION, "applicant_income": "-1"}, json=True)
    assert_scoped(client, cast, f"/api/care/funds/{created.pk}/contributions", owner=a1, method="post",
                  data={"amount": "-1", "on_date": "2025-01-01"}, json=True)
