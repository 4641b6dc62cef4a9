import pytest

from gonghui.ledger import services as ledger
from gonghui.ledger.models import ActivityKind
from gonghui.outreach import services
from gonghui.outreach.models import CourseOrder, Gift, Survey
from gonghui.testing import assert_scoped

from .helpers import company, course, days_ago, gift, merchant, order, survey

pytestmark = pytest.mark.django_db

API = "/api/outreach"


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def survey_payload(cast, **overrides) -> dict:
    return {"enterprise_id": company(cast).pk, "surveyed_on": days_ago(2).isoformat(), "workers_reached": 60,
            "topic": "外来务工人员情况调查", **overrides}


def test_lists_are_scoped_and_filtered(cast, client):
    survey(cast), gift(cast), merchant(cast), order(cast)
    a1 = cast.union_a1
    for plural in ("surveys", "gifts", "orders"):
        assert_scoped(client, cast, f"{API}/{plural}?union_id={a1.pk}", owner=a1)
    for plural in ("merchants", "courses"):
        assert_scoped(client, cast, f"{API}/{plural}?union_id={cast.street_a.pk}", owner=cast.street_a)
    client.force_login(cast.officer)
    items = client.get(f"{API}/surveys").json()["results"]
    assert [(s["topic"], s["workers_reached"], s["union_id"]) for s in items] == [("外来务工人员情况调查", 120, a1.pk)]
    assert client.get(f"{API}/gifts", {"item": "乒乓"}).json()["results"] == []
    assert client.get(f"{API}/orders").json()["results"][0]["state"] == "requested"
    bad = client.get(f"{API}/surveys", {"start": "yesterday"})
    assert bad.status_code == 422 and "start" in bad.json()["errors"]
    client.force_login(cast.other_officer)
    assert client.get(f"{API}/surveys").json()["results"] == []


def test_a_survey_is_created_and_bad_input_is_refused_at_its_field(cast, client):
    client.force_login(cast.officer)
    refused = post(client, f"{API}/surveys", survey_payload(cast, workers_reached=0, topic=""))
    assert refused.status_code == 422
    assert refused.json()["errors"] == {"topic": ["请填写调查内容"], "workers_reached": ["涉及职工人次应在1至100000之间"]}
    elsewhere = post(client, f"{API}/surveys", survey_payload(cast, enterprise_id=cast.union_b1.enterprises.get().pk))
    assert elsewhere.json()["errors"] == {"enterprise": [services.NOT_YOURS_ENTERPRISE]}
    missing = post(client, f"{API}/surveys", survey_payload(cast, enterprise_id=999_999))
    assert missing.json()["errors"] == {"enterprise": [services.NOT_YOURS_ENTERPRISE]}
    assert not Survey.objects.exists()
    made = post(client, f"{API}/surveys", survey_payload(cast))
    assert made.status_code == 201 and made.json()["union_id"] == cast.union_a1.pk
    assert Survey.objects.get().workers_reached == 60


def test_a_gift_a_merchant_and_a_course_are_created(cast, client):
    client.force_login(cast.street_admin)
    gift_made = post(client, f"{API}/gifts", {"enterprise_id": company(cast).pk, "given_on": days_ago(1).isoformat(),
                                              "item": "乒乓球台", "quantity": 5, "unit": "对", "value": "7500"})
    assert gift_made.status_code == 201 and Gift.objects.get().unit == "对"
    street = cast.street_a.pk
    merchant_made = post(client, f"{API}/unions/{street}/merchants",
                         {"name": "惠民超市", "offer": "九五折", "contracted_on": days_ago(3).isoformat()})
    assert merchant_made.status_code == 201 and merchant_made.json()["union_id"] == street
    course_made = post(client, f"{API}/unions/{street}/courses", {"title": "食品安全", "series": "一小时课堂"})
    assert course_made.status_code == 201
    # The read-only auditor is refused before the body is read; another county's union is not found.
    client.force_login(cast.auditor)
    assert post(client, f"{API}/unions/{street}/courses", {}).status_code == 403
    client.force_login(cast.other_officer)
    assert post(client, f"{API}/unions/{street}/courses", {"title": "x", "series": "y"}).status_code == 404


def test_an_order_is_delivered_with_a_ledger_activity(cast, client):
    offered = course(cast)
    session = ledger.activity_create(actor=cast.street_admin, union=cast.street_a, kind=ActivityKind.TRAINING,
                                     title="一小时课堂：急救", date=days_ago(1))
    client.force_login(cast.street_admin)
    payload = {"enterprise_id": company(cast).pk, "course_id": offered.pk, "ordered_on": days_ago(5).isoformat(),
               "state": "delivered", "delivered_on": days_ago(1).isoformat()}
    refused = post(client, f"{API}/orders", payload)
    assert refused.json()["errors"] == {"activity": ["已送课，请选择台帐中登记的送课活动"]}
    assert post(client, f"{API}/orders", {**payload, "activity_id": 999_999}).json()["errors"] == {
        "activity": [services.NOT_YOURS_ACTIVITY]}
    assert not CourseOrder.objects.exists()
    made = post(client, f"{API}/orders", {**payload, "activity_id": session.pk})
    assert made.status_code == 201 and made.json()["activity_id"] == session.pk
