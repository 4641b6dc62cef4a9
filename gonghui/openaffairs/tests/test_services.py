from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gonghui.members.models import Member
from gonghui.openaffairs import services
from gonghui.openaffairs.models import (
    CatalogueItem,
    CatalogueItemState,
    Comment,
    Posting,
    PostingAttachment,
    PostingStatus,
)
from gonghui.openaffairs.selectors import postings_for_member

from .helpers import approved, days_from_today, draft, item

pytestmark = pytest.mark.django_db


def errors_of(exc) -> dict:
    return {field: " ".join(messages) for field, messages in exc.value.message_dict.items()}


def test_a_draft_is_up_only_once_another_officer_approves_it(cast):
    posting = draft(cast)
    assert posting.status == PostingStatus.DRAFT and posting.drafted_by == cast.officer
    services.posting_approve(actor=cast.street_admin, posting=posting)
    posting.refresh_from_db()
    assert posting.status == PostingStatus.APPROVED and posting.approved_by == cast.street_admin
    assert posting.approved_on == days_from_today(0)


def test_the_author_cannot_approve_their_own_posting(cast):
    posting = draft(cast)
    with pytest.raises(ValidationError) as exc:
        services.posting_approve(actor=cast.officer, posting=posting)
    assert errors_of(exc) == {"approved_by": "不能审批自己起草的公开事项，请由另一位工会干部审批"}
    posting.refresh_from_db()
    assert posting.status == PostingStatus.DRAFT and posting.approved_by is None


def test_a_posting_cannot_be_approved_twice_nor_edited_once_up(cast):
    posting = approved(cast)
    with pytest.raises(ValidationError) as exc:
        services.posting_approve(actor=cast.county_admin, posting=posting)
    assert "已审批" in str(exc.value)
    with pytest.raises(ValidationError):
        services.posting_update(actor=cast.officer, posting=posting, title="改标题")
    assert Posting.objects.get(pk=posting.pk).title == "职工疗休养安排"


def test_a_period_ending_before_it_starts_is_refused_and_nothing_saved(cast):
    with pytest.raises(ValidationError) as exc:
        draft(cast, starts_on=days_from_today(5), ends_on=days_from_today(1), title=" ")
    assert errors_of(exc)["ends_on"].startswith("公开截止日期不能早于开始日期")
    assert errors_of(exc)["title"] == "请填写标题"
    assert not Posting.objects.exists()


def test_an_officer_elsewhere_cannot_draft_nor_approve_and_an_auditor_cannot_write(cast):
    with pytest.raises(ValidationError):
        draft(cast, actor=cast.sibling_officer)
    posting = draft(cast)
    with pytest.raises(ValidationError):
        services.posting_approve(actor=cast.other_officer, posting=posting)
    with pytest.raises(PermissionDenied):
        services.posting_approve(actor=cast.auditor, posting=posting)


def test_approving_a_posting_of_a_catalogue_item_marks_it_posted(cast):
    entry = item(cast, due_on=days_from_today(3))
    approved(cast, catalogue_item=entry, starts_on=days_from_today(0))
    entry.refresh_from_db()
    assert entry.posted_on == days_from_today(0)
    assert entry.state_on(days_from_today(0)) == CatalogueItemState.ON_TIME


def test_a_catalogue_item_not_posted_by_its_day_is_missed(cast):
    entry = item(cast, due_on=days_from_today(-2), year=days_from_today(-2).year)
    assert entry.state_on(days_from_today(0)) == CatalogueItemState.MISSED
    assert entry.state_on(days_from_today(-3)) == CatalogueItemState.PENDING


def test_an_item_a_congress_votes_on_must_be_due_before_the_vote(cast):
    vote = days_from_today(20)
    with pytest.raises(ValidationError) as exc:
        item(cast, due_on=vote, vote_on=vote)
    assert errors_of(exc)["due_on"] == f"需经职代会表决的事项须在表决日（{vote:%Y-%m-%d}）之前公开"
    assert not CatalogueItem.objects.exists()
    assert item(cast, due_on=vote - timedelta(days=1), vote_on=vote).vote_on == vote


def test_a_catalogue_item_is_due_within_its_year(cast):
    due = days_from_today(10)
    with pytest.raises(ValidationError) as exc:
        item(cast, due_on=due, year=due.year - 1)
    assert errors_of(exc)["due_on"] == f"应公开日期须在{due.year - 1}年内（公开目录按年度编制）"


def test_a_posting_may_only_answer_its_own_unions_catalogue(cast):
    other = item(cast, actor=cast.sibling_officer, union=cast.union_a2)
    with pytest.raises(ValidationError) as exc:
        draft(cast, catalogue_item=other)
    assert errors_of(exc) == {"catalogue_item": "该目录事项不属于本工会的公开目录"}


@pytest.mark.parametrize(("name", "content", "message"), [
    ("说明.exe", b"MZ\x90\x00", "只能上传文档或图片"),
    ("收支表.pdf", b"MZ\x90\x00", "文件内容不是有效的PDF 文档"),
    ("空.pdf", b"", "请选择要上传的文件"),
])
def test_an_attachment_that_is_not_a_document_or_picture_is_refused(cast, name, content, message):
    posting = draft(cast)
    with pytest.raises(ValidationError) as exc:
        services.attachment_add(actor=cast.officer, posting=posting, file=SimpleUploadedFile(name, content))
    assert errors_of(exc)["file"].startswith(message)
    assert not PostingAttachment.objects.exists()


def test_a_pdf_and_a_picture_are_attached(cast):
    posting = draft(cast)
    pdf = services.attachment_add(actor=cast.officer, posting=posting,
                                  file=SimpleUploadedFile("收支表.pdf", b"%PDF-1.7\n%%EOF\n"))
    png = services.attachment_add(actor=cast.officer, posting=posting,
                                  file=SimpleUploadedFile("照片.PNG", b"\x89PNG\r\n\x1a\n0000"))
    assert (pdf.file_type, png.file_type, png.is_image) == ("pdf", "png", True)
    assert "收支表" not in pdf.file.name and pdf.name == "收支表.pdf"


def test_a_member_reads_their_unions_and_its_ancestors_current_postings(cast):
    own = approved(cast)
    street = services.posting_approve(actor=cast.county_admin, posting=services.posting_create(
        actor=cast.street_admin, union=cast.street_a, category="decisions", title="街道职工代表大会决议",
        content="决议全文", starts_on=days_from_today(-1), ends_on=days_from_today(1)))
    sibling = services.posting_approve(actor=cast.street_admin, posting=draft(
        cast, actor=cast.sibling_officer, union=cast.union_a2))
    ended = services.posting_approve(actor=cast.street_admin, posting=draft(
        cast, starts_on=days_from_today(-9), ends_on=days_from_today(-1), title="已结束"), approved_on=days_from_today(-5))
    waiting = draft(cast, title="待审批")
    readable = set(postings_for_member(member=cast.member_a1))
    assert readable == {own, street}
    assert not readable & {sibling, ended, waiting}


def test_a_member_comments_on_a_posting_they_read_and_the_union_answers(cast):
    posting = approved(cast)
    comment = services.posting_comment_create(member=cast.member_a1, posting=posting, text="疗休养地点在哪里？")
    assert (comment.union, comment.answer) == (cast.union_a1, "")
    services.comment_answer(actor=cast.officer, comment=comment, answer="在千岛湖")
    comment.refresh_from_db()
    assert (comment.answer, comment.answered_by, comment.answered_on) == ("在千岛湖", cast.officer, days_from_today(0))


def test_a_member_cannot_comment_on_a_posting_they_may_not_read(cast):
    sibling = services.posting_approve(actor=cast.street_admin, posting=draft(
        cast, actor=cast.sibling_officer, union=cast.union_a2))
    for posting in (sibling, draft(cast)):
        with pytest.raises(ValidationError) as exc:
            services.posting_comment_create(member=cast.member_a1, posting=posting, text="问题")
        assert "posting" in errors_of(exc)
    assert not Comment.objects.exists()


def test_an_empty_comment_and_an_answer_to_nothing_are_refused(cast):
    posting = approved(cast)
    with pytest.raises(ValidationError) as exc:
        services.posting_comment_create(member=cast.member_a1, posting=posting, text="  ")
    assert errors_of(exc) == {"text": "请填写意见内容"}
    comment = services.posting_comment_create(member=cast.member_a1, posting=posting, text="问题")
    with pytest.raises(ValidationError) as exc:
        services.comment_answer(actor=cast.officer, comment=comment, answer=" ")
    assert errors_of(exc) == {"answer": "请填写答复内容"}
    assert Comment.objects.get(pk=comment.pk).answered_by is None


def test_an_answer_to_another_unions_comment_is_refused(cast):
    comment = services.posting_comment_create(member=cast.member_a1, posting=approved(cast), text="问题")
    with pytest.raises(ValidationError):
        services.comment_answer(actor=cast.sibling_officer, comment=comment, answer="答复")
    assert Member.objects.filter(pk=cast.member_a1.pk).exists()
