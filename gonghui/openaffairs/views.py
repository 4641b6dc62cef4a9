"""Pages of open affairs: the overview of its figures, postings and their approval, the yearly catalogue,
members' questions and the union's answers. Each page shapes the request, then calls one selector or service."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gonghui.core.figures import Column, figure_values
from gonghui.core.pages import form_page, paginate, period_asked, post_and_back
from gonghui.core.uploads import stored_file_response
from gonghui.core.xlsx import xlsx_download
from gonghui.org.selectors import union_get

from . import selectors, services
from .figures import FIGURES
from .filters import CommentFilters, ItemFilters, PostingFilters
from .forms import AnswerForm, AttachmentForm, ItemForm, PostingForm
from .models import CatalogueItemState, PostingStatus


@login_required
def index_page(request):
    union = union_get(user=request.user, pk=request.GET.get("union") or request.user.union_id)
    period, error = period_asked(request)
    values = figure_values(FIGURES, user=request.user, union=union, period=period)
    return render(request, "openaffairs/index.html", {
        "union": union, "period": period, "period_error": error, "values": values,
        "categories": selectors.postings_by_category(user=request.user, union=union, period=period)})


def _columns(*pairs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(label, path) for label, path in pairs)


def _cell(value):
    # Dates as 2025-03-31, not a spreadsheet serial number; a missing one as an empty cell.
    return value.isoformat() if hasattr(value, "isoformat") else ("" if value is None else value)


UNION = ("工会", "union.name")
# Each list's filters, selector, export file name and export columns.
LISTS = {
    "postings": (PostingFilters, selectors.posting_list, "厂务公开事项.xlsx", _columns(
        UNION, ("标题", "title"), ("栏目", "get_kind_display"), ("公开类别", "get_category_display"),
        ("公开开始日期", "starts_on"), ("公开截止日期", "ends_on"), ("状态", "get_status_display"),
        ("起草人", "drafted_by.full_name"), ("审批人", "approved_by.full_name"), ("审批日期", "approved_on"))),
    "catalogue": (ItemFilters, selectors.item_list, "公开目录.xlsx", _columns(
        UNION, ("年度", "year"), ("公开类别", "get_category_display"), ("公开事项", "title"),
        ("应公开日期", "due_on"), ("职代会表决日期", "vote_on"), ("公开日期", "posted_on"))),
    "comments": (CommentFilters, selectors.comment_list, "职工提问和意见.xlsx", _columns(
        UNION, ("公开事项", "posting.title"), ("类型", "get_kind_display"), ("会员", "member.name"),
        ("提出日期", "asked_on"), ("内容", "text"), ("答复", "answer"), ("答复日期", "answered_on"))),
}


@login_required
def export_page(request, *, name: str):
    filters_class, select, filename, columns = LISTS[name]
    records = filters_class.listed(request, select)[1].iterator(chunk_size=2000)
    return xlsx_download(filename=filename, headers=[(column.label, 18) for column in columns],
                         rows=([_cell(column.read(record)) for column in columns] for record in records))


# Postings ---------------------------------------------------------------------------------------

def _list_page(request, name: str, extra=lambda page, values: {}):
    """A list: its filters (as its export reads them), a page of what its selector returns, its template."""
    filters_class, select, _, _ = LISTS[name]
    filters, qs = filters_class.listed(request, select)
    page = paginate(request, qs)
    return render(request, f"openaffairs/{name}.html", {"form": filters.form, "page": page,
                                                         **extra(page, filters.values)})


@login_required
def postings_page(request):
    return _list_page(request, "postings")


@login_required
def posting_detail_page(request, pk: int):
    posting = selectors.posting_get(user=request.user, pk=pk)
    return render(request, "openaffairs/posting_detail.html", {
        "posting": posting, "attachments": posting.attachments.all(),
        "comments": selectors.comments_of(posting=posting),
        "may_approve": posting.status == PostingStatus.DRAFT and posting.drafted_by_id != request.user.pk})


def _posting_form(request, union, **kwargs):
    return form_page(request, form_class=PostingForm,
                     form_kwargs={"items": selectors.item_choices(user=request.user, union=union)},
                     success=lambda posting: reverse("openaffairs:posting_detail", args=[posting.pk]), **kwargs)


@login_required
def posting_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    return _posting_form(request, union, title=f"起草公开事项：{union.name}", cancel_url=reverse("openaffairs:postings"),
                         service=lambda data: services.posting_create(actor=request.user, union=union, **data),
                         done_message="已保存草稿，请由另一位工会干部审批")


@login_required
def posting_edit_page(request, pk: int):
    posting = selectors.posting_get(user=request.user, pk=pk)
    back = reverse("openaffairs:posting_detail", args=[posting.pk])
    return _posting_form(request, posting.union, title=f"修改公开事项：{posting}", cancel_url=back,
                         initial={name: getattr(posting, name) for name in services.POSTING_FIELDS},
                         service=lambda data: services.posting_update(actor=request.user, posting=posting, **data))


@login_required
@require_POST
def posting_approve_page(request, pk: int):
    posting = selectors.posting_get(user=request.user, pk=pk)
    return post_and_back(request, lambda: services.posting_approve(actor=request.user, posting=posting),
                         back=reverse("openaffairs:posting_detail", args=[posting.pk]), done="已审批，公开事项已公开")


@login_required
def attachment_add_page(request, pk: int):
    posting = selectors.posting_get(user=request.user, pk=pk)
    back = reverse("openaffairs:posting_detail", args=[posting.pk])
    return form_page(request, form_class=AttachmentForm, title=f"上传附件：{posting}", cancel_url=back,
                     service=lambda data: services.attachment_add(actor=request.user, posting=posting, **data),
                     success=lambda attachment: back, submit_label="上传", done_message="已上传")


@login_required
def attachment_page(request, pk: int):
    return stored_file_response(selectors.attachment_get(user=request.user, pk=pk))


# The yearly catalogue ---------------------------------------------------------------------------

@login_required
def catalogue_page(request):
    today = timezone.localdate()
    return _list_page(request, "catalogue", lambda page, values: {
        "missed": values.get("state") == CatalogueItemState.MISSED,
        "rows": [(item, item.state_on(today)) for item in page]})


@login_required
def item_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    back = reverse("openaffairs:catalogue")
    return form_page(request, form_class=ItemForm, title=f"新增公开目录事项：{union.name}", cancel_url=back,
                     initial={"year": timezone.localdate().year},
                     service=lambda data: services.catalogue_item_create(actor=request.user, union=union, **data),
                     success=lambda item: back)


@login_required
def item_edit_page(request, pk: int):
    item = selectors.item_get(user=request.user, pk=pk)
    back = reverse("openaffairs:catalogue")
    return form_page(request, form_class=ItemForm, title=f"修改公开目录事项：{item}", cancel_url=back,
                     initial={name: getattr(item, name) for name in services.ITEM_FIELDS},
                     service=lambda data: services.catalogue_item_update(actor=request.user, item=item, **data),
                     success=lambda saved: back)


# Members' questions and opinions ----------------------------------------------------------------

@login_required
def comments_page(request):
    return _list_page(request, "comments")


@login_required
def comment_answer_page(request, pk: int):
    comment = selectors.comment_get(user=request.user, pk=pk)
    back = reverse("openaffairs:posting_detail", args=[comment.posting_id])
    return form_page(request, form_class=AnswerForm, title=f"答复：{comment}", cancel_url=back,
                     initial={"answer": comment.answer},
                     service=lambda data: services.comment_answer(actor=request.user, comment=comment, **data),
                     success=lambda saved: back, submit_label="答复", done_message="已答复")
