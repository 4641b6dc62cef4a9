from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from gonghui.competitions import services
from gonghui.competitions.models import EntryKind, Nomination, NominationStatus, Suggestion, TeamPlanStep
from gonghui.ledger import services as ledger
from gonghui.ledger.models import ActivityKind, Honour
from gonghui.rights.choices import DisputeKind
from gonghui.rights.tests.helpers import case

from .helpers import competition, eligible, nomination, team, today

pytestmark = pytest.mark.django_db


def errors_of(exc) -> dict:
    return {field: " ".join(messages) for field, messages in exc.value.message_dict.items()}


def test_a_nomination_runs_to_approval_and_is_recorded_as_an_honour(cast):
    eligible(cast)
    made = nomination(cast, team=team(cast))
    for _ in range(3):
        made = services.nomination_advance(actor=cast.street_admin, nomination=made)
    made.refresh_from_db()
    assert made.status == NominationStatus.APPROVED
    honour = Honour.objects.get(pk=made.honour_id)
    assert (honour.title, honour.team_name, honour.awarding_body) == ("工人先锋号", "装配一班", "县总工会")


def test_a_nomination_without_a_collective_contract_is_refused_and_nothing_saved(cast):
    with pytest.raises(ValidationError) as exc:
        nomination(cast)
    assert errors_of(exc) == {"union": "甲一机械厂工会不符合推荐条件：未签订有效的集体合同"}
    assert not Nomination.objects.exists()


def test_wage_arrears_and_an_accident_in_three_years_block_a_nomination(cast):
    eligible(cast)
    case(cast, kind=DisputeKind.WAGES)
    services.accident_record(actor=cast.officer, union=cast.union_a1, occurred_on=today() - timedelta(days=700),
                             description="机械伤害一人")
    with pytest.raises(ValidationError) as exc:
        nomination(cast)
    assert errors_of(exc)["union"] == ("甲一机械厂工会不符合推荐条件：近一年有拖欠工资（工资纠纷）记录；"
                                       "近3年发生过安全事故")


def test_the_nominated_union_cannot_approve_itself(cast):
    eligible(cast)
    made = nomination(cast)
    with pytest.raises(ValidationError) as exc:
        services.nomination_advance(actor=cast.officer, nomination=made)
    assert "须由上级工会办理" in str(exc.value)


def test_entries_are_ranked_by_score_and_a_vetoed_one_is_not(cast):
    contest = competition(cast)
    first = services.entry_add(actor=cast.street_admin, competition=contest, union=cast.union_a1)
    second = services.entry_add(actor=cast.street_admin, competition=contest, union=cast.union_a2)
    person = services.entry_add(actor=cast.street_admin, competition=contest, union=cast.union_a1,
                                kind=EntryKind.PERSON, person="陈刚")
    services.entry_score(actor=cast.street_admin, entry=first, score=Decimal(90), vetoed=True)
    services.entry_score(actor=cast.street_admin, entry=second, score=Decimal(80))
    services.entry_score(actor=cast.street_admin, entry=person, score=Decimal(85))
    with pytest.raises(ValidationError) as exc:
        services.entry_score(actor=cast.street_admin, entry=second, score=Decimal(101))
    assert errors_of(exc) == {"score": "得分应在0至100.0分之间（各项竞赛指标分值之和）"}
    assert services.competition_rank(actor=cast.street_admin, competition=contest) == 2
    ranks = {e.name: e.rank for e in contest.entries.all()}
    assert ranks == {"甲一机械厂工会": None, "甲二中学工会": 2, "陈刚": 1}


def test_an_unadopted_suggestion_has_no_value(cast):
    with pytest.raises(ValidationError) as exc:
        services.suggestion_create(actor=cast.officer, union=cast.union_a1, title="改进夹具", proposer="陈刚",
                                   submitted_on=today(), value=Decimal("5000"))
    assert errors_of(exc) == {"value": "未采纳的建议不计创造效益"}
    services.suggestion_create(actor=cast.officer, union=cast.union_a1, title="改进夹具", proposer="陈刚",
                               submitted_on=today(), adopted=True, value=Decimal("5000"))
    assert Suggestion.objects.get().value == Decimal("5000")


def test_a_team_plan_moves_through_its_five_steps_with_yearly_targets(cast):
    plan = services.team_plan_create(actor=cast.officer, team=team(cast), start_year=today().year, goal="三年夺标")
    plan = services.team_plan_advance(actor=cast.officer, plan=plan)
    plan = services.team_plan_advance(actor=cast.officer, plan=plan)
    with pytest.raises(ValidationError) as exc:
        services.team_plan_advance(actor=cast.officer, plan=plan)
    assert errors_of(exc) == {"step": "请先录入年度目标，再形成夺标计划书"}
    with pytest.raises(ValidationError) as exc:
        services.team_target_set(actor=cast.officer, plan=plan, year=today().year + 3, target="零事故")
    assert "三年夺标计划的年度" in errors_of(exc)["year"]
    services.team_target_set(actor=cast.officer, plan=plan, year=today().year, target="零事故", result="达成", met=True)
    plan = services.team_plan_advance(actor=cast.officer, plan=plan)
    assert plan.step == TeamPlanStep.PLAN


def test_a_pairs_joint_activity_must_be_one_of_the_two_unions(cast):
    pair = services.pair_create(actor=cast.street_admin, union=cast.street_a, model_union=cast.union_a1,
                                ordinary_union=cast.union_a2, agreed_on=today() - timedelta(days=30))
    own = ledger.activity_create(actor=cast.officer, union=cast.union_a1, kind=ActivityKind.MEETING,
                                 title="结对交流会", date=today())
    other = ledger.activity_create(actor=cast.other_officer, union=cast.union_b1, kind=ActivityKind.MEETING,
                                   title="社区会议", date=today())
    services.pair_activity_add(actor=cast.street_admin, pair=pair, activity=own)
    with pytest.raises(ValidationError) as exc:
        services.pair_activity_add(actor=cast.street_admin, pair=pair, activity=other)
    assert errors_of(exc) == {"activity": "该台帐活动不是结对双方的活动"}
    assert pair.activities.count() == 1


def test_a_team_takes_its_grade_from_its_named_team_upgrade_assessment(cast):
    from gonghui.checks import services as checks
    from gonghui.checks.models import Assessment, RubricKind
    from gonghui.checks.tests.helpers import campaign, reviewed, rubric, self_assessed

    made = team(cast)
    with pytest.raises(ValidationError) as exc:
        services.team_grade_take(actor=cast.officer, team=made)
    assert errors_of(exc) == {"grade_assessment": "该班组还没有已命名的班组升级考核结果"}
    upgrade = campaign(cast, unions=[], rubric=rubric(cast, kind=RubricKind.TEAM_UPGRADE, name="班组升级细则"))
    assessment = checks.assessment_add(actor=cast.street_admin, campaign=upgrade, union=cast.union_a1,
                                       subject="装配一班")
    self_assessed(cast, assessment)
    reviewed(cast, assessment)
    checks.assessment_publicise(actor=cast.street_admin, assessment=Assessment.objects.get(pk=assessment.pk),
                                starts_on=today() - timedelta(days=10))
    checks.assessment_name(actor=cast.street_admin, assessment=Assessment.objects.get(pk=assessment.pk))
    assert services.team_grade_take(actor=cast.officer, team=made).grade == "示范"
