"""Each list's filters are declared once (gonghui.care.filters): the page's form and the API's parameters agree."""

from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.care import services

from .helpers import apply, days_ago

pytestmark = pytest.mark.django_db


def _visit(cast, who, reason, days):
    services.visit_create(actor=cast.street_admin, member=who, reason=reason, visited_on=days_ago(days), visitors="主席",
                          money=Decimal("100"))


def test_the_page_and_the_api_filter_a_list_alike(cast, client_for):
    _visit(cast, cast.member_a1, "illness", 3)
    _visit(cast, cast.member_a2, "childbirth", 3)
    _visit(cast, cast.member_a1, "illness", 40)
    client = client_for(cast.county_admin)
    filters = {"reason": "illness", "start": days_ago(10).isoformat(), "union": cast.street_a.pk}
    html = client.get(reverse("care:visits"), filters).content.decode()
    assert html.count(f">{cast.member_a1.name}<") == 1 and cast.member_a2.name not in html
    api = {**filters, "union_id": filters.pop("union")}
    body = client.get("/api/care/visits", api).json()
    assert [r["target_name"] for r in body["results"]] == [cast.member_a1.name] and body["count"] == 1


def test_the_filter_form_keeps_its_chinese_labels(cast, client_for):
    html = client_for(cast.officer).get(reverse("care:files")).content.decode()
    for label in ("工会（含下级）", "姓名/身份证后四位", "状态", "困难类别", "致困原因", "全部"):
        assert label in html, label
    html = client_for(cast.officer).get(reverse("care:aid")).content.decode()
    assert "起始日期" in html and 'type="date"' in html


def test_a_value_the_api_filter_refuses_is_a_422_at_its_parameter(cast, client):
    apply(cast)
    client.force_login(cast.officer)
    response = client.get("/api/care/hardship/files", {"status": "nonsense"})
    assert response.status_code == 422 and "nonsense" in response.json()["errors"]["status"][0]
    response = client.get("/api/care/medical/units", {"year": 0})
    assert response.status_code == 422 and response.json()["errors"]["year"] == ["不能小于2000"]
    response = client.get("/api/care/visits", {"start": "2025-13-01"})
    assert response.status_code == 422 and "start" in response.json()["errors"]
    assert client.get("/api/care/visits", {"union_id": cast.union_b1.pk}).status_code == 404


def test_the_api_documents_each_lists_parameters(cast, client):
    client.force_login(cast.officer)
    spec = client.get("/api/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/care/hardship/aid"]["get"]["parameters"]}
    assert names == {"union_id", "page", "start", "end", "q", "kind", "fund_source"}


def test_the_page_refuses_a_foreign_union_and_shows_a_wrong_value_at_its_field(cast, client_for):
    _visit(cast, cast.member_a1, "illness", 3)
    client = client_for(cast.officer)
    assert client.get(reverse("care:visits"), {"union": cast.union_b1.pk}).status_code == 404
    html = client.get(reverse("care:visits"), {"start": "2025-13-01", "reason": "childbirth"}).content.decode()
    # The wrong date is shown at its field; the reason still applies.
    assert "输入一个有效的日期" in html and cast.member_a1.name not in html
