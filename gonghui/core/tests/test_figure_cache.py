"""Figures kept between requests (gonghui.core.figure_cache), as production keeps them, and forgotten on a write."""

import re
from datetime import date
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from gonghui.core.cache import SharedFileCache
from gonghui.core.figure_cache import figures_changed
from gonghui.core.figures import figure_get, figure_values
from gonghui.core.models import FigureGeneration
from gonghui.core.periods import year_period
from gonghui.core.services import access_log_record
from gonghui.members import services as member_services
from gonghui.members.models import Member
from gonghui.testing import make_id_number

pytestmark = [pytest.mark.django_db, pytest.mark.figure_cache]

MEMBERS = figure_get("members.active")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def active_members(user, union) -> int:
    (value,) = figure_values([MEMBERS], user=user, union=union, period=year_period(date.today().year))
    return value.value


def join(cast, seq: int, capture) -> Member:
    with capture(execute=True):
        return member_services.member_create(actor=cast.officer, union=cast.union_a1, name=f"职工{seq}",
                                             id_number=make_id_number(date(1985, 1, 1), seq),
                                             join_date=date(2020, 1, 1))


def test_a_kept_figure_is_read_without_counting(cast):
    first = active_members(cast.street_admin, cast.street_a)
    with CaptureQueriesContext(connection) as queries:
        second = active_members(cast.street_admin, cast.street_a)
    assert second == first
    assert not [q for q in queries.captured_queries if "members_member" in q["sql"]]


def test_a_committed_write_is_counted_at_once(cast, django_capture_on_commit_callbacks):
    before = active_members(cast.street_admin, cast.street_a)
    join(cast, 501, django_capture_on_commit_callbacks)
    assert active_members(cast.street_admin, cast.street_a) == before + 1
    # Every level above sees it too, and a user of the county reads the same value as the street's.
    assert active_members(cast.county_admin, cast.street_a) == before + 1


def test_a_rolled_back_write_bumps_nothing(cast, django_capture_on_commit_callbacks):
    join(cast, 502, django_capture_on_commit_callbacks)
    number = FigureGeneration.objects.get(tenant_id=cast.county.pk).number
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                member_services.member_create(actor=cast.officer, union=cast.union_a1, name="职工503",
                                              id_number=make_id_number(date(1985, 1, 1), 503),
                                              join_date=date(2020, 1, 1))
                raise RuntimeError("abandoned")
        except RuntimeError:
            pass
    assert FigureGeneration.objects.get(tenant_id=cast.county.pk).number == number


def test_a_write_in_sql_alone_is_told_by_its_service(cast, django_capture_on_commit_callbacks):
    before = active_members(cast.street_admin, cast.street_a)
    Member.objects.filter(union=cast.union_a1).update(status="left")  # no signal: the cache cannot know
    assert active_members(cast.street_admin, cast.street_a) == before
    with django_capture_on_commit_callbacks(execute=True):
        figures_changed(cast.county.pk)
    assert active_members(cast.street_admin, cast.street_a) < before


def test_a_write_request_forgets_its_tenants_figures(cast, client_for, django_capture_on_commit_callbacks):
    before = active_members(cast.street_admin, cast.street_a)
    Member.objects.filter(union=cast.union_a1).update(status="left")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(cast.officer).post("/members/", {})  # any write request, whatever it answers
    assert active_members(cast.street_admin, cast.street_a) < before


def test_no_care_grant_is_never_answered_from_the_cache(cast):
    figure = figure_get("care.hardship_active")
    period = year_period(date.today().year)
    (granted,) = figure_values([figure], user=cast.officer, union=cast.union_a1, period=period)
    (refused,) = figure_values([figure], user=cast.officer_no_care, union=cast.union_a1, period=period)
    assert granted.value == 0 and refused.value is None and refused.text == "—"


def test_a_union_outside_the_users_subtree_is_not_looked_up(cast):
    outside = active_members(cast.street_admin, cast.street_a)
    assert outside > 0
    # The sibling street's officer asking for street A's union gets its own (empty) scope, not the kept value.
    assert active_members(cast.other_officer, cast.street_a) == 0


def test_a_dashboard_section_is_read_from_the_cache_and_forgets_on_a_write(cast, client_for,
                                                                          django_capture_on_commit_callbacks):
    client = client_for(cast.street_admin)
    query = urlencode({"union": cast.street_a.pk, **year_period(date.today().year).params})
    url = f"/reports/sections/ORGANISATION/?{query}"
    first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).content.decode() == first
    assert not [q for q in queries.captured_queries if "members_member" in q["sql"]]
    join(cast, 504, django_capture_on_commit_callbacks)
    assert client.get(url).content.decode() != first


def test_a_read_written_down_in_the_access_log_keeps_the_figures(cast, django_capture_on_commit_callbacks):
    join(cast, 505, django_capture_on_commit_callbacks)
    number = FigureGeneration.objects.get(tenant_id=cast.county.pk).number
    with django_capture_on_commit_callbacks(execute=True):
        access_log_record(user=cast.officer, obj=cast.member_a1, action="reveal")
    assert FigureGeneration.objects.get(tenant_id=cast.county.pk).number == number


def test_the_shared_file_cache_lists_its_files_once_a_minute(tmp_path, monkeypatch):
    files = SharedFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 2, "CULL_FREQUENCY": 2}})
    listings = []
    original = FileBasedCache._list_cache_files
    monkeypatch.setattr(FileBasedCache, "_list_cache_files", lambda self: listings.append(1) or original(self))
    for n in range(5):
        files.set(f"k{n}", n)
    assert len(listings) == 1
    assert files.get("k4") == 4


def test_a_value_counted_on_the_replica_just_after_a_write_is_not_kept(cast, monkeypatch,
                                                                      django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    from gonghui.core import figure_cache

    join(cast, 506, django_capture_on_commit_callbacks)  # the generation changed a moment ago
    monkeypatch.setattr(figure_cache, "reporting_alias", lambda: "replica")
    active_members(cast.street_admin, cast.street_a)
    assert cache.get(figure_cache.cache_key(MEMBERS.key, cast.street_a, year_period(date.today().year))) is None
    FigureGeneration.objects.filter(tenant_id=cast.county.pk).update(changed_at=timezone.now() - timedelta(minutes=1))
    value = active_members(cast.street_admin, cast.street_a)
    assert cache.get(figure_cache.cache_key(MEMBERS.key, cast.street_a, year_period(date.today().year))) == value


def test_a_lists_count_and_its_union_picker_are_kept_until_a_write(cast, client_for,
                                                                   django_capture_on_commit_callbacks):
    client = client_for(cast.street_admin)

    def page():  # the page as its reader sees it, less the form token that differs on every request
        return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', "", client.get("/members/").content.decode())

    first = page()
    with CaptureQueriesContext(connection) as queries:
        assert page() == first
    picker = [q for q in queries.captured_queries if '"org_union"."name"' in q["sql"] and "LIMIT" not in q["sql"]]
    assert not picker and not [q for q in queries.captured_queries if "COUNT(" in q["sql"]]
    join(cast, 507, django_capture_on_commit_callbacks)
    assert "职工507" in page() and page() != first
