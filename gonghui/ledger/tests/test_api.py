from datetime import date

import pytest

from gonghui.ledger import services
from gonghui.ledger.models import Activity, Attachment, Honour, ActivityKind, NewsReport, RecipientType
from gonghui.plans import services as plans
from gonghui.testing import assert_scoped

from .helpers import PDF, PNG

pytestmark = pytest.mark.django_db

YEAR = 2026
JSON = {"content_type": "application/json"}
ACTIVITY = {"kind": "training", "title": "一小时课堂", "date": f"{YEAR}-03-10", "participant_count": 30,
            "cost": "200.00"}


def test_activities_through_the_api(cast, client):
    client.force_login(cast.officer)
    url = f"/api/ledger/unions/{cast.union_a1.pk}/activities"
    response = client.post(url, ACTIVITY | {"participant_ids": [cast.member_a1.pk]}, **JSON)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["participant_ids"] == [cast.member_a1.pk] and body["cost"] == "200.00"
    activity_id = body["id"]
    response = client.put(f"/api/ledger/activities/{activity_id}", ACTIVITY | {"title": "一小时课堂（二）"}, **JSON)
    assert response.json()["title"] == "一小时课堂（二）" and response.json()["participant_ids"] == []
    listed = client.get("/api/ledger/activities", {"kind": "training", "date_from": f"{YEAR}-03-01"}).json()
    assert listed["count"] == 1
    assert client.get("/api/ledger/activities", {"kind": "meeting"}).json()["count"] == 0
    assert client.delete(f"/api/ledger/activities/{activity_id}").status_code == 204


def test_a_series_through_the_api(cast, client):
    client.force_login(cast.officer)
    url = f"/api/ledger/unions/{cast.union_a1.pk}/activities"
    body = client.post(url, ACTIVITY | {"series": "一小时课堂 "}, **JSON).json()
    assert body["series"] == "一小时课堂"
    assert client.get("/api/ledger/activities", {"series": "一小时课堂"}).json()["count"] == 1
    assert client.get("/api/ledger/activities", {"series": "沙龙"}).json()["count"] == 0


@pytest.mark.parametrize("changes, field, text", [
    ({"end_date": f"{YEAR}-03-01"}, "end_date", "结束日期不能早于开始日期"),
    ({"participant_count": -1}, "participant_count", "参加人数不能为负数"),
    ({"cost": "-8"}, "cost", "费用不能为负数"),
    ({"participant_ids": [999999]}, "participant_ids", "找不到编号为 999999 的会员"),
    ({"plan_item_id": 999999}, "plan_item_id", "找不到该计划事项"),
])
def test_bad_activities_through_the_api_name_the_field(cast, client, changes, field, text):
    client.force_login(cast.officer)
    response = client.post(f"/api/ledger/unions/{cast.union_a1.pk}/activities", ACTIVITY | changes, **JSON)
    assert response.status_code == 422
    assert text in response.json()["errors"][field][0]
    assert not Activity.objects.exists()


def test_participants_outside_the_subtree_and_dates_outside_the_plan_year(cast, client):
    client.force_login(cast.county_admin)
    url = f"/api/ledger/unions/{cast.union_a1.pk}/activities"
    response = client.post(url, ACTIVITY | {"participant_ids": [cast.member_b1.pk]}, **JSON)
    assert "王芳（乙一社区联合工会）" in response.json()["errors"]["participants"][0]
    plan = plans.plan_create(actor=cast.officer, union=cast.union_a1, year=YEAR)
    item = plans.plan_item_create(actor=cast.officer, plan=plan, area="competition", title="一小时课堂",
                                  months=list(range(1, 13)), target_count=12, target_unit="期")
    response = client.post(url, ACTIVITY | {"plan_item_id": item.pk, "date": f"{YEAR - 1}-12-01"}, **JSON)
    assert response.json()["errors"]["date"] == ["活动日期须在计划年度（2026年）内"]
    assert not Activity.objects.exists()
    assert client.post(url, ACTIVITY | {"plan_item_id": item.pk}, **JSON).status_code == 201


def test_results_and_attendance_through_the_api(cast, client):
    contest = services.activity_create(actor=cast.officer, union=cast.union_a1, kind=ActivityKind.SKILL_CONTEST,
                                       title="技能比武", date=date(YEAR, 5, 1), participants=[cast.member_a1])
    client.force_login(cast.officer)
    url = f"/api/ledger/activities/{contest.pk}/results"
    assert client.post(url, {"member_id": cast.member_a1.pk, "rank": 1, "prize": "一等奖"}, **JSON).status_code == 201
    response = client.post(url, {"member_id": cast.member_a2.pk, "rank": 2}, **JSON)
    assert "member_id" in response.json()["errors"]
    assert [r["prize"] for r in client.get(url).json()] == ["一等奖"]
    response = client.post(f"/api/ledger/activities/{contest.pk}/attendance", {"attended_ids": []}, **JSON)
    assert response.status_code == 200 and not contest.participations.get().attended


def test_honours_news_and_rewards_through_the_api(cast, client):
    client.force_login(cast.officer)
    honour = {"recipient_type": "member", "member_id": cast.member_a1.pk, "title": "最美职工", "level": "county",
              "date": f"{YEAR}-05-01", "awarding_body": "县总工会"}
    response = client.post(f"/api/ledger/unions/{cast.union_a1.pk}/honours", honour, **JSON)
    assert response.status_code == 201 and response.json()["recipient"] == "张伟"
    response = client.post(f"/api/ledger/unions/{cast.union_a1.pk}/honours", honour | {"recipient_type": "team"},
                           **JSON)
    assert "集体名称" in response.json()["errors"]["team_name"][0] and Honour.objects.count() == 1
    report = {"title": "我厂开展安康杯竞赛", "date": f"{YEAR}-06-01", "reporter_id": cast.member_a1.pk}
    response = client.post(f"/api/ledger/unions/{cast.union_a1.pk}/news", report, **JSON)
    assert response.status_code == 201 and response.json()["reporter_name"] == "张伟"
    client.force_login(cast.street_admin)
    rule = {"min_count": 1, "reward": "通报表扬", "amount": "30"}
    assert client.post(f"/api/ledger/unions/{cast.street_a.pk}/reward-rules", rule, **JSON).status_code == 201
    response = client.post(f"/api/ledger/unions/{cast.street_a.pk}/reward-rules", rule, **JSON)
    assert "min_count" in response.json()["errors"]
    tally = client.get("/api/ledger/news/tally", {"year": YEAR}).json()
    assert tally == [{"union_id": cast.union_a1.pk, "reporter": "张伟", "count": 1, "reward": "通报表扬",
                      "amount": "30.00"}]
    assert client.get("/api/ledger/honours", {"level": "county"}).json()["count"] == 1
    assert client.get("/api/ledger/news", {"participant": "张伟"}).json()["count"] == 1


def test_attachments_through_the_api(cast, client, upload):
    a = services.activity_create(actor=cast.officer, union=cast.union_a1, kind=ActivityKind.MEETING, title="例会",
                                 date=date(YEAR, 2, 1))
    client.force_login(cast.officer)
    url = f"/api/ledger/activity/{a.pk}/attachments"
    response = client.post(url, {"file": upload("会议记录.pdf", PNG)})
    assert response.status_code == 422 and "不是有效的PDF" in response.json()["errors"]["file"][0]
    assert not Attachment.objects.exists()
    response = client.post(url, {"file": upload("会议记录.pdf", PDF), "note": "会议记录"})
    assert response.status_code == 201 and response.json()["file_type"] == "pdf"
    assert [x["name"] for x in client.get(url).json()] == ["会议记录.pdf"]


def test_a_members_ledger_through_the_api(cast, client):
    services.activity_create(actor=cast.officer, union=cast.union_a1, kind=ActivityKind.MEETING, title="例会",
                             date=date(YEAR, 2, 1), participants=[cast.member_a1])
    client.force_login(cast.officer)
    body = client.get(f"/api/ledger/members/{cast.member_a1.pk}").json()
    assert [x["title"] for x in body["activities"]] == ["例会"]


def test_it_checks_access(cast, client, upload):
    a1 = cast.union_a1
    a = services.activity_create(actor=cast.officer, union=a1, kind=ActivityKind.SKILL_CONTEST, title="比武",
                                 date=date(YEAR, 2, 1))
    h = services.honour_create(actor=cast.officer, union=a1, recipient_type=RecipientType.TEAM, team_name="甲班",
                               title="工人先锋号", level="city", date=date(YEAR, 4, 1), awarding_body="市总工会")
    n = services.news_report_create(actor=cast.officer, union=a1, reporter_name="李四", title="动态",
                                    date=date(YEAR, 4, 2))
    attachment = services.attachment_add(actor=cast.officer, entry=a, file=upload("a.png", PNG))
    for url in (f"/api/ledger/activities/{a.pk}", f"/api/ledger/activities/{a.pk}/results",
                f"/api/ledger/honours/{h.pk}", f"/api/ledger/news/{n.pk}", f"/api/ledger/activity/{a.pk}/attachments",
                f"/api/ledger/members/{cast.member_a1.pk}", f"/api/ledger/unions/{cast.street_a.pk}/reward-rules"):
        owner = cast.street_a if "reward-rules" in url else a1
        assert_scoped(client, cast, url, owner=owner)
    assert_scoped(client, cast, f"/api/ledger/news/tally?year={YEAR}&union_id={cast.street_a.pk}", owner=cast.street_a)
    bad = ACTIVITY | {"title": ""}
    assert_scoped(client, cast, f"/api/ledger/unions/{a1.pk}/activities", owner=a1, method="post", data=bad, json=True)
    assert_scoped(client, cast, f"/api/ledger/activities/{a.pk}", owner=a1, method="put", data=bad, json=True)
    assert_scoped(client, cast, f"/api/ledger/activities/{a.pk}/results", owner=a1, method="post",
                  data={"team_name": "甲班"}, json=True)
    assert_scoped(client, cast, f"/api/ledger/activities/{a.pk}/attendance", owner=a1, method="post",
                  data={"attended_ids": []}, json=True)
    bad_honour = {"recipient_type": "team", "title": "", "level": "city", "date": f"{YEAR}-04-01",
                  "awarding_body": "市总工会"}
    assert_scoped(client, cast, f"/api/ledger/unions/{a1.pk}/honours", owner=a1, method="post", data=bad_honour,
                  json=True)
    assert_scoped(client, cast, f"/api/ledger/honours/{h.pk}", owner=a1, method="put", data=bad_honour, json=True)
    bad_news = {"title": "", "date": f"{YEAR}-04-01"}
    assert_scoped(client, cast, f"/api/ledger/unions/{a1.pk}/news", owner=a1, method="post", data=bad_news, json=True)
    assert_scoped(client, cast, f"/api/ledger/news/{n.pk}", owner=a1, method="put", data=bad_news, json=True)
    assert_scoped(client, cast, f"/api/ledger/unions/{cast.street_a.pk}/reward-rules", owner=cast.street_a,
                  method="post", data={"min_count": 0, "reward": "x"}, json=True)
    for url, model, pk in ((f"/api/ledger/attachments/{attachment.pk}", Attachment, attachment.pk),
                           (f"/api/ledger/honours/{h.pk}", Honour, h.pk), (f"/api/ledger/news/{n.pk}", NewsReport, n.pk),
                           (f"/api/ledger/activities/{a.pk}", Activity, a.pk)):
        for user in (cast.sibling_officer, cast.other_officer):
            client.force_login(user)
            assert client.delete(url).status_code == 404
        client.force_login(cast.officer)
        assert client.delete(url).status_code == 204 and not model.objects.filter(pk=pk).exists()
