"""Congresses in the access walk: union_a1's 职代会 with a constituency, member_a1 as delegate, a session with
attendance, an agenda item, a resolution and a democratic evaluation. Every write body is refused at a field,
so the world stays as it was for the next user."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gonghui.congress import services
from gonghui.congress.models import CongressKind, CongressPower, Occupation

from ..matrix import DAY, api, form, page, pk, union_pk
from .portal import FORM, MEMBER, member_page

A1 = "union_a1"


def _id(name, attr):
    return lambda w: {name: getattr(w, attr).pk}


def build(world) -> dict:
    officer, today = world.officer, timezone.localdate()
    congress = services.congress_create(actor=officer, union=world.union_a1, kind=CongressKind.WORKERS, term=4,
                                        starts_on=today - timedelta(days=100), ends_on=today + timedelta(days=1000))
    seat = services.constituency_create(actor=officer, congress=congress, name="一车间代表团")
    delegate = services.delegate_elect(actor=officer, congress=congress, constituency=seat, member=world.member_a1,
                                       occupation=Occupation.FRONT_LINE, elected_on=today - timedelta(days=90))
    session = services.session_create(actor=officer, congress=congress, number=1, held_on=today - timedelta(days=10),
                                      proposals_due_on=today - timedelta(days=20))
    services.session_attendance(actor=officer, session=session, delegates_present=1)
    item = services.agenda_item_add(actor=officer, session=session, title="审议工资集体协议", power=CongressPower.ADOPT)
    document = services.document_add(actor=officer, item=item,
                                     file=SimpleUploadedFile("工资集体协议草案.pdf", b"%PDF-1.4\n%%EOF\n"))
    services.resolution_record(actor=officer, session=session, title="工资集体协议", votes_for=1, votes_against=0,
                               votes_abstain=0)
    evaluation = services.evaluation_create(actor=officer, session=session, title="民主评议中层干部",
                                            subjects=[("王厂长", "厂长")])
    return {"cg_congress": congress, "cg_constituency": seat, "cg_delegate": delegate, "cg_session": session,
            "cg_evaluation": evaluation, "cg_item": item, "cg_document": document}


PAGES = [
    page("congress:index"),
    form("congress:congress_create", union_pk()),
    page("congress:congress_detail", pk("cg_congress"), A1),
    form("congress:congress_edit", pk("cg_congress")),
    form("congress:constituency_create", pk("cg_congress")),
    form("congress:delegate_elect", pk("cg_congress")),
    form("congress:session_create", pk("cg_congress")),
    form("congress:request_create", pk("cg_congress")),
    page("congress:delegates"),
    page("congress:delegates_export"),
    form("congress:delegate_leave", pk("cg_delegate")),
    page("congress:session_detail", pk("cg_session"), A1),
    form("congress:attendance", pk("cg_session")),
    form("congress:agenda_add", pk("cg_session")),
    form("congress:resolution_record", pk("cg_session")),
    form("congress:evaluation_create", pk("cg_session")),
    form("congress:document_add", pk("cg_item")),
    page("congress:document", pk("cg_document"), A1),
    page("congress:resolutions"),
    page("congress:evaluation_detail", pk("cg_evaluation"), A1),
    form("congress:ballot", pk("cg_evaluation")),
    # The delegate's own ballot in the member portal: member_a1 is a delegate of the evaluation's congress;
    # member_a2 is not (404). The walk's empty ballot is refused (a mark for each subject), so nothing is counted.
    member_page("m:evaluations"),
    member_page("m:evaluation", pk("cg_evaluation"), MEMBER, **FORM),
]

API = [
    api("GET /api/congress/congresses"),
    api("POST /api/congress/unions/{union_id}/congresses", _id("union_id", A1), A1, body=lambda w: {
        "kind": "workers", "term": 9, "starts_on": DAY, "ends_on": "2098-01-01"}),
    api("POST /api/congress/congresses/{congress_id}", _id("congress_id", "cg_congress"), A1, body=lambda w: {
        "kind": "workers", "term": 4, "starts_on": DAY, "ends_on": "2098-01-01"}),
    api("GET /api/congress/congresses/{congress_id}/composition", _id("congress_id", "cg_congress"), A1),
    api("POST /api/congress/congresses/{congress_id}/constituencies", _id("congress_id", "cg_congress"), A1,
        body=lambda w: {"name": " "}),
    api("POST /api/congress/congresses/{congress_id}/delegates", _id("congress_id", "cg_congress"), A1,
        body=lambda w: {"constituency_id": w.cg_constituency.pk, "member_id": w.member_a1.pk,
                        "occupation": "front_line", "elected_on": DAY}),
    api("POST /api/congress/congresses/{congress_id}/sessions", _id("congress_id", "cg_congress"), A1,
        body=lambda w: {"number": 0, "held_on": DAY}),
    api("GET /api/congress/delegates"),
    api("POST /api/congress/delegates/{delegate_id}/leave", _id("delegate_id", "cg_delegate"), A1,
        body=lambda w: {"left_on": DAY, "left_reason": "调离"}),
    api("POST /api/congress/congresses/{congress_id}/requests", _id("congress_id", "cg_congress"), A1,
        body=lambda w: {"reason": " ", "signer_ids": [w.cg_delegate.pk]}),
    api("POST /api/congress/sessions/{session_id}/attendance", _id("session_id", "cg_session"), A1,
        body=lambda w: {"delegates_present": 999}),
    api("POST /api/congress/sessions/{session_id}/agenda", _id("session_id", "cg_session"), A1,
        body=lambda w: {"title": " ", "power": "adopt"}),
    api("POST /api/congress/sessions/{session_id}/resolutions", _id("session_id", "cg_session"), A1,
        body=lambda w: {"title": "决议", "votes_for": 5, "votes_against": 0, "votes_abstain": 0}),
    api("POST /api/congress/agenda/{item_id}/documents", _id("item_id", "cg_item"), A1, multipart=True,
        body=lambda w: {"file": SimpleUploadedFile("说明.exe", b"MZ")}),
    api("GET /api/congress/resolutions"),
    api("POST /api/congress/sessions/{session_id}/evaluations", _id("session_id", "cg_session"), A1,
        body=lambda w: {"title": "评议", "subjects": []}),
    api("GET /api/congress/evaluations/{evaluation_id}", _id("evaluation_id", "cg_evaluation"), A1),
    api("POST /api/congress/evaluations/{evaluation_id}/ballots", _id("evaluation_id", "cg_evaluation"), A1,
        body=lambda w: {"delegate_id": w.cg_delegate.pk, "marks": {}}),
]
