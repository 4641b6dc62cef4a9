"""Open affairs in the access walk: union_a1's catalogue item, an approved posting with an attachment and a
member's question, and a draft waiting for approval."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gonghui.openaffairs import services
from gonghui.openaffairs.models import PostingCategory

from ..matrix import DAY, api, button, form, page, pk, union_pk

A1 = "union_a1"


def _id(name, attr):
    return lambda w: {name: getattr(w, attr).pk}


def build(world) -> dict:
    officer, a1, today = world.officer, world.union_a1, timezone.localdate()
    item = services.catalogue_item_create(actor=officer, union=a1, year=today.year, category=PostingCategory.FINANCE,
                                          title="年度工会经费收支情况", due_on=today)
    posting = services.posting_create(actor=officer, union=a1, category=PostingCategory.FINANCE, title="工会经费收支公开",
                                      content="收入与支出明细见附件", starts_on=today, ends_on=today + timedelta(days=30),
                                      catalogue_item=item)
    services.posting_approve(actor=world.street_admin, posting=posting)
    attachment = services.attachment_add(actor=officer, posting=posting,
                                         file=SimpleUploadedFile("收支表.pdf", b"%PDF-1.4\n%%EOF\n"))
    comment = services.posting_comment_create(member=world.member_a1, posting=posting, text="食堂补贴为何减少？")
    draft = services.posting_create(actor=officer, union=a1, category=PostingCategory.AWARDS, title="先进工作者推荐名单",
                                    content="拟推荐名单如下", starts_on=today, ends_on=today + timedelta(days=7))
    return {"oa_item": item, "oa_posting": posting, "oa_attachment": attachment, "oa_comment": comment,
            "oa_draft": draft}


PAGES = [
    page("openaffairs:index"),
    page("openaffairs:postings"),
    page("openaffairs:postings_export"),
    form("openaffairs:posting_create", union_pk()),
    page("openaffairs:posting_detail", pk("oa_posting"), A1),
    form("openaffairs:posting_edit", pk("oa_draft")),
    button("openaffairs:posting_approve", pk("oa_draft")),
    form("openaffairs:attachment_add", pk("oa_draft")),
    page("openaffairs:attachment", pk("oa_attachment"), A1),
    page("openaffairs:catalogue"),
    page("openaffairs:catalogue_export"),
    form("openaffairs:item_create", union_pk()),
    form("openaffairs:item_edit", pk("oa_item")),
    page("openaffairs:comments"),
    page("openaffairs:comments_export"),
    form("openaffairs:comment_answer", pk("oa_comment")),
]

API = [
    api("GET /api/openaffairs/postings"),
    api("POST /api/openaffairs/unions/{union_id}/postings", _id("union_id", A1), A1, body=lambda w: {
        "category": "finance", "title": "公开", "content": "内容", "starts_on": DAY, "ends_on": "2098-01-01"}),
    api("POST /api/openaffairs/postings/{posting_id}/approve", _id("posting_id", "oa_draft"), A1),
    api("POST /api/openaffairs/postings/{posting_id}/attachments", _id("posting_id", "oa_draft"), A1,
        multipart=True, body=lambda w: {"file": SimpleUploadedFile("说明.exe", b"MZ")}),
    api("GET /api/openaffairs/catalogue"),
    api("POST /api/openaffairs/unions/{union_id}/catalogue", _id("union_id", A1), A1, body=lambda w: {
        "year": 2099, "category": "finance", "title": "目录", "due_on": "2098-01-01"}),
    api("GET /api/openaffairs/comments"),
    api("POST /api/openaffairs/comments/{comment_id}/answer", _id("comment_id", "oa_comment"), A1,
        body=lambda w: {"answer": ""}),
]
