"""Each list's filters are declared once (gonghui.core.filters): its page and its API read the same ones."""

import pytest
from django.urls import reverse

from gonghui.rights.tests.helpers import case
from gonghui.testing import assert_scoped

pytestmark = pytest.mark.django_db

LIST_PARAMETERS = {
    "/api/rights/disputes": ["union_id", "kind", "state", "outcome", "start", "end", "q", "page"],
    "/api/rights/petitions": ["union_id", "channel", "start", "end", "q", "page"],
    "/api/rights/contracts": ["union_id", "kind", "scope", "state", "q", "page"],
    "/api/rights/bodies": ["union_id", "page"],
    "/api/ledger/activities": ["union_id", "date_from", "date_to", "participant", "q", "kind", "series",
                               "plan_item_id", "page"],
    "/api/ledger/honours": ["union_id", "date_from", "date_to", "participant", "q", "level", "page"],
    "/api/ledger/news": ["union_id", "date_from", "date_to", "participant", "q", "page"],
    "/api/plans/": ["year", "union_id", "status", "page"],
    "/api/org/enterprises": ["q", "page"],
}


def test_each_list_says_its_parameters_in_the_api_schema(client, cast):
    client.force_login(cast.county_admin)
    paths = client.get("/api/openapi.json").json()["paths"]
    for path, names in LIST_PARAMETERS.items():
        assert [p["name"] for p in paths[path]["get"]["parameters"]] == names, path


@pytest.mark.parametrize("url, params, field", [
    ("/api/ledger/honours", {"level": "galactic"}, "level"),
    ("/api/plans/", {"status": "lost"}, "status"),
    ("/api/rights/contracts", {"state": "forever"}, "state"),
    ("/api/ledger/activities", {"plan_item_id": 0}, "plan_item_id"),
])
def test_a_value_the_filters_refuse_is_a_422_at_its_parameter(client, cast, url, params, field):
    client.force_login(cast.county_admin)
    response = client.get(url, params)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]


def test_a_union_outside_the_subtree_is_not_found_on_every_filtered_list(client, cast):
    a1 = cast.union_a1
    for name in ("ledger:list", "ledger:honours", "ledger:news", "plans:list", "rights:contracts", "rights:bodies"):
        assert_scoped(client, cast, reverse(name) + f"?union={a1.pk}", owner=a1)
    for path in ("/api/ledger/activities", "/api/plans/", "/api/rights/contracts"):
        assert_scoped(client, cast, f"{path}?union_id={a1.pk}", owner=a1)


def test_the_page_and_the_api_filter_alike(client, cast):
    client.force_login(cast.county_admin)
    wanted = cast.union_a1.enterprises.get().name
    html = client.get(reverse("org:enterprises"), {"q": wanted}).content.decode()
    listed = client.get("/api/org/enterprises", {"q": wanted}).json()
    assert [e["name"] for e in listed["results"]] == [wanted]
    assert wanted in html and cast.union_a2.enterprises.get().name not in html


def test_the_page_says_which_filter_is_wrong_and_applies_the_others(client, cast):
    made = case(cast, kind="wages")
    cast.officer.may_access_care = True
    cast.officer.save()
    client.force_login(cast.officer)
    html = client.get(reverse("rights:disputes"), {"start": "2026-13-01", "kind": "wages"}).content.decode()
    assert 'class="errorlist"' in html and "输入一个有效的日期" in html
    assert made.enterprise.name in html
    html = client.get(reverse("rights:disputes"), {"start": "2026-13-01", "kind": "work_injury"}).content.decode()
    assert made.enterprise.name not in html
