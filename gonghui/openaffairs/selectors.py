"""Every read of open affairs, scoped through `visible()`; and the postings a member may read (the portal)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone

from gonghui.core.figures import figure_get, figure_records
from gonghui.core.periods import Period
from gonghui.core.scoping import ancestor_paths, get_visible_or_404, visible
from gonghui.org.models import Union

from .filters import CommentFilters, ItemFilters, PostingFilters, missed_q
from .models import CatalogueItem, Comment, Posting, PostingAttachment, PostingCategory, PostingStatus


def posting_list(*, user, filters: Mapping | None = None) -> QuerySet[Posting]:
    qs = visible(Posting.objects.select_related("union", "drafted_by", "approved_by", "catalogue_item"), user)
    return PostingFilters.narrow(qs, filters).order_by("-starts_on", "-id")


def posting_get(*, user, pk) -> Posting:
    return get_visible_or_404(posting_list(user=user), user, pk=pk)


def attachment_get(*, user, pk) -> PostingAttachment:
    return get_visible_or_404(PostingAttachment.objects.select_related("union", "posting"), user, pk=pk)


def item_list(*, user, filters: Mapping | None = None) -> QuerySet[CatalogueItem]:
    qs = visible(CatalogueItem.objects.select_related("union"), user)
    return ItemFilters.narrow(qs, filters).order_by("due_on", "id")


def item_get(*, user, pk) -> CatalogueItem:
    return get_visible_or_404(item_list(user=user), user, pk=pk)


def item_choices(*, user, union: Union) -> QuerySet[CatalogueItem]:
    """The catalogue items a posting of `union` may answer: the union's own, not yet posted first."""
    return item_list(user=user).filter(union=union).order_by("posted_on", "due_on", "id")


def comment_list(*, user, filters: Mapping | None = None) -> QuerySet[Comment]:
    qs = visible(Comment.objects.select_related("union", "posting", "member", "answered_by"), user)
    return CommentFilters.narrow(qs, filters).order_by("-asked_on", "-id")


def comment_get(*, user, pk) -> Comment:
    return get_visible_or_404(comment_list(user=user), user, pk=pk)


def comments_of(*, posting: Posting) -> QuerySet[Comment]:
    """A posting's comments; the posting has been read through a scoped selector."""
    return posting.comments.select_related("member", "answered_by").order_by("asked_on", "id")


def postings_for_member(*, member, today: date | None = None) -> QuerySet[Posting]:
    """What the member portal shows a member: the approved postings up today of the member's union and of
    every union above it."""
    today = today or timezone.localdate()
    return (Posting.objects.select_related("union")
            .filter(tenant_id=member.tenant_id, union__path__in=ancestor_paths(member.union),
                    status=PostingStatus.APPROVED, starts_on__lte=today, ends_on__gte=today)
            .order_by("-starts_on", "-id"))


# The home page's to-do card ---------------------------------------------------------------------

@dataclass(frozen=True)
class Todo:
    missed: int
    unanswered: int
    to_approve: int


def openaffairs_todo(*, user, today: date) -> Todo:
    return Todo(
        missed=item_list(user=user).filter(missed_q(today)).count(),
        unanswered=comment_list(user=user).filter(answer="").count(),
        # Drafts waiting for an approver; the author's own are not theirs to approve.
        to_approve=posting_list(user=user).filter(status=PostingStatus.DRAFT).exclude(drafted_by=user).count(),
    )


# Postings per category, from the registry's records so the rows add up to the figure -------------

@dataclass(frozen=True)
class CategoryCount:
    label: str
    count: int
    url: str


def postings_by_category(*, user, union: Union, period: Period) -> list[CategoryCount]:
    records = figure_records(figure_get("openaffairs.postings"), user=user, union=union, period=period)
    counts = dict(records.order_by().values_list("category").annotate(n=Count("id")))
    query = {"union": union.pk, "status": PostingStatus.APPROVED, "approved_start": period.start.isoformat(),
             "approved_end": period.end.isoformat()}
    return [CategoryCount(label=str(label), count=counts[value],
                          url=reverse("openaffairs:postings") + "?" + urlencode({**query, "category": value}))
            for value, label in PostingCategory.choices if counts.get(value)]
