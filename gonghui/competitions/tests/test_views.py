import io
from decimal import Decimal

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.competitions import services
from gonghui.competitions.models import Nomination

from .helpers import competition, eligible, team

pytestmark = pytest.mark.django_db


def test_an_ineligible_nomination_is_refused_on_the_page_and_nothing_saved(client, cast):
    client.force_login(cast.officer)
    response = client.post(reverse("competitions:nomination_create"), {
        "honour_kind": "pioneer", "level": "county", "awarding_body": "县总工会", "reason": "竞赛第一"})
    assert response.status_code == 400
    assert "甲一机械厂工会不符合推荐条件：未签订有效的集体合同" in response.content.decode()
    assert not Nomination.objects.exists()
    eligible(cast)
    response = client.post(reverse("competitions:nomination_create"), {
        "honour_kind": "pioneer", "level": "county", "awarding_body": "县总工会", "reason": "竞赛第一"})
    assert response.status_code == 302
    client.force_login(cast.street_admin)
    page = client.get(response.url).content.decode()
    assert "基层推荐" in page and "通过，进入下一步" in page


def test_the_competition_page_shows_entries_in_rank_order(client, cast):
    contest = competition(cast)
    for union, score in ((cast.union_a1, 70), (cast.union_a2, 95)):
        entry = services.entry_add(actor=cast.street_admin, competition=contest, union=union)
        services.entry_score(actor=cast.street_admin, entry=entry, score=Decimal(score))
    client.force_login(cast.street_admin)
    client.post(reverse("competitions:competition_rank", args=[contest.pk]))
    page = client.get(reverse("competitions:competition_detail", args=[contest.pk])).content.decode()
    assert page.index("甲二中学工会") < page.index("甲一机械厂工会")
    assert "零事故：40.0分（一票否决）" in page


def test_the_team_list_is_exported_with_the_grade_column(client, cast):
    made = team(cast)
    services.team_member_add(actor=cast.officer, team=made, member=cast.member_a1)
    services.team_leader_set(actor=cast.officer, team=made, member=cast.member_a1)
    client.force_login(cast.officer)
    response = client.get(reverse("competitions:teams_export"))
    rows = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(response.streaming_content))).get_sheet_by_index(0)
    assert rows.to_python() == [["工会", "班组名称", "班组长", "班组人数", "等级"],
                                ["甲一机械厂工会", "装配一班", "张伟", 1.0, ""]]
