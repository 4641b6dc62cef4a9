"""Finance in the access walk: union_a1's books with a draft and a posted voucher (an invoice on the draft), an
activity waiting for its voucher, a 2% payment, the county's sharing table and spending rules, and an audit of
union_a1 by the street's audit committee with a finding and its notice."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gonghui.finance import services
from gonghui.finance.selectors import books_of
from gonghui.ledger.services import activity_create

from ..matrix import DAY, api, button, form, page, pk, union_pk

A1 = "union_a1"


def _id(name, attr):
    return lambda w: {name: getattr(w, attr).pk}


def _lines(amount="100.00"):
    return [{"code": "50102", "debit": amount}, {"code": "102", "credit": amount}]


def build(world) -> dict:
    officer, a1, today = world.officer, world.union_a1, timezone.localdate()
    draft = services.voucher_create(actor=officer, union=a1, date=today, summary="购买文体器材", lines=_lines())
    attachment = services.voucher_attachment_add(actor=officer, voucher=draft,
                                                 file=SimpleUploadedFile("发票.pdf", b"%PDF-1.4\n%%EOF\n"))
    posted = services.voucher_post(actor=world.officer_no_care, voucher=services.voucher_create(
        actor=officer, union=a1, date=today, summary="收取会费", lines=[
            {"code": "102", "debit": "300"}, {"code": "401", "credit": "300"}]))
    activity = activity_create(actor=officer, union=a1, kind="culture_sports", title="职工拔河比赛", date=today,
                               participant_count=20, cost=Decimal("800"))
    county = world.county
    services.sharing_table_create(actor=world.county_admin, union=county, province="浙江省",
                                  effective_from=today - timedelta(days=400), grassroots=60, county=40)
    services.spending_rules_create(actor=world.county_admin, union=county, province="浙江省",
                                   effective_from=today - timedelta(days=400), gift_limit=1000)
    services.dues_rate_create(actor=world.county_admin, union=county, province="浙江省",
                              effective_from=today - timedelta(days=400), rate="0.5")
    services.dues_receive(actor=officer, union=a1, month=today, members=30, wages=Decimal("150000"),
                          received_on=today)
    payment = services.allocation_receive(actor=officer, enterprise=a1.enterprises.get(), month=today,
                                          payroll=Decimal("100000"), channel="direct", received_on=today)
    audit = services.audit_project_create(actor=world.street_admin, committee=world.street_a, union=a1,
                                          year=today.year - 1, title="上年度经费审查", scope=["spending"],
                                          started_on=today)
    services.audit_finding_add(actor=world.street_admin, project=audit, area="spending", description="慰问品超标",
                               rule="经费开支规定", amount=Decimal("500"))
    services.audit_notice(actor=world.street_admin, project=audit, notice="限期整改", deadline=today)
    return {"fin_draft": draft, "fin_attachment": attachment, "fin_posted": posted, "fin_activity": activity,
            "fin_payment": payment, "fin_audit": audit, "fin_books": books_of(union=a1, year=today.year),
            "fin_enterprise": a1.enterprises.get()}


def _year(w) -> str:
    return f"year={timezone.localdate().year}"


PAGES = [
    page("finance:index"),
    page("finance:vouchers"),
    page("finance:vouchers_export"),
    form("finance:voucher_create", union_pk()),
    page("finance:voucher_detail", pk("fin_posted"), A1),
    form("finance:voucher_edit", pk("fin_draft")),
    button("finance:voucher_review", pk("fin_draft")),
    button("finance:voucher_post", pk("fin_draft")),
    button("finance:voucher_reverse", pk("fin_posted")),
    button("finance:voucher_delete", pk("fin_draft")),
    form("finance:attachment_add", pk("fin_draft")),
    page("finance:attachment", pk("fin_attachment"), A1),
    page("finance:lines"),
    page("finance:lines_export"),
    page("finance:suggestions"),
    button("finance:suggestion_accept", lambda w: {"kind": "activity", "pk": w.fin_activity.pk}),
    page("finance:books"),
    form("finance:books_edit", pk("fin_books")),
    button("finance:period_close", pk("fin_books")),
    button("finance:report_file", pk("fin_books")),
    page("finance:filings"),
    page("finance:filings_export"),
    page("finance:report", lambda w: {"kind": "02"}),
    page("finance:report_export", lambda w: {"kind": "01"}),
    page("finance:assessment"),
    page("finance:budgets"),
    form("finance:budget_set", union_pk()),
    page("finance:allocations"),
    page("finance:allocations_export"),
    form("finance:allocation_create", union_pk()),
    page("finance:arrears"),
    page("finance:dues"),
    page("finance:dues_export"),
    form("finance:dues_create", union_pk()),
    form("finance:dues_rate_create", union_pk("county"), "county"),
    page("finance:settings"),
    form("finance:sharing_create", union_pk("county"), "county"),
    form("finance:rules_create", union_pk("county"), "county"),
    page("finance:audits"),
    page("finance:audits_export"),
    form("finance:audit_create", union_pk("street_a"), "street_a"),
    page("finance:audit_detail", pk("fin_audit"), A1),
    form("finance:finding_add", pk("fin_audit")),
    form("finance:audit_notice", pk("fin_audit")),
    form("finance:audit_feedback", pk("fin_audit")),
    button("finance:audit_close", pk("fin_audit")),
    page("finance:findings"),
    page("finance:findings_export"),
]

API = [
    api("GET /api/finance/vouchers"),
    api("POST /api/finance/unions/{union_id}/vouchers", _id("union_id", A1), A1,
        body=lambda w: {"date": DAY, "summary": "凭证", "lines": _lines()}),
    api("GET /api/finance/vouchers/{voucher_id}", _id("voucher_id", "fin_posted"), A1),
    api("PUT /api/finance/vouchers/{voucher_id}", _id("voucher_id", "fin_draft"), A1,
        body=lambda w: {"date": DAY, "summary": "凭证", "lines": _lines()}),
    api("DELETE /api/finance/vouchers/{voucher_id}", _id("voucher_id", "fin_posted"), A1),
    api("POST /api/finance/vouchers/{voucher_id}/review", _id("voucher_id", "fin_draft"), A1),
    api("POST /api/finance/vouchers/{voucher_id}/post", _id("voucher_id", "fin_draft"), A1),
    api("POST /api/finance/vouchers/{voucher_id}/reverse", _id("voucher_id", "fin_posted"), A1),
    api("GET /api/finance/unions/{union_id}/suggestions", _id("union_id", A1), A1, query=_year),
    api("POST /api/finance/suggestions/{kind}/{record_id}/accept",
        lambda w: {"kind": "activity", "record_id": w.fin_activity.pk}, A1),
    api("GET /api/finance/unions/{union_id}/reports/{kind}", lambda w: {"union_id": w.union_a1.pk, "kind": "02"}, A1,
        query=_year),
    api("POST /api/finance/vouchers/{voucher_id}/attachments", _id("voucher_id", "fin_draft"), A1,
        multipart=True, body=lambda w: {"file": SimpleUploadedFile("发票.exe", b"MZ")}),
    api("POST /api/finance/unions/{union_id}/books", _id("union_id", A1), A1, body=lambda w: {"year": 2099}),
    api("POST /api/finance/unions/{union_id}/close", _id("union_id", A1), A1,
        body=lambda w: {"year": 2099, "month": 1}),
    api("POST /api/finance/unions/{union_id}/budgets", _id("union_id", A1), A1,
        body=lambda w: {"year": 2099, "code": "506", "amount": "1"}),
    api("GET /api/finance/unions/{union_id}/budgets", _id("union_id", A1), A1, query=_year),
    api("POST /api/finance/enterprises/{enterprise_id}/allocations", _id("enterprise_id", "fin_enterprise"), A1,
        body=lambda w: {"month": DAY, "payroll": "1000", "channel": "direct", "received_on": DAY}),
    api("GET /api/finance/arrears"),
    api("GET /api/finance/unions/{union_id}/assessment", _id("union_id", A1), A1, query=_year),
    api("POST /api/finance/unions/{union_id}/sharing-tables", _id("union_id", "county"), "county",
        body=lambda w: {"province": "浙江省", "effective_from": DAY, "grassroots": "60"}),
    api("POST /api/finance/unions/{union_id}/spending-rules", _id("union_id", "county"), "county",
        body=lambda w: {"province": "浙江省", "effective_from": DAY, "gift_limit": "-1"}),
    api("POST /api/finance/unions/{union_id}/audits", _id("union_id", "street_a"), "street_a",
        body=lambda w: {"union_id": w.union_a1.pk, "year": 2099, "title": "审查", "scope": [], "started_on": DAY}),
    api("POST /api/finance/audits/{audit_id}/findings", _id("audit_id", "fin_audit"), A1,
        body=lambda w: {"area": "spending", "description": "", "rule": "", "amount": "1"}),
    api("POST /api/finance/audits/{audit_id}/notice", _id("audit_id", "fin_audit"), A1,
        body=lambda w: {"notice": "", "deadline": DAY}),
    api("POST /api/finance/audits/{audit_id}/feedback", _id("audit_id", "fin_audit"), A1,
        body=lambda w: {"feedback": ""}),
    api("POST /api/finance/audits/{audit_id}/close", _id("audit_id", "fin_audit"), A1),
    api("GET /api/finance/lines"),
    api("GET /api/finance/allocations"),
    api("GET /api/finance/audits"),
    api("GET /api/finance/dues"),
    api("GET /api/finance/filings"),
    api("POST /api/finance/books/{books_id}/filings", _id("books_id", "fin_books"), A1),
    api("POST /api/finance/unions/{union_id}/dues", _id("union_id", A1), A1,
        body=lambda w: {"month": DAY, "members": 0, "wages": "1000", "received_on": DAY}),
    api("POST /api/finance/unions/{union_id}/dues-rates", _id("union_id", "county"), "county",
        body=lambda w: {"province": "浙江省", "effective_from": DAY, "rate": "0"}),
    api("GET /api/finance/findings"),
]
