"""/api/congress/: congresses, delegates, sessions (attendance, agenda, resolutions), democratic evaluation,
through the same selectors and services as the pages; the lists take the pages' filters."""

from datetime import date

from django.core.exceptions import ValidationError
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from gonghui.core.api import Page, RecordId, created, one_of
from gonghui.core.filters import list_route
from gonghui.members.selectors import member_find
from gonghui.org.api_routes import RecordRoutes

from . import selectors, services
from .filters import CongressFilters, DelegateFilters, ResolutionFilters
from .models import EvaluationMethod, PassRule, SessionKind

router = Router(tags=["congress"])


class CongressOut(Schema):
    id: int
    union_id: int
    kind: str
    term: int
    starts_on: date
    ends_on: date
    quorum_numerator: int
    quorum_denominator: int
    pass_rule: str
    extra_session_percent: int


class CongressIn(Schema):
    kind: str
    term: int
    starts_on: date
    ends_on: date
    quorum_numerator: int = 2
    quorum_denominator: int = 3
    pass_rule: str = PassRule.ALL_DELEGATES
    extra_session_percent: int = 30


class CompositionOut(Schema):
    label: str
    count: int
    total: int
    share: str
    required: str
    ok: bool


class ConstituencyOut(Schema):
    id: int
    congress_id: int
    name: str


class ConstituencyIn(Schema):
    name: str


class DelegateOut(Schema):
    id: int
    union_id: int
    congress_id: int
    constituency_id: int
    member_id: int
    occupation: str
    elected_on: date
    status: str
    replaces_id: int | None


class DelegateIn(Schema):
    constituency_id: RecordId
    member_id: RecordId
    occupation: str
    elected_on: date
    replaces_id: RecordId | None = None


class LeaveIn(Schema):
    left_on: date
    left_reason: str


class RequestOut(Schema):
    id: int
    congress_id: int
    reason: str
    requested_on: date
    delegates_total: int
    reached: bool


class RequestIn(Schema):
    reason: str
    signer_ids: list[RecordId]


class SessionOut(Schema):
    id: int
    congress_id: int
    number: int
    name: str
    kind: str
    held_on: date
    proposals_due_on: date | None
    delegates_total: int
    delegates_present: int | None


class SessionIn(Schema):
    number: int
    held_on: date
    kind: str = SessionKind.REGULAR
    proposals_due_on: date | None = None


class AttendanceIn(Schema):
    delegates_present: int


class AgendaOut(Schema):
    id: int
    session_id: int
    order: int
    title: str
    power: str


class AgendaIn(Schema):
    title: str
    power: str


class DocumentOut(Schema):
    id: int
    item_id: int
    name: str
    file_type: str
    size: int


class ResolutionOut(Schema):
    id: int
    union_id: int
    session_id: int
    agenda_item_id: int | None
    title: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    passed: bool
    decided_on: date


class ResolutionIn(Schema):
    title: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    agenda_item_id: RecordId | None = None


class SubjectOut(Schema):
    id: int
    name: str
    post: str
    excellent: int
    competent: int
    basic: int
    incompetent: int
    score_average: float | None
    ballots: int


class EvaluationOut(Schema):
    id: int
    session_id: int
    title: str
    method: str
    held_on: date
    subjects: list[SubjectOut]


class SubjectIn(Schema):
    name: str
    post: str = ""


class EvaluationIn(Schema):
    title: str
    method: str = EvaluationMethod.GRADES
    subjects: list[SubjectIn]


class BallotIn(Schema):
    delegate_id: RecordId
    marks: dict[int, str | int]


def _evaluation_out(evaluation) -> dict:
    return {**EvaluationOut.from_orm(evaluation).dict(exclude={"subjects"}),
            "subjects": list(evaluation.subjects.all())}


CONGRESSES = RecordRoutes(router, __name__, "congress", plural="congresses", key="congress_id",
                          find=selectors.congress_get, record="congress", key_type=RecordId, body="data")
CONGRESSES.create(services.congress_create, CongressOut, CongressIn, summary="登记一届职代会（教代会）")
CONGRESSES.update(services.congress_update, CongressOut, CongressIn, summary="修改一届职代会（教代会）及其表决规则",
                  method="post")


@router.get("/congresses/{congress_id}/composition", response=list[CompositionOut], summary="代表构成及是否符合要求")
def composition(request, congress_id: RecordId):
    congress = selectors.congress_get(user=request.user, pk=congress_id)
    return [{"label": row.rule.label, "count": row.count, "total": row.total, "share": row.share,
             "required": row.required, "ok": row.ok} for row in selectors.composition(congress)]


CONGRESSES.add("constituencies", services.constituency_create, ConstituencyOut, ConstituencyIn,
               name="create_constituency", summary="新增代表团（选区）")


@router.post("/congresses/{congress_id}/delegates", response={201: DelegateOut}, summary="登记当选代表（含补选）")
def elect_delegate(request, congress_id: RecordId, data: DelegateIn):
    congress = selectors.congress_get(user=request.user, pk=congress_id)
    member = member_find(user=request.user, pk=data.member_id)
    if member is None:
        raise ValidationError({"member": "找不到该会员，或该会员不在您的管辖范围内"})
    constituency = one_of(congress.constituencies.all(), data.constituency_id, "constituency", "请选择本届的代表团（选区）")
    replaces = one_of(congress.delegates.all(), data.replaces_id, "replaces", "补选的席位不属于本届职代会")
    return Status(201, services.delegate_elect(actor=request.user, congress=congress, constituency=constituency,
                                               member=member, occupation=data.occupation, elected_on=data.elected_on,
                                               replaces=replaces))


RecordRoutes(router, __name__, "delegate", plural="delegates", key="delegate_id", find=selectors.delegate_get,
             record="delegate", key_type=RecordId, body="data").act(
    "leave", services.delegate_leave, DelegateOut, LeaveIn, name="leave_delegate", summary="代表离任")


@router.post("/congresses/{congress_id}/requests", response={201: RequestOut}, summary="代表联名提议召开临时会议")
def request_extra_session(request, congress_id: RecordId, data: RequestIn):
    congress = selectors.congress_get(user=request.user, pk=congress_id)
    signers = [one_of(selectors.active_delegates(congress), pk, "signers", "请选择本届在任代表联名提议")
               for pk in data.signer_ids]
    return created(request, services.session_request_create, congress=congress, reason=data.reason, signers=signers)


CONGRESSES.add("sessions", services.session_create, SessionOut, SessionIn, name="create_session",
               summary="登记会议（届次）")
SESSIONS = RecordRoutes(router, __name__, "session", plural="sessions", key="session_id", find=selectors.session_get,
                        record="session", key_type=RecordId, body="data")
SESSIONS.act("attendance", services.session_attendance, SessionOut, AttendanceIn, name="record_attendance",
             summary="登记到会代表人数")
SESSIONS.add("agenda", services.agenda_item_add, AgendaOut, AgendaIn, name="add_agenda_item", summary="新增议程")


@router.post("/agenda/{item_id}/documents", response={201: DocumentOut},
             summary="上传会议文件（文档或图片）；下载地址 /congress/documents/{id}/")
def add_document(request, item_id: RecordId, file: File[UploadedFile]):
    item = selectors.agenda_item_get(user=request.user, pk=item_id)
    return created(request, services.document_add, item=item, file=file)


@router.post("/sessions/{session_id}/resolutions", response={201: ResolutionOut}, summary="登记表决结果")
def record_resolution(request, session_id: RecordId, data: ResolutionIn):
    session = selectors.session_get(user=request.user, pk=session_id)
    fields = data.dict()
    item = one_of(session.agenda.all(), fields.pop("agenda_item_id"), "agenda_item", "该议题不属于本次会议")
    return created(request, services.resolution_record, session=session, agenda_item=item, **fields)


@router.post("/sessions/{session_id}/evaluations", response={201: EvaluationOut}, summary="组织民主评议")
def create_evaluation(request, session_id: RecordId, data: EvaluationIn):
    session = selectors.session_get(user=request.user, pk=session_id)
    evaluation = services.evaluation_create(actor=request.user, session=session, title=data.title, method=data.method,
                                            subjects=[(s.name, s.post) for s in data.subjects])
    return Status(201, _evaluation_out(evaluation))


@router.get("/evaluations/{evaluation_id}", response=EvaluationOut, summary="民主评议结果（按评议对象计票）")
def evaluation_results(request, evaluation_id: RecordId):
    return _evaluation_out(selectors.evaluation_get(user=request.user, pk=evaluation_id))


@router.post("/evaluations/{evaluation_id}/ballots", response={201: EvaluationOut}, summary="登记评议票（无记名）")
def cast_ballot(request, evaluation_id: RecordId, data: BallotIn):
    evaluation = selectors.evaluation_get(user=request.user, pk=evaluation_id)
    delegate = one_of(selectors.active_delegates(evaluation.session.congress), data.delegate_id, "delegate",
                    "只有本届在任代表可以参加评议")
    services.ballot_cast(actor=request.user, evaluation=evaluation, delegate=delegate, marks=data.marks)
    return Status(201, _evaluation_out(evaluation))


list_route(router, "congress", "list_congresses", "/congresses",
           Page[CongressOut], CongressFilters, selectors.congress_list, summary="职代会（教代会）列表")
list_route(router, "congress", "list_delegates", "/delegates",
           Page[DelegateOut], DelegateFilters, selectors.delegate_list, summary="代表名单")
list_route(router, "congress", "list_resolutions", "/resolutions",
           Page[ResolutionOut], ResolutionFilters, selectors.resolution_list, summary="决议列表")
