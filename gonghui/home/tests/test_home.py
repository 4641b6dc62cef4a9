"""The home page's to-do card: each kind of pending work, seen by whoever could do it and by no one else."""

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gonghui.care import services as care
from gonghui.care.tests import helpers as care_helpers
from gonghui.members import services as members
from gonghui.plans import services as plans
from gonghui.plans.models import PlanTemplate
from gonghui.rights import services as rights
from gonghui.rights.tests import helpers as rights_helpers
from gonghui.rosters import services as rosters
from gonghui.testing import make_id_number, viewers

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR = TODAY.year
CARD_RE = re.compile(r'<div class="card" data-testid="todo">(.*?)</div>', re.S)
LINE_RE = re.compile(r'<li><a href="([^"]+)">([^<]+)</a></li>')


def todo(client) -> dict[str, str]:
    """The card's lines as the user reads them, each with where it leads."""
    card = CARD_RE.search(client.get(reverse("home:index")).content.decode()).group(1)
    return {unescape(text): unescape(url) for url, text in LINE_RE.findall(card)}


def who_sees(client, cast, text: str) -> set[str]:
    seen = set()
    for user in viewers(cast):
        client.force_login(user)
        if text in todo(client):
            seen.add(user.username)
    return seen


def school_plan(cast, *, file: bool = False):
    plan = plans.plan_create_from_template(actor=cast.officer, union=cast.union_a1, year=YEAR,
                                           template=PlanTemplate.objects.get(code="school"))
    return plans.plan_file(actor=cast.officer, plan=plan) if file else plan


def without_care_grant(user):
    user.may_access_care = False
    user.save()
    return user


@pytest.fixture
def immediate_jobs(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def december(monkeypatch):
    """Late in the year, so that items planned for the early months are behind."""
    monkeypatch.setattr("gonghui.home.views._today", lambda: date(YEAR, 12, 1))


# --- members ----------------------------------------------------------------------------------------------


def test_an_incoming_transfer_waits_for_the_receiving_side(cast, client):
    members.transfer_request(actor=cast.officer, member=cast.member_a1, to_union=cast.union_a2, on_date=TODAY)
    assert who_sees(client, cast, "1 件转会待接收") == {"sibling_officer", "street_admin", "county_admin"}
    client.force_login(cast.sibling_officer)
    url = todo(client)["1 件转会待接收"]
    assert url == reverse("members:transfers")
    assert "张伟" in client.get(url).content.decode()


# --- rosters ----------------------------------------------------------------------------------------------


def test_a_checked_roster_waits_for_its_uploader_only(cast, client, immediate_jobs):
    number = make_id_number(date(1990, 2, 2), 77)
    upload = SimpleUploadedFile("roster.csv", f"姓名,身份证号码,入会日期\n严七,{number},2020-02-02\n".encode())
    roster = rosters.roster_import_create(actor=cast.officer, upload=upload)
    roster.refresh_from_db()
    assert who_sees(client, cast, "1 份花名册待确认导入") == {"officer"}
    client.force_login(cast.officer)
    url = todo(client)["1 份花名册待确认导入"]
    assert url == reverse("rosters:index") and "roster.csv" in client.get(url).content.decode()
    rosters.roster_import_start(actor=cast.officer, roster=roster, mode="skip_rejected")
    assert "1 份花名册待确认导入" not in todo(client)


# --- plans ------------------------------------------------------------------------------------------------


def test_a_union_without_a_plan_is_told_to_make_one_then_to_file_it(cast, client):
    client.force_login(cast.officer)
    assert todo(client)["本年工作计划尚未制定"] == reverse("plans:create", args=[cast.union_a1.pk])
    plan = school_plan(cast)
    lines = todo(client)
    assert "本年工作计划尚未制定" not in lines
    assert lines["本年工作计划尚未报送"] == reverse("plans:detail", args=[plan.pk])
    plans.plan_file(actor=cast.officer, plan=plan)
    assert "本年工作计划尚未报送" not in todo(client)
    client.force_login(cast.sibling_officer)
    assert todo(client)["本年工作计划尚未制定"] == reverse("plans:create", args=[cast.union_a2.pk])


def test_overdue_items_are_counted_for_the_union_that_owns_the_plan(cast, client, december):
    plan = plans.plan_create(actor=cast.officer, union=cast.union_a1, year=YEAR)
    for title, months in (("一月的事", [1]), ("二月的事", [1, 2]), ("十二月的事", [12])):
        plans.plan_item_create(actor=cast.officer, plan=plan, area="culture", title=title, months=months,
                               target_count=1, target_unit="次")
    plans.plan_file(actor=cast.officer, plan=plan)
    text = "2 个计划事项逾期"
    assert who_sees(client, cast, text) == {"officer"}
    client.force_login(cast.officer)
    url = todo(client)[text]
    assert url == reverse("plans:detail", args=[plan.pk])
    html = client.get(url).content.decode()
    assert "一月的事" in html and "逾期月份" in html


def test_a_federation_sees_how_many_unions_beneath_it_filed_no_plan(cast, client):
    school_plan(cast, file=True)
    assert who_sees(client, cast, "1 个下级工会未报送本年工作计划") == {"street_admin"}
    # The county: two streets and two of the three grassroots unions.
    assert who_sees(client, cast, "4 个下级工会未报送本年工作计划") == {"county_admin"}
    client.force_login(cast.street_admin)
    url = todo(client)["1 个下级工会未报送本年工作计划"]
    assert url == f"{reverse('plans:list')}?year={YEAR}#missing"
    html = client.get(url).content.decode()
    assert "未报送" in html and "甲二中学工会" in html


# --- care -------------------------------------------------------------------------------------------------


def test_an_application_waits_for_the_union_review(cast, client):
    care_helpers.apply(cast)
    text = "困难职工档案待初审 1 份"
    assert who_sees(client, cast, text) == {"officer", "street_admin", "county_admin"}
    client.force_login(cast.officer)
    url = todo(client)[text]
    assert url == reverse("care:files") + "?status=applied"
    assert "张伟" in client.get(url).content.decode()


def test_the_federation_review_waits_for_a_federation_admin_who_did_not_do_the_first(cast, client):
    file = care_helpers.apply(cast)
    care.hardship_file_union_review(actor=cast.street_admin, file=file, approve=True, on_date=file.applied_on)
    text = "困难职工档案待总工会审核 1 份"
    # The street admin did the first review: the second is someone else's.
    assert who_sees(client, cast, text) == {"county_admin"}
    client.force_login(cast.county_admin)
    url = todo(client)[text]
    assert url == reverse("care:files") + "?status=union_approved"
    assert "张伟" in client.get(url).content.decode()


def test_a_file_unreviewed_for_a_year_waits_for_the_yearly_review(cast, client):
    care_helpers.active_file(cast, applied_on=care_helpers.days_ago(420), approved_on=care_helpers.days_ago(400))
    text = "困难职工档案超过一年未复核 1 份"
    assert who_sees(client, cast, text) == {"officer", "street_admin", "county_admin"}
    client.force_login(cast.officer)
    assert todo(client)[text] == reverse("care:watch")


def test_without_the_care_grant_no_care_or_dispute_line_shows(cast, client):
    care_helpers.apply(cast)
    rights_helpers.case(cast, received_on=rights_helpers.days_ago(20))
    rights_helpers.case(cast, received_on=rights_helpers.days_ago(14))
    client.force_login(without_care_grant(cast.officer))
    lines = " ".join(todo(client))
    assert "困难职工档案" not in lines and "劳动争议" not in lines


# --- rights -----------------------------------------------------------------------------------------------


def test_open_cases_past_or_near_their_time_limit(cast, client):
    rights_helpers.case(cast, received_on=rights_helpers.days_ago(20), applicant="超期甲")
    rights_helpers.case(cast, received_on=rights_helpers.days_ago(14), applicant="将到期乙")
    rights_helpers.case(cast, received_on=rights_helpers.days_ago(3), applicant="刚受理丙")
    grant_holders = {"officer", "street_admin", "county_admin"}
    assert who_sees(client, cast, "劳动争议超过15日未结 1 件") == grant_holders
    assert who_sees(client, cast, "劳动争议3日内到期 1 件") == grant_holders
    client.force_login(cast.officer)
    lines = todo(client)
    assert lines["劳动争议超过15日未结 1 件"] == reverse("rights:disputes") + "?state=past_limit"
    past_limit = client.get(lines["劳动争议超过15日未结 1 件"]).content.decode()
    near = client.get(lines["劳动争议3日内到期 1 件"]).content.decode()
    assert "超期甲" in past_limit and "将到期乙" not in past_limit
    assert "将到期乙" in near and "超期甲" not in near and "刚受理丙" not in near


def test_a_closed_case_is_no_longer_waiting(cast, client):
    case = rights_helpers.case(cast, received_on=rights_helpers.days_ago(20))
    rights.dispute_close(actor=cast.officer, case=case, outcome="mediated", closed_on=TODAY)
    client.force_login(cast.officer)
    assert not [text for text in todo(client) if "劳动争议" in text]


def test_contracts_expiring_within_the_warning_days(cast, client):
    rights_helpers.contract(cast, term_end=TODAY + timedelta(days=30), title="将到期的工资专项合同")
    rights_helpers.contract(cast, title="还早的综合合同", kind="comprehensive")
    text = "集体合同90日内到期 1 份"
    assert who_sees(client, cast, text) == {"officer", "street_admin", "county_admin"}
    # Contracts are not sensitive (the contract list needs no grant), so the line stays without it.
    client.force_login(without_care_grant(cast.officer))
    url = todo(client)[text]
    assert url == reverse("rights:contracts") + "?state=expiring"
    html = client.get(url).content.decode()
    assert "将到期的工资专项合同" in html and "还早的综合合同" not in html


# --- the card as a whole ----------------------------------------------------------------------------------


def everything_waits(cast):
    members.transfer_request(actor=cast.officer, member=cast.member_a1, to_union=cast.union_b1, on_date=TODAY)
    care_helpers.apply(cast, who=cast.member_a2, actor=cast.sibling_officer)
    file = care_helpers.apply(cast)
    care.hardship_file_union_review(actor=cast.officer, file=file, approve=True, on_date=file.applied_on)
    rights_helpers.case(cast, received_on=rights_helpers.days_ago(20))
    rights_helpers.case(cast, received_on=rights_helpers.days_ago(14))
    rights_helpers.contract(cast, term_end=TODAY + timedelta(days=30))


def test_nothing_waits(cast, client, monkeypatch):
    school_plan(cast, file=True)
    # Early in the year nothing planned is behind yet.
    monkeypatch.setattr("gonghui.home.views._today", lambda: date(YEAR, 1, 10))
    client.force_login(cast.officer)
    html = client.get(reverse("home:index")).content.decode()
    assert "待办事项" in html and "暂无待办事项" in html and not todo(client)


def test_the_auditor_has_nothing_to_do_however_much_waits(cast, client):
    everything_waits(cast)
    client.force_login(cast.auditor)
    assert "暂无待办事项" in client.get(reverse("home:index")).content.decode() and not todo(client)


def test_the_lines_come_in_a_fixed_order(cast, client, immediate_jobs):
    everything_waits(cast)
    rosters.roster_import_create(actor=cast.county_admin, upload=SimpleUploadedFile("roster.csv", b"a,b\n1,2\n"))
    client.force_login(cast.county_admin)
    assert list(todo(client)) == [
        "1 件转会待接收", "1 份花名册待确认导入", "本年工作计划尚未制定", "5 个下级工会未报送本年工作计划",
        "困难职工档案待初审 1 份", "困难职工档案待总工会审核 1 份", "劳动争议超过15日未结 1 件", "劳动争议3日内到期 1 件",
        "集体合同90日内到期 1 份"]


# Session, user and union (3), the coverage card (4), the session's save (3); the card: seven scoped counts
# (each reads the subtree's unions, then counts: 14), and two reads for the progress of the county's own plan.
# However many records wait, the number stays.
def _card_queries(client) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        lines = todo(client)
    # The session's own reads and writes (once a minute at most) are the request's, not the card's.
    return len([q for q in queries.captured_queries if "django_session" not in q["sql"]]), lines


def _more_waiting_work(cast, first_seq: int) -> None:
    for member in (care_helpers.member(cast.union_a1, seq) for seq in (first_seq, first_seq + 1)):
        members.transfer_request(actor=cast.officer, member=member, to_union=cast.union_a2, on_date=TODAY)
        care_helpers.apply(cast, who=member)


def test_the_home_page_reads_a_bounded_number_of_queries(cast, client, december):
    """The card asks each app's counts once, however much work waits: more of it costs no more queries
    (each app adds its own few; the bound is the apps', not the records')."""
    everything_waits(cast)
    _more_waiting_work(cast, 201)
    plan = plans.plan_create(actor=cast.county_admin, union=cast.county, year=YEAR)
    plans.plan_item_create(actor=cast.county_admin, plan=plan, area="culture", title="一月的事", months=[1],
                           target_count=1, target_unit="次")
    client.force_login(cast.county_admin)
    todo(client)  # a first request also reads what a signed-in session reads once
    before, lines = _card_queries(client)
    assert "3 件转会待接收" in lines and "1 个计划事项逾期" in lines and "困难职工档案待初审 3 份" in lines
    _more_waiting_work(cast, 301)
    after, lines = _card_queries(client)
    assert "5 件转会待接收" in lines and "困难职工档案待初审 5 份" in lines
    assert after == before, (before, after)


@pytest.mark.figure_cache
def test_a_kept_card_forgets_a_line_once_its_work_is_done(cast, client, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case = rights_helpers.case(cast, received_on=rights_helpers.days_ago(20))
    client.force_login(cast.officer)
    assert "劳动争议超过15日未结 1 件" in todo(client)
    assert "劳动争议超过15日未结 1 件" in todo(client)  # the second time from the cache
    with django_capture_on_commit_callbacks(execute=True):
        rights.dispute_close(actor=cast.officer, case=case, outcome="mediated", closed_on=TODAY)
    assert not [text for text in todo(client) if "劳动争议" in text]
    cache.clear()
