from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage

from gonghui.ledger import selectors, services
from gonghui.ledger.models import (Activity, ActivityKind, ActivityResult, ActivityTally, Attachment, Honour,
                                   ItemTally, NewsReport, RecipientType, RewardRule)
from gonghui.plans import services as plans
from gonghui.plans.models import PlanTemplate

from .helpers import PDF, PNG, ooxml

pytestmark = pytest.mark.django_db

YEAR = 2026


def activity(cast, **overrides) -> Activity:
    data = dict(actor=cast.officer, union=cast.union_a1, kind=ActivityKind.MEETING, title="工会委员会例会",
                date=date(YEAR, 2, 10), participant_count=9)
    return services.activity_create(**(data | overrides))


def sports_item(cast):
    plan = plans.plan_create_from_template(actor=cast.officer, union=cast.union_a1, year=YEAR,
                                           template=PlanTemplate.objects.get(code="school"))
    return plan.items.get(title="举办教职工趣味运动会")


def field_errors(excinfo) -> dict:
    return excinfo.value.message_dict


def counters(union) -> dict:
    return {(t.year, t.month, t.kind): t.count for t in ActivityTally.objects.filter(union=union) if t.count}


def test_an_activity_is_recorded_with_its_participants_and_counted(cast):
    a = activity(cast, participants=[cast.member_a1], participant_count=None)
    assert a.participant_count == 1
    assert list(a.participants.all()) == [cast.member_a1]
    assert counters(cast.union_a1) == {(YEAR, 2, ActivityKind.MEETING): 1}
    assert a.history.first().history_user == cast.officer


@pytest.mark.parametrize("overrides, field, text", [
    ({"end_date": date(YEAR, 2, 9)}, "end_date", "结束日期不能早于开始日期"),
    ({"participant_count": -3}, "participant_count", "参加人数不能为负数"),
    ({"cost": Decimal("-1")}, "cost", "费用不能为负数"),
    ({"cost": Decimal("12.345")}, "cost", "两位小数"),
    ({"cost": Decimal("10000000.01")}, "cost", "一千万"),
    ({"date": date(2099, 1, 1)}, "date", "不能晚于今天"),
    ({"title": " "}, "title", "活动名称"),
])
def test_bad_input_names_the_field_and_saves_nothing(cast, overrides, field, text):
    with pytest.raises(ValidationError) as excinfo:
        activity(cast, **overrides)
    assert text in field_errors(excinfo)[field][0]
    assert not Activity.objects.exists() and not ActivityTally.objects.exists()


def test_participants_outside_the_union_subtree_are_named(cast):
    with pytest.raises(ValidationError) as excinfo:
        activity(cast, actor=cast.county_admin, participants=[cast.member_a1, cast.member_a2, cast.member_b1])
    message = field_errors(excinfo)["participants"][0]
    assert "李娜（甲二中学工会）" in message and "王芳（乙一社区联合工会）" in message
    assert "张伟" not in message
    assert not Activity.objects.exists()


def test_a_federation_may_pick_participants_from_its_whole_subtree(cast):
    a = activity(cast, actor=cast.street_admin, union=cast.street_a, participants=[cast.member_a1, cast.member_a2])
    assert a.participant_count == 9 and a.participants.count() == 2


def test_fewer_people_than_the_named_participants_is_refused(cast):
    with pytest.raises(ValidationError) as excinfo:
        activity(cast, participants=[cast.member_a1], participant_count=0)
    assert "不能少于所选参加人员（1人）" in field_errors(excinfo)["participant_count"][0]


def test_an_activity_fulfilling_a_plan_item_must_fall_in_the_plans_year(cast):
    item = sports_item(cast)
    with pytest.raises(ValidationError) as excinfo:
        activity(cast, kind=ActivityKind.CULTURE_SPORTS, plan_item=item, date=date(YEAR - 1, 12, 30))
    assert field_errors(excinfo)["date"] == ["活动日期须在计划年度（2026年）内"]
    with pytest.raises(ValidationError) as excinfo:
        activity(cast, kind=ActivityKind.CULTURE_SPORTS, plan_item=item, date=date(YEAR, 11, 20),
                 end_date=date(YEAR + 1, 1, 2))
    assert "计划年度" in field_errors(excinfo)["end_date"][0]
    assert not Activity.objects.exists() and not ItemTally.objects.exists()
    done = activity(cast, kind=ActivityKind.CULTURE_SPORTS, plan_item=item, date=date(YEAR, 4, 20))
    assert ItemTally.objects.get(plan_item=item).count == 1 and done.plan_item == item


def test_a_plan_item_of_another_union_is_refused(cast):
    item = sports_item(cast)
    with pytest.raises(ValidationError) as excinfo:
        activity(cast, actor=cast.street_admin, union=cast.union_a2, plan_item=item)
    assert "不属于该工会" in field_errors(excinfo)["plan_item"][0]


def test_counters_follow_updates_and_deletes_and_match_a_recount(cast):
    item = sports_item(cast)
    a = activity(cast)
    b = activity(cast, kind=ActivityKind.CULTURE_SPORTS, date=date(YEAR, 4, 1), plan_item=item)
    services.activity_update(actor=cast.officer, activity=a, kind=ActivityKind.STUDY, date=date(YEAR, 3, 5))
    services.activity_update(actor=cast.officer, activity=b, plan_item=None)
    assert counters(cast.union_a1) == {(YEAR, 3, ActivityKind.STUDY): 1, (YEAR, 4, ActivityKind.CULTURE_SPORTS): 1}
    assert not ItemTally.objects.filter(count__gt=0).exists()
    services.activity_update(actor=cast.officer, activity=b, plan_item=item)
    maintained = counters(cast.union_a1)
    services.tally_rebuild(tenant_id=cast.county.pk)
    assert counters(cast.union_a1) == maintained
    assert ItemTally.objects.get(plan_item=item).count == 1
    services.activity_delete(actor=cast.officer, activity=b)
    assert counters(cast.union_a1) == {(YEAR, 3, ActivityKind.STUDY): 1}
    assert ItemTally.objects.get(plan_item=item).count == 0


def test_participants_can_be_replaced_and_attendance_recorded(cast):
    a = activity(cast, kind=ActivityKind.TRAINING, participants=[cast.member_a1], participant_count=30)
    services.activity_set_attendance(actor=cast.officer, activity=a, attended=[])
    assert not a.participations.get().attended
    with pytest.raises(ValidationError) as excinfo:
        services.activity_set_attendance(actor=cast.officer, activity=a, attended=[cast.member_b1.pk])
    assert "attended" in field_errors(excinfo)
    services.activity_update(actor=cast.officer, activity=a, participants=[])
    assert not a.participations.exists()


def test_contest_results_go_to_a_member_of_the_subtree_or_a_team(cast):
    contest = activity(cast, kind=ActivityKind.SKILL_CONTEST, title="叉车技能比武")
    first = services.activity_result_add(actor=cast.officer, activity=contest, member=cast.member_a1, rank=1,
                                         prize="一等奖")
    services.activity_result_add(actor=cast.officer, activity=contest, team_name="装配班组", prize="优秀组织奖")
    assert first.winner == "张伟"
    for kwargs, field in [({"member": cast.member_b1, "rank": 2}, "member"), ({"rank": 2}, "member"),
                          ({"team_name": "二车间", "rank": 0}, "rank"), ({"team_name": "二车间"}, "prize")]:
        with pytest.raises(ValidationError) as excinfo:
            services.activity_result_add(actor=cast.county_admin, activity=contest, **kwargs)
        assert field in field_errors(excinfo)
    assert ActivityResult.objects.count() == 2
    with pytest.raises(ValidationError):
        services.activity_result_add(actor=cast.officer, activity=activity(cast), team_name="甲", rank=1)


def honour(cast, **overrides) -> Honour:
    data = dict(actor=cast.officer, union=cast.union_a1, recipient_type=RecipientType.MEMBER, member=cast.member_a1,
                title="最美职工", level="county", date=date(YEAR, 5, 1), awarding_body="县总工会")
    return services.honour_create(**(data | overrides))


def test_honours_go_to_a_member_a_team_or_a_union(cast):
    assert honour(cast).recipient == "张伟"
    team = honour(cast, recipient_type=RecipientType.TEAM, team_name="装配班组", title="工人先锋号", member=None)
    assert team.recipient == "装配班组"
    home = honour(cast, actor=cast.street_admin, union=cast.street_a, recipient_type=RecipientType.UNION,
                  recipient_union=cast.union_a2, member=cast.member_a1, title="模范职工之家")
    assert home.recipient == "甲二中学工会" and home.member is None


@pytest.mark.parametrize("overrides, field, text", [
    ({"member": None}, "member", "请选择获表彰的会员"),
    ({"member": "b1"}, "member", "王芳（乙一社区联合工会）"),
    ({"recipient_type": RecipientType.TEAM}, "team_name", "集体名称"),
    ({"recipient_type": RecipientType.UNION, "recipient_union": "b1"}, "recipient_union", "本工会或下级工会"),
    ({"level": "galactic"}, "level", "级别"),
    ({"awarding_body": ""}, "awarding_body", "授予单位"),
    ({"date": date(2099, 1, 1)}, "date", "不能晚于今天"),
])
def test_bad_honours_name_the_field_and_save_nothing(cast, overrides, field, text):
    stand_ins = {"b1": {"member": cast.member_b1, "recipient_union": cast.union_b1}}
    overrides = {k: stand_ins[v][k] if v == "b1" else v for k, v in overrides.items()}
    with pytest.raises(ValidationError) as excinfo:
        honour(cast, actor=cast.county_admin, **overrides)
    assert text in field_errors(excinfo)[field][0]
    assert not Honour.objects.exists()


def test_news_reports_are_tallied_against_the_nearest_federations_rule(cast):
    services.reward_rule_create(actor=cast.county_admin, union=cast.county, min_count=1, reward="县级鼓励")
    services.reward_rule_create(actor=cast.street_admin, union=cast.street_a, min_count=2, reward="三等奖",
                                amount=Decimal("100"))
    services.reward_rule_create(actor=cast.street_admin, union=cast.street_a, min_count=3, reward="二等奖",
                                amount=Decimal("200"))
    for day in (1, 2, 3):
        services.news_report_create(actor=cast.officer, union=cast.union_a1, reporter=cast.member_a1,
                                    title=f"动态{day}", date=date(YEAR, 3, day), published_in="区总工会网站")
    services.news_report_create(actor=cast.officer, union=cast.union_a1, reporter_name="外聘通讯员",
                                title="动态", date=date(YEAR, 3, 9))
    tally = {row.reporter: row for row in selectors.news_tally(user=cast.street_admin, union=cast.street_a,
                                                               year=YEAR)}
    assert tally["张伟"].count == 3 and tally["张伟"].reward.reward == "二等奖" and tally["张伟"].amount == 200
    assert tally["外聘通讯员"].reward is None
    county = {r.reporter: r for r in selectors.news_tally(user=cast.county_admin, union=cast.county, year=YEAR)}
    assert county["外聘通讯员"].reward.reward == "县级鼓励"


@pytest.mark.parametrize("kwargs, field, text", [
    ({"reporter": "b1"}, "reporter", "王芳"),
    ({"reporter_name": ""}, "reporter_name", "报送人"),
    ({"title": ""}, "title", "标题"),
])
def test_bad_news_reports_name_the_field(cast, kwargs, field, text):
    kwargs = {k: cast.member_b1 if v == "b1" else v for k, v in kwargs.items()}
    data = dict(actor=cast.county_admin, union=cast.union_a1, title="动态", date=date(YEAR, 3, 1),
                reporter_name="李四") | kwargs
    with pytest.raises(ValidationError) as excinfo:
        services.news_report_create(**data)
    assert text in field_errors(excinfo)[field][0]
    assert not NewsReport.objects.exists()


@pytest.mark.parametrize("kwargs, field, text", [
    ({"union": "a1"}, "union", "只有总工会"),
    ({"min_count": 0}, "min_count", "正整数"),
    ({"amount": Decimal("-5")}, "amount", "奖金不能为负数"),
    ({"reward": ""}, "reward", "奖励内容"),
])
def test_bad_reward_rules_name_the_field(cast, kwargs, field, text):
    kwargs = {k: cast.union_a1 if v == "a1" else v for k, v in kwargs.items()}
    data = dict(actor=cast.county_admin, union=cast.street_a, min_count=5, reward="通报表扬") | kwargs
    with pytest.raises(ValidationError) as excinfo:
        services.reward_rule_create(**data)
    assert text in field_errors(excinfo)[field][0]
    assert not RewardRule.objects.exists()


def test_an_attachment_is_stored_through_djangos_storage(cast, upload):
    a = activity(cast)
    attachment = services.attachment_add(actor=cast.officer, entry=a, file=upload("签到表.png", PNG), note="签到表")
    assert attachment.file_type == "png" and attachment.name == "签到表.png" and attachment.size == len(PNG)
    assert default_storage.exists(attachment.file.name) and "签到表" not in attachment.file.name
    assert list(selectors.attachments_of(entry=a)) == [attachment]
    for name, content in [("会议记录.docx", ooxml("word/document.xml")), ("名单.xlsx", ooxml("xl/workbook.xml")),
                          ("通知.PDF", PDF), ("合影.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 32)]:
        services.attachment_add(actor=cast.officer, entry=a, file=upload(name, content))
    assert Attachment.objects.count() == 5


@pytest.mark.parametrize("name, content, text", [
    ("病毒.exe", b"MZ" + b"\x00" * 30, "不支持的文件类型：“.exe”"),
    ("说明", PDF, "无扩展名"),
    ("伪装.pdf", b"MZ\x90\x00" + b"\x00" * 30, "不是有效的PDF 文档"),
    ("伪装.png", PDF, "不是有效的PNG 图片"),
    ("表格.xlsx", ooxml("word/document.xml"), "Excel"),
    ("文档.docx", b"PK\x03\x04broken", "Word"),
    ("空.pdf", b"", "空"),
])
def test_forbidden_attachments_are_refused_and_nothing_is_stored(cast, upload, name, content, text):
    a = activity(cast)
    with pytest.raises(ValidationError) as excinfo:
        services.attachment_add(actor=cast.officer, entry=a, file=upload(name, content))
    assert text in field_errors(excinfo)["file"][0]
    assert not Attachment.objects.exists()


def test_an_attachment_over_the_size_limit_is_refused(cast, upload, settings):
    settings.GONGHUI = {**settings.GONGHUI, "ATTACHMENT_MAX_BYTES": 1024 * 1024}
    big = PDF + b"\x00" * (1024 * 1024)
    with pytest.raises(ValidationError) as excinfo:
        services.attachment_add(actor=cast.officer, entry=activity(cast), file=upload("大文件.pdf", big))
    assert "不能超过 1 MB" in field_errors(excinfo)["file"][0]
    assert not Attachment.objects.exists()


def test_deleting_an_entry_takes_its_attachments_and_files(cast, upload, django_capture_on_commit_callbacks):
    a = activity(cast)
    attachment = services.attachment_add(actor=cast.officer, entry=a, file=upload("合影.png", PNG))
    with django_capture_on_commit_callbacks(execute=True):
        services.activity_delete(actor=cast.officer, activity=a)
    assert not Attachment.objects.exists() and not default_storage.exists(attachment.file.name)


def test_the_auditor_reads_but_does_not_write(cast, upload):
    with pytest.raises(PermissionDenied):
        activity(cast, actor=cast.auditor)
    a = activity(cast)
    with pytest.raises(PermissionDenied):
        services.attachment_add(actor=cast.auditor, entry=a, file=upload("a.png", PNG))
    assert list(selectors.activity_list(user=cast.auditor)) == [a]


def test_a_members_ledger_lists_what_they_took_part_in(cast):
    a = activity(cast, participants=[cast.member_a1], kind=ActivityKind.SKILL_CONTEST)
    services.activity_result_add(actor=cast.officer, activity=a, member=cast.member_a1, rank=1)
    honour(cast)
    ledger = selectors.member_ledger(user=cast.officer, member=cast.member_a1)
    assert [p.activity for p in ledger.activities] == [a]
    assert ledger.results.count() == 1 and ledger.honours.count() == 1
    assert not selectors.member_ledger(user=cast.officer, member=cast.member_a2).activities.exists()
