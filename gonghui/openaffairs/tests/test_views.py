import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.openaffairs import services
from gonghui.openaffairs.models import Posting, PostingAttachment, PostingStatus
from gonghui.testing import assert_scoped

from .helpers import approved, days_from_today, draft, item

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def sheet_rows(response) -> list[list]:
    data = b"".join(response.streaming_content)
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()


def test_the_pages_of_a_posting_are_scoped(cast, client):
    posting = approved(cast)
    attachment = services.attachment_add(actor=cast.officer, posting=posting,
                                         file=SimpleUploadedFile("表.pdf", b"%PDF-1.4\n"))
    comment = services.posting_comment_create(member=cast.member_a1, posting=posting, text="问题")
    for url in (reverse("openaffairs:posting_detail", args=[posting.pk]),
                reverse("openaffairs:attachment", args=[attachment.pk]),
                reverse("openaffairs:comment_answer", args=[comment.pk]),
                reverse("openaffairs:item_edit", args=[item(cast).pk])):
        assert_scoped(client, cast, url, owner=cast.union_a1)


def test_an_officer_drafts_a_posting_and_another_approves_it(cast, client_for):
    client = client_for(cast.officer)
    entry = item(cast)
    response = client.post(reverse("openaffairs:posting_create", args=[cast.union_a1.pk]), {
        "kind": "notice", "category": "finance", "title": "上半年经费收支", "content": "收支明细",
        "catalogue_item": entry.pk, "starts_on": days_from_today(0), "ends_on": days_from_today(15)})
    posting = Posting.objects.get()
    assert response.status_code == 302 and posting.status == PostingStatus.DRAFT
    detail = reverse("openaffairs:posting_detail", args=[posting.pk])
    assert "审批公开" not in text(client.get(detail))  # the author has no approve button
    client.post(reverse("openaffairs:posting_approve", args=[posting.pk]), follow=True)
    assert Posting.objects.get().status == PostingStatus.DRAFT

    client = client_for(cast.street_admin)
    page = text(client.post(reverse("openaffairs:posting_approve", args=[posting.pk]), follow=True))
    assert "已审批，公开事项已公开" in page and "已公开" in page
    listed = text(client.get(reverse("openaffairs:postings") + "?status=approved"))
    assert "上半年经费收支" in listed


def test_the_authors_approval_is_told_on_the_page(cast, client_for):
    posting = draft(cast)
    page = text(client_for(cast.officer).post(reverse("openaffairs:posting_approve", args=[posting.pk]), follow=True))
    assert "不能审批自己起草的公开事项" in page


def test_a_bad_period_is_shown_at_its_field_and_nothing_saved(cast, client_for):
    response = client_for(cast.officer).post(reverse("openaffairs:posting_create", args=[cast.union_a1.pk]), {
        "kind": "topic", "category": "other", "title": "话题", "content": "内容",
        "starts_on": days_from_today(3), "ends_on": days_from_today(1)})
    assert response.status_code == 400 and "公开截止日期不能早于开始日期" in text(response)
    assert not Posting.objects.exists()


def test_a_file_that_is_not_a_document_is_refused_at_the_field(cast, client_for):
    posting = draft(cast)
    response = client_for(cast.officer).post(reverse("openaffairs:attachment_add", args=[posting.pk]),
                                             {"file": SimpleUploadedFile("病毒.exe", b"MZ")})
    assert response.status_code == 400 and "只能上传文档或图片" in text(response)
    assert not PostingAttachment.objects.exists()


def test_an_attachment_is_served_to_its_union(cast, client_for):
    posting = draft(cast)
    attachment = services.attachment_add(actor=cast.officer, posting=posting,
                                         file=SimpleUploadedFile("经费表.pdf", b"%PDF-1.4\nbody"))
    response = client_for(cast.street_admin).get(reverse("openaffairs:attachment", args=[attachment.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4\nbody"
    assert response["Content-Type"] == "application/pdf"


def test_the_catalogue_lists_a_missed_item(cast, client_for):
    yesterday = days_from_today(-1)
    item(cast, title="职称评审结果", due_on=yesterday, year=yesterday.year)
    item(cast, title="福利发放方案", due_on=days_from_today(5), year=days_from_today(5).year)
    page = text(client_for(cast.officer).get(reverse("openaffairs:catalogue") + "?state=missed"))
    assert "未按时公开的目录事项" in page and "职称评审结果" in page and "福利发放方案" not in page


def test_an_empty_answer_is_refused_at_its_field(cast, client_for):
    comment = services.posting_comment_create(member=cast.member_a1, posting=approved(cast), text="问题")
    client = client_for(cast.officer)
    response = client.post(reverse("openaffairs:comment_answer", args=[comment.pk]), {"answer": ""})
    assert response.status_code == 400 and "请填写答复内容" in text(response)
    client.post(reverse("openaffairs:comment_answer", args=[comment.pk]), {"answer": "已核实"})
    assert "已核实" in text(client.get(reverse("openaffairs:comments")))


def test_the_exports_hold_the_listed_rows(cast, client_for):
    approved(cast, title="食堂价格公开")
    item(cast, title="年度经费预算")
    client = client_for(cast.officer)
    postings = sheet_rows(client.get(reverse("openaffairs:postings_export")))
    assert postings[0][:3] == ["工会", "标题", "栏目"] and postings[1][1] == "食堂价格公开"
    items = sheet_rows(client.get(reverse("openaffairs:catalogue_export")))
    assert items[1][3] == "年度经费预算"


def test_the_overview_counts_postings_by_category_and_home_shows_the_to_do(cast, client_for):
    approved(cast)
    yesterday = days_from_today(-1)
    item(cast, title="职称评审结果", due_on=yesterday, year=yesterday.year)
    client = client_for(cast.officer)
    overview = text(client.get(reverse("openaffairs:index")))
    assert "公开事项1项" in overview and "福利1项" in overview
    home = text(client.get("/"))
    assert "公开目录事项未按时公开 1 项" in home
