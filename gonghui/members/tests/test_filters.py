"""The member list's one set of filters, as the list page, the API and the roster export use it."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from gonghui.members.selectors import member_list

pytestmark = pytest.mark.django_db


def test_a_wrong_filter_is_dropped_and_the_others_still_apply(cast, client_for):
    query = QueryDict(f"category=astronaut&union={cast.street_b.pk}")
    assert list(member_list(user=cast.county_admin, params=query)) == [cast.member_b1]
    html = client_for(cast.county_admin).get(reverse("members:list") + f"?{query.urlencode()}").content.decode()
    assert cast.member_b1.name in html and cast.member_a1.name not in html


def test_a_union_outside_the_subtree_filters_nothing_in(cast):
    query = QueryDict(f"union={cast.street_b.pk}")
    assert set(member_list(user=cast.street_admin, params=query)) == {cast.member_a1, cast.member_a2}


def test_the_api_says_which_filter_is_wrong(cast, client_for):
    client = client_for(cast.county_admin)
    response = client.get("/api/members/", {"category": "astronaut"})
    assert response.status_code == 422 and "有效" in response.json()["errors"]["category"][0]
    names = [m["name"] for m in client.get("/api/members/", {"q": cast.member_a2.name[:1], "sort": "-join_date"})
             .json()["results"]]
    assert cast.member_a2.name in names and cast.member_b1.name not in names
