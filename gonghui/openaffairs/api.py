"""/api/openaffairs/: postings (draft, approve, attach), the yearly catalogue, members' comments and their
answers, through the same selectors and services as the pages; the lists take the pages' filters."""

from datetime import date

from ninja import File, Router, Schema
from ninja.files import UploadedFile

from gonghui.core.api import Page, RecordId, created, one_of
from gonghui.core.filters import list_route
from gonghui.org.api_routes import RecordRoutes
from gonghui.org.selectors import union_get

from . import selectors, services
from .models import PostingKind
from .views import LISTS

router = Router(tags=["openaffairs"])


class PostingOut(Schema):
    id: int
    union_id: int
    kind: str
    category: str
    title: str
    content: str
    catalogue_item_id: int | None
    starts_on: date
    ends_on: date
    status: str
    drafted_by_id: int
    approved_by_id: int | None
    approved_on: date | None


class PostingIn(Schema):
    kind: str = PostingKind.NOTICE
    category: str
    title: str
    content: str
    catalogue_item_id: RecordId | None = None
    starts_on: date
    ends_on: date


class AttachmentOut(Schema):
    id: int
    posting_id: int
    name: str
    file_type: str
    size: int


class ItemOut(Schema):
    id: int
    union_id: int
    year: int
    category: str
    title: str
    due_on: date
    vote_on: date | None
    posted_on: date | None


class ItemIn(Schema):
    year: int
    category: str
    title: str
    due_on: date
    vote_on: date | None = None


class CommentOut(Schema):
    id: int
    union_id: int
    posting_id: int
    member_id: int
    kind: str
    text: str
    asked_on: date
    answer: str
    answered_on: date | None


class AnswerIn(Schema):
    answer: str


@router.post("/unions/{union_id}/postings", response={201: PostingOut}, summary="起草公开事项（待另一位干部审批）")
def create_posting(request, union_id: RecordId, data: PostingIn):
    union = union_get(user=request.user, pk=union_id)
    fields = data.dict()
    item = one_of(selectors.item_list(user=request.user), fields.pop("catalogue_item_id"), "catalogue_item",
                  "找不到该公开目录事项，或不在您的管辖范围内")
    return created(request, services.posting_create, union=union, catalogue_item=item, **fields)


RecordRoutes(router, __name__, "posting", plural="postings", key="posting_id", find=selectors.posting_get,
             record="posting", key_type=RecordId).act(
    "approve", services.posting_approve, PostingOut, name="approve_posting", summary="审批公开（起草人本人不能审批）")


@router.post("/postings/{posting_id}/attachments", response={201: AttachmentOut},
             summary="上传附件（文档或图片）；下载地址 /openaffairs/attachments/{id}/")
def add_attachment(request, posting_id: RecordId, file: File[UploadedFile]):
    posting = selectors.posting_get(user=request.user, pk=posting_id)
    return created(request, services.attachment_add, posting=posting, file=file)


RecordRoutes(router, __name__, "item", plural="catalogue", key_type=RecordId, body="data").create(
    services.catalogue_item_create, ItemOut, ItemIn, summary="新增公开目录事项")
RecordRoutes(router, __name__, "comment", plural="comments", key="comment_id", find=selectors.comment_get,
             record="comment", key_type=RecordId, body="data").act(
    "answer", services.comment_answer, CommentOut, AnswerIn, name="answer_comment", summary="答复职工提问和意见")


# The lists' filters and selectors are their pages' (views.LISTS).
for _name, _out, _summary in (("postings", PostingOut, "公开事项列表"), ("catalogue", ItemOut, "公开目录"),
                              ("comments", CommentOut, "职工提问和意见")):
    list_route(router, "openaffairs", f"list_{_name}", f"/{_name}", Page[_out], *LISTS[_name][:2], summary=_summary)
