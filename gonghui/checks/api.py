"""/api/checks/: rubrics and their items, campaigns, assessments and their scores, and each step of an
assessment, through the same selectors and services as the pages; the lists take the pages' filters."""

from datetime import date
from decimal import Decimal

from ninja import Field, Router, Schema

from gonghui.core.api import Page, created, RecordId
from gonghui.core.filters import list_route
from gonghui.org.api_routes import RecordRoutes
from gonghui.org.selectors import union_get

from . import selectors, services
from .models import EvidenceKind, ScoringMethod
from .views import LISTS

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
    section: str = Field(alias="section.title")
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


# A rubric's items are added, changed and deleted only by the union that owns the rubric.
RecordRoutes(router, __name__, "rubric", plural="rubrics", key="rubric_id", find=selectors.rubric_owned_get,
             record="rubric", key_type=RecordId, body="data").add(
    "items", services.rubric_item_add, ItemOut, ItemIn, name="add_item", summary="添加考核内容")
ITEMS = RecordRoutes(router, __name__, "item", plural="rubric-items", key="item_id",
                     find=selectors.rubric_item_owned_get, record="item", key_type=RecordId, body="data")
ITEMS.update(services.rubric_item_update, ItemOut, ItemIn, summary="修改考核内容（已用于考核评分的不能修改）")
ITEMS.delete(services.rubric_item_delete, summary="删除考核内容（已用于考核评分的不能删除）")


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


ASSESSMENTS = RecordRoutes(router, __name__, "assessment", plural="assessments", key="assessment_id",
                           find=selectors.assessment_get, record="assessment", key_type=RecordId, body="data")
ASSESSMENTS.add("objections", services.objection_add, ObjectionOut, ObjectionIn, name="add_objection",
                summary="登记公示异议")


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


ASSESSMENTS.add("notice", services.notice_issue, NoticeOut, NoticeIn, name="issue_notice", summary="下达劳动法律监督意见书")
NOTICES = RecordRoutes(router, __name__, "notice", plural="notices", key="notice_id", find=selectors.notice_get,
                       record="notice", key_type=RecordId, body="data")
NOTICES.act("answer", services.notice_answer, NoticeOut, NoticeAnswerIn, name="answer_notice", summary="登记企业答复")
NOTICES.act("close", services.notice_close, NoticeOut, name="close_notice", summary="复查合格，销号")


# The lists' filters and selectors are their pages' (views.LISTS).
for _name, _out, _summary in (("notices", NoticeOut, "劳动法律监督意见书"), ("rubrics", RubricOut, "考核细则"),
                              ("campaigns", CampaignOut, "考核"), ("assessments", AssessmentOut, "考核对象")):
    list_route(router, "checks", f"list_{_name}", f"/{_name}", Page[_out], *LISTS[_name][:2], summary=_summary)
