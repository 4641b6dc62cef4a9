from datetime import date

import pytest

from gonghui.ledger import services as ledger
from gonghui.ledger.models import ActivityKind
from gonghui.plans import services
from gonghui.plans.models import Plan, PlanItem, PlanTemplate
from gonghui.testing import assert_scoped

pytestmark = pytest.mark.django_db

YEAR = date.today().year
JSON = {"content_type": "application/json"}


def school_id() -> int:
    return PlanTemplate.objects.get(code="school").pk


def test_a_plan_from_a_template_and_its_progress_through_the_api(cast, client):
    client.force_login(cast.sibling_officer)
    response = client.post(f"/api/plans/unions/{cast.union_a2.pk}", {"year": YEAR, "template_id": school_id()}, **JSON)
    assert response.status_code == 201, response.content
    plan_id = response.json()["id"]
    body = client.get(f"/api/plans/{plan_id}").json()
    meet = next(row for row in body["items"] if row["item"]["title"] == "举办教职工趣味运动会")
    assert meet["label"] == "0/2" and meet["item"]["months"] == [4, 10]
    ledger.activity_create(actor=cast.sibling_officer, union=cast.union_a2, kind=ActivityKind.CULTURE_SPORTS,
                           title="运动会", date=date(YEAR, 1, 3), plan_item=PlanItem.objects.get(pk=meet["item"]["id"]))
    body = client.get(f"/api/plans/{plan_id}").json()
    assert next(r for r in body["items"] if r["item"]["id"] == meet["item"]["id"])["label"] == "1/2"
    assert client.post(f"/api/plans/{plan_id}/file").json()["status"] == "filed"


def test_items_through_the_api_with_errors_at_the_field(cast, client):
    plan = services.plan_create(actor=cast.officer, union=cast.union_a1, year=YEAR)
    client.force_login(cast.officer)
    item = {"area": "culture", "title": "职工运动会", "months": [4, 10], "target_count": -2, "target_unit": "次"}
    response = client.post(f"/api/plans/{plan.pk}/items", item, **JSON)
    assert response.status_code == 422 and "不能为负数" in response.json()["errors"]["target_count"][0]
    response = client.post(f"/api/plans/{plan.pk}/items", item | {"months": []}, **JSON)
    assert "至少选择一个月份" in response.json()["errors"]["months"][0]
    assert not PlanItem.objects.exists()
    response = client.post(f"/api/plans/{plan.pk}/items", item | {"target_count": 2}, **JSON)
    assert response.status_code == 201
    item_id = response.json()["id"]
    response = client.put(f"/api/plans/items/{item_id}", item | {"target_count": 3, "status": "done"}, **JSON)
    assert response.json()["target_count"] == 3 and response.json()["status"] == "done"
    assert client.delete(f"/api/plans/items/{item_id}").status_code == 204


def test_copying_last_year_and_the_year_view_through_the_api(cast, client):
    services.plan_create(actor=cast.officer, union=cast.union_a1, year=YEAR - 1)
    client.force_login(cast.officer)
    response = client.post(f"/api/plans/unions/{cast.union_a1.pk}", {"year": YEAR, "copy_previous": True}, **JSON)
    assert response.status_code == 201 and response.json()["source"] == f"沿用{YEAR - 1}年计划"
    response = client.post(f"/api/plans/unions/{cast.union_a1.pk}", {"year": YEAR + 5, "copy_previous": True}, **JSON)
    assert response.status_code == 422 and "source" in response.json()["errors"]
    client.force_login(cast.street_admin)
    body = client.get("/api/plans/year", {"year": YEAR}).json()
    assert {row["union_name"] for row in body["subtree"]} == {"甲一机械厂工会", "甲二中学工会"}
    missing = client.get("/api/plans/missing", {"year": YEAR}).json()
    assert {row["union_name"] for row in missing} == {"甲一机械厂工会", "甲二中学工会"}
    assert {p["union_name"] for p in client.get("/api/plans/", {"year": YEAR}).json()["results"]} == {"甲一机械厂工会"}


def test_templates_through_the_api(cast, client):
    services.template_create(actor=cast.street_admin, union=cast.street_a, name="甲街道模板")
    client.force_login(cast.officer)
    names = {t["name"] for t in client.get("/api/plans/templates").json()}
    assert "甲街道模板" in names and "学校教工会年度工作计划" in names
    client.force_login(cast.other_officer)
    assert "甲街道模板" not in {t["name"] for t in client.get("/api/plans/templates").json()}


def test_it_checks_access(cast, client):
    plan = services.plan_create_from_template(actor=cast.officer, union=cast.union_a1, year=YEAR,
                                              template=PlanTemplate.objects.get(code="enterprise"))
    item = plan.items.first()
    a1 = cast.union_a1
    assert_scoped(client, cast, f"/api/plans/{plan.pk}", owner=a1)
    assert_scoped(client, cast, f"/api/plans/year?year={YEAR}&union_id={a1.pk}", owner=a1)
    assert_scoped(client, cast, f"/api/plans/missing?year={YEAR}&union_id={cast.street_a.pk}", owner=cast.street_a)
    assert_scoped(client, cast, f"/api/plans/{plan.pk}", owner=a1, method="put", data={"key_tasks": "x"}, json=True)
    assert_scoped(client, cast, f"/api/plans/unions/{a1.pk}", owner=a1, method="post", data={"year": 1900},
                  json=True)
    bad_item = {"area": "culture", "title": "", "months": [1]}
    assert_scoped(client, cast, f"/api/plans/{plan.pk}/items", owner=a1, method="post", data=bad_item, json=True)
    assert_scoped(client, cast, f"/api/plans/items/{item.pk}", owner=a1, method="put", data=bad_item, json=True)
    assert_scoped(client, cast, f"/api/plans/{plan.pk}/file", owner=a1, method="post")
    assert Plan.objects.get(pk=plan.pk).status == "filed"
