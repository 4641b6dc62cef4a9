"""Checks in the access walk: street_a's rubric (and one not yet used, whose items may change) and campaign assessing union_a1 (self-assessing, with an
evidence file), a team of union_a1 in the same campaign whose result is in publicity with an objection, and
street_a's labour-law check of union_a1 with its supervision notice."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gonghui.checks import services
from gonghui.checks.tests.helpers import campaign, labour_check, reviewed, rubric, self_assessed

from ..matrix import DAY, api, button, form, page, pk

A1, SA = "union_a1", "street_a"


def _id(name, attr):
    return lambda w: {name: getattr(w, attr).pk}


def build(world) -> dict:
    made = campaign(world.cast)
    assessment = made.assessments.get()
    row = assessment.scores.order_by("item__order").first()
    evidence = services.evidence_add(actor=world.officer, assessment=assessment, item=row.item,
                                     file=SimpleUploadedFile("自评报告.pdf", b"%PDF-1.4\n%%EOF\n"))
    team = services.assessment_add(actor=world.street_admin, campaign=made, union=world.union_a1, subject="装配一班")
    self_assessed(world.cast, team)
    reviewed(world.cast, team)
    team = services.assessment_publicise(actor=world.street_admin, assessment=team.__class__.objects.get(pk=team.pk))
    objection = services.objection_add(actor=world.street_admin, assessment=team, raised_by="职工甲",
                                       text="台帐不全", raised_on=timezone.localdate())
    check = labour_check(world.cast)
    notice = services.notice_issue(actor=world.street_admin, assessment=check,
                                   deadline=timezone.localdate() + timedelta(days=30))
    unused = rubric(world.cast, name="尚未使用的细则")
    return {"ck_free_item": unused.items.order_by("order").first(), "ck_check": check, "ck_notice": notice, "ck_rubric": made.rubric, "ck_campaign": made, "ck_assessment": assessment, "ck_score": row,
            "ck_evidence": evidence, "ck_team": team, "ck_objection": objection}


PAGES = [
    page("checks:index"),
    page("checks:rubrics"),
    page("checks:rubrics_export"),
    form("checks:rubric_create", owner=None),
    form("checks:rubric_import", owner=None),
    page("checks:rubric_detail", pk("ck_rubric"), SA, seen_below=True),
    page("checks:rubric_export", pk("ck_rubric"), SA, seen_below=True),
    form("checks:rubric_item_add", pk("ck_rubric"), SA),
    form("checks:rubric_item_edit", pk("ck_free_item"), SA),
    button("checks:rubric_item_delete", pk("ck_free_item"), SA),
    page("checks:campaigns"),
    page("checks:campaigns_export"),
    form("checks:campaign_create", owner=None),
    page("checks:campaign_detail", pk("ck_campaign"), SA),
    button("checks:campaign_score", pk("ck_campaign"), SA),
    page("checks:assessments"),
    page("checks:assessments_export"),
    page("checks:assessment_detail", pk("ck_assessment"), A1),
    button("checks:assessment_submit", pk("ck_assessment")),
    button("checks:assessment_conclude", pk("ck_team")),
    button("checks:assessment_publicise", pk("ck_team")),
    button("checks:assessment_name", pk("ck_team")),
    form("checks:assessment_recheck", pk("ck_team")),
    form("checks:evidence_add", pk("ck_assessment")),
    form("checks:objection_add", pk("ck_team")),
    form("checks:score_self", pk("ck_score")),
    form("checks:score_review", pk("ck_score")),
    page("checks:evidence", pk("ck_evidence"), A1),
    form("checks:objection_answer", pk("ck_objection")),
    form("checks:notice_issue", pk("ck_check")),
    page("checks:notices"),
    page("checks:notices_export"),
    page("checks:notice_detail", pk("ck_notice"), A1),
    form("checks:notice_answer", pk("ck_notice")),
    button("checks:notice_close", pk("ck_notice")),
]

API = [
    api("GET /api/checks/rubrics"),
    api("GET /api/checks/campaigns"),
    api("GET /api/checks/assessments"),
    api("POST /api/checks/unions/{union_id}/rubrics", _id("union_id", A1), A1,
        body=lambda w: {"kind": "other", "name": "细则", "levels": [[60, "合格"]]}),
    api("GET /api/checks/rubrics/{rubric_id}/items", _id("rubric_id", "ck_rubric"), SA, seen_below=True),
    api("POST /api/checks/rubrics/{rubric_id}/items", _id("rubric_id", "ck_rubric"), SA,
        body=lambda w: {"section": "组织", "text": "内容", "max_score": 10}),
    api("PUT /api/checks/rubric-items/{item_id}", _id("item_id", "ck_free_item"), SA,
        body=lambda w: {"section": "组织", "text": "内容", "max_score": -1}),
    api("DELETE /api/checks/rubric-items/{item_id}", _id("item_id", "ck_free_item"), SA),
    api("POST /api/checks/unions/{union_id}/campaigns", _id("union_id", A1), A1, body=lambda w: {
        "rubric_id": w.ck_rubric.pk, "name": "考核", "year": 2099, "starts_on": DAY, "ends_on": DAY}),
    api("GET /api/checks/assessments/{assessment_id}/scores", _id("assessment_id", "ck_assessment"), A1),
    api("POST /api/checks/scores/{score_id}/self", _id("score_id", "ck_score"), A1,
        body=lambda w: {"self_score": str(Decimal(99))}),
    api("POST /api/checks/scores/{score_id}/review", _id("score_id", "ck_score"), A1, body=lambda w: {"score": 1}),
    api("POST /api/checks/assessments/{assessment_id}/submit", _id("assessment_id", "ck_assessment"), A1),
    api("POST /api/checks/assessments/{assessment_id}/conclude", _id("assessment_id", "ck_team"), A1),
    api("POST /api/checks/assessments/{assessment_id}/publicise", _id("assessment_id", "ck_team"), A1),
    api("POST /api/checks/assessments/{assessment_id}/name", _id("assessment_id", "ck_team"), A1),
    api("GET /api/checks/notices"),
    api("POST /api/checks/assessments/{assessment_id}/notice", _id("assessment_id", "ck_check"), A1,
        body=lambda w: {"deadline": DAY}),
    api("POST /api/checks/notices/{notice_id}/answer", _id("notice_id", "ck_notice"), A1, body=lambda w: {"answer": ""}),
    api("POST /api/checks/notices/{notice_id}/close", _id("notice_id", "ck_notice"), A1),
    api("POST /api/checks/assessments/{assessment_id}/objections", _id("assessment_id", "ck_team"), A1,
        body=lambda w: {"raised_by": "甲", "text": "异议", "raised_on": DAY}),
]
