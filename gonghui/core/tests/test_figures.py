"""Kept figures (gonghui.core.figures): read once per union and period, never older than a write they read."""

from datetime import date
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gonghui.care.tests.helpers import active_file, member, pay
from gonghui.members import services as members
from gonghui.org import services as org
from gonghui.org.selectors import coverage_for
from gonghui.testing import make_id_number

pytestmark = pytest.mark.django_db

YEAR = {"start": "2025-01-01", "end": "2025-12-31"}


def page(client, user, url: str, params=None) -> str:
    client.force_login(user)
    response = client.get(url, params or {})
    assert response.status_code == 200
    return unescape(response.content.decode())


def members_on_home(client, user) -> str:
    text = page(client, user, reverse("home:index"))
    return text.split("在册会员")[0].rsplit("<b>", 1)[1].removesuffix("</b>")


def test_a_union_s_coverage_is_counted_once_for_every_user_who_opens_it(cast):
    coverage_for(user=cast.county_admin, union=cast.street_a)
    with CaptureQueriesContext(connection) as queries:
        again = coverage_for(user=cast.street_admin, union=cast.street_a)
    assert len(queries) == 0 and again.members == 2


def test_a_member_who_joins_or_leaves_shows_on_the_home_page_at_once(cast, client):
    assert members_on_home(client, cast.county_admin) == "3"
    members.member_create(actor=cast.officer, union=cast.union_a1, name="新会员",
                          id_number=make_id_number(date(1990, 1, 1), 77), join_date=date(2025, 3, 1))
    assert members_on_home(client, cast.county_admin) == "4"
    members.member_end(actor=cast.officer, member=cast.member_a1, kind="leave", on_date=date(2025, 6, 1))
    assert members_on_home(client, cast.county_admin) == "3"


def test_a_union_moved_away_leaves_the_old_street_s_figures(cast, client):
    assert members_on_home(client, cast.street_admin) == "2"
    org.union_move(actor=cast.county_admin, union=cast.union_a2, new_parent=cast.street_b)
    assert members_on_home(client, cast.street_admin) == "1"


def test_aid_paid_shows_in_the_statistics_at_once(cast, client):
    file = active_file(cast, who=member(cast.union_a1, 501), applied_on=date(2025, 2, 1))
    url = reverse("care:statistics")
    assert "发放各类困难补助0.0万元" in page(client, cast.street_admin, url, YEAR)
    pay(cast, file, "5000.00", paid_on=date(2025, 3, 1))
    assert "发放各类困难补助0.5万元" in page(client, cast.street_admin, url, YEAR)


def test_figures_kept_for_a_user_with_the_care_grant_are_not_shown_to_one_without(cast, client):
    url = reverse("care:statistics")
    params = {**YEAR, "union": cast.union_a1.pk}
    assert "发放各类困难补助" in page(client, cast.officer, url, params)
    assert "发放各类困难补助" not in page(client, cast.officer_no_care, url, params)


def test_each_period_is_counted_on_its_own(cast, client):
    file = active_file(cast, who=member(cast.union_a1, 502), applied_on=date(2024, 2, 1))
    pay(cast, file, "5000.00", paid_on=date(2024, 3, 1))
    url = reverse("care:statistics")
    assert "发放各类困难补助0.5万元" in page(client, cast.street_admin, url, {"start": "2024-01-01", "end": "2024-12-31"})
    assert "发放各类困难补助0.0万元" in page(client, cast.street_admin, url, YEAR)


def test_with_no_time_to_keep_them_figures_are_counted_every_time(cast, settings):
    settings.GONGHUI = {**settings.GONGHUI, "FIGURES_CACHE_SECONDS": 0}
    coverage_for(user=cast.county_admin, union=cast.street_a)
    with CaptureQueriesContext(connection) as queries:
        coverage_for(user=cast.county_admin, union=cast.street_a)
    assert len(queries) > 0
