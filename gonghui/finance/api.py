"""/api/finance/: vouchers (prepare, review, post, reverse), suggested vouchers, the reports, closing, budgets,
the 2% allocation and arrears, the province tables, and audits, through the same selectors and services as
the pages; the lists take the pages' filters."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from gonghui.core.api import Page, created, RecordId, Year
from gonghui.core.filters import list_route
from gonghui.core.scoping import get_visible_or_404
from gonghui.org.api_routes import RecordRoutes
from gonghui.org.models import Enterprise
from gonghui.org.selectors import union_get

from . import selectors, services, statements
from .models import LineKind
from .views import LISTS

router = Router(tags=["finance"])


class LineIn(Schema):
    code: str
    debit: str | None = None
    credit: str | None = None
    summary: str = ""
    kind: str = LineKind.ORDINARY
    headcount: int = 0


class VoucherIn(Schema):
    date: date
    summary: str
    attachment_count: int = 0
    lines: list[LineIn]


class LineOut(Schema):
    id: int
    code: str
    summary: str
    debit: Decimal
    credit: Decimal
    kind: str
    source_model: str | None = None
    source_id: int | None

    @staticmethod
    def resolve_source_model(obj) -> str | None:
        return obj.source_type.model if obj.source_type_id else None


class VoucherOut(Schema):
    id: int
    union_id: int
    year: int
    number: int
    date: date
    summary: str
    status: str
    prepared_by_id: int
    reviewed_by_id: int | None
    approved_by_id: int | None
    posted_on: date | None
    reverses_id: int | None


class VoucherDetail(VoucherOut):
    lines: list[LineOut]
    warnings: list[str]


class PostedLineOut(Schema):
    id: int
    union_id: int
    voucher_id: int
    date: date
    code: str
    summary: str
    debit: Decimal
    credit: Decimal


def _detail(voucher) -> dict:
    lines = [LineOut.from_orm(line).dict() for line in selectors.voucher_lines(voucher=voucher)]
    return {**VoucherOut.from_orm(voucher).dict(), "lines": lines,
            "warnings": selectors.voucher_warnings(voucher=voucher)}


@router.post("/unions/{union_id}/vouchers", response={201: VoucherDetail}, summary="编制记账凭证（借贷须平衡）")
def create_voucher(request, union_id: RecordId, data: VoucherIn):
    union = union_get(user=request.user, pk=union_id)
    fields = data.dict()
    voucher = services.voucher_create(actor=request.user, union=union, **fields)
    return Status(201, _detail(voucher))


@router.get("/vouchers/{voucher_id}", response=VoucherDetail, summary="凭证及其分录、开支规定提示")
def get_voucher(request, voucher_id: RecordId):
    return _detail(selectors.voucher_get(user=request.user, pk=voucher_id))


def _voucher_action(path: str, summary: str, action) -> None:
    def act(request, voucher_id: RecordId):
        voucher = selectors.voucher_get(user=request.user, pk=voucher_id)
        return _detail(action(actor=request.user, voucher=voucher))

    router.post(path, response=VoucherDetail, summary=summary,
                operation_id=f"finance_voucher_{path.rsplit('/', 1)[-1]}")(act)


_voucher_action("/vouchers/{voucher_id}/review", "审核凭证（制单人不能审核）", services.voucher_review)
_voucher_action("/vouchers/{voucher_id}/post", "审批记账（制单人不能审批）", services.voucher_post)
_voucher_action("/vouchers/{voucher_id}/reverse", "冲销已记账凭证（生成待记账的冲销凭证）", services.voucher_reverse)


@router.put("/vouchers/{voucher_id}", response=VoucherDetail, summary="修改未记账凭证（修改后须重新审核）")
def update_voucher(request, voucher_id: RecordId, data: VoucherIn):
    voucher = selectors.voucher_get(user=request.user, pk=voucher_id)
    return _detail(services.voucher_update(actor=request.user, voucher=voucher, **data.dict()))


@router.delete("/vouchers/{voucher_id}", response={204: None}, summary="删除未记账凭证")
def delete_voucher(request, voucher_id: RecordId):
    services.voucher_delete(actor=request.user, voucher=selectors.voucher_get(user=request.user, pk=voucher_id))
    return Status(204, None)


class SuggestionOut(Schema):
    kind: str
    record_id: int
    union_id: int
    date: date
    summary: str
    amount: Decimal
    code: str


@router.get("/unions/{union_id}/suggestions", response=list[SuggestionOut], summary="待生成凭证的支出记录")
def list_suggestions(request, union_id: RecordId, year: Year):
    union = union_get(user=request.user, pk=union_id)
    return [{"kind": s.kind.key, "record_id": s.record.pk, "union_id": s.record.union_id, "date": s.date,
             "summary": s.summary, "amount": s.amount, "code": s.code}
            for s in selectors.suggestions(user=request.user, union=union, year=year)]


@router.post("/suggestions/{kind}/{record_id}/accept", response={201: VoucherDetail}, summary="按支出记录生成凭证")
def accept_suggestion(request, kind: str, record_id: RecordId):
    source = selectors.source_get(user=request.user, kind=kind, pk=record_id)
    return Status(201, _detail(services.voucher_from_source(actor=request.user, source=source)))


class RowOut(Schema):
    line: int
    label: str
    code: str
    total: bool
    values: list[Decimal]


class StatementOut(Schema):
    form_number: str
    title: str
    union_id: int
    consolidated: bool
    period: str
    columns: list[str]
    rows: list[RowOut]
    signers: dict[str, str]


@router.get("/unions/{union_id}/reports/{kind}", response=StatementOut,
            summary="工会01表 资产负债表 / 工会02表 收入支出表（month 为空即年报；consolidated 汇总下级）")
def get_report(request, union_id: RecordId, kind: str, year: Year, month: int | None = None,
               consolidated: bool = False):
    union = union_get(user=request.user, pk=union_id)
    build = {"01": statements.balance_sheet, "02": statements.income_statement}.get(kind)
    if build is None:
        raise Http404
    if month is not None and not 1 <= month <= 12:
        raise ValidationError({"month": "月份应在1至12之间"})
    report = build(user=request.user, union=union, year=year, month=month,
                   consolidated=consolidated and union.is_federation)
    return {"form_number": report.form_number, "title": report.title, "union_id": union.pk,
            "consolidated": report.consolidated, "period": report.period_label, "columns": list(report.columns),
            "rows": [{"line": row.line, "label": row.label.strip(), "code": row.code, "total": row.total,
                      "values": list(row.values)} for row in report.rows],
            "signers": dict(report.signers)}


class BooksIn(Schema):
    year: Year
    legal_representative: str = ""
    finance_head: str = ""
    accounting_head: str = ""


class AttachmentOut(Schema):
    id: int
    voucher_id: int
    name: str
    file_type: str
    size: int


@router.post("/vouchers/{voucher_id}/attachments", response={201: AttachmentOut},
             summary="上传原始单据（发票、收据）；下载地址 /finance/attachments/{id}/")
def add_attachment(request, voucher_id: RecordId, file: File[UploadedFile]):
    voucher = selectors.voucher_get(user=request.user, pk=voucher_id)
    return created(request, services.voucher_attachment_add, voucher=voucher, file=file)


class CloseIn(Schema):
    year: Year
    month: int


class BooksOut(Schema):
    id: int
    union_id: int
    year: int
    chart: str
    closed_month: int


@router.post("/unions/{union_id}/books", response=BooksOut, summary="建账（按本级会计科目表）并填写报表签章人")
def open_books(request, union_id: RecordId, data: BooksIn):
    union = union_get(user=request.user, pk=union_id)
    return services.books_open(actor=request.user, union=union, **data.dict())


@router.post("/unions/{union_id}/close", response=BooksOut, summary="月结（12月即年结）")
def close_period(request, union_id: RecordId, data: CloseIn):
    union = union_get(user=request.user, pk=union_id)
    return services.period_close(actor=request.user, union=union, year=data.year, month=data.month).books


class FilingOut(Schema):
    id: int
    union_id: int
    books_id: int
    month: int
    filed_on: date
    filed_by_id: int


@router.post("/books/{books_id}/filings", response={201: FilingOut},
             summary="向上级报送下一个已结账月份的报表（12月连同年报）")
def file_reports(request, books_id: RecordId):
    books = selectors.books_get(user=request.user, pk=books_id)
    return created(request, services.report_file, books=books)


class BudgetIn(Schema):
    year: Year
    code: str
    amount: str


class BudgetRowOut(Schema):
    code: str
    name: str
    budget: Decimal | None
    actual: Decimal


@router.post("/unions/{union_id}/budgets", response={201: BudgetRowOut}, summary="编制预算（按科目）")
def set_budget(request, union_id: RecordId, data: BudgetIn):
    union = union_get(user=request.user, pk=union_id)
    budget = services.budget_set(actor=request.user, union=union, **data.dict())
    row = next(r for r in selectors.budget_execution(user=request.user, union=union, year=budget.year)
               if r.code == budget.code)
    return Status(201, row)


@router.get("/unions/{union_id}/budgets", response=list[BudgetRowOut], summary="预算执行（预算数与执行数）")
def list_budgets(request, union_id: RecordId, year: Year):
    union = union_get(user=request.user, pk=union_id)
    return selectors.budget_execution(user=request.user, union=union, year=year)


class AllocationIn(Schema):
    month: date
    payroll: str
    channel: str
    received_on: date


class AllocationOut(Schema):
    id: int
    union_id: int
    enterprise_id: int
    month: date
    payroll: Decimal
    amount: Decimal
    channel: str
    received_on: date
    own_share: Decimal
    upper_share: Decimal
    voucher_id: int | None


@router.post("/enterprises/{enterprise_id}/allocations", response={201: AllocationOut},
             summary="登记企业拨缴经费（2%，按分成比例生成收款凭证）")
def receive_allocation(request, enterprise_id: RecordId, data: AllocationIn):
    enterprise = get_visible_or_404(Enterprise.objects.select_related("union"), request.user, pk=enterprise_id)
    return created(request, services.allocation_receive, enterprise=enterprise, **data.dict())


class ArrearsOut(Schema):
    id: int
    union_id: int
    name: str
    last_paid: date | None


@router.get("/arrears", response=list[ArrearsOut], summary="欠缴工会经费超过3个月的企业")
def list_arrears(request):
    return list(selectors.arrears_list(user=request.user)[:1000])


class AssessmentItemOut(Schema):
    label: str
    done: int
    due: int


class AssessmentOut(Schema):
    union_id: int
    score: str
    items: list[AssessmentItemOut]


@router.get("/unions/{union_id}/assessment", response=list[AssessmentOut],
            summary="财务规范化考核：各建账工会由账簿计得的考核项")
def get_assessment(request, union_id: RecordId, year: Year):
    union = union_get(user=request.user, pk=union_id)
    return [{"union_id": row.union.pk, "score": row.score,
             "items": [{"label": label, "done": done, "due": due} for label, done, due in row.items]}
            for row in selectors.books_assessment(user=request.user, union=union, year=year)]


def _union_write(path: str, schema: type[Schema], out: type[Schema], service, summary: str) -> None:
    """`POST /unions/{union_id}/<path>`: the union read scoped, the body handed to one service, 201 and the record."""
    def write(request, union_id: RecordId, data: schema):
        union = union_get(user=request.user, pk=union_id)
        return Status(201, service(actor=request.user, union=union, **data.dict()))

    router.post(f"/unions/{{union_id}}/{path}", response={201: out}, summary=summary,
                operation_id=f"finance_{service.__name__}")(write)


class ProvinceIn(Schema):
    province: str
    effective_from: date


class ProvinceOut(ProvinceIn):
    id: int
    union_id: int


class SharingIn(ProvinceIn):
    grassroots: str
    street: str = "0"
    county: str = "0"
    city: str = "0"
    province_share: str = "0"
    national: str = "0"


class SharingOut(ProvinceOut):
    grassroots: Decimal
    street: Decimal
    county: Decimal
    city: Decimal
    province_share: Decimal
    national: Decimal


class RulesIn(ProvinceIn):
    gift_limit: str
    cash_gifts_banned: bool = True
    equipment_threshold: str = "1000"


class RulesOut(ProvinceOut):
    gift_limit: Decimal
    cash_gifts_banned: bool
    equipment_threshold: Decimal


class DuesRateIn(ProvinceIn):
    rate: str


class DuesRateOut(ProvinceOut):
    rate: Decimal


class DuesIn(Schema):
    month: date
    members: int
    wages: str
    received_on: date


class DuesOut(Schema):
    id: int
    union_id: int
    month: date
    members: int
    wages: Decimal
    amount: Decimal
    rate_id: int
    received_on: date
    voucher_id: int | None


_union_write("sharing-tables", SharingIn, SharingOut, services.sharing_table_create, "制定拨缴经费分成比例（合计100%）")
_union_write("spending-rules", RulesIn, RulesOut, services.spending_rules_create, "制定经费开支规定")
_union_write("dues-rates", DuesRateIn, DuesRateOut, services.dues_rate_create, "制定会费标准（会员月工资的%）")
_union_write("dues", DuesIn, DuesOut, services.dues_receive, "登记会费收缴（按会费标准计算，生成收款凭证）")


class AuditIn(Schema):
    union_id: RecordId
    year: Year
    title: str
    scope: list[str]
    started_on: date


class AuditOut(Schema):
    id: int
    union_id: int
    committee_id: int
    year: int
    title: str
    scope: list[str]
    started_on: date
    status: str
    notice: str
    deadline: date | None
    feedback: str
    closed_on: date | None


class FindingIn(Schema):
    area: str
    description: str
    rule: str
    amount: str = "0"


class FindingOut(Schema):
    id: int
    project_id: int
    union_id: int
    area: str
    description: str
    rule: str
    amount: Decimal
    found_on: date


class NoticeIn(Schema):
    notice: str
    deadline: date


class FeedbackIn(Schema):
    feedback: str


@router.post("/unions/{union_id}/audits", response={201: AuditOut}, summary="新建经费审查项目（本级经审会审查本级或下级）")
def create_audit(request, union_id: RecordId, data: AuditIn):
    committee = union_get(user=request.user, pk=union_id)
    fields = data.dict()
    audited = union_get(user=request.user, pk=fields.pop("union_id"))
    return created(request, services.audit_project_create, committee=committee, union=audited, **fields)


AUDITS = RecordRoutes(router, __name__, "audit", plural="audits", key="audit_id", find=selectors.audit_get,
                      record="project", key_type=RecordId, body="data")
AUDITS.add("findings", services.audit_finding_add, FindingOut, FindingIn, name="add_finding", summary="登记审查发现问题")
AUDITS.act("notice", services.audit_notice, AuditOut, NoticeIn, name="give_notice", summary="下达整改通知")
AUDITS.act("feedback", services.audit_feedback, AuditOut, FeedbackIn, name="give_feedback", summary="被审查工会反馈整改情况")
AUDITS.act("close", services.audit_close, AuditOut, name="close_audit", summary="销号")


# The lists' filters and selectors are their pages' (views.LISTS).
for _name, _out, _summary in (
        ("vouchers", VoucherOut, "记账凭证列表"), ("lines", PostedLineOut, "明细账（已记账分录）"),
        ("allocations", AllocationOut, "拨缴经费列表"), ("filings", FilingOut, "报表报送列表"),
        ("dues", DuesOut, "会费收缴列表"), ("audits", AuditOut, "经费审查项目"), ("findings", FindingOut, "审查发现问题")):
    list_route(router, "finance", f"list_{_name}", f"/{_name}", Page[_out], *LISTS[_name][:2], summary=_summary)


