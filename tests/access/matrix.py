"""The access matrix: one entry for every page, export and API endpoint.

test_walk.py fails for any URL pattern or API operation without an entry here. An entry names the route
(a URL name, or "METHOD /api/path" as in the OpenAPI schema), how to build its arguments from the world
(tests/access/world.py), which union owns the record it shows, and what kind of endpoint it is:

- get:  "read" (a page or export), "form" (the page of a write: read-only accounts get 403), or None;
- post: "write" (read-only accounts get exactly 403), "read" (a POST that only reads: export, reveal), or None;
- owner: the world's union that owns the record; users above it or at it see it, everyone else gets 404.
  None for pages every user has (lists, home, new-record forms that pick the union from the user);
- care: the record needs may_access_care (without it: 403 or 404);
- reveal: the endpoint shows full ID numbers (without may_reveal_identity: 403);
- seen_below: the unions beneath the owner see it too;
- body_target: the target record comes in the body, so a user who does not see it gets 404 or 422;
- duty: the administrator's duty (system, security, audit) whose page it is: only that administrator gets in,
  every other user, union users included, gets 403;
- known: {username: finding} for leaks being fixed; those tests are strict xfails.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile

from gonghui.welfare.kinds import KINDS as WELFARE_KINDS

from . import parts

DAY = "2099-01-01"  # a date every service refuses (after today): writes by those who may are refused at a field


@dataclass(frozen=True)
class Entry:
    route: str
    args: Callable = lambda w: {}
    owner: str | None = "union_a1"
    get: str | None = "read"
    post: str | None = None
    care: bool = False
    reveal: bool = False
    body_target: bool = False
    query: Callable = lambda w: ""
    body: Callable = lambda w: {}
    multipart: bool = False  # API uploads: the body goes as multipart/form-data, not JSON
    seen_below: bool = False  # the owner's subtree reads it too (a federation's plan template)
    duty: str | None = None
    known: dict = field(default_factory=dict)

    @property
    def is_api(self) -> bool:
        return self.route.split(" ")[0] in ("GET", "POST", "PUT", "PATCH", "DELETE")


def page(route, args=None, owner=None, **kw) -> Entry:
    return Entry(route, args or (lambda w: {}), owner, **kw)


def form(route, args=None, owner="union_a1", **kw) -> Entry:
    return Entry(route, args or (lambda w: {}), owner, get="form", post="write", **kw)


def button(route, args, owner="union_a1", **kw) -> Entry:
    return Entry(route, args, owner, get=None, post="write", **kw)


def api(route, args=None, owner=None, **kw) -> Entry:
    method = route.split(" ")[0]
    kind = {"get": "read"} if method == "GET" else {"get": None, "post": "write"}
    return Entry(route, args or (lambda w: {}), owner, **kind, **kw)


def admin_page(route, duty, args=None, **kw) -> Entry:
    return Entry(route, args or (lambda w: {}), None, duty=duty, **kw)


def pk(name):
    return lambda w: {"pk": getattr(w, name).pk}


def union_pk(name="union_a1"):
    return lambda w: {"union_pk": getattr(w, name).pk}


def summary_pdf(w):
    """A converted PDF of union_a1's summary, made by its officer (care grant held: with_care)."""
    from django.core.files.base import ContentFile

    from gonghui.reports.summary_models import PdfStatus, SummaryPdf

    job = SummaryPdf(tenant_id=w.union_a1.tenant_id, union=w.union_a1, title="甲一机械厂工会2025年工作总结",
                     status=PdfStatus.DONE, with_care=True, created_by=w.officer)
    job.pdf.save("summary.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    job.save()
    return {"pk": job.pk}


def summary_draft_query(w) -> str:
    """union_a1's saved summary of 2025 (written by its officer), and the query that finds it."""
    from datetime import date

    from gonghui.reports.summary_models import SummaryDraft

    SummaryDraft.objects.get_or_create(
        tenant_id=w.union_a1.tenant_id, union=w.union_a1, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
        defaults={"period_code": "2025", "title": "甲一机械厂工会2025年工作总结", "written_on": date(2026, 12, 1),
                  "paragraphs": [{"level": 0, "text": "今年完成基层单建工会{{figure:org.unions_founded}}家。"}],
                  "updated_by": w.officer})
    return f"union={w.union_a1.pk}&period=2025"


PAGES = [
    # home, core, accounts
    page("home:index"),
    page("core:history", lambda w: {"label": "members.member", "pk": w.member_a1.pk}, "union_a1"),
    page("accounts:login", get="read"),
    page("accounts:logout", get=None, post="read"),
    page("accounts:duty_home"),
    # reports: a figure's records are the union's (the union comes in the query)
    page("reports:figure_records", lambda w: {"key": "org.unions_founded"}, "union_a1",
         query=lambda w: f"union={w.union_a1.pk}&period=2025"),
    page("reports:figure_export", lambda w: {"key": "org.unions_founded"}, "union_a1",
         query=lambda w: f"union={w.union_a1.pk}&period=2025"),
    page("reports:dashboard"),
    page("reports:dashboard_section", lambda w: {"section": "ORGANISATION"}, "union_a1",
         query=lambda w: f"union={w.union_a1.pk}&period=2025"),
    # the three administrators (三员分立)
    admin_page("accounts:users", "system"),
    admin_page("accounts:user_create", "system", get="form", post="write"),
    admin_page("accounts:user_deactivate", "system", pk("other_officer"), get=None, post="write"),
    admin_page("accounts:user_activate", "system", pk("other_officer"), get=None, post="write"),
    admin_page("accounts:grants", "security"),
    admin_page("accounts:grant_edit", "security", pk("other_officer"), get="form", post="write"),
    admin_page("accounts:lockouts", "security"),
    admin_page("accounts:lockout_clear", "security", get=None, post="write",
               body=lambda w: {"kind": "username", "value": "nobody"}),
    admin_page("accounts:access_log", "audit"),
    admin_page("accounts:access_log_export", "audit"),
    admin_page("accounts:history", "audit"),
    # org
    page("org:tree"),
    page("org:detail", pk("union_a1"), "union_a1"),
    form("org:create", pk("street_a"), "street_a"),
    form("org:edit", pk("union_a1")),
    form("org:move", pk("union_a1")),
    form("org:group_create", pk("union_a1")),
    form("org:seat_create", pk("union_a1")),
    form("org:enterprise_create", pk("union_a1")),
    page("org:enterprises"),
    form("org:enterprise_edit", lambda w: {"pk": w.union_a1.enterprises.get().pk}),
    # members
    page("members:list"),
    form("members:create", union_pk()),
    page("members:detail", pk("member_a1"), "union_a1"),
    form("members:edit", pk("member_a1")),
    page("members:reveal", pk("member_a1"), "union_a1", get=None, post="read", reveal=True),
    form("members:lifecycle", pk("member_a1")),
    form("members:transfer", pk("member_a1")),
    page("members:transfers"),
    button("members:transfer_decide", lambda w: {"pk": w.transfer.pk, "decision": "cancel"}),
    # rosters
    page("rosters:index"),
    form("rosters:import_create", owner=None),
    page("rosters:import_detail", pk("roster"), "union_a1"),
    page("rosters:import_progress", pk("roster"), "union_a1"),
    form("rosters:import_sheet", pk("roster")),
    form("rosters:import_mapping", pk("roster")),
    button("rosters:import_start", pk("roster")),
    button("rosters:import_cancel", pk("roster")),
    # The error file holds full ID numbers: the uploader or a user with the reveal grant downloads it.
    page("rosters:import_errors", pk("roster"), "union_a1", reveal=True),
    page("rosters:export", post="read", body=lambda w: {"format": "csv"}),
    page("rosters:export_detail", pk("export"), "union_a1"),
    page("rosters:export_progress", pk("export"), "union_a1"),
    page("rosters:export_download", pk("export"), "union_a1"),
    button("rosters:export_cancel", pk("export")),
    # plans
    page("plans:list"),
    page("plans:export"),
    page("plans:missing_export"),
    page("plans:year"),
    form("plans:create", union_pk()),
    page("plans:detail", pk("plan"), "union_a1"),
    form("plans:edit", pk("plan")),
    button("plans:file", pk("plan")),
    page("plans:calendar", pk("plan"), "union_a1"),
    page("plans:items_export", pk("plan"), "union_a1"),
    form("plans:item_create", pk("plan")),
    form("plans:item_edit", pk("item")),
    button("plans:item_delete", pk("item")),
    page("plans:templates"),
    form("plans:template_create", union_pk("street_a"), "street_a"),
    page("plans:template", pk("template"), "street_a", seen_below=True),
    form("plans:template_edit", pk("template"), "street_a"),
    button("plans:template_delete", pk("template"), "street_a"),
    form("plans:template_item_create", pk("template"), "street_a"),
    form("plans:template_item_edit", pk("template_item"), "street_a"),
    button("plans:template_item_delete", pk("template_item"), "street_a"),
    # ledger
    page("ledger:list"),
    page("ledger:export"),
    page("ledger:create_for", lambda w: {"kind": "activity"}),
    form("ledger:create", union_pk()),
    page("ledger:detail", pk("activity"), "union_a1"),
    form("ledger:edit", pk("activity")),
    button("ledger:delete", pk("activity")),
    form("ledger:attendance", pk("activity")),
    form("ledger:result_add", pk("activity")),
    button("ledger:result_delete", pk("result")),
    page("ledger:roster_search", union_pk(), "union_a1"),
    page("ledger:honours"),
    page("ledger:honour_export"),
    form("ledger:honour_create", union_pk()),
    page("ledger:honour_detail", pk("honour"), "union_a1"),
    form("ledger:honour_edit", pk("honour")),
    button("ledger:honour_delete", pk("honour")),
    page("ledger:news"),
    page("ledger:news_export"),
    page("ledger:news_tally"),
    form("ledger:news_create", union_pk()),
    page("ledger:news_detail", pk("news"), "union_a1"),
    form("ledger:news_edit", pk("news")),
    button("ledger:news_delete", pk("news")),
    page("ledger:rewards", union_pk("street_a"), "street_a", post="write"),
    button("ledger:reward_delete", pk("reward_rule"), "street_a"),
    form("ledger:attachment_add", lambda w: {"label": "activity", "pk": w.activity.pk}),
    page("ledger:attachment", pk("attachment"), "union_a1"),
    button("ledger:attachment_delete", pk("attachment")),
    page("ledger:member", pk("member_a1"), "union_a1"),
    # care
    page("care:index"),
    page("care:statistics"),
    page("care:files", care=True),
    page("care:files_export", care=True),
    form("care:file_apply", owner=None, care=True),
    page("care:watch", care=True),
    page("care:file_detail", pk("file"), "union_a1", care=True),
    form("care:file_edit", pk("file"), care=True),
    form("care:file_union_review", pk("file"), care=True),
    form("care:file_federation_review", pk("file"), care=True),
    form("care:file_yearly_review", pk("file"), care=True),
    form("care:file_aid", pk("file"), care=True),
    page("care:aid", care=True),
    page("care:aid_export", care=True),
    page("care:funds"),
    page("care:funds_export"),
    form("care:fund_create", owner=None),
    page("care:fund_detail", pk("fund"), "union_a1"),
    form("care:fund_contribute", pk("fund")),
    form("care:fund_payout", pk("fund"), care=True),
    page("care:visits"),
    page("care:visits_export"),
    form("care:visit_create", owner=None),
    page("care:grants"),
    page("care:grants_export"),
    form("care:grant_create", owner=None),
    page("care:units"),
    page("care:units_export"),
    form("care:unit_create", owner=None),
    page("care:medical_unit", pk("unit"), "union_a1"),
    form("care:unit_enrol", pk("unit")),
    form("care:unit_enrol_all", pk("unit")),
    page("care:enrolments"),
    page("care:enrolments_export"),
    page("care:enrolment_detail", pk("enrolment"), "union_a1"),
    form("care:enrolment_claim", pk("enrolment")),
    page("care:cards"),
    page("care:cards_export"),
    form("care:card_collect", owner=None),
    form("care:card_issue", pk("card")),
    # rights
    page("rights:statistics"),
    page("rights:disputes", care=True),
    page("rights:dispute_export", care=True),
    form("rights:dispute_create", union_pk(), care=True),
    page("rights:dispute_detail", pk("dispute"), "union_a1", care=True),
    form("rights:dispute_edit", pk("dispute"), care=True),
    form("rights:dispute_step", pk("dispute"), care=True),
    form("rights:dispute_close", pk("dispute"), care=True),
    page("rights:petitions", care=True),
    page("rights:petition_export", care=True),
    form("rights:petition_create", union_pk(), care=True),
    page("rights:petition_detail", pk("petition"), "union_a1", care=True),
    form("rights:petition_edit", pk("petition"), care=True),
    page("rights:bodies"),
    page("rights:body_export"),
    form("rights:body_create", union_pk()),
    page("rights:body_detail", pk("body"), "union_a1"),
    form("rights:mediator_create", pk("body")),
    form("rights:mediator_edit", pk("mediator")),
    page("rights:contracts"),
    page("rights:contract_export"),
    form("rights:contract_create", union_pk()),
    page("rights:contract_detail", pk("contract"), "union_a1"),
    form("rights:contract_edit", pk("contract")),
    # welfare: the same six pages for each kind of record, one of each in the world
    *(entry for kind in WELFARE_KINDS for entry in (
        page(f"welfare:{kind.name}_list"),
        page(f"welfare:{kind.name}_export"),
        form(f"welfare:{kind.name}_create", union_pk()),
        page(f"welfare:{kind.name}_detail", pk(f"welfare_{kind.name}"), "union_a1"),
        form(f"welfare:{kind.name}_edit", pk(f"welfare_{kind.name}")),
        button(f"welfare:{kind.name}_delete", pk(f"welfare_{kind.name}")),
    )),
    # outreach: a record about an enterprise is created from the enterprise it names (the form lists the user's)
    page("outreach:index"),
    *(entry for name, plural, by_union in (("survey", "surveys", False), ("gift", "gifts", False),
                                           ("merchant", "merchants", True), ("course", "courses", True),
                                           ("order", "orders", False))
      for entry in (page(f"outreach:{plural}"), page(f"outreach:{name}_export"),
                    form(f"outreach:{name}_create", union_pk()) if by_union else form(f"outreach:{name}_create", owner=None),
                    page(f"outreach:{name}_detail", pk(name), "union_a1"), form(f"outreach:{name}_edit", pk(name)),
                    button(f"outreach:{name}_delete", pk(name)))),
    # the API's own pages: the schema and its documentation are the same for every logged-in user
    page("api:openapi-json"),
    page("api:openapi-view"),
    # reports: the year-end summary of the union in the query (its page saves the draft; the plan button
    # starts the union's next year's plan)
    Entry("reports:summary", owner="union_a1", get="read", post="write",
          query=lambda w: f"union={w.union_a1.pk}&period=2025"),
    page("reports:summary_docx", owner="union_a1", query=lambda w: f"union={w.union_a1.pk}&period=2025"),
    Entry("reports:summary_reset", owner="union_a1", get=None, post="write", query=summary_draft_query),
    Entry("reports:summary_plan", owner="union_a1", get=None, post="write",
          query=lambda w: f"union={w.union_a1.pk}&period=2025"),
    # making the PDF is a read, like an export (the auditor may)
    Entry("reports:summary_pdf", owner="union_a1", get=None, post="read",
          query=lambda w: f"union={w.union_a1.pk}&period=2025"),
    # a PDF made with the care grant may state care figures: found only by those who hold the grant
    page("reports:summary_pdf_job", summary_pdf, "union_a1", care=True),
    page("reports:summary_pdf_download", summary_pdf, "union_a1", care=True),
]


def _upload(name: str, content: bytes):
    return SimpleUploadedFile(name, content)


def _id(name, attr):
    return lambda w: {name: getattr(w, attr).pk}


def _member(w):
    return {"name": "周强", "id_number": "bad", "join_date": DAY}


def _union(w):
    return {"name": "新工会", "code": "N1", "level": "grassroots"}


def _dispute(w):
    return {"enterprise_id": w.union_a1.enterprises.get().pk, "received_on": DAY, "kind": "wages",
            "workers_involved": 1}


def _contract(w):
    return {"kind": "wage", "title": "合同", "enterprise_ids": [w.union_a1.enterprises.get().pk], "signed_on": DAY,
            "term_start": DAY, "term_end": DAY, "workers_covered": 1}


ITEM = {"area": "culture", "title": "", "months": [1]}
ACTIVITY = {"kind": "meeting", "title": "会", "date": DAY}
HONOUR = {"recipient_type": "team", "title": "", "level": "city", "date": DAY, "awarding_body": "市总工会"}
NEWS = {"title": "", "date": DAY}
PETITION = {"received_on": DAY, "petitioner": "钱", "matter": "事"}
FILE = {"applied_on": DAY, "causes": ["illness"]}
A1 = "union_a1"

API = [
    # org
    api("GET /api/org/unions"),
    api("GET /api/org/unions/{union_id}", _id("union_id", A1), A1),
    api("PUT /api/org/unions/{union_id}", _id("union_id", A1), A1, body=_union),
    api("POST /api/org/unions/{union_id}/children", _id("union_id", "street_a"), "street_a",
        body=lambda w: {"name": "", "code": "N1", "level": "grassroots"}),
    api("GET /api/org/unions/{union_id}/coverage", _id("union_id", A1), A1),
    api("GET /api/org/enterprises"),
    api("POST /api/org/unions/{union_id}/enterprises", _id("union_id", A1), A1,
        body=lambda w: {"name": "新企业", "credit_code": "bad"}),
    api("PUT /api/org/enterprises/{enterprise_id}", lambda w: {"enterprise_id": w.union_a1.enterprises.get().pk}, A1,
        body=lambda w: {"name": "新企业", "credit_code": "bad"}),
    # members
    api("GET /api/members/"),
    api("GET /api/members/{member_id}", _id("member_id", "member_a1"), A1),
    api("PUT /api/members/{member_id}", _id("member_id", "member_a1"), A1, body=_member),
    api("POST /api/members/unions/{union_id}", _id("union_id", A1), A1, body=_member),
    # rosters
    api("GET /api/rosters/imports"),
    api("POST /api/rosters/imports", multipart=True, body=lambda w: {"file": _upload("名单.txt", b"not a roster")}),
    api("GET /api/rosters/imports/{import_id}", _id("import_id", "roster"), A1),
    api("POST /api/rosters/imports/{import_id}/start", _id("import_id", "roster"), A1, body=lambda w: {"mode": "x"}),
    api("POST /api/rosters/imports/{import_id}/cancel", _id("import_id", "roster"), A1),
    api("GET /api/rosters/exports/{export_id}", _id("export_id", "export"), A1),
    # plans
    api("GET /api/plans/"),
    api("POST /api/plans/unions/{union_id}", _id("union_id", A1), A1, body=lambda w: {"year": 1900}),
    api("GET /api/plans/templates"),
    api("GET /api/plans/missing", query=lambda w: "year=2025"),
    api("GET /api/plans/year", query=lambda w: "year=2025"),
    api("GET /api/plans/{plan_id}", _id("plan_id", "plan"), A1),
    api("PUT /api/plans/{plan_id}", _id("plan_id", "plan"), A1, body=lambda w: {"key_tasks": "x" * 5000}),
    api("POST /api/plans/{plan_id}/file", _id("plan_id", "plan"), A1),
    api("POST /api/plans/{plan_id}/items", _id("plan_id", "plan"), A1, body=lambda w: ITEM),
    api("PUT /api/plans/items/{item_id}", _id("item_id", "item"), A1, body=lambda w: ITEM),
    api("DELETE /api/plans/items/{item_id}", _id("item_id", "item"), A1),
    # ledger
    api("GET /api/ledger/activities"),
    api("POST /api/ledger/unions/{union_id}/activities", _id("union_id", A1), A1, body=lambda w: ACTIVITY),
    api("GET /api/ledger/activities/{activity_id}", _id("activity_id", "activity"), A1),
    api("PUT /api/ledger/activities/{activity_id}", _id("activity_id", "activity"), A1, body=lambda w: ACTIVITY),
    api("DELETE /api/ledger/activities/{activity_id}", _id("activity_id", "activity"), A1),
    api("POST /api/ledger/activities/{activity_id}/attendance", _id("activity_id", "activity"), A1,
        body=lambda w: {"attended_ids": [w.member_b1.pk]}),
    api("GET /api/ledger/activities/{activity_id}/results", _id("activity_id", "activity"), A1),
    api("POST /api/ledger/activities/{activity_id}/results", _id("activity_id", "activity"), A1,
        body=lambda w: {"rank": 0}),
    api("GET /api/ledger/honours"),
    api("POST /api/ledger/unions/{union_id}/honours", _id("union_id", A1), A1, body=lambda w: HONOUR),
    api("GET /api/ledger/honours/{honour_id}", _id("honour_id", "honour"), A1),
    api("PUT /api/ledger/honours/{honour_id}", _id("honour_id", "honour"), A1, body=lambda w: HONOUR),
    api("DELETE /api/ledger/honours/{honour_id}", _id("honour_id", "honour"), A1),
    api("GET /api/ledger/news"),
    api("POST /api/ledger/unions/{union_id}/news", _id("union_id", A1), A1, body=lambda w: NEWS),
    api("GET /api/ledger/news/tally", query=lambda w: "year=2025"),
    api("GET /api/ledger/news/{report_id}", _id("report_id", "news"), A1),
    api("PUT /api/ledger/news/{report_id}", _id("report_id", "news"), A1, body=lambda w: NEWS),
    api("DELETE /api/ledger/news/{report_id}", _id("report_id", "news"), A1),
    api("GET /api/ledger/unions/{union_id}/reward-rules", _id("union_id", "street_a"), "street_a"),
    api("POST /api/ledger/unions/{union_id}/reward-rules", _id("union_id", "street_a"), "street_a",
        body=lambda w: {"min_count": 0, "reward": "x"}),
    api("DELETE /api/ledger/reward-rules/{rule_id}", _id("rule_id", "reward_rule"), "street_a"),
    api("GET /api/ledger/{label}/{entry_id}/attachments", lambda w: {"label": "activity", "entry_id": w.activity.pk},
        A1),
    api("POST /api/ledger/{label}/{entry_id}/attachments", lambda w: {"label": "activity", "entry_id": w.activity.pk},
        A1, multipart=True, body=lambda w: {"file": _upload("说明.exe", b"MZ")}),
    api("DELETE /api/ledger/attachments/{attachment_id}", _id("attachment_id", "attachment"), A1),
    api("GET /api/ledger/members/{member_id}", _id("member_id", "member_a1"), A1),
    # care
    api("GET /api/care/hardship/files", care=True),
    api("POST /api/care/hardship/files", owner=A1, care=True, body_target=True,
        body=lambda w: {**FILE, "member": w.member_a1.pk}),
    api("GET /api/care/hardship/files/{file_id}", _id("file_id", "file"), A1, care=True),
    api("PUT /api/care/hardship/files/{file_id}", _id("file_id", "file"), A1, care=True, body=lambda w: FILE),
    api("POST /api/care/hardship/files/{file_id}/union-review", _id("file_id", "file"), A1, care=True,
        body=lambda w: {"approve": True, "on_date": DAY}),
    api("POST /api/care/hardship/files/{file_id}/federation-review", _id("file_id", "file"), A1, care=True,
        body=lambda w: {"approve": True, "on_date": DAY}),
    api("POST /api/care/hardship/files/{file_id}/yearly-review", _id("file_id", "file"), A1, care=True,
        body=lambda w: {"outcome": "bad", "on_date": DAY}),
    api("POST /api/care/hardship/files/{file_id}/aid", _id("file_id", "file"), A1, care=True,
        body=lambda w: {"kind": "living", "amount": "-1", "paid_on": DAY, "fund_source": "own_funds"}),
    api("GET /api/care/hardship/aid", care=True),
    api("GET /api/care/hardship/watch", care=True),
    api("GET /api/care/funds"),
    api("POST /api/care/funds", owner=A1, body_target=True,
        body=lambda w: {"enterprise": w.union_a1.enterprises.get().pk, "established_on": DAY}),
    api("GET /api/care/funds/{fund_id}", _id("fund_id", "fund"), A1),
    api("POST /api/care/funds/{fund_id}/contributions", _id("fund_id", "fund"), A1,
        body=lambda w: {"amount": "-1", "on_date": DAY}),
    api("GET /api/care/funds/{fund_id}/payouts", _id("fund_id", "fund"), A1, care=True),
    api("POST /api/care/funds/{fund_id}/payouts", _id("fund_id", "fund"), A1, care=True,
        body=lambda w: {"member": w.member_a1.pk, "amount": "-1", "paid_on": DAY, "reason": "x"}),
    api("GET /api/care/visits"),
    api("POST /api/care/visits", owner=A1, body_target=True,
        body=lambda w: {"member": w.member_a1.pk, "reason": "illness", "visited_on": DAY, "visitors": "x"}),
    api("GET /api/care/schooling-grants"),
    api("POST /api/care/schooling-grants", owner=A1, body_target=True,
        body=lambda w: {"member": w.member_a1.pk, "student_name": "x", "school_level": "university",
                        "amount": "-1", "granted_on": DAY}),
    api("GET /api/care/medical/units"),
    api("POST /api/care/medical/units", owner=A1, body_target=True,
        body=lambda w: {"union": w.union_a1.pk, "year": 1900}),
    api("POST /api/care/medical/units/{unit_id}/enrolments", _id("unit_id", "unit"), A1,
        body=lambda w: {"member": w.member_a1.pk, "category": "employed", "enrolled_on": DAY}),
    api("POST /api/care/medical/units/{unit_id}/whole-unit", _id("unit_id", "unit"), A1,
        body=lambda w: {"enrolled_on": DAY}),
    api("GET /api/care/medical/enrolments"),
    api("POST /api/care/medical/enrolments/{enrolment_id}/claims", _id("enrolment_id", "enrolment"), A1,
        body=lambda w: {"amount": "-1", "paid_on": DAY}),
    api("GET /api/care/service-cards"),
    api("POST /api/care/service-cards", owner=A1, body_target=True,
        body=lambda w: {"member": w.member_a1.pk, "collected_on": DAY}),
    api("POST /api/care/service-cards/{card_id}/issue", _id("card_id", "card"), A1,
        body=lambda w: {"issued_on": DAY}),
    api("GET /api/care/statistics", owner=A1,
        query=lambda w: f"union_id={w.union_a1.pk}&start=2025-01-01&end=2025-12-31"),
    # rights
    api("GET /api/rights/bodies"),
    api("POST /api/rights/unions/{union_id}/bodies", _id("union_id", A1), A1, body=lambda w: {"name": ""}),
    api("GET /api/rights/bodies/{body_id}", _id("body_id", "body"), A1),
    api("POST /api/rights/bodies/{body_id}/mediators", _id("body_id", "body"), A1, body=lambda w: {"name": ""}),
    api("GET /api/rights/disputes", care=True),
    api("POST /api/rights/unions/{union_id}/disputes", _id("union_id", A1), A1, care=True, body=_dispute),
    api("GET /api/rights/disputes/{case_id}", _id("case_id", "dispute"), A1, care=True),
    api("PUT /api/rights/disputes/{case_id}", _id("case_id", "dispute"), A1, care=True, body=_dispute),
    api("POST /api/rights/disputes/{case_id}/steps", _id("case_id", "dispute"), A1, care=True,
        body=lambda w: {"on_date": DAY, "action": ""}),
    api("POST /api/rights/disputes/{case_id}/close", _id("case_id", "dispute"), A1, care=True,
        body=lambda w: {"outcome": "bad", "closed_on": DAY}),
    api("GET /api/rights/petitions", care=True),
    api("POST /api/rights/unions/{union_id}/petitions", _id("union_id", A1), A1, care=True,
        body=lambda w: PETITION),
    api("GET /api/rights/petitions/{petition_id}", _id("petition_id", "petition"), A1, care=True),
    api("PUT /api/rights/petitions/{petition_id}", _id("petition_id", "petition"), A1, care=True,
        body=lambda w: PETITION),
    api("GET /api/rights/contracts"),
    api("POST /api/rights/unions/{union_id}/contracts", _id("union_id", A1), A1, body=_contract),
    api("GET /api/rights/contracts/{contract_id}", _id("contract_id", "contract"), A1),
    api("PUT /api/rights/contracts/{contract_id}", _id("contract_id", "contract"), A1, body=_contract),
    api("GET /api/rights/unions/{union_id}/statistics", _id("union_id", A1), A1),
    # welfare: each kind's list, and its create with a date every service refuses
    *(entry for kind in WELFARE_KINDS for entry in (
        api(f"GET /api/welfare/{kind.path}"),
        api(f"POST /api/welfare/unions/{{union_id}}/{kind.path}", _id("union_id", A1), A1,
            body=lambda w, field=kind.model.DATE_FIELD: {field: DAY}),
    )),
    # outreach
    api("GET /api/outreach/surveys"),
    api("POST /api/outreach/surveys", owner=A1, body_target=True, body=lambda w: {
        "enterprise_id": w.union_a1.enterprises.get().pk, "surveyed_on": DAY, "workers_reached": 1, "topic": "x"}),
    api("GET /api/outreach/gifts"),
    api("POST /api/outreach/gifts", owner=A1, body_target=True, body=lambda w: {
        "enterprise_id": w.union_a1.enterprises.get().pk, "given_on": DAY, "item": "x", "quantity": 1}),
    api("GET /api/outreach/merchants"),
    api("POST /api/outreach/unions/{union_id}/merchants", _id("union_id", A1), A1,
        body=lambda w: {"name": "x", "offer": "x", "contracted_on": DAY}),
    api("GET /api/outreach/courses"),
    api("POST /api/outreach/unions/{union_id}/courses", _id("union_id", A1), A1,
        body=lambda w: {"title": "", "series": "x"}),
    api("GET /api/outreach/orders"),
    api("POST /api/outreach/orders", owner=A1, body_target=True, body=lambda w: {
        "enterprise_id": w.union_a1.enterprises.get().pk, "course_id": w.course.pk, "ordered_on": DAY}),
    # reports: the figures and the records behind one, of the union in the query
    api("GET /api/reports/figures", owner=A1, query=lambda w: f"union={w.union_a1.pk}&period=2025"),
    api("GET /api/reports/figures/{key}/records", lambda w: {"key": "org.unions_founded"}, A1,
        query=lambda w: f"union={w.union_a1.pk}&period=2025"),
    admin_page("GET /api/accounts/access-log", "audit"),
    admin_page("GET /api/accounts/history", "audit"),
]

for _part in parts.modules():  # the newer apps' entries (tests/access/parts)
    PAGES += _part.PAGES
    API += _part.API

MATRIX = {entry.route: entry for entry in PAGES + API}
assert len(MATRIX) == len(PAGES) + len(API), "an endpoint has two entries"
