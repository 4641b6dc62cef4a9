"""Proposals in the access walk: a handling department of union_a1, a draft and an assigned proposal to the
second session of union_a1's congress (tests/access/parts/congress.py). Every write is refused at a field or
by the state machine (accepting a draft), so the world stays as it was for the next user."""

from datetime import date, timedelta

from django.utils import timezone

from gonghui.congress import services as congress
from gonghui.congress.models import Occupation
from gonghui.members.models import Member
from gonghui.proposals import services
from gonghui.proposals.models import ProposalCategory
from gonghui.testing import make_id_number

from ..matrix import api, button, form, page, pk, union_pk
from .portal import FORM, MEMBER, WRITE, member_page

A1 = "union_a1"


def _id(name, attr):
    return lambda w: {name: getattr(w, attr).pk}


def _delegate(world, name: str, seq: int):
    a1 = world.union_a1
    member = Member.objects.create(tenant_id=a1.tenant_id, union=a1, name=name, gender="F",
                                   birth_date=date(1990, 1, 1), id_number=make_id_number(date(1990, 1, 1), seq),
                                   join_date=date(2015, 1, 1))
    return congress.delegate_elect(actor=world.officer, congress=world.cg_congress, constituency=world.cg_constituency,
                                   member=member, occupation=Occupation.FRONT_LINE,
                                   elected_on=world.cg_delegate.elected_on)


def build(world) -> dict:
    officer, today = world.officer, timezone.localdate()
    session = congress.session_create(actor=officer, congress=world.cg_congress, number=2,
                                      held_on=today + timedelta(days=30), proposals_due_on=today + timedelta(days=20))
    department = services.department_create(actor=officer, union=world.union_a1, name="后勤保障部")
    seat = services.committee_member_add(actor=officer, congress=world.cg_congress, user=officer)
    signers = [_delegate(world, "附议甲", 801), _delegate(world, "附议乙", 802)]

    def draft(title):
        return services.proposal_draft(actor=officer, session=session, title=title, reasons="职工反映",
                                       measures="建议改进", category=ProposalCategory.LIVING, proposer=world.cg_delegate)
    waiting = draft("改善职工食堂")
    assigned = draft("增设职工停车位")
    for signer in signers:
        services.proposal_cosign(actor=officer, proposal=assigned, delegate=signer)
    services.proposal_submit(actor=officer, proposal=assigned)
    services.proposal_accept(actor=officer, proposal=assigned)
    services.proposal_assign(actor=officer, proposal=assigned, lead=department)
    return {"pr_seat": seat, "pr_session": session, "pr_department": department, "pr_draft": waiting, "pr_assigned": assigned}


def _move(name, action):
    return lambda w: {"pk": getattr(w, name).pk, "action": action}


PAGES = [
    page("proposals:index"),
    page("proposals:proposals"),
    page("proposals:proposals_export"),
    form("proposals:proposal_create", lambda w: {"session_pk": w.pr_session.pk}),
    page("proposals:proposal_detail", pk("pr_assigned"), A1),
    form("proposals:proposal_edit", pk("pr_draft")),
    form("proposals:proposal_move", _move("pr_draft", "accept")),
    page("proposals:departments"),
    form("proposals:department_create", union_pk()),
    page("proposals:committee"),
    form("proposals:committee_add", lambda w: {"congress_pk": w.cg_congress.pk}),
    button("proposals:committee_remove", pk("pr_seat")),
    # The delegate's pages in the member portal: member_a1 is the draft's proposer and a delegate of the
    # session's congress; member_a2 is neither (404). Submitting the draft is refused (no co-signers).
    member_page("m:proposals"),
    member_page("m:proposal_create", None, MEMBER, **FORM),
    member_page("m:proposal", pk("pr_draft"), MEMBER),
    member_page("m:proposal_move", _move("pr_draft", "submit"), MEMBER, **WRITE),
]

API = [
    api("GET /api/proposals/proposals"),
    api("GET /api/proposals/proposals/{proposal_id}", _id("proposal_id", "pr_assigned"), A1),
    api("POST /api/proposals/proposals/{proposal_id}", _id("proposal_id", "pr_draft"), A1,
        body=lambda w: {"title": " ", "reasons": "理由", "measures": "措施", "category": "living"}),
    api("POST /api/proposals/sessions/{session_id}/proposals", _id("session_id", "pr_session"), A1,
        body=lambda w: {"title": " ", "reasons": "理由", "measures": "措施", "category": "living",
                        "proposer_id": w.cg_delegate.pk}),
    api("POST /api/proposals/proposals/{proposal_id}/moves/{action}",
        lambda w: {"proposal_id": w.pr_draft.pk, "action": "accept"}, A1),
    api("GET /api/proposals/departments"),
    api("GET /api/proposals/congresses/{congress_id}/committee", _id("congress_id", "cg_congress"), A1),
    api("POST /api/proposals/congresses/{congress_id}/committee", _id("congress_id", "cg_congress"), A1,
        body=lambda w: {"user_id": w.street_admin.pk}),
    api("POST /api/proposals/unions/{union_id}/departments", _id("union_id", A1), A1, body=lambda w: {"name": " "}),
]
