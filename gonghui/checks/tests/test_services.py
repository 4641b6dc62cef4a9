from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gonghui.checks import services
from gonghui.checks.models import Assessment, AssessmentStatus, ItemScore, Objection, Rubric
from gonghui.ledger import services as ledger
from gonghui.ledger.models import ActivityKind

from .helpers import campaign, reviewed, rubric, self_assessed

pytestmark = pytest.mark.django_db


def errors_of(exc) -> dict:
    return {field: " ".join(messages) for field, messages in exc.value.message_dict.items()}


def test_an_assessment_runs_from_self_assessment_to_naming(cast):
    assessment = campaign(cast).assessments.get()
    self_assessed(cast, assessment)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED and assessment.self_total == Decimal(100)
    reviewed(cast, assessment, occurrences=2)
    assessment.refresh_from_db()
    assert (assessment.total, assessment.level, assessment.status) == (Decimal(96), "示范", AssessmentStatus.REVIEWED)
    today = timezone.localdate()
    services.assessment_publicise(actor=cast.street_admin, assessment=assessment, starts_on=today - timedelta(days=8))
    services.objection_add(actor=cast.street_admin, assessment=assessment, raised_by="职工甲", text="台帐不全",
                           raised_on=today - timedelta(days=7))
    with pytest.raises(ValidationError) as exc:
        services.assessment_name(actor=cast.street_admin, assessment=assessment)
    assert "异议未处理" in str(exc.value)
    services.objection_answer(actor=cast.street_admin, objection=assessment.objections.get(), answer="经核实已补齐")
    services.assessment_name(actor=cast.street_admin, assessment=assessment)
    assert Assessment.objects.get(pk=assessment.pk).status == AssessmentStatus.NAMED


def test_a_score_above_the_items_maximum_is_refused_and_nothing_saved(cast):
    assessment = campaign(cast).assessments.get()
    item = assessment.scores.get(item__order=1).item
    with pytest.raises(ValidationError) as exc:
        services.self_score_set(actor=cast.officer, assessment=assessment, item=item, self_score=Decimal(41))
    assert errors_of(exc) == {"self_score": "自评分不能超过该条目的分值（40.0分）"}
    with pytest.raises(ValidationError) as exc:
        services.self_score_set(actor=cast.officer, assessment=assessment, item=item, self_score=Decimal(20))
    assert "达标/不达标条目只能得0分或满分" in errors_of(exc)["self_score"]
    assert ItemScore.objects.get(assessment=assessment, item=item).self_score is None


def test_a_veto_item_cannot_be_passed_over_and_a_veto_fails_whatever_the_total(cast):
    assessment = campaign(cast).assessments.get()
    self_assessed(cast, assessment)
    veto_item = assessment.scores.get(item__veto=True).item
    with pytest.raises(ValidationError) as exc:
        services.review_score_set(actor=cast.street_admin, assessment=assessment, item=veto_item, score=Decimal(0))
    assert errors_of(exc) == {"veto_applies": "一票否决条目须认定是否存在否决情形"}
    for row in assessment.scores.filter(item__veto=False).select_related("item"):
        services.review_score_set(actor=cast.street_admin, assessment=assessment, item=row.item,
                                  score=row.item.max_score, override_reason="已核实")
    with pytest.raises(ValidationError) as exc:
        services.assessment_conclude(actor=cast.street_admin, assessment=assessment)
    assert "一票否决条目“发生重大安全事故”尚未认定，不能跳过" in str(exc.value)
    assert Assessment.objects.get(pk=assessment.pk).status == AssessmentStatus.SUBMITTED
    services.review_score_set(actor=cast.street_admin, assessment=assessment, item=veto_item, score=Decimal(0),
                              veto_applies=True)
    services.assessment_conclude(actor=cast.street_admin, assessment=assessment)
    assessment.refresh_from_db()
    assert (assessment.total, assessment.level, assessment.status) == (Decimal(100), "一票否决", AssessmentStatus.FAILED)


def test_a_prefilled_score_is_overridden_only_with_a_reason(cast):
    assessment = campaign(cast).assessments.get()
    row = assessment.scores.get(item__figure_key="plans.plans_filed")
    assert row.prefilled == Decimal(0) and row.prefilled_url.startswith("/reports/")
    self_assessed(cast, assessment)
    with pytest.raises(ValidationError) as exc:
        services.review_score_set(actor=cast.street_admin, assessment=assessment, item=row.item, score=Decimal(30))
    assert errors_of(exc) == {"override_reason": "系统按统计数据计0.0分，调整分数须说明理由"}


def test_evidence_from_another_union_is_refused(cast):
    assessment = campaign(cast).assessments.get()
    elsewhere = ledger.activity_create(actor=cast.sibling_officer, union=cast.union_a2, kind=ActivityKind.MEETING,
                                       title="甲二中学教代会", date=timezone.localdate())
    item = assessment.scores.first().item
    with pytest.raises(ValidationError) as exc:
        services.evidence_add(actor=cast.officer, assessment=assessment, item=item, activity=elsewhere)
    assert errors_of(exc) == {"activity": "该台帐记录不属于被考核单位，不能作为佐证材料"}
    own = ledger.activity_create(actor=cast.officer, union=cast.union_a1, kind=ActivityKind.MEETING, title="职代会",
                                 date=timezone.localdate())
    assert services.evidence_add(actor=cast.officer, assessment=assessment, item=item, activity=own).name == "台帐：职代会"


def publicised_ten_days_ago(cast) -> Assessment:
    """The campaign's assessment, self-assessed and reviewed, its publicity begun ten days ago (past its period)."""
    assessment = campaign(cast).assessments.get()
    self_assessed(cast, assessment)
    reviewed(cast, assessment)
    services.assessment_publicise(actor=cast.street_admin, assessment=Assessment.objects.get(pk=assessment.pk),
                                  starts_on=timezone.localdate() - timedelta(days=10))
    return assessment


def test_an_objection_after_the_publicity_period_is_refused(cast):
    assessment = publicised_ten_days_ago(cast)
    with pytest.raises(ValidationError) as exc:
        services.objection_add(actor=cast.street_admin, assessment=Assessment.objects.get(pk=assessment.pk),
                               raised_by="职工乙", text="有异议", raised_on=timezone.localdate())
    assert "公示期外不能登记异议" in errors_of(exc)["raised_on"]
    assert not Objection.objects.exists()


def test_the_assessed_union_cannot_review_itself_and_an_auditor_cannot_write(cast):
    assessment = campaign(cast).assessments.get()
    self_assessed(cast, assessment)
    item = assessment.scores.first().item
    with pytest.raises(ValidationError):
        services.review_score_set(actor=cast.officer, assessment=assessment, item=item, score=Decimal(40))
    with pytest.raises(PermissionDenied):
        services.review_score_set(actor=cast.auditor, assessment=assessment, item=item, score=Decimal(40))


def test_a_named_union_failing_its_recheck_is_withdrawn(cast):
    assessment = publicised_ten_days_ago(cast)
    named = services.assessment_name(actor=cast.street_admin, assessment=Assessment.objects.get(pk=assessment.pk))
    with pytest.raises(ValidationError) as exc:
        services.assessment_recheck(actor=cast.street_admin, assessment=named, passed=False)
    assert errors_of(exc) == {"withdrawal_reason": "复查未通过须填写摘牌原因"}
    named = Assessment.objects.get(pk=assessment.pk)
    services.assessment_recheck(actor=cast.street_admin, assessment=named, passed=False, reason="活动台帐缺失")
    assert Assessment.objects.get(pk=assessment.pk).status == AssessmentStatus.WITHDRAWN


def test_campaign_score_concludes_every_fully_reviewed_assessment(cast):
    made = campaign(cast, unions=[cast.union_a1, cast.union_a2])
    first, second = made.assessments.order_by("union__path")
    for assessment in (first, second):
        self_assessed(cast, assessment, actor=cast.street_admin)
    for row in first.scores.select_related("item"):
        services.review_score_set(actor=cast.street_admin, assessment=first, item=row.item,
                                  score=Decimal(0) if row.item.max_score == 40 else Decimal(0) if row.item.veto
                                  else row.item.max_score, override_reason="已核实", veto_applies=False)
    assert services.campaign_score(actor=cast.street_admin, campaign=made) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.total, first.level) == (Decimal(60), "不达标")
    assert first.status == AssessmentStatus.FAILED and second.status == AssessmentStatus.SUBMITTED
    # The result is in each assessment's audit trail, by the actor, as a save would have put it.
    last = first.history.order_by("-history_id").first()
    assert (last.status, last.total, last.level, last.history_user) == (
        AssessmentStatus.FAILED, Decimal(60), "不达标", cast.street_admin)
    assert last.history_change_reason == "批量评定考核结果"
    assert second.history.order_by("-history_id").first().status == AssessmentStatus.SUBMITTED


def test_a_rubric_version_is_unique_and_levels_run_from_the_top(cast):
    rubric(cast)
    with pytest.raises(ValidationError) as exc:
        services.rubric_create(actor=cast.street_admin, union=cast.street_a, kind="other", name="职工之家评估细则",
                               version=1, levels=[[60, "合格"], [90, "优秀"]])
    assert errors_of(exc) == {"levels": "等次应从高到低排列（分数线从高到低）",
                              "version": "本单位已有第1版《职工之家评估细则》，请填写新的版本号"}
    assert Rubric.objects.count() == 1
