"""/api/proposals/: the proposal list (the page's filters), a proposal with its trail, drafting, every move of
the state machine (`/proposals/{id}/moves/{action}`, the actions of `moves.MOVES`), and the departments."""

from datetime import date, datetime

from django.http import Http404
from ninja import Query, Router, Schema, Status

from gonghui.congress.selectors import active_delegates, congress_get
from gonghui.core.api import Page, PageNumber, RecordId, created, one_of, page_of
from gonghui.core.filters import filtered_page
from gonghui.org.api_routes import RecordRoutes
from gonghui.org.selectors import union_get

from . import selectors, services
from .filters import ProposalFilters
from .moves import MOVES

router = Router(tags=["proposals"])


class ProposalOut(Schema):
    id: int
    union_id: int
    session_id: int
    number: int
    title: str
    reasons: str
    measures: str
    category: str
    proposer_id: int | None
    delegation_id: int | None
    state: str
    submitted_on: date | None
    reviewed_on: date | None
    review_reason: str
    merged_into_id: int | None
    lead_id: int | None
    due_on: date | None
    extended: bool
    reply_kind: str
    reply: str
    completion_on: date | None
    replied_on: date | None
    verdict: str
    verdict_on: date | None
    rehandled: bool
    closed_on: date | None
    implemented_on: date | None


class StepOut(Schema):
    action: str
    from_state: str
    to_state: str
    by_id: int | None
    by_member_id: int | None  # the delegate themself, in the member portal
    at: datetime
    note: str


class ProposalDetailOut(ProposalOut):
    co_signer_ids: list[int]
    steps: list[StepOut]


class ProposalIn(Schema):
    title: str
    reasons: str
    measures: str
    category: str
    proposer_id: RecordId | None = None
    delegation_id: RecordId | None = None


class DraftIn(Schema):
    title: str
    reasons: str
    measures: str
    category: str


class MoveIn(Schema):
    """The fields of the move's form; each move reads only its own."""

    delegate_id: RecordId | None = None  # cosign
    as_opinion: bool = False  # submit
    reason: str = ""  # decline, hand_back, return_reply
    into_id: RecordId | None = None  # merge
    lead_id: RecordId | None = None  # assign
    co_handler_ids: list[RecordId] = []
    due_on: date | None = None  # assign, extend
    reply_kind: str = ""  # give_reply
    reply: str = ""
    completion_on: date | None = None
    verdict: str = ""  # judge
    note: str = ""  # follow_up


class CommitteeMemberOut(Schema):
    id: int
    congress_id: int
    user_id: int
    is_chair: bool


class CommitteeMemberIn(Schema):
    user_id: RecordId
    is_chair: bool = False


class DepartmentOut(Schema):
    id: int
    union_id: int
    name: str
    officer_id: int | None


class DepartmentIn(Schema):
    name: str
    officer_id: RecordId | None = None


def _detail(proposal) -> dict:
    return {**ProposalOut.from_orm(proposal).dict(),
            "co_signer_ids": list(proposal.co_signers.values_list("pk", flat=True)),
            "steps": list(selectors.steps_of(proposal=proposal))}


_list = ProposalFilters.query_schema()


@router.get("/proposals", response=Page[ProposalOut], summary="提案列表")
def list_proposals(request, query: Query[_list]):
    return filtered_page(request, query, ProposalFilters, selectors.proposal_list)


RecordRoutes(router, __name__, "proposal", plural="proposals", key="proposal_id", find=selectors.proposal_get,
             key_type=RecordId).get(ProposalDetailOut, summary="提案及其办理记录",
                                    show=lambda request, proposal: _detail(proposal))


@router.post("/sessions/{session_id}/proposals", response={201: ProposalDetailOut}, summary="起草提案（待附议后提交）")
def draft_proposal(request, session_id: RecordId, data: ProposalIn):
    session = selectors.session_get(user=request.user, pk=session_id)
    fields = data.dict()
    proposer = one_of(active_delegates(session.congress), fields.pop("proposer_id"), "proposer", "提案人须是本届在任代表")
    delegation = one_of(session.congress.constituencies.all(), fields.pop("delegation_id"), "delegation",
                      "请选择本届职代会的代表团")
    proposal = services.proposal_draft(actor=request.user, session=session, proposer=proposer, delegation=delegation,
                                       **fields)
    return Status(201, _detail(proposal))


@router.post("/proposals/{proposal_id}", response=ProposalDetailOut, summary="修改提案草稿（提交前）")
def update_proposal(request, proposal_id: RecordId, data: DraftIn):
    proposal = selectors.proposal_get(user=request.user, pk=proposal_id)
    return _detail(services.proposal_update(actor=request.user, proposal=proposal, **data.dict()))


def _move_arguments(proposal, action: str, data: MoveIn) -> dict:
    move = MOVES[action]
    field_names = set(move.form.base_fields)
    choices = move.choices(proposal) if move.choices else None
    found = {"delegate": lambda: one_of(choices, data.delegate_id, "delegate", "附议人须是本届在任代表"),
             "into": lambda: one_of(choices, data.into_id, "into", "只能并入本次会议待审查或已立案的其他提案"),
             "lead": lambda: one_of(choices, data.lead_id, "lead", "请选择本工会的承办部门"),
             "co_handlers": lambda: [one_of(choices, pk, "co_handlers", "协办部门须是本工会的其他部门")
                                     for pk in data.co_handler_ids]}
    values = data.dict()
    return {name: found[name]() if name in found else values[name] for name in field_names}


@router.post("/proposals/{proposal_id}/moves/{action}", response=ProposalDetailOut,
             summary="办理提案：cosign 附议, submit 提交, accept 立案, decline 转为意见建议, merge 并案, assign 交办, "
                     "sign 签收, hand_back 申退, extend 延期, give_reply 答复, approve_reply 答复审核通过, "
                     "return_reply 退回重新答复, judge 提案人评价, follow_up 落实跟踪, implement 落实")
def move_proposal(request, proposal_id: RecordId, action: str, data: MoveIn):
    proposal = selectors.proposal_get(user=request.user, pk=proposal_id)
    if action not in MOVES:
        raise Http404
    MOVES[action].service(actor=request.user, proposal=proposal, **_move_arguments(proposal, action, data))
    return _detail(proposal)


@router.get("/departments", response=Page[DepartmentOut], summary="承办部门")
def list_departments(request, page: PageNumber = 1):
    return page_of(selectors.department_list(user=request.user), page=page)


@router.post("/unions/{union_id}/departments", response={201: DepartmentOut}, summary="新增承办部门")
def create_department(request, union_id: RecordId, data: DepartmentIn):
    union = union_get(user=request.user, pk=union_id)
    officer = one_of(selectors.officer_choices(union=union), data.officer_id, "officer", "部门联络人须是本工会的账号")
    return created(request, services.department_create, union=union, name=data.name, officer=officer)



@router.get("/congresses/{congress_id}/committee", response=list[CommitteeMemberOut], summary="本届提案工作委员会委员")
def list_committee(request, congress_id: RecordId):
    congress = congress_get(user=request.user, pk=congress_id)
    return list(selectors.committee_list(user=request.user).filter(congress=congress))


@router.post("/congresses/{congress_id}/committee", response={201: CommitteeMemberOut}, summary="增加提案工作委员会委员")
def add_committee_member(request, congress_id: RecordId, data: CommitteeMemberIn):
    congress = congress_get(user=request.user, pk=congress_id)
    user = one_of(selectors.committee_choices(congress=congress), data.user_id, "user",
                  "提案工作委员会委员须是本工会可编辑的账号")
    return created(request, services.committee_member_add, congress=congress, user=user, is_chair=data.is_chair)
