from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.ledger import services as ledger
from gonghui.ledger.models import ActivityKind
from gonghui.plans import selectors, services
from gonghui.plans.models import Plan, PlanItem, PlanItemStatus, PlanStatus, PlanTemplate, TemplateItem, mask_to_months

pytestmark = pytest.mark.django_db

YEAR = 2026


def shipped(code: str) -> PlanTemplate:
    return PlanTemplate.objects.get(code=code, union__isnull=True)


def school_plan(cast, *, union=None, actor=None, year=YEAR) -> Plan:
    return services.plan_create_from_template(actor=actor or cast.sibling_officer, union=union or cast.union_a2,
                                              year=year, template=shipped("school"))


def sports_meet(plan: Plan) -> PlanItem:
    return plan.items.get(title="举办教职工趣味运动会")


def record(cast, item: PlanItem, on: date, *, actor=None):
    return ledger.activity_create(actor=actor or cast.sibling_officer, union=item.union, kind=ActivityKind.CULTURE_SPORTS,
                                  title="教职工趣味运动会", date=on, plan_item=item, participant_count=80)


def test_five_templates_are_shipped_from_the_source_plans():
    codes = set(PlanTemplate.objects.filter(union__isnull=True).values_list("code", flat=True))
    assert codes == {"school", "street", "agency", "enterprise", "county"}
    school = shipped("school")
    # The first source plan's calendar: something planned in every month from 一月份 to 十二月份.
    months = set()
    for mask in school.items.values_list("months", flat=True):
        months.update(mask_to_months(mask))
    assert months == set(range(1, 13))
    meet = school.items.get(title="举办教职工趣味运动会")
    assert (meet.target_count, meet.target_unit) == (2, "次")


def test_a_plan_from_a_template_copies_its_lines(cast):
    plan = school_plan(cast)
    template = shipped("school")
    assert plan.items.count() == template.items.count()
    assert plan.guiding_ideas == template.guiding_ideas and plan.source == f"模板：{template.name}"
    assert plan.status == PlanStatus.DRAFT
    assert plan.history.first().history_user == cast.sibling_officer


def test_a_plan_from_last_year_starts_every_item_afresh(cast):
    last = school_plan(cast, year=YEAR - 1)
    item = sports_meet(last)
    services.plan_item_update(actor=cast.sibling_officer, item=item, status=PlanItemStatus.DONE, owner="王老师")
    plan = services.plan_copy_from_previous(actor=cast.sibling_officer, union=cast.union_a2, year=YEAR)
    copied = sports_meet(plan)
    assert copied.owner == "王老师" and copied.status == PlanItemStatus.ACTIVE
    assert plan.items.count() == last.items.count()


def test_copying_a_missing_year_names_the_source(cast):
    with pytest.raises(ValidationError) as excinfo:
        services.plan_copy_from_previous(actor=cast.officer, union=cast.union_a1, year=YEAR)
    assert "没有2025年" in excinfo.value.message_dict["source"][0]
    assert not Plan.objects.exists()


@pytest.mark.parametrize("year, text", [(YEAR, "已有2026年"), (1999, "2000年至2100年")])
def test_one_plan_per_union_and_year_and_a_sane_year(cast, year, text):
    school_plan(cast)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_create(actor=cast.sibling_officer, union=cast.union_a2, year=year)
    assert text in excinfo.value.message_dict["year"][0]
    assert Plan.objects.count() == 1


@pytest.mark.parametrize("fields, field, text", [
    ({"months": []}, "months", "至少选择一个月份"),
    ({"months": [0, 13]}, "months", "1至12"),
    ({"target_count": -2, "target_unit": "次"}, "target_count", "不能为负数"),
    ({"target_count": 3}, "target_unit", "计量单位"),
    ({"title": "  "}, "title", "工作事项"),
])
def test_bad_items_name_the_field_and_save_nothing(cast, fields, field, text):
    plan = services.plan_create(actor=cast.officer, union=cast.union_a1, year=YEAR)
    data = {"area": "culture", "title": "职工运动会", "months": [4]} | fields
    with pytest.raises(ValidationError) as excinfo:
        services.plan_item_create(actor=cast.officer, plan=plan, **data)
    assert text in excinfo.value.message_dict[field][0]
    assert not plan.items.exists()


def test_a_plan_is_filed_once_it_has_items(cast):
    plan = services.plan_create(actor=cast.officer, union=cast.union_a1, year=YEAR)
    with pytest.raises(ValidationError):
        services.plan_file(actor=cast.officer, plan=plan)
    services.plan_item_create(actor=cast.officer, plan=plan, area="culture", title="职工运动会", months=[4, 10],
                              target_count=2, target_unit="次")
    assert services.plan_file(actor=cast.officer, plan=plan).status == PlanStatus.FILED


def test_writes_are_checked_for_role_and_place(cast):
    with pytest.raises(PermissionDenied):
        services.plan_create(actor=cast.auditor, union=cast.union_a1, year=YEAR)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_create(actor=cast.officer, union=cast.union_a2, year=YEAR)
    assert "union" in excinfo.value.message_dict


def test_a_federations_template_serves_the_unions_beneath_it_only(cast):
    template = services.template_create(actor=cast.street_admin, union=cast.street_a, name="甲街道企业工会计划",
                                        source=shipped("enterprise"))
    assert template.items.count() == shipped("enterprise").items.count()
    assert template in selectors.templates_for(user=cast.officer, union=cast.union_a1)
    assert template not in selectors.templates_for(user=cast.other_officer, union=cast.union_b1)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_create_from_template(actor=cast.county_admin, union=cast.union_b1, year=YEAR, template=template)
    assert "不适用" in excinfo.value.message_dict["template"][0]


def test_only_a_federation_writes_templates_and_shipped_ones_stay_as_shipped(cast):
    with pytest.raises(ValidationError) as excinfo:
        services.template_create(actor=cast.officer, union=cast.union_a1, name="本厂模板")
    assert "总工会" in excinfo.value.message_dict["union"][0]
    with pytest.raises(ValidationError):
        services.template_item_create(actor=cast.county_admin, template=shipped("county"), area="culture",
                                      title="新事项", months=[1])
    own = services.template_create(actor=cast.street_admin, union=cast.street_a, name="甲街道模板")
    item = services.template_item_create(actor=cast.street_admin, template=own, area="care", title="夏送清凉",
                                         months=[7, 8])
    assert TemplateItem.objects.get(pk=item.pk).month_list == [7, 8]


def test_progress_counts_the_ledger_and_spreads_the_target_over_the_planned_months(cast):
    plan = school_plan(cast)
    meet = sports_meet(plan)  # two meets, April and October
    progress = {row.item.pk: row for row in selectors.plan_progress(plan=plan, as_of=date(YEAR, 3, 15))}
    assert progress[meet.pk].label == "0/2" and not progress[meet.pk].overdue
    progress = {row.item.pk: row for row in selectors.plan_progress(plan=plan, as_of=date(YEAR, 5, 2))}
    assert progress[meet.pk].overdue and progress[meet.pk].overdue_months == [4]
    record(cast, meet, date(YEAR, 4, 20))
    row = next(r for r in selectors.plan_progress(plan=plan, as_of=date(YEAR, 5, 2)) if r.item.pk == meet.pk)
    assert row.label == "1/2" and not row.overdue and not row.complete
    row = next(r for r in selectors.plan_progress(plan=plan, as_of=date(YEAR, 12, 1)) if r.item.pk == meet.pk)
    assert row.overdue_months == [10]
    services.plan_item_update(actor=cast.sibling_officer, item=meet, status=PlanItemStatus.DONE)
    row = next(r for r in selectors.plan_progress(plan=plan, as_of=date(YEAR, 12, 1)) if r.item.pk == meet.pk)
    assert row.label == "已完成（1/2）" and row.complete and not row.overdue


def test_the_calendar_lists_each_month_and_flags_the_overdue_ones(cast):
    plan = school_plan(cast)
    months = selectors.plan_calendar(progress=selectors.plan_progress(plan=plan, as_of=date(YEAR, 5, 2)))
    assert [m.month for m in months] == list(range(1, 13))
    assert "举办教职工趣味运动会" in [row.item.title for row in months[3].rows]
    assert months[3].overdue and not months[9].overdue


def test_the_federation_sees_who_has_not_filed_and_who_is_behind(cast):
    filed = school_plan(cast)
    services.plan_file(actor=cast.sibling_officer, plan=filed)
    services.plan_create(actor=cast.officer, union=cast.union_a1, year=YEAR)
    missing = {row.union for row in selectors.missing_plans(user=cast.street_admin, union=cast.street_a, year=YEAR)}
    assert missing == {cast.union_a1}
    glance = selectors.year_glance(user=cast.county_admin, union=cast.county, year=YEAR, as_of=date(YEAR, 11, 25))
    rows = {row.union: row for row in glance.subtree}
    assert set(rows) == {cast.street_a, cast.street_b, cast.union_a1, cast.union_a2, cast.union_b1}
    assert rows[cast.union_a2].filed and rows[cast.union_a2].overdue > 0 and rows[cast.union_a2].behind
    assert not rows[cast.union_a1].filed and rows[cast.union_b1].plan is None
    assert cast.union_b1 not in {r.union for r in selectors.year_glance(
        user=cast.street_admin, union=cast.street_a, year=YEAR, as_of=date(YEAR, 11, 25)).subtree}


def test_the_year_glance_counts_ledger_entries_by_kind_across_the_subtree(cast):
    plan = school_plan(cast)
    record(cast, sports_meet(plan), date(YEAR, 4, 20))
    ledger.activity_create(actor=cast.officer, union=cast.union_a1, kind=ActivityKind.TRAINING, title="一小时课堂",
                           date=date(YEAR, 3, 1))
    glance = selectors.year_glance(user=cast.street_admin, union=cast.street_a, year=YEAR, as_of=date(YEAR, 11, 25))
    counts = {kind: n for kind, _, n in glance.kinds}
    assert counts[ActivityKind.CULTURE_SPORTS] == 1 and counts[ActivityKind.TRAINING] == 1 and glance.entries == 2
    assert {row.union: row.entries for row in glance.subtree} == {cast.union_a1: 1, cast.union_a2: 1}
    own = selectors.year_glance(user=cast.sibling_officer, union=cast.union_a2, year=YEAR, as_of=date(YEAR, 10, 5))
    assert "举办教职工趣味运动会" in [row.item.title for row in own.this_month]
    assert own.entries == 1 and own.subtree == []
