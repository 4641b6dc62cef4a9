import pytest

from gonghui.core.models import AccessLog
from gonghui.rights.models import CollectiveContract, DisputeCase, Petition
from gonghui.testing import assert_scoped

from .helpers import body, case, contract, days_ago, petition

pytestmark = pytest.mark.django_db

API = "/api/rights"


def dispute_payload(cast, **overrides) -> dict:
    data = {"enterprise_id": cast.union_a1.enterprises.get().pk, "received_on": days_ago(2).isoformat(),
            "kind": "wages", "workers_involved": 6, "amount": "45000.00"}
    data.update(overrides)
    return data


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_it_checks_access(cast, client):
    cast.auditor.may_access_care = True
    cast.auditor.save()
    a1 = cast.union_a1
    made = {"disputes": case(cast), "petitions": petition(cast), "bodies": body(cast), "contracts": contract(cast)}
    for kind, obj in made.items():
        assert_scoped(client, cast, f"{API}/{kind}/{obj.pk}", owner=a1)
        assert_scoped(client, cast, f"{API}/{kind}?union_id={a1.pk}", owner=a1)
    assert_scoped(client, cast, f"{API}/unions/{a1.pk}/statistics", owner=a1)
    # Writes: a shape-valid payload the service refuses (422) for those who see the union, 404 for the rest.
    bad = {
        f"{API}/unions/{a1.pk}/disputes": dispute_payload(cast, amount="-1"),
        f"{API}/unions/{a1.pk}/petitions": {"received_on": days_ago(1).isoformat(), "petitioner": " ", "matter": "x"},
        f"{API}/unions/{a1.pk}/bodies": {"name": " "},
        f"{API}/unions/{a1.pk}/contracts": {"kind": "wage", "title": "", "enterprise_ids": [], "signed_on": "2024-01-01",
                                            "term_start": "2024-01-01", "term_end": "2026-12-31", "workers_covered": 5},
        f"{API}/disputes/{made['disputes'].pk}/steps": {"on_date": days_ago(30).isoformat(), "action": "调查"},
        f"{API}/disputes/{made['disputes'].pk}/close": {"outcome": "mediated", "closed_on": days_ago(30).isoformat()},
        f"{API}/bodies/{made['bodies'].pk}/mediators": {"name": " "},
    }
    for url, data in bad.items():
        assert_scoped(client, cast, url, owner=a1, method="post", data=data, json=True)
    assert_scoped(client, cast, f"{API}/disputes/{made['disputes'].pk}", owner=a1, method="put",
                  data=dispute_payload(cast, workers_involved=0), json=True)


def test_without_the_grant_lists_are_forbidden_and_details_not_found(cast, client):
    made, note = case(cast), petition(cast)
    client.force_login(cast.auditor)
    assert client.get(f"{API}/disputes").status_code == 403
    assert client.get(f"{API}/petitions").status_code == 403
    assert client.get(f"{API}/disputes/{made.pk}").status_code == 404
    assert client.get(f"{API}/petitions/{note.pk}").status_code == 404
    stats = client.get(f"{API}/unions/{cast.county.pk}/statistics").json()
    assert stats["disputes"] is None and stats["mediation_sentence"] == "调处组织0家，有调处员0名"


def test_create_close_and_read_a_case(cast, client):
    client.force_login(cast.officer)
    response = post(client, f"{API}/unions/{cast.union_a1.pk}/disputes", dispute_payload(cast))
    assert response.status_code == 201, response.content
    case_id = response.json()["id"]
    assert post(client, f"{API}/disputes/{case_id}/steps", {"on_date": days_ago(1).isoformat(),
                                                            "action": "调解会"}).status_code == 201
    closed = post(client, f"{API}/disputes/{case_id}/close", {"outcome": "mediated",
                                                              "closed_on": days_ago(0).isoformat()}).json()
    assert closed["outcome"] == "mediated" and closed["is_past_limit"] is False
    detail = client.get(f"{API}/disputes/{case_id}").json()
    assert [s["action"] for s in detail["steps"]] == ["受理", "调解会", "结案：调解成功"]
    assert AccessLog.objects.filter(user=cast.officer, action="read", object_id=str(case_id)).count() == 1


@pytest.mark.parametrize("overrides, field, text", [
    ({"amount": "-3"}, "amount", "不能为负数"),
    ({"amount": "1.234"}, "amount", "两位小数"),
    ({"amount": "99999999"}, "amount", "超出合理范围"),
    ({"closed_on": days_ago(5).isoformat(), "outcome": "mediated"}, "closed_on", "不能早于受理日期"),
    ({"enterprise_id": "__sibling__"}, "enterprise", "找不到该企业"),
    ({"enterprise_id": 987654}, "enterprise", "找不到该企业"),
])
def test_bad_case_input_is_named_at_the_field_and_nothing_saved(cast, client, overrides, field, text):
    if overrides.get("enterprise_id") == "__sibling__":
        overrides["enterprise_id"] = cast.union_a2.enterprises.get().pk
    client.force_login(cast.officer)
    response = post(client, f"{API}/unions/{cast.union_a1.pk}/disputes", dispute_payload(cast, **overrides))
    assert response.status_code == 422
    assert text in response.json()["errors"][field][0]
    assert not DisputeCase.objects.exists()


def test_a_contract_expiring_before_its_signing_is_refused(cast, client):
    client.force_login(cast.officer)
    response = post(client, f"{API}/unions/{cast.union_a1.pk}/contracts", {
        "kind": "wage", "title": "倒签合同", "enterprise_ids": [cast.union_a1.enterprises.get().pk],
        "signed_on": "2024-06-01", "term_start": "2024-01-01", "term_end": "2024-05-01", "workers_covered": 30})
    assert response.status_code == 422
    assert "到期日期不能早于签订日期" in response.json()["errors"]["term_end"][0]
    assert not CollectiveContract.objects.exists()


def test_contracts_through_the_api_flag_expiry(cast, client):
    client.force_login(cast.street_admin)
    enterprises = [cast.union_a1.enterprises.get().pk, cast.union_a2.enterprises.get().pk]
    response = post(client, f"{API}/unions/{cast.street_a.pk}/contracts", {
        "scope": "regional", "kind": "wage", "title": "甲街道区域工资集体协商协议", "enterprise_ids": enterprises,
        "signed_on": days_ago(700).isoformat(), "term_start": days_ago(700).isoformat(),
        "term_end": days_ago(-60).isoformat(), "workers_covered": 400, "wage_increase_pct": "6.5"})
    assert response.status_code == 201, response.content
    body = client.get(f"{API}/contracts", {"state": "expiring"}).json()
    assert body["count"] == 1 and body["results"][0]["is_expiring"] is True
    assert sorted(body["results"][0]["enterprise_ids"]) == sorted(enterprises)


def test_petitions_come_back_with_masked_phones(cast, client):
    client.force_login(cast.officer)
    response = post(client, f"{API}/unions/{cast.union_a1.pk}/petitions", {
        "received_on": days_ago(1).isoformat(), "petitioner": "钱芳", "matter": "工伤认定", "phone": "13712345678"})
    assert response.status_code == 201, response.content
    listed = client.get(f"{API}/petitions").json()["results"][0]
    assert listed["phone_masked"] == "137****5678" and "phone" not in listed
    assert Petition.objects.get().phone == "13712345678"


def test_bodies_and_mediators_through_the_api(cast, client):
    client.force_login(cast.officer)
    created = post(client, f"{API}/unions/{cast.union_a1.pk}/bodies", {
        "name": "甲一调解委员会", "enterprise_id": cast.union_a1.enterprises.get().pk})
    assert created.status_code == 201, created.content
    body_id = created.json()["id"]
    refused = post(client, f"{API}/bodies/{body_id}/mediators", {"name": "孙强",
                                                                 "member_id_number": cast.member_a2.id_number})
    assert refused.status_code == 422 and "member_id_number" in refused.json()["errors"]
    assert post(client, f"{API}/bodies/{body_id}/mediators", {"name": "孙强", "phone": "13900001111"}).status_code == 201
    detail = client.get(f"{API}/bodies/{body_id}").json()
    assert detail["mediators"][0]["phone_masked"] == "139****1111"


def test_another_unions_enterprise_on_a_contract_is_refused_like_a_missing_one(cast, client):
    client.force_login(cast.officer)
    outside = cast.union_b1.enterprises.get()

    def refusal(enterprise_id: int) -> list[str]:
        response = post(client, f"{API}/unions/{cast.union_a1.pk}/contracts", {
            "kind": "wage", "title": "越权合同", "enterprise_ids": [enterprise_id], "signed_on": "2024-01-01",
            "term_start": "2024-01-01", "term_end": "2026-12-31", "workers_covered": 30})
        assert response.status_code == 422
        return response.json()["errors"]["enterprises"]

    assert refusal(outside.pk) == refusal(10**9)
    assert outside.name not in str(refusal(outside.pk))


@pytest.mark.parametrize("kind, query, action", [("disputes", {"kind": "wages", "q": "机械"}, "list_disputes"),
                                                 ("petitions", {"q": "赵"}, "list_petitions")])
def test_each_list_request_of_cases_and_petitions_is_logged_with_its_query(cast, client, kind, query, action):
    case(cast)
    petition(cast)
    client.force_login(cast.officer)
    assert client.get(f"{API}/{kind}", query).status_code == 200
    log = AccessLog.objects.get(action=action)
    assert log.user == cast.officer and all(f"{k}={v}" in log.detail for k, v in query.items())
    client.get(f"{API}/{kind}", {"page": 1})
    assert AccessLog.objects.filter(action=action).count() == 2
