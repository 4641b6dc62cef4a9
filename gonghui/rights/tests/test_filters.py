"""The lists' filters are declared once: the page's form and the API's parameters say the same things."""

import pytest
from django.urls import reverse

from .helpers import case

pytestmark = pytest.mark.django_db


def test_the_api_parameters_keep_their_names(client, cast):
    client.force_login(cast.county_admin)
    spec = client.get("/api/openapi.json").json()
    params = [p["name"] for p in spec["paths"]["/api/rights/disputes"]["get"]["parameters"]]
    assert sorted(params) == sorted(["union_id", "kind", "state", "outcome", "start", "end", "q", "page"])


def test_a_value_the_filters_refuse_is_a_422_at_the_parameter(client, cast):
    cast.county_admin.may_access_care = True
    cast.county_admin.save()
    client.force_login(cast.county_admin)
    response = client.get("/api/rights/disputes", {"kind": "bribery"})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["kind"]
    assert "bribery" in response.json()["errors"]["kind"][0]


def test_the_page_says_which_filter_is_wrong_and_applies_the_others(client, cast):
    made = case(cast, kind="wages")
    cast.officer.may_access_care = True
    cast.officer.save()
    client.force_login(cast.officer)
    html = client.get(reverse("rights:disputes"), {"start": "2026-13-01", "kind": "wages"}).content.decode()
    assert "errorlist" in html and "受理日期自" in html
    assert made.enterprise.name in html
    html = client.get(reverse("rights:disputes"), {"start": "2026-13-01", "kind": "work_injury"}).content.decode()
    assert made.enterprise.name not in html
