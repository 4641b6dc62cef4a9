"""Every write of open affairs: the writer, the subtree, the input, then a save with history.

Errors are gathered per field and raised together, so a form shows all of them at once.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gonghui.core.formatting import future_error
from gonghui.core.pages import FIRST_YEAR, LAST_YEAR
from gonghui.core.services import (check_and_save, checked_create, checked_save, checked_update, fields_assign,
                                   require_writer_within, save_with_history, text_required)
from gonghui.core.uploads import stored_file_add
from gonghui.org.models import Union

from .models import CatalogueItem, Comment, CommentKind, Posting, PostingAttachment, PostingKind, PostingStatus
from .selectors import postings_for_member

ITEM_FIELDS = ("year", "category", "title", "due_on", "vote_on")
POSTING_FIELDS = ("kind", "category", "title", "content", "catalogue_item", "starts_on", "ends_on")
SELF_APPROVAL = "不能审批自己起草的公开事项，请由另一位工会干部审批"
NOT_READABLE = "找不到该公开事项，或它不在公开期内、不是您所在工会的公开事项"


# The yearly catalogue ----------------------------------------------------------------------------

def _check_item(item: CatalogueItem, errors: dict) -> None:
    text_required(item, errors, title="公开事项")
    if item.year is None or not FIRST_YEAR <= item.year <= LAST_YEAR:
        errors["year"] = f"年度应在{FIRST_YEAR}至{LAST_YEAR}之间"
    elif item.due_on and item.due_on.year != item.year:
        errors["due_on"] = f"应公开日期须在{item.year}年内（公开目录按年度编制）"
    if item.vote_on and item.due_on and item.due_on >= item.vote_on:
        errors.setdefault("due_on", f"需经职代会表决的事项须在表决日（{item.vote_on:%Y-%m-%d}）之前公开")


@transaction.atomic
def catalogue_item_create(*, actor, union: Union, year: int, category: str, title: str, due_on: date,
                          vote_on: date | None = None) -> CatalogueItem:
    return checked_create(CatalogueItem, actor=actor, union=union, check=_check_item, year=year, category=category,
                          title=title, due_on=due_on, vote_on=vote_on)


@transaction.atomic
def catalogue_item_update(*, actor, item: CatalogueItem, **fields) -> CatalogueItem:
    return checked_update(item, actor=actor, fields=fields, editable=ITEM_FIELDS, check=_check_item)


# Postings and their approval --------------------------------------------------------------------

def _check_posting(posting: Posting, errors: dict) -> None:
    text_required(posting, errors, title="标题", content="公开内容")
    if posting.starts_on and posting.ends_on and posting.ends_on < posting.starts_on:
        errors["ends_on"] = f"公开截止日期不能早于开始日期（{posting.starts_on:%Y-%m-%d}）"
    item = posting.catalogue_item
    if item is not None and item.union_id != posting.union_id:
        errors["catalogue_item"] = "该目录事项不属于本工会的公开目录"
    if item is not None and posting.kind != PostingKind.NOTICE:
        errors["catalogue_item"] = "只有公开事项可以对应公开目录，讨论话题和征文启事不能"


@transaction.atomic
def posting_create(*, actor, union: Union, category: str, title: str, content: str, starts_on: date, ends_on: date,
                   kind: str = PostingKind.NOTICE, catalogue_item: CatalogueItem | None = None) -> Posting:
    """A draft: it goes up when another officer approves it (posting_approve)."""
    return checked_create(Posting, actor=actor, union=union, check=_check_posting, exclude=["drafted_by"], kind=kind,
                          category=category, title=title, content=content, catalogue_item=catalogue_item,
                          starts_on=starts_on, ends_on=ends_on, drafted_by=actor)


@transaction.atomic
def posting_update(*, actor, posting: Posting, **fields) -> Posting:
    require_writer_within(actor, posting.union)
    if posting.status != PostingStatus.DRAFT:
        raise ValidationError({"__all__": "已审批公开的事项不能再修改"})
    fields_assign(posting, fields, POSTING_FIELDS)
    return check_and_save(posting, _check_posting, actor=actor, exclude=["drafted_by"])


@transaction.atomic
def posting_approve(*, actor, posting: Posting, approved_on: date | None = None) -> Posting:
    """Someone other than its author approves a draft; it goes up, and the catalogue item it answers is posted."""
    require_writer_within(actor, posting.union)
    approved_on = approved_on or timezone.localdate()
    if posting.status != PostingStatus.DRAFT:
        raise ValidationError({"__all__": "该公开事项已审批"})
    if posting.drafted_by_id == actor.pk:
        raise ValidationError({"approved_by": SELF_APPROVAL})
    if error := future_error(approved_on, "审批日期"):
        raise ValidationError({"approved_on": error})
    if approved_on > posting.ends_on:
        raise ValidationError({"approved_on": f"公开期已于{posting.ends_on:%Y-%m-%d}结束，请修改公开期后再审批"})
    posting.status, posting.approved_by, posting.approved_on = PostingStatus.APPROVED, actor, approved_on
    checked_save(posting, {}, actor=actor, exclude=["drafted_by", "approved_by", "catalogue_item"])
    _item_posted(posting, actor=actor)
    return posting


def _item_posted(posting: Posting, *, actor) -> None:
    item = posting.catalogue_item
    if item is None:
        return
    posted = max(posting.approved_on, posting.starts_on)
    if item.posted_on is None or posted < item.posted_on:
        item.posted_on = posted
        save_with_history(item, actor=actor)


@transaction.atomic
def attachment_add(*, actor, posting: Posting, file) -> PostingAttachment:
    require_writer_within(actor, posting.union)
    return stored_file_add(PostingAttachment, file, actor=actor, owner=posting, posting=posting)


# Members' questions and opinions, and the union's answers ---------------------------------------

@transaction.atomic
def posting_comment_create(*, member, posting: Posting, text: str, kind: str = CommentKind.QUESTION,
                           asked_on: date | None = None) -> Comment:
    """A member's question or opinion on a posting they may read (the member portal calls this)."""
    asked_on = asked_on or timezone.localdate()
    if not postings_for_member(member=member, today=asked_on).filter(pk=posting.pk).exists():
        raise ValidationError({"posting": NOT_READABLE})
    comment = Comment(tenant_id=posting.tenant_id, union_id=posting.union_id, posting=posting, member=member,
                      kind=kind, text=text, asked_on=asked_on)
    errors: dict[str, str] = {}
    text_required(comment, errors, text="意见内容")
    if errors:
        raise ValidationError(errors)
    comment.full_clean(exclude=["tenant", "union", "posting", "member"])
    comment.save()
    return comment


@transaction.atomic
def comment_answer(*, actor, comment: Comment, answer: str, answered_on: date | None = None) -> Comment:
    require_writer_within(actor, comment.union)
    comment.answer, comment.answered_by = answer, actor
    comment.answered_on = answered_on or timezone.localdate()
    errors: dict[str, str] = {}
    text_required(comment, errors, answer="答复内容")
    if error := future_error(comment.answered_on, "答复日期"):
        errors["answered_on"] = error
    if comment.answered_on < comment.asked_on:
        errors.setdefault("answered_on", f"答复日期不能早于提出日期（{comment.asked_on:%Y-%m-%d}）")
    return checked_save(comment, errors, actor=actor, exclude=["posting", "member", "answered_by"])
