"""/api/portal/: the union's lists of offers, sign-ups, aid applications and transfer requests."""

from gonghui.portal import services

from .helpers import offer


def test_the_api_lists_offers_and_who_signed_up(client, cast):
    basketball = offer(cast, capacity=1)
    services.signup_create(member=cast.member_a1, offer=basketball)
    services.signup_create(member=cast.member_b1, offer=offer(cast, union=cast.county, subtree=True, title="全县"))
    client.force_login(cast.officer)
    offers = client.get("/api/portal/offers").json()
    assert [o["title"] for o in offers["results"]] == ["职工篮球赛"] and offers["results"][0]["taken"] == 1
    signups = client.get(f"/api/portal/offers/{basketball.pk}/signups").json()
    assert [(s["member_name"], s["status"]) for s in signups] == [("张伟", "taken")]
    client.force_login(cast.other_officer)
    assert client.get(f"/api/portal/offers/{basketball.pk}/signups").status_code == 404


def test_an_offer_made_through_the_api_gets_its_errors_in_chinese(client, cast):
    client.force_login(cast.officer)
    response = client.post(f"/api/portal/unions/{cast.union_a1.pk}/offers", {
        "kind": "culture_sports", "title": "登山", "held_on": "2099-01-01", "capacity": 0,
        "deadline": "2099-01-02T10:00:00"}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == {"capacity": ["名额至少为1人"], "deadline": ["报名截止时间不能晚于活动日期"]}


def test_aid_applications_in_the_api_need_the_care_grant(client, cast):
    services.aid_request_create(member=cast.member_a1, kind="schooling", note="考上大学", student_name="张小明",
                                school_level="university")
    client.force_login(cast.officer)
    assert client.get("/api/portal/aid-requests").json()["count"] == 1
    client.force_login(cast.officer_no_care)
    assert client.get("/api/portal/aid-requests").status_code == 403
