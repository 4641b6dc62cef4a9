from datetime import date

import pytest

from gonghui.members.models import Member
from gonghui.testing import assert_scoped, make_credit_code, make_id_number

pytestmark = pytest.mark.django_db


def test_openapi_schema_lists_the_domains(client, cast):
    client.force_login(cast.officer)
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    assert "/api/members/" in paths and "/api/org/unions" in paths


def test_api_requires_login(client, cast):
    assert client.get("/api/members/").status_code == 401


def test_member_list_is_scoped_and_masked(client, cast):
    client.force_login(cast.street_admin)
    body = client.get("/api/members/").json()
    names = {m["name"] for m in body["results"]}
    assert names == {cast.member_a1.name, cast.member_a2.name}
    assert all("*" in m["id_number_masked"] for m in body["results"])
    assert "id_number" not in body["results"][0]


def test_create_member_errors_name_the_field_and_save_nothing(client, cast):
    client.force_login(cast.officer)
    before = Member.objects.count()
    response = client.post(f"/api/members/unions/{cast.union_a1.pk}", {
        "name": "周强", "id_number": "340524198001010013", "join_date": "2020-01-01", "phone": "0574-8680000"},
        content_type="application/json")
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert "校验位" in errors["id_number"][0] and "座机" in errors["phone"][0]
    assert Member.objects.count() == before


def test_malformed_json_names_the_field(client, cast):
    client.force_login(cast.officer)
    response = client.post(f"/api/members/unions/{cast.union_a1.pk}", {"name": "周强", "join_date": "昨天"},
                           content_type="application/json")
    assert response.status_code == 422
    assert {"id_number", "join_date"} <= set(response.json()["errors"])


def test_create_member_through_the_api(client, cast):
    client.force_login(cast.officer)
    number = make_id_number(date(1988, 8, 8), 41)
    response = client.post(f"/api/members/unions/{cast.union_a1.pk}", {
        "name": "周强", "id_number": number, "join_date": "2020-01-01"}, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Member.objects.get(id_number=number).union == cast.union_a1


def test_auditor_cannot_write_through_the_api(client, cast):
    client.force_login(cast.auditor)
    response = client.post(f"/api/org/unions/{cast.union_a1.pk}/enterprises", {
        "name": "审计员企业", "credit_code": make_credit_code(77)}, content_type="application/json")
    assert response.status_code == 403


def test_coverage_through_the_api(client, cast):
    client.force_login(cast.county_admin)
    body = client.get(f"/api/org/unions/{cast.county.pk}/coverage").json()
    assert body["sentence"].startswith("基层工会组织3家，其中单建工会2家，社区(村)联合工会1家")


def test_it_checks_access(client, cast):
    a1 = cast.union_a1
    assert_scoped(client, cast, f"/api/members/{cast.member_a1.pk}", owner=a1)
    assert_scoped(client, cast, f"/api/org/unions/{a1.pk}", owner=a1)
    assert_scoped(client, cast, f"/api/org/unions/{a1.pk}/coverage", owner=a1)
    member = {"name": "周强", "id_number": "bad", "join_date": "2020-01-01"}
    assert_scoped(client, cast, f"/api/members/unions/{a1.pk}", owner=a1, method="post", data=member, json=True)
    assert_scoped(client, cast, f"/api/members/{cast.member_a1.pk}", owner=a1, method="put", data=member, json=True)
    union = {"name": "新工会", "code": "N1", "level": "grassroots"}
    assert_scoped(client, cast, f"/api/org/unions/{cast.street_a.pk}/children", owner=cast.street_a, method="post",
                  data=union, json=True)
    assert_scoped(client, cast, f"/api/org/unions/{a1.pk}", owner=a1, method="put", data=union, json=True)
    enterprise = {"name": "新企业", "credit_code": "bad"}
    assert_scoped(client, cast, f"/api/org/unions/{a1.pk}/enterprises", owner=a1, method="post", data=enterprise,
                  json=True)
    enterprise_id = cast.member_a1.union.enterprises.first().pk
    assert_scoped(client, cast, f"/api/org/enterprises/{enterprise_id}", owner=a1, method="put", data=enterprise,
                  json=True)


@pytest.mark.parametrize("body", ["{}", "not json at all", '{"kind": 1, "title": []}'])
def test_a_read_only_accounts_write_is_refused_whatever_its_body(client, cast, body):
    client.force_login(cast.auditor)
    response = client.post(f"/api/rights/unions/{cast.union_a1.pk}/contracts", body, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"] == "当前账号为只读，不能修改数据"
    client.force_login(cast.officer)
    shape = client.post(f"/api/rights/unions/{cast.union_a1.pk}/contracts", body, content_type="application/json")
    assert shape.status_code in (400, 422)  # a writer's bad body is still told about its shape
