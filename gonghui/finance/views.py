"""Pages of union finance: the overview, vouchers and their approval, suggested vouchers, the books and their
closing, the reports (01/02表) and their Excel, budgets, the 2% allocation and arrears, the province tables,
and audits. Each page shapes the request, then calls one selector or service."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gonghui.core.pages import (columns, form_page, list_download, paginate, post_and_back, render_list,
                                report_outcome, year_from)
from gonghui.core.scoping import visible, within
from gonghui.core.uploads import stored_file_response
from gonghui.core.links import record_link
from gonghui.org.models import Enterprise
from gonghui.org.pages import overview_page, union_asked
from gonghui.org.selectors import union_get, union_list

from . import selectors, services, statements
from .figures import FIGURES
from .filters import (AllocationFilters, AuditFilters, DuesFilters, FilingFilters, FindingFilters, LineFilters,
                      VoucherFilters)
from .forms import (
    AllocationForm,
    AttachmentForm,
    AuditForm,
    BooksForm,
    BudgetForm,
    DuesForm,
    DuesRateForm,
    FeedbackForm,
    FindingForm,
    NoticeForm,
    RulesForm,
    SharingForm,
    VoucherForm,
    voucher_data,
    voucher_initial,
)
from .models import VoucherStatus


index_page = overview_page("finance/index.html", FIGURES, accounts=selectors.by_account)


# Lists and their exports -------------------------------------------------------------------------

UNION = ("工会", "union.name")
LISTS = {
    "vouchers": (VoucherFilters, selectors.voucher_list, "记账凭证.xlsx", columns(
        UNION, ("会计年度", "year"), ("凭证号", "number"), ("日期", "date"), ("摘要", "summary"),
        ("状态", "get_status_display"), ("制单人", "prepared_by.full_name"), ("记账人", "approved_by.full_name"))),
    "lines": (LineFilters, selectors.line_list, "凭证分录明细.xlsx", columns(
        UNION, ("日期", "date"), ("凭证", "voucher.label"), ("科目编号", "code"), ("科目名称", "account.name"),
        ("摘要", "summary"), ("借方金额", "debit"), ("贷方金额", "credit"))),
    "allocations": (AllocationFilters, selectors.allocation_list, "拨缴经费.xlsx", columns(
        UNION, ("企业", "enterprise.name"), ("所属月份", "month"), ("工资总额", "payroll"), ("拨缴经费", "amount"),
        ("缴纳方式", "get_channel_display"), ("到账日期", "received_on"), ("本级留成", "own_share"),
        ("应上缴上级", "upper_share"))),
    "dues": (DuesFilters, selectors.dues_list, "会费收缴.xlsx", columns(
        UNION, ("所属月份", "month"), ("缴纳会员人数", "members"), ("工资总额", "wages"),
        ("会费标准（%）", "rate.rate"), ("会费", "amount"), ("收缴日期", "received_on"))),
    "filings": (FilingFilters, selectors.filing_list, "报表报送.xlsx", columns(
        UNION, ("会计年度", "books.year"), ("月份", "month"), ("报送日期", "filed_on"), ("报送人", "filed_by.full_name"))),
    "audits": (AuditFilters, selectors.audit_list, "经费审查项目.xlsx", columns(
        ("被审查工会", "union.name"), ("经审会所在工会", "committee.name"), ("审查年度", "year"),
        ("审查项目", "title"), ("审查范围", "scope_labels"), ("开始日期", "started_on"), ("状态", "get_status_display"),
        ("整改期限", "deadline"), ("销号日期", "closed_on"))),
    "findings": (FindingFilters, selectors.finding_list, "审查发现问题.xlsx", columns(
        ("被审查工会", "union.name"), ("审查项目", "project.title"), ("审查范围", "get_area_display"),
        ("问题", "description"), ("违反的规定", "rule"), ("涉及金额", "amount"), ("发现日期", "found_on"),
        ("整改期限", "project.deadline"), ("状态", "project.get_status_display"))),
}


@login_required
def export_page(request, *, name: str):
    filters_class, select, filename, listed = LISTS[name]
    return list_download(request, filters_class, select, filename=filename, columns=listed)


def _list_view(name: str):
    @login_required
    def view(request):
        filters_class, select, _, _ = LISTS[name]
        return render_list(request, filters_class, select, f"finance/{name}.html")
    view.__name__ = f"{name}_page"
    return view


vouchers_page, lines_page, allocations_page, dues_page, filings_page, audits_page, findings_page = (
    _list_view(name) for name in ("vouchers", "lines", "allocations", "dues", "filings", "audits", "findings"))


# Vouchers ----------------------------------------------------------------------------------------

_voucher_url = record_link("finance:voucher_detail")


def _voucher_form(request, union, year, **kwargs):
    return form_page(request, form_class=VoucherForm,
                     form_kwargs={"accounts": selectors.accounts_for(union=union, year=year)},
                     success=_voucher_url, **kwargs)


@login_required
def voucher_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    today = timezone.localdate()
    return _voucher_form(request, union, year_from(request), title=f"编制记账凭证：{union.name}",
                         cancel_url=reverse("finance:vouchers"), initial={"date": today},
                         service=lambda form: services.voucher_create(actor=request.user, union=union,
                                                                      **voucher_data(form)),
                         done_message="已保存凭证，请由另一位财务人员审核、记账")


@login_required
def voucher_edit_page(request, pk: int):
    voucher = selectors.voucher_get(user=request.user, pk=pk)
    return _voucher_form(request, voucher.union, voucher.year, title=f"修改凭证：{voucher.label}",
                         cancel_url=_voucher_url(voucher), initial=voucher_initial(voucher),
                         service=lambda form: services.voucher_update(actor=request.user, voucher=voucher,
                                                                      **voucher_data(form)))


@login_required
def voucher_detail_page(request, pk: int):
    voucher = selectors.voucher_get(user=request.user, pk=pk)
    lines = list(selectors.voucher_lines(voucher=voucher))
    sources = selectors.line_sources(lines=lines)
    return render(request, "finance/voucher_detail.html", {
        "voucher": voucher, "warnings": selectors.voucher_warnings(voucher=voucher),
        "debits": sum(line.debit for line in lines), "credits": sum(line.credit for line in lines),
        "rows": [(line, sources.get(line.pk)) for line in lines], "attachments": voucher.attachments.all(),
        "reversal": selectors.reversal_of(voucher=voucher),
        "draft": voucher.status != VoucherStatus.POSTED, "may_approve": voucher.prepared_by_id != request.user.pk})


def _voucher_button(request, pk: int, action, done: str, back=None):
    voucher = selectors.voucher_get(user=request.user, pk=pk)
    return post_and_back(request, lambda: action(voucher), back=back or _voucher_url(voucher), done=done)


@login_required
@require_POST
def voucher_review_page(request, pk: int):
    return _voucher_button(request, pk, lambda v: services.voucher_review(actor=request.user, voucher=v), "已审核")


@login_required
@require_POST
def voucher_post_page(request, pk: int):
    return _voucher_button(request, pk, lambda v: services.voucher_post(actor=request.user, voucher=v),
                           "已审批记账")


@login_required
@require_POST
def voucher_reverse_page(request, pk: int):
    return _voucher_button(request, pk, lambda v: services.voucher_reverse(actor=request.user, voucher=v),
                           "已生成冲销凭证（待审批记账）")


@login_required
@require_POST
def voucher_delete_page(request, pk: int):
    return _voucher_button(request, pk, lambda v: services.voucher_delete(actor=request.user, voucher=v),
                           "已删除凭证", back=reverse("finance:vouchers"))


@login_required
def attachment_add_page(request, pk: int):
    voucher = selectors.voucher_get(user=request.user, pk=pk)
    return form_page(request, form_class=AttachmentForm, title=f"上传原始单据：{voucher.label}",
                     cancel_url=_voucher_url(voucher), submit_label="上传", done_message="已上传",
                     service=lambda data: services.voucher_attachment_add(actor=request.user, voucher=voucher, **data),
                     success=lambda attachment: _voucher_url(voucher))


@login_required
def attachment_page(request, pk: int):
    return stored_file_response(selectors.attachment_get(user=request.user, pk=pk))


# Suggested vouchers ------------------------------------------------------------------------------

@login_required
def suggestions_page(request):
    union, year = union_asked(request), year_from(request)
    return render(request, "finance/suggestions.html", {
        "union": union, "year": year,
        "suggestions": selectors.suggestions(user=request.user, union=union, year=year)})


@login_required
@require_POST
def suggestion_accept_page(request, kind: str, pk: int):
    source = selectors.source_get(user=request.user, kind=kind, pk=pk)
    made = []
    report_outcome(request, lambda: made.append(services.voucher_from_source(actor=request.user, source=source)),
                   done="已生成凭证，请由另一位财务人员审批记账")
    return redirect(_voucher_url(made[0]) if made else reverse("finance:suggestions") + f"?union={source.union_id}")


# The books and their closing ---------------------------------------------------------------------

@login_required
def books_page(request):
    return render(request, "finance/books.html", {"books": selectors.books_list(user=request.user)[:200]})


@login_required
def books_edit_page(request, pk: int):
    books = selectors.books_get(user=request.user, pk=pk)
    return form_page(request, form_class=BooksForm, title=f"报表签章人：{books}",
                     cancel_url=reverse("finance:books"),
                     initial={name: getattr(books, name) for name in services.BOOKS_FIELDS},
                     service=lambda data: services.books_update(actor=request.user, books=books, **data),
                     success=lambda saved: reverse("finance:books"))


@login_required
@require_POST
def period_close_page(request, pk: int):
    books = selectors.books_get(user=request.user, pk=pk)
    month = books.closed_month + 1
    return post_and_back(request, lambda: services.period_close(actor=request.user, union=books.union,
                                                                year=books.year, month=month),
                         back=reverse("finance:books"), done=f"已结账{books.year}年{month}月")


@login_required
@require_POST
def report_file_page(request, pk: int):
    books = selectors.books_get(user=request.user, pk=pk)
    month = books.filed_month + 1
    return post_and_back(request, lambda: services.report_file(actor=request.user, books=books),
                         back=reverse("finance:books"), done=f"已向上级报送{books.year}年{month}月报表")


# Reports -----------------------------------------------------------------------------------------

REPORTS = {"01": statements.balance_sheet, "02": statements.income_statement}


def _statement(request, kind: str):
    if kind not in REPORTS:
        raise Http404
    union, year = union_asked(request), year_from(request)
    month = request.GET.get("month", "")
    month = int(month) if month.isdigit() and 1 <= int(month) <= 12 else None
    consolidated = request.GET.get("consolidated") == "1" and union.is_federation
    return REPORTS[kind](user=request.user, union=union, year=year, month=month, consolidated=consolidated)


@login_required
def report_page(request, kind: str):
    statement = _statement(request, kind)
    return render(request, "finance/report.html", {"statement": statement, "union": statement.union,
                                                   "year": year_from(request), "months": range(1, 13)})


@login_required
def report_export_page(request, kind: str):
    return statements.statement_xlsx(_statement(request, kind))


@login_required
def assessment_page(request):
    union, year = union_asked(request), year_from(request)
    return render(request, "finance/assessment.html", {
        "union": union, "year": year, "rows": selectors.books_assessment(user=request.user, union=union, year=year)})


# Budgets -----------------------------------------------------------------------------------------

@login_required
def budgets_page(request):
    union, year = union_asked(request), year_from(request)
    return render(request, "finance/budgets.html", {
        "union": union, "year": year, "rows": selectors.budget_execution(user=request.user, union=union, year=year)})


@login_required
def budget_set_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    back = reverse("finance:budgets") + f"?union={union.pk}"
    return form_page(request, form_class=BudgetForm, title=f"编制预算：{union.name}", cancel_url=back,
                     form_kwargs={"accounts": selectors.budget_accounts(union=union)},
                     initial={"year": timezone.localdate().year},
                     service=lambda data: services.budget_set(actor=request.user, union=union, **data),
                     success=lambda budget: back + f"&year={budget.year}")


# The 2% allocation and the province's tables -----------------------------------------------------

@login_required
def allocation_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    enterprises = within(visible(Enterprise.objects.all(), request.user), union).order_by("name")
    return form_page(request, form_class=AllocationForm, title=f"登记拨缴经费：{union.name}",
                     cancel_url=reverse("finance:allocations"), form_kwargs={"enterprises": enterprises},
                     service=lambda data: services.allocation_receive(actor=request.user, **data),
                     success=lambda payment: _voucher_url(payment.voucher),
                     done_message="已登记，收款凭证已生成，请审批记账")


@login_required
def arrears_page(request):
    union = union_asked(request)
    page = paginate(request, selectors.arrears_list(user=request.user, union=union))
    return render(request, "finance/arrears.html", {"union": union, "page": page,
                                                    "months": selectors.ARREARS_MONTHS})


@login_required
def settings_page(request):
    return render(request, "finance/settings.html", {
        "tables": selectors.sharing_tables(user=request.user)[:50],
        "rules": selectors.spending_rules(user=request.user)[:50],
        "dues_rates": selectors.dues_rates(user=request.user)[:50]})


def _settings_form(request, union_pk: int, form_class, title: str, service):
    union = union_get(user=request.user, pk=union_pk)
    back = reverse("finance:settings")
    return form_page(request, form_class=form_class, title=f"{title}：{union.name}", cancel_url=back,
                     service=lambda data: service(actor=request.user, union=union, **data), success=lambda _: back)


@login_required
def sharing_create_page(request, union_pk: int):
    return _settings_form(request, union_pk, SharingForm, "制定拨缴经费分成比例", services.sharing_table_create)


@login_required
def rules_create_page(request, union_pk: int):
    return _settings_form(request, union_pk, RulesForm, "制定经费开支规定", services.spending_rules_create)


@login_required
def dues_rate_create_page(request, union_pk: int):
    return _settings_form(request, union_pk, DuesRateForm, "制定会费标准", services.dues_rate_create)


@login_required
def dues_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=DuesForm, title=f"登记会费收缴：{union.name}",
                     cancel_url=reverse("finance:dues"),
                     service=lambda data: services.dues_receive(actor=request.user, union=union, **data),
                     success=lambda payment: _voucher_url(payment.voucher),
                     done_message="已登记，收款凭证已生成，请审批记账")


# Audits ------------------------------------------------------------------------------------------

_audit_url = record_link("finance:audit_detail")


@login_required
def audit_create_page(request, union_pk: int):
    committee = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=AuditForm, title=f"新建经费审查项目：{committee.name}经审会",
                     cancel_url=reverse("finance:audits"),
                     form_kwargs={"unions": within(union_list(user=request.user), committee).order_by("path")},
                     initial={"year": timezone.localdate().year - 1, "started_on": timezone.localdate()},
                     service=lambda data: services.audit_project_create(actor=request.user, committee=committee,
                                                                        **data),
                     success=_audit_url)


@login_required
def audit_detail_page(request, pk: int):
    project = selectors.audit_get(user=request.user, pk=pk)
    return render(request, "finance/audit_detail.html", {"project": project, "findings": project.findings.all()})


def _audit_form(request, pk: int, form_class, title: str, service, **kwargs):
    project = selectors.audit_get(user=request.user, pk=pk)
    return form_page(request, form_class=form_class, title=f"{title}：{project}", cancel_url=_audit_url(project),
                     service=lambda data: service(actor=request.user, project=project, **data),
                     success=lambda _: _audit_url(project), **kwargs)


@login_required
def finding_add_page(request, pk: int):
    return _audit_form(request, pk, FindingForm, "登记发现问题", services.audit_finding_add)


@login_required
def audit_notice_page(request, pk: int):
    return _audit_form(request, pk, NoticeForm, "下达整改通知", services.audit_notice, submit_label="下达")


@login_required
def audit_feedback_page(request, pk: int):
    return _audit_form(request, pk, FeedbackForm, "反馈整改情况", services.audit_feedback, submit_label="反馈")


@login_required
@require_POST
def audit_close_page(request, pk: int):
    project = selectors.audit_get(user=request.user, pk=pk)
    return post_and_back(request, lambda: services.audit_close(actor=request.user, project=project),
                         back=_audit_url(project), done="已销号")
