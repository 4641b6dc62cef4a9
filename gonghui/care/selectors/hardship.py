"""Reads of hardship files and aid. Their lists need the care grant (403 without); a single file without it is a
404, as one outside the user's subtree (core.scoping.visible)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from gonghui.core.scoping import get_visible_or_404, may_access_care, visible

from ..choices import HardshipFileStatus, ReviewStep
from ..filters import AidFilters, FileFilters
from ..models import AidPayment, HardshipFile, HardshipReview
from ..rules import require_care_access

REVIEW_EVERY = timedelta(days=365)


def _files(user) -> QuerySet[HardshipFile]:
    require_care_access(user)
    return visible(HardshipFile.objects.select_related("member", "union"), user)


def hardship_file_list(*, user, filters: Mapping | None = None) -> QuerySet[HardshipFile]:
    """Newest application first."""
    return FileFilters.narrow(_files(user), filters).order_by("-applied_on", "-id")


def hardship_file_get(*, user, pk) -> HardshipFile:
    return get_visible_or_404(HardshipFile.objects.select_related("member", "union"), user, pk=pk)


def hardship_file_reviews(*, file: HardshipFile):
    return file.reviews.select_related("by")


def hardship_file_aid(*, file: HardshipFile) -> QuerySet[AidPayment]:
    return file.aid.order_by("-paid_on", "-id")


def aid_list(*, user, filters: Mapping | None = None) -> QuerySet[AidPayment]:
    """Latest payment first."""
    require_care_access(user)
    qs = visible(AidPayment.objects.select_related("file__member", "union"), user)
    return AidFilters.narrow(qs, filters).order_by("-paid_on", "-id")


def _review_due(today: date) -> Q:
    """Active files whose last review (or approval) is more than a year old."""
    return Q(status=HardshipFileStatus.ACTIVE, last_reviewed_on__lt=today - REVIEW_EVERY)


def files_review_due(*, user, today: date) -> QuerySet[HardshipFile]:
    return _files(user).filter(_review_due(today)).order_by("last_reviewed_on")


def files_never_helped(*, user) -> QuerySet[HardshipFile]:
    helped = AidPayment.objects.filter(file_id=OuterRef("pk"))
    return _files(user).filter(status=HardshipFileStatus.ACTIVE).filter(~Exists(helped)).order_by("approved_on")


@dataclass(frozen=True)
class HardshipTodo:
    union_review: int = 0
    federation_review: int = 0
    yearly_review: int = 0


def hardship_todo(*, user, today: date) -> HardshipTodo:
    """The home page's to-do: files waiting for a review this user could do, counted in one query.

    The federation's review follows the services' rule (_require_federation_reviewer): a federation
    admin above the file's union, who did not do the file's first review. Nothing without the grant.
    """
    if not may_access_care(user):
        return HardshipTodo()
    counts = {"union_review": Count("id", filter=Q(status=HardshipFileStatus.APPLIED)),
              "yearly_review": Count("id", filter=_review_due(today))}
    if user.is_federation_admin:
        own_first_review = HardshipReview.objects.filter(file_id=OuterRef("pk"), step=ReviewStep.UNION, by=user)
        counts["federation_review"] = Count("id", filter=Q(status=HardshipFileStatus.UNION_APPROVED)
                                            & ~Q(union_id=user.union_id) & ~Exists(own_first_review))
    return HardshipTodo(**visible(HardshipFile.objects.all(), user).aggregate(**counts))
