"""Pages of open affairs: the overview of its figures, postings and their approval, the yearly catalogue,
members' questions and the union's answers. Each page shapes the request, then calls one selector or service."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from gonghui.core.pages import button_page, columns, fields_of, form_page, list_download, paginate, record_form_view
from gonghui.core.uploads import stored_file_response
from gonghui.core.links import record_link
from gonghui.org.pages import overview_page
from gonghui.org.selectors import union_get

from . import selectors, services
from .figures import FIGURES
from .filters import CommentFilters, ItemFilters, PostingFilters
from .forms import AnswerForm, AttachmentForm, ItemForm, PostingForm
from .models import CatalogueItemState, PostingStatus


index_page = overview_page("openaffairs/index.html", FIGURES, categories=selectors.postings_by_category)


UNION = ("工会", "union.name")
# Each list's filters, selector, export file name and export columns.
LISTS = {
    "postings": (PostingFilters, selectors.posting_list, "厂务公开事项.xlsx", columns(
        UNION, ("标题", "title"), ("栏目", "get_kind_display"), ("公开类别", "get_category_display"),
        ("公开开始日期", "starts_on"), ("公开截止日期", "ends_on"), ("状态", "get_status_display"),
        ("起草人", "drafted_by.full_name"), ("审批人", "approved_by.full_name"), ("审批日期", "approved_on"))),
    "catalogue": (ItemFilters, selectors.item_list, "公开目录.xlsx", columns(
        UNION, ("年度", "year"), ("公开类别", "get_category_display"), ("公开事项", "title"),
        ("应公开日期", "due_on"), ("职代会表决日期", "vote_on"), ("公开日期", "posted_on"))),
    "comments": (CommentFilters, selectors.comment_list, "职工提问和意见.xlsx", columns(
        UNION, ("公开事项", "posting.title"), ("类型", "get_kind_display"), ("会员", "member.name"),
        ("提出日期", "asked_on"), ("内容", "text"), ("答复", "answer"), ("答复日期", "answered_on"))),
}


@login_required
def export_page(request, *, name: str):
    filters_class, select, filename, listed = LISTS[name]
    return list_download(request, filters_class, select, filename=filename, columns=listed)


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


_posting_url = record_link("openaffairs:posting_detail")


def _posting_items(request, union) -> dict:
    return {"items": selectors.item_choices(user=request.user, union=union)}


@login_required
def posting_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=PostingForm, title=f"起草公开事项：{union.name}",
                     cancel_url=reverse("openaffairs:postings"), form_kwargs=_posting_items(request, union),
                     service=lambda data: services.posting_create(actor=request.user, union=union, **data),
                     success=_posting_url, done_message="已保存草稿，请由另一位工会干部审批")


posting_edit_page = record_form_view(
    selectors.posting_get, services.posting_update, "posting", form_class=PostingForm,
    title=lambda posting: f"修改公开事项：{posting}", back=_posting_url, initial=fields_of(services.POSTING_FIELDS),
    form_kwargs=lambda request, posting: _posting_items(request, posting.union))
posting_approve_page = button_page(select=selectors.posting_get, service=services.posting_approve, record="posting",
                                   back=_posting_url, done="已审批，公开事项已公开")
attachment_add_page = record_form_view(
    selectors.posting_get, services.attachment_add, "posting", form_class=AttachmentForm,
    title=lambda posting: f"上传附件：{posting}", back=_posting_url, submit_label="上传", done_message="已上传")


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


item_edit_page = record_form_view(
    selectors.item_get, services.catalogue_item_update, "item", form_class=ItemForm,
    title=lambda item: f"修改公开目录事项：{item}", back=lambda _: reverse("openaffairs:catalogue"),
    initial=fields_of(services.ITEM_FIELDS))


# Members' questions and opinions ----------------------------------------------------------------

@login_required
def comments_page(request):
    return _list_page(request, "comments")


comment_answer_page = record_form_view(
    selectors.comment_get, services.comment_answer, "comment", form_class=AnswerForm,
    title=lambda comment: f"答复：{comment}", back=lambda comment: reverse("openaffairs:posting_detail", args=[comment.posting_id]),
    initial=fields_of(("answer",)), submit_label="答复", done_message="已答复")
