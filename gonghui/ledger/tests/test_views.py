from datetime import date

import pytest
from django.urls import reverse

from gonghui.ledger import services
from gonghui.ledger.models import Activity, Attachment, Honour, ActivityKind, NewsReport, RecipientType, RewardRule
from gonghui.testing import assert_scoped, viewers

from .helpers import PDF, PNG, error_at, sheet_rows

pytestmark = pytest.mark.django_db

YEAR = 2026


def activity(cast, **overrides) -> Activity:
    data = dict(actor=cast.officer, union=cast.union_a1, kind=ActivityKind.TRAINING, title="一小时课堂：安全生产",
                date=date(YEAR, 3, 10), participant_count=40, participants=[cast.member_a1])
    return services.activity_create(**(data | overrides))


def honour(cast) -> Honour:
    return services.honour_create(actor=cast.officer, union=cast.union_a1, recipient_type=RecipientType.MEMBER,
                                  member=cast.member_a1, title="最美职工", level="county", date=date(YEAR, 5, 1),
                                  awarding_body="县总工会")


def news(cast) -> NewsReport:
    return services.news_report_create(actor=cast.officer, union=cast.union_a1, reporter=cast.member_a1,
                                       title="我厂举办安全知识竞赛", date=date(YEAR, 6, 1), published_in="县报")


ACTIVITY_FORM = {"kind": "meeting", "title": "职工座谈会", "date": f"{YEAR}-02-10", "participant_count": "12",
                 "cost": "0"}


def post_activity(client, cast, **changes):
    return client.post(reverse("ledger:create", args=[cast.union_a1.pk]), ACTIVITY_FORM | changes)


def test_the_list_filters_by_kind_period_subtree_and_participant(cast, client_for):
    training = activity(cast)
    meeting = activity(cast, actor=cast.sibling_officer, union=cast.union_a2, kind=ActivityKind.MEETING, title="教代会",
                       date=date(YEAR, 9, 1), participants=[cast.member_a2])
    client = client_for(cast.county_admin)
    url = reverse("ledger:list")

    def titles(**params):
        html = client.get(url, params).content.decode()
        return {a.title for a in (training, meeting) if a.title in html}

    assert titles() == {training.title, meeting.title}
    assert titles(kind="meeting") == {meeting.title}
    assert titles(date_from=f"{YEAR}-08-01", date_to=f"{YEAR}-12-31") == {meeting.title}
    assert titles(union=cast.union_a1.pk) == {training.title}
    assert titles(union=cast.street_b.pk) == set()
    assert titles(participant="李娜") == {meeting.title}
    assert titles(participant=cast.member_a1.id_tail) == {training.title}
    assert titles(q="教代") == {meeting.title}


def test_the_export_follows_the_filters_and_neutralises_formulas(cast, client_for):
    activity(cast, title="=HYPERLINK(\"http://x\")")
    activity(cast, kind=ActivityKind.MEETING, title="委员会例会")
    response = client_for(cast.officer).get(reverse("ledger:export"), {"kind": "training"})
    assert response["Content-Disposition"].startswith("attachment")
    rows = sheet_rows(response)
    assert rows[0][:5] == ["日期", "结束日期", "工会", "类别", "活动名称"]
    assert len(rows) == 3 and rows[1][4] == "'=HYPERLINK(\"http://x\")" and rows[1][3] == "培训讲座"
    assert rows[2][0] == "合计" and rows[2][4] == "1条"  # the total row: the filtered list's, not the meeting's


@pytest.mark.parametrize("changes, field, text", [
    ({"end_date": f"{YEAR}-02-01"}, "end_date", "结束日期不能早于开始日期"),
    ({"participant_count": "-5"}, "participant_count", "参加人数不能为负数"),
    ({"cost": "-10"}, "cost", "费用不能为负数"),
    ({"cost": "1.005"}, "cost", "两位小数"),
])
def test_the_form_shows_bad_input_at_the_field_and_saves_nothing(cast, client_for, changes, field, text):
    response = post_activity(client_for(cast.officer), cast, **changes)
    assert response.status_code == 400
    assert text in error_at(response.content.decode(), field)
    assert not Activity.objects.exists()


def test_participants_from_outside_the_subtree_are_named_on_the_form(cast, client_for):
    client = client_for(cast.street_admin)
    response = post_activity(client, cast, participants=[cast.member_a1.pk, cast.member_a2.pk])
    assert response.status_code == 400
    assert "李娜（甲二中学工会）" in error_at(response.content.decode(), "participants")
    assert not Activity.objects.exists()
    response = post_activity(client, cast, participants=[cast.member_b1.pk])
    assert "不在您的管辖范围内" in error_at(response.content.decode(), "participants")
    assert "王芳" not in response.content.decode()


def test_a_plan_items_year_bounds_the_date_on_the_form(cast, client_for):
    from gonghui.plans.services import plan_create, plan_item_create

    plan = plan_create(actor=cast.officer, union=cast.union_a1, year=YEAR)
    item = plan_item_create(actor=cast.officer, plan=plan, area="culture", title="职工运动会", months=[4, 10],
                            target_count=2, target_unit="次")
    client = client_for(cast.officer)
    form = client.get(reverse("ledger:create", args=[cast.union_a1.pk]), {"plan_item": item.pk}).content.decode()
    assert f'<option value="{item.pk}" selected>' in form
    response = post_activity(client, cast, plan_item=item.pk, date=f"{YEAR - 1}-10-01")
    assert "活动日期须在计划年度（2026年）内" in error_at(response.content.decode(), "date")
    response = post_activity(client, cast, plan_item=item.pk, date=f"{YEAR}-10-01")
    assert response.status_code == 302 and Activity.objects.get().plan_item == item


def test_a_saved_activity_shows_its_participants_and_attendance(cast, client_for):
    client = client_for(cast.officer)
    response = post_activity(client, cast, kind="training", participants=[cast.member_a1.pk])
    a = Activity.objects.get()
    assert response.url == reverse("ledger:detail", args=[a.pk])
    client.post(reverse("ledger:attendance", args=[a.pk]), {})
    html = client.get(reverse("ledger:detail", args=[a.pk])).content.decode()
    assert "张伟" in html and "实到 0 人" in html and "缺席" in html


def test_the_roster_search_offers_members_of_the_subtree_only(cast, client_for):
    client = client_for(cast.street_admin)
    html = client.get(reverse("ledger:roster_search", args=[cast.street_a.pk]), {"q": "李"}).content.decode()
    assert f'value="{cast.member_a2.pk}"' in html
    html = client.get(reverse("ledger:roster_search", args=[cast.union_a1.pk]), {"q": "李"}).content.decode()
    assert "没有找到" in html


def test_contest_results_through_the_page(cast, client_for):
    contest = activity(cast, kind=ActivityKind.SKILL_CONTEST, title="叉车技能比武")
    client = client_for(cast.officer)
    response = client.post(reverse("ledger:result_add", args=[contest.pk]), {"member": cast.member_a1.pk,
                                                                            "rank": "1", "prize": "一等奖"})
    assert response.status_code == 302
    assert "一等奖" in client.get(reverse("ledger:detail", args=[contest.pk])).content.decode()
    response = client.post(reverse("ledger:result_add", args=[contest.pk]), {"team_name": "甲班", "rank": "-1"})
    assert "名次须为正整数" in error_at(response.content.decode(), "rank")


def test_honours_and_news_through_the_pages(cast, client_for):
    client = client_for(cast.officer)
    response = client.post(reverse("ledger:honour_create", args=[cast.union_a1.pk]), {
        "recipient_type": "member", "member": cast.member_a1.pk, "title": "师德标兵", "level": "city",
        "date": f"{YEAR}-09-10", "awarding_body": "市教育工会"})
    assert response.status_code == 302
    response = client.post(reverse("ledger:honour_create", args=[cast.union_a1.pk]), {
        "recipient_type": "team", "title": "工人先锋号", "level": "province", "date": f"{YEAR}-04-28",
        "awarding_body": "省总工会"})
    assert "请填写获表彰的集体名称" in error_at(response.content.decode(), "team_name")
    assert Honour.objects.count() == 1
    response = client.post(reverse("ledger:news_create", args=[cast.union_a1.pk]), {
        "reporter_name": "李四", "title": "我厂开展安康杯竞赛", "date": f"{YEAR}-06-01", "published_in": "县报"})
    assert response.status_code == 302 and NewsReport.objects.get().reporter_name == "李四"
    assert "师德标兵" in client.get(reverse("ledger:honours"), {"level": "city"}).content.decode()
    assert "师德标兵" not in client.get(reverse("ledger:honours"), {"level": "county"}).content.decode()
    rows = sheet_rows(client.get(reverse("ledger:honour_export")))
    assert rows[1][3] == "张伟" and "*" in rows[1][4]
    assert sheet_rows(client.get(reverse("ledger:news_export")))[1][3] == "我厂开展安康杯竞赛"


def test_reward_rules_and_the_tally_page(cast, client_for):
    news(cast)
    client = client_for(cast.street_admin)
    response = client.post(reverse("ledger:rewards", args=[cast.street_a.pk]), {"min_count": "1", "reward": "通报表扬",
                                                                              "amount": "50"})
    assert response.status_code == 302 and RewardRule.objects.get().union == cast.street_a
    response = client.post(reverse("ledger:rewards", args=[cast.street_a.pk]), {"min_count": "2", "reward": "奖",
                                                                              "amount": "-1"})
    assert "奖金不能为负数" in error_at(response.content.decode(), "amount")
    html = client.get(reverse("ledger:news_tally"), {"union": cast.street_a.pk, "year": YEAR}).content.decode()
    assert "张伟" in html and "通报表扬" in html
    rows = sheet_rows(client.get(reverse("ledger:news_tally"), {"union": cast.street_a.pk, "year": YEAR,
                                                                "format": "xlsx"}))
    assert rows[1][1:5] == ["张伟", 1, "通报表扬", 50]


def test_attachments_upload_download_and_refuse_bad_files(cast, client_for, upload):
    a = activity(cast)
    client = client_for(cast.officer)
    url = reverse("ledger:attachment_add", args=["activity", a.pk])
    response = client.post(url, {"file": upload("工资表.exe", b"MZ"), "note": "x"})
    assert response.status_code == 400 and "不支持的文件类型" in error_at(response.content.decode(), "file")
    response = client.post(url, {"file": upload("会议记录.pdf", PNG)})
    assert "不是有效的PDF 文档" in error_at(response.content.decode(), "file")
    assert not Attachment.objects.exists()
    assert client.post(url, {"file": upload("会议记录.pdf", PDF), "note": "会议记录"}).status_code == 302
    attachment = Attachment.objects.get()
    response = client.get(reverse("ledger:attachment", args=[attachment.pk]))
    assert response["Content-Type"] == "application/pdf" and b"".join(response.streaming_content) == PDF
    assert "会议记录.pdf" in client.get(reverse("ledger:detail", args=[a.pk])).content.decode()


def test_a_members_ledger_page(cast, client_for):
    activity(cast)
    honour(cast)
    news(cast)
    html = client_for(cast.officer).get(reverse("ledger:member", args=[cast.member_a1.pk])).content.decode()
    assert "一小时课堂：安全生产" in html and "最美职工" in html and "我厂举办安全知识竞赛" in html


def test_the_auditor_reads_but_cannot_open_forms(cast, client_for):
    a = activity(cast)
    client = client_for(cast.auditor)
    assert client.get(reverse("ledger:detail", args=[a.pk])).status_code == 200
    assert client.get(reverse("ledger:edit", args=[a.pk])).status_code == 403
    assert client.post(reverse("ledger:delete", args=[a.pk])).status_code == 403
    assert Activity.objects.filter(pk=a.pk).exists()


def test_it_checks_access(cast, client, upload):
    a1 = cast.union_a1
    a = activity(cast, kind=ActivityKind.SKILL_CONTEST)
    result = services.activity_result_add(actor=cast.officer, activity=a, member=cast.member_a1, rank=1)
    h, n = honour(cast), news(cast)
    attachment = services.attachment_add(actor=cast.officer, entry=a, file=upload("a.png", PNG))
    for name in ("detail", "edit", "attendance", "result_add"):
        assert_scoped(client, cast, reverse(f"ledger:{name}", args=[a.pk]), owner=a1)
    for name in ("create", "honour_create", "news_create", "roster_search"):
        assert_scoped(client, cast, reverse(f"ledger:{name}", args=[a1.pk]), owner=a1)
    for name in ("honour_detail", "honour_edit"):
        assert_scoped(client, cast, reverse(f"ledger:{name}", args=[h.pk]), owner=a1)
    for name in ("news_detail", "news_edit"):
        assert_scoped(client, cast, reverse(f"ledger:{name}", args=[n.pk]), owner=a1)
    for label, entry in (("activity", a), ("honour", h), ("newsreport", n)):
        assert_scoped(client, cast, reverse("ledger:attachment_add", args=[label, entry.pk]), owner=a1)
    assert_scoped(client, cast, reverse("ledger:attachment", args=[attachment.pk]), owner=a1)
    assert_scoped(client, cast, reverse("ledger:member", args=[cast.member_a1.pk]), owner=a1)
    assert_scoped(client, cast, reverse("ledger:rewards", args=[cast.street_a.pk]), owner=cast.street_a)
    assert_scoped(client, cast, reverse("ledger:news_tally") + f"?union={cast.street_a.pk}", owner=cast.street_a)
    assert_scoped(client, cast, reverse("ledger:create_for", args=["activity"]) + f"?union={a1.pk}", owner=a1)
    assert_scoped(client, cast, reverse("core:history", args=["ledger.activity", a.pk]), owner=a1)
    for name, target in (("result_delete", result), ("attachment_delete", attachment), ("honour_delete", h),
                         ("news_delete", n), ("delete", a)):
        assert_delete_scoped(client, cast, reverse(f"ledger:{name}", args=[target.pk]), target, owner=a1)


def assert_delete_scoped(client, cast, url: str, target, *, owner) -> None:
    """Deletes run once: everyone outside the owner's line gets a 404 and the record stays; then the owner deletes."""
    for user in viewers(cast):
        if not owner.path.startswith(user.union.path):
            client.force_login(user)
            assert client.post(url).status_code == 404, (user.username, url)
    assert type(target).objects.filter(pk=target.pk).exists()
    client.force_login(cast.officer)
    assert client.post(url).status_code == 302
    assert not type(target).objects.filter(pk=target.pk).exists()


def test_lists_and_exports_show_only_the_subtree(cast, client_for):
    activity(cast)
    honour(cast)
    news(cast)
    client = client_for(cast.other_officer)
    for name, text in (("list", "一小时课堂"), ("honours", "最美职工"), ("news", "安全知识竞赛")):
        assert text not in client.get(reverse(f"ledger:{name}")).content.decode()
    for name in ("honour_export", "news_export"):
        assert len(sheet_rows(client.get(reverse(f"ledger:{name}")))) == 1
    # The activity export: the headers and a total row of nothing.
    rows = sheet_rows(client.get(reverse("ledger:export")))
    assert len(rows) == 2 and rows[1][:5] == ["合计", "", "", "", "0条"] and rows[1][8:10] == [0, 0]
