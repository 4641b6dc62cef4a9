"""/api/openaffairs/: postings (draft, approve, attach), the yearly catalogue, members' comments and their
answers, through the same selectors and services as the pages; the lists take the pages' filters."""

from datetime import date

from django.core.exceptions import ValidationError
from ninja import File, Router, Schema
from ninja.files import UploadedFile

from gonghui.core.api import Page, created, RecordId
from gonghui.core.filters import list_route
from gonghui.org.selectors import union_get

from . import selectors, services
from .filters import CommentFilters, ItemFilters, PostingFilters
from .models import PostingKind

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
    item_id = fields.pop("catalogue_item_id")
    item = selectors.item_list(user=request.user).filter(pk=item_id).first() if item_id else None
    if item_id and item is None:
        raise ValidationError({"catalogue_item": "找不到该公开目录事项，或不在您的管辖范围内"})
    return created(request, services.posting_create, union=union, catalogue_item=item, **fields)


@router.post("/postings/{posting_id}/approve", response=PostingOut, summary="审批公开（起草人本人不能审批）")
def approve_posting(request, posting_id: RecordId):
    posting = selectors.posting_get(user=request.user, pk=posting_id)
    return services.posting_approve(actor=request.user, posting=posting)


@router.post("/postings/{posting_id}/attachments", response={201: AttachmentOut},
             summary="上传附件（文档或图片）；下载地址 /openaffairs/attachments/{id}/")
def add_attachment(request, posting_id: RecordId, file: File[UploadedFile]):
    posting = selectors.posting_get(user=request.user, pk=posting_id)
    return created(request, services.attachment_add, posting=posting, file=file)


@router.post("/unions/{union_id}/catalogue", response={201: ItemOut}, summary="新增公开目录事项")
def create_item(request, union_id: RecordId, data: ItemIn):
    union = union_get(user=request.user, pk=union_id)
    return created(request, services.catalogue_item_create, union=union, **data.dict())


@router.post("/comments/{comment_id}/answer", response=CommentOut, summary="答复职工提问和意见")
def answer_comment(request, comment_id: RecordId, data: AnswerIn):
    comment = selectors.comment_get(user=request.user, pk=comment_id)
    return services.comment_answer(actor=request.user, comment=comment, answer=data.answer)


list_route(router, "openaffairs", "list_postings", "/postings",
           Page[PostingOut], PostingFilters, selectors.posting_list, summary="公开事项列表")
list_route(router, "openaffairs", "list_catalogue", "/catalogue",
           Page[ItemOut], ItemFilters, selectors.item_list, summary="公开目录")
list_route(router, "openaffairs", "list_comments", "/comments",
           Page[CommentOut], CommentFilters, selectors.comment_list, summary="职工提问和意见")
