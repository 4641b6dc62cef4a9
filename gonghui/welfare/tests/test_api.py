import pytest

from gonghui.welfare.models import ChildrenProgramme, DonationDrive, EmploymentAid, Recuperation

from .helpers import aid, days_ago, drive, programme, stay

pytestmark = pytest.mark.django_db

API = "/api/welfare"


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_each_list_answers_with_its_records_and_filters(client, cast):
    aid(cast, name="刘洋"), stay(cast, name="陈静"), stay(cast, name="周敏", kind="rest"), programme(cast), drive(cast)
    client.force_login(cast.street_admin)
    body = client.get(f"{API}/employment-aid").json()
    assert body["count"] == 1 and body["results"][0]["name"] == "刘洋" and body["results"][0]["member"] is None
    assert [r["name"] for r in client.get(f"{API}/recuperation", {"kind": "rest"}).json()["results"]] == ["周敏"]
    assert client.get(f"{API}/programmes").json()["results"][0]["children"] == 60
    assert client.get(f"{API}/drives", {"union_id": cast.union_a1.pk}).json()["results"][0]["amount"] == "3000.00"
    response = client.get(f"{API}/drives", {"start": "2025-13-01"})
    assert response.status_code == 422
    client.force_login(cast.other_officer)
    assert client.get(f"{API}/employment-aid").json()["count"] == 0
    assert client.get(f"{API}/drives", {"union_id": cast.union_a1.pk}).status_code == 404


def test_a_record_is_created_with_a_member_named_by_id(client, cast):
    client.force_login(cast.officer)
    response = post(client, f"{API}/unions/{cast.union_a1.pk}/employment-aid", {
        "member_id": cast.member_a1.pk, "aided_on": days_ago(1).isoformat(), "employer": "宏达机械"})
    assert response.status_code == 201, response.json()
    assert response.json()["name"] == "张伟" and response.json()["member"] == cast.member_a1.pk
    assert EmploymentAid.objects.get().member == cast.member_a1


def test_bad_payloads_are_refused_at_their_fields_and_nothing_is_saved(client, cast):
    client.force_login(cast.officer)
    url = f"{API}/unions/{cast.union_a1.pk}"
    refusals = {
        "employment-aid": ({"member_id": cast.member_b1.pk, "aided_on": days_ago(1).isoformat(), "employer": "x"},
                           {"member": ["找不到该会员，或不在本工会管辖范围内"]}),
        "recuperation": ({"name": "陈静", "kind": "check_up", "on_date": days_ago(1).isoformat(), "place": "医院",
                          "cost": "-1"}, {"cost": ["费用不能为负数"]}),
        "programmes": ({"name": "放心班", "start_on": days_ago(5).isoformat(), "end_on": days_ago(6).isoformat(),
                        "classes": 2, "children": 30}, {"end_on": ["结束日期不能早于开班日期"]}),
        "drives": ({"name": "", "held_on": days_ago(1).isoformat(), "donors": 3}, {"name": ["请填写活动名称"]}),
    }
    for path, (payload, errors) in refusals.items():
        response = post(client, f"{url}/{path}", payload)
        assert (response.status_code, response.json()["errors"]) == (422, errors), path
    for model in (EmploymentAid, Recuperation, ChildrenProgramme, DonationDrive):
        assert not model.objects.exists()
    response = post(client, f"{url}/drives", {"name": "一日捐", "held_on": days_ago(1).isoformat(), "donors": 12,
                                               "amount": "1200", "books": 40})
    assert response.status_code == 201 and response.json()["books"] == 40


def test_writes_are_refused_to_read_only_accounts_and_other_unions(client, cast):
    payload = {"name": "刘洋", "aided_on": days_ago(1).isoformat(), "employer": "x"}
    client.force_login(cast.auditor)
    assert post(client, f"{API}/unions/{cast.union_a1.pk}/employment-aid", payload).status_code == 403
    client.force_login(cast.other_officer)
    assert post(client, f"{API}/unions/{cast.union_a1.pk}/employment-aid", payload).status_code == 404
    assert not EmploymentAid.objects.exists()


def test_a_member_id_beyond_any_table_is_not_found_at_its_field(client, cast):
    client.force_login(cast.officer)
    for member_id in (2**70, 0):
        response = post(client, f"{API}/unions/{cast.union_a1.pk}/recuperation", {
            "member_id": member_id, "kind": "rest", "on_date": days_ago(1).isoformat(), "place": "疗休养院"})
        assert (response.status_code, response.json()["errors"]) == (422, {"member": ["找不到该会员，或不在本工会管辖范围内"]})
