"""/api/checks/: rubrics and their items, campaigns, assessments and their scores, and each step of an
assessment, through the same selectors and services as the pages; the lists take the pages' filters."""

from datetime import date
from decimal import Decimal

from ninja import Router, Schema

from gonghui.core.api import Page, created, deleted, RecordId
from gonghui.core.filters import list_route
from gonghui.org.selectors import union_get

from . import selectors, services
from .filters import AssessmentFilters, CampaignFilters, NoticeFilters, RubricFilters
from .models import EvidenceKind, ScoringMethod

router = Router(tags=["checks"])


class RubricOut(Schema):
    id: int
    union_id: int
    kind: str
    name: str
    version: int
    levels: list


class RubricIn(Schema):
    kind: str
    name: str
    version: int = 1
    levels: list[tuple[Decimal, str]] = []


class ItemOut(Schema):
    id: int
    section: str
    order: int
    text: str
    max_score: Decimal
    method: str
    deduct_per: Decimal | None
    evidence_kind: str
    evidence: str
    veto: bool
    figure_key: str
    figure_target: Decimal | None

    @staticmethod
    def resolve_section(item) -> str:
        return item.section.title


class ItemIn(Schema):
    section: str
    text: str
    max_score: Decimal
    method: str = ScoringMethod.ADD
    deduct_per: Decimal | None = None
    evidence_kind: str = EvidenceKind.DOCUMENT
    evidence: str = ""
    veto: bool = False
    figure_key: str = ""
    figure_target: Decimal | None = None


class CampaignOut(Schema):
    id: int
    union_id: int
    rubric_id: int
    name: str
    year: int
    starts_on: date
    ends_on: date
    publicity_days: int


class CampaignIn(Schema):
    rubric_id: RecordId
    name: str
    year: int
    starts_on: date
    ends_on: date
    publicity_days: int = 7
    union_ids: list[RecordId] = []


class AssessmentOut(Schema):
    id: int
    campaign_id: int
    union_id: int
    subject: str
    status: str
    self_total: Decimal | None
    total: Decimal | None
    vetoed: bool
    level: str
    publicity_starts_on: date | None
    publicity_ends_on: date | None
    named_on: date | None
    withdrawn_on: date | None


class ScoreOut(Schema):
    id: int
    item_id: int
    self_score: Decimal | None
    self_note: str
    prefilled: Decimal | None
    prefilled_url: str
    score: Decimal | None
    comment: str
    override_reason: str
    veto_applies: bool | None


class SelfScoreIn(Schema):
    self_score: Decimal | None
    self_note: str = ""


class ReviewIn(Schema):
    score: Decimal | None = None
    occurrences: int | None = None
    comment: str = ""
    override_reason: str = ""
    veto_applies: bool | None = None


class ObjectionIn(Schema):
    raised_by: str
    text: str
    raised_on: date


class ObjectionOut(Schema):
    id: int
    assessment_id: int
    raised_on: date
    raised_by: str
    text: str
    answer: str


@router.post("/unions/{union_id}/rubrics", response={201: RubricOut}, summary="新建考核细则")
def create_rubric(request, union_id: RecordId, data: RubricIn):
    union = union_get(user=request.user, pk=union_id)
    fields = data.dict()
    return created(request, services.rubric_create, union=union, **fields)


@router.get("/rubrics/{rubric_id}/items", response=list[ItemOut], summary="考核细则的考核内容")
def rubric_items(request, rubric_id: RecordId):
    return list(selectors.rubric_items(rubric=selectors.rubric_get(user=request.user, pk=rubric_id)))


@router.post("/rubrics/{rubric_id}/items", response={201: ItemOut}, summary="添加考核内容")
def add_item(request, rubric_id: RecordId, data: ItemIn):
    rubric = selectors.rubric_owned_get(user=request.user, pk=rubric_id)
    return created(request, services.rubric_item_add, rubric=rubric, **data.dict())


@router.put("/rubric-items/{item_id}", response=ItemOut, summary="修改考核内容（已用于考核评分的不能修改）")
def update_item(request, item_id: RecordId, data: ItemIn):
    item = selectors.rubric_item_owned_get(user=request.user, pk=item_id)
    return services.rubric_item_update(actor=request.user, item=item, **data.dict())


@router.delete("/rubric-items/{item_id}", response={204: None}, summary="删除考核内容（已用于考核评分的不能删除）")
def delete_item(request, item_id: RecordId):
    item = selectors.rubric_item_owned_get(user=request.user, pk=item_id)
    return deleted(request, services.rubric_item_delete, item=item)


@router.post("/unions/{union_id}/campaigns", response={201: CampaignOut}, summary="发起考核（含被考核单位）")
def create_campaign(request, union_id: RecordId, data: CampaignIn):
    union = union_get(user=request.user, pk=union_id)
    fields = data.dict()
    rubric = selectors.rubric_get(user=request.user, pk=fields.pop("rubric_id"))
    unions = [union_get(user=request.user, pk=pk) for pk in fields.pop("union_ids")]
    return created(request, services.campaign_create, union=union, rubric=rubric, unions=unions, **fields)


@router.get("/assessments/{assessment_id}/scores", response=list[ScoreOut], summary="考核对象的各条目得分")
def assessment_scores(request, assessment_id: RecordId):
    return list(selectors.assessment_scores(assessment=selectors.assessment_get(user=request.user,
                                                                                 pk=assessment_id)))


@router.post("/scores/{score_id}/self", response=ScoreOut, summary="自评一个条目")
def self_score(request, score_id: RecordId, data: SelfScoreIn):
    row = selectors.score_get(user=request.user, pk=score_id)
    return services.self_score_set(actor=request.user, assessment=row.assessment, item=row.item, **data.dict())


@router.post("/scores/{score_id}/review", response=ScoreOut, summary="复核评分一个条目（组织单位）")
def review_score(request, score_id: RecordId, data: ReviewIn):
    row = selectors.score_get(user=request.user, pk=score_id)
    return services.review_score_set(actor=request.user, assessment=row.assessment, item=row.item, **data.dict())


def _step_route(step: str, service, summary: str) -> None:
    def step_assessment(request, assessment_id: RecordId):
        return service(actor=request.user, assessment=selectors.assessment_get(user=request.user, pk=assessment_id))

    router.post(f"/assessments/{{assessment_id}}/{step}", response=AssessmentOut, summary=summary,
                operation_id=f"checks_assessment_{step}")(step_assessment)


_step_route("submit", services.assessment_submit, "报送自评")
_step_route("conclude", services.assessment_conclude, "评定结果（复核得分、一票否决、等次）")
_step_route("publicise", services.assessment_publicise, "公示考核结果")
_step_route("name", services.assessment_name, "命名（公示期满、异议已处理）")


@router.post("/assessments/{assessment_id}/objections", response={201: ObjectionOut}, summary="登记公示异议")
def add_objection(request, assessment_id: RecordId, data: ObjectionIn):
    assessment = selectors.assessment_get(user=request.user, pk=assessment_id)
    return created(request, services.objection_add, assessment=assessment, **data.dict())


class NoticeOut(Schema):
    id: int
    assessment_id: int
    union_id: int
    findings: str
    issued_on: date
    deadline: date
    status: str
    answer: str
    answered_on: date | None
    closed_on: date | None


class NoticeIn(Schema):
    deadline: date


class NoticeAnswerIn(Schema):
    answer: str


@router.post("/assessments/{assessment_id}/notice", response={201: NoticeOut}, summary="下达劳动法律监督意见书")
def issue_notice(request, assessment_id: RecordId, data: NoticeIn):
    assessment = selectors.assessment_get(user=request.user, pk=assessment_id)
    return created(request, services.notice_issue, assessment=assessment, deadline=data.deadline)


@router.post("/notices/{notice_id}/answer", response=NoticeOut, summary="登记企业答复")
def answer_notice(request, notice_id: RecordId, data: NoticeAnswerIn):
    notice = selectors.notice_get(user=request.user, pk=notice_id)
    return services.notice_answer(actor=request.user, notice=notice, answer=data.answer)


@router.post("/notices/{notice_id}/close", response=NoticeOut, summary="复查合格，销号")
def close_notice(request, notice_id: RecordId):
    return services.notice_close(actor=request.user, notice=selectors.notice_get(user=request.user, pk=notice_id))


list_route(router, "checks", "list_notices", "/notices",
           Page[NoticeOut], NoticeFilters, selectors.notice_list, summary="劳动法律监督意见书")
list_route(router, "checks", "list_rubrics", "/rubrics",
           Page[RubricOut], RubricFilters, selectors.rubric_list, summary="考核细则")
list_route(router, "checks", "list_campaigns", "/campaigns",
           Page[CampaignOut], CampaignFilters, selectors.campaign_list, summary="考核")
list_route(router, "checks", "list_assessments", "/assessments",
           Page[AssessmentOut], AssessmentFilters, selectors.assessment_list, summary="考核对象")
