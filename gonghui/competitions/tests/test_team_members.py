"""Work teams hold members as people: added and removed on the page and the API, counted from the records,
and a member who leaves the union (an event of members') leaves the team."""

from datetime import timedelta

import pytest
from django.urls import reverse

from gonghui.competitions import services
from gonghui.competitions.models import TeamMember
from gonghui.members import services as members
from gonghui.members.choices import EventKind

from .helpers import team, today

pytestmark = pytest.mark.django_db


def test_a_member_added_on_the_page_is_listed_and_counted(client, cast):
    made = team(cast)
    client.force_login(cast.officer)
    response = client.post(reverse("competitions:team_member_add", args=[made.pk]),
                           {"member": cast.member_a1.pk, "joined_on": today().isoformat()})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert '<dd data-testid="headcount">1</dd>' in page
    assert "张伟" in page and "移出班组" in page
    listed = client.get(reverse("competitions:teams")).content.decode()
    assert "<td>1</td>" in listed


def test_a_member_of_another_union_is_refused_at_the_field_and_nothing_saved(client, cast):
    made = team(cast)
    client.force_login(cast.street_admin)
    response = client.post(reverse("competitions:team_member_add", args=[made.pk]),
                           {"member": cast.member_a2.pk, "joined_on": today().isoformat()})
    # The page offers only the team's union's members: another union's is not a choice.
    assert response.status_code == 400 and "选择一个有效的选项" in response.content.decode()
    answer = client.post(f"/api/competitions/teams/{made.pk}/members", {"member_id": cast.member_a2.pk},
                         content_type="application/json")
    assert answer.status_code == 422 and answer.json()["errors"]["member"] == ["只能选择本班组所属工会的会员"]
    assert not TeamMember.objects.exists()


def test_the_same_member_twice_and_a_future_day_are_refused_in_chinese(client, cast):
    made = team(cast)
    client.force_login(cast.officer)
    url = f"/api/competitions/teams/{made.pk}/members"
    future = (today() + timedelta(days=3)).isoformat()
    answer = client.post(url, {"member_id": cast.member_a1.pk, "joined_on": future}, content_type="application/json")
    assert answer.status_code == 422 and answer.json()["errors"]["joined_on"] == ["加入日期不能晚于今天"]
    assert client.post(url, {"member_id": cast.member_a1.pk}, content_type="application/json").status_code == 201
    answer = client.post(url, {"member_id": cast.member_a1.pk}, content_type="application/json")
    assert answer.status_code == 422 and answer.json()["errors"]["member"] == ["张伟已是本班组成员"]
    assert TeamMember.objects.count() == 1


def test_removing_a_member_keeps_the_row_and_the_count_falls(client, cast):
    made = team(cast)
    row = services.team_member_add(actor=cast.officer, team=made, member=cast.member_a1)
    client.force_login(cast.officer)
    response = client.post(reverse("competitions:team_member_remove", args=[row.pk]))
    page = client.get(response.url).content.decode()
    assert '<dd data-testid="headcount">0</dd>' in page and "还没有班组成员" in page
    assert f"张伟：{today():%Y-%m-%d}至{today():%Y-%m-%d}" in page
    answer = client.post(f"/api/competitions/team-members/{row.pk}/remove", {}, content_type="application/json")
    assert answer.json()["errors"]["__all__"] == [f"张伟已于{today():%Y-%m-%d}离开班组"]
    assert row.history.count() == 2
    assert client.get(f"/api/competitions/teams/{made.pk}/members?past=true").json()[0]["member_name"] == "张伟"
    assert client.get(f"/api/competitions/teams/{made.pk}/members").json() == []


@pytest.mark.parametrize("kind", [EventKind.LEAVE, EventKind.DEATH])
def test_a_member_who_leaves_the_union_leaves_the_team(cast, kind):
    made = team(cast)
    row = services.team_member_add(actor=cast.officer, team=made, member=cast.member_a1,
                                   joined_on=today() - timedelta(days=30))
    members.member_end(actor=cast.officer, member=cast.member_a1, kind=kind, on_date=today() - timedelta(days=2))
    row.refresh_from_db()
    assert row.left_on == today() - timedelta(days=2)
    assert row.history.first().history_user == cast.officer
    assert made.headcount == 0


def test_a_member_transferred_out_leaves_the_team(cast):
    made = team(cast)
    row = services.team_member_add(actor=cast.officer, team=made, member=cast.member_a1)
    transfer = members.transfer_request(actor=cast.officer, member=cast.member_a1, to_union=cast.union_b1,
                                        on_date=today())
    row.refresh_from_db()
    assert row.left_on is None  # a transfer asked for is not yet one made
    members.transfer_accept(actor=cast.county_admin, transfer=transfer)
    row.refresh_from_db()
    assert row.left_on == today()


def test_shared_fault_cases_are_listed_for_every_team_of_the_company(client, cast):
    first, second = team(cast), team(cast, name="机加工班")
    services.innovation_create(actor=cast.officer, team=first, kind="fault_case", title="空压机频繁启停故障排除案例",
                               recorded_on=today(), shared=True)
    services.innovation_create(actor=cast.officer, team=second, kind="innovation", title="班前五分钟安全讲话",
                               recorded_on=today())
    client.force_login(cast.officer)
    page = client.get(reverse("competitions:innovations") + "?shared=yes").content.decode()
    assert "空压机频繁启停故障排除案例" in page and "装配一班" in page and "班前五分钟安全讲话" not in page
    client.force_login(cast.sibling_officer)  # another union's officer sees none of them
    assert "没有符合条件的记录" in client.get(reverse("competitions:innovations")).content.decode()


def test_the_leader_chosen_on_the_page_is_shown_on_the_team_page_and_in_the_list(client, cast):
    made = team(cast)
    services.team_member_add(actor=cast.officer, team=made, member=cast.member_a1)
    client.force_login(cast.officer)
    assert '<dd data-testid="leader">未设</dd>' in client.get(reverse("competitions:team_detail",
                                                                     args=[made.pk])).content.decode()
    response = client.post(reverse("competitions:team_leader", args=[made.pk]), {"leader": cast.member_a1.pk})
    assert response.status_code == 302
    assert '<dd data-testid="leader">张伟</dd>' in client.get(response.url).content.decode()
    assert "<td>张伟</td>" in client.get(reverse("competitions:teams")).content.decode()


def test_a_leader_not_in_the_team_is_refused_at_the_field_and_nothing_saved(client, cast):
    made = team(cast)
    client.force_login(cast.officer)
    response = client.post(reverse("competitions:team_leader", args=[made.pk]), {"leader": cast.member_a1.pk})
    # The page offers only the team's current members: anyone else is not a choice.
    assert response.status_code == 400 and "选择一个有效的选项" in response.content.decode()
    answer = client.put(f"/api/competitions/teams/{made.pk}/leader", {"member_id": cast.member_a1.pk},
                        content_type="application/json")
    assert answer.status_code == 422
    assert answer.json()["errors"]["leader"] == ["张伟不是本班组的现有成员，不能担任班组长"]
    made.refresh_from_db()
    assert made.leader is None


def test_the_api_sets_the_leader_and_a_leader_who_leaves_stops_being_leader(client, cast):
    made = team(cast)
    row = services.team_member_add(actor=cast.officer, team=made, member=cast.member_a1)
    client.force_login(cast.officer)
    answer = client.put(f"/api/competitions/teams/{made.pk}/leader", {"member_id": cast.member_a1.pk},
                        content_type="application/json")
    assert answer.status_code == 200
    assert answer.json()["leader_name"] == "张伟" and answer.json()["leader_member_id"] == cast.member_a1.pk
    assert client.post(f"/api/competitions/team-members/{row.pk}/remove", {},
                       content_type="application/json").status_code == 200
    page = client.get(reverse("competitions:team_detail", args=[made.pk])).content.decode()
    assert '<dd data-testid="leader">未设</dd>' in page
