"""Every read of checks, scoped through `visible()`.

A rubric is seen by its federation's subtree (the unions it is applied to read it too: `rubric_list`
takes the federations above the user as well). A campaign is its organiser's; an assessment is the
assessed union's, so the union doing its self-assessment and every federation above it see it.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from gonghui.core.figures import figure_get, figure_records
from gonghui.core.periods import Period
from gonghui.core.scoping import ancestor_paths, get_or_404, get_visible_or_404, visible
from gonghui.org.models import Union

from .filters import AssessmentFilters, CampaignFilters, NoticeFilters, RubricFilters
from .models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    Evidence,
    ItemScore,
    NoticeStatus,
    Objection,
    Rubric,
    RubricItem,
    SupervisionNotice,
)


def rubric_list(*, user, filters: Mapping | None = None) -> QuerySet[Rubric]:
    """The user's subtree's rubrics and those of the federations above (the rubrics applied to it)."""
    node = getattr(user, "union", None) if getattr(user, "is_authenticated", False) else None
    if node is None:
        return Rubric.objects.none()
    qs = Rubric.objects.select_related("union").filter(tenant_id=node.tenant_id).filter(
        Q(union__path__startswith=node.path) | Q(union__path__in=ancestor_paths(node)))
    return RubricFilters.narrow(qs, filters).order_by("-id")


def rubric_get(*, user, pk) -> Rubric:
    return get_or_404(rubric_list(user=user), pk=pk)


def rubric_owned_get(*, user, pk) -> Rubric:
    """A rubric the user's subtree owns (to edit, or to run a campaign with it: a rubric from above too)."""
    return get_visible_or_404(Rubric.objects.select_related("union"), user, pk=pk)


def rubric_item_owned_get(*, user, pk) -> RubricItem:
    """An item of a rubric the user's subtree owns (to edit or delete)."""
    return get_visible_or_404(RubricItem.objects.select_related("rubric__union", "section"), user, pk=pk)


def rubric_items(*, rubric: Rubric) -> QuerySet[RubricItem]:
    return rubric.items.select_related("section").order_by("section__order", "order", "id")


def campaign_list(*, user, filters: Mapping | None = None) -> QuerySet[Campaign]:
    qs = visible(Campaign.objects.select_related("union", "rubric"), user)
    return CampaignFilters.narrow(qs, filters).order_by("-year", "-id")


def campaign_get(*, user, pk) -> Campaign:
    return get_visible_or_404(campaign_list(user=user), user, pk=pk)


def assessment_list(*, user, filters: Mapping | None = None) -> QuerySet[Assessment]:
    qs = visible(Assessment.objects.select_related("union", "campaign", "campaign__rubric", "campaign__union"), user)
    return AssessmentFilters.narrow(qs, filters).order_by("-campaign__year", "campaign_id", "union__path", "id")


def assessment_get(*, user, pk) -> Assessment:
    return get_visible_or_404(assessment_list(user=user), user, pk=pk)


def assessment_scores(*, assessment: Assessment) -> QuerySet[ItemScore]:
    return assessment.scores.select_related("item", "item__section").order_by("item__section__order",
                                                                               "item__order", "item_id")


def evidence_of(*, assessment: Assessment) -> QuerySet[Evidence]:
    return assessment.evidence.select_related("item", "activity")


def evidence_get(*, user, pk) -> Evidence:
    return get_visible_or_404(Evidence.objects.select_related("assessment"), user, pk=pk)


def objection_get(*, user, pk) -> Objection:
    return get_visible_or_404(Objection.objects.select_related("assessment__campaign__union"), user, pk=pk)


def may_review(user, assessment: Assessment) -> bool:
    """The organising federation (or one above it) reviews; the assessed union only assesses itself."""
    node = getattr(user, "union", None)
    return bool(node and assessment.campaign.union.path.startswith(node.path) and user.can_write)


def ledger_records(*, assessment: Assessment):
    """The assessed union's ledger entries in the campaign's period, to offer as evidence."""
    model = Evidence._meta.get_field("activity").related_model
    return (model.objects.filter(tenant_id=assessment.tenant_id, union__path__startswith=assessment.union.path,
                                 date__range=(assessment.campaign.starts_on, assessment.campaign.ends_on))
            .order_by("-date", "-id"))


def assessed_unions(*, user, union: Union) -> QuerySet[Union]:
    return Union.objects.filter(tenant_id=union.tenant_id, path__startswith=union.path).exclude(pk=union.pk)


# The home page's to-do card ---------------------------------------------------------------------

@dataclass(frozen=True)
class Todo:
    self_open: int
    to_review: int
    publicity_over: int
    notices_overdue: int


def checks_todo(*, user, today: date) -> Todo:
    mine = assessment_list(user=user)
    node = user.union
    reviewing = mine.filter(campaign__union__path__startswith=node.path)
    return Todo(
        self_open=mine.filter(status=AssessmentStatus.SELF, union=node).count(),
        to_review=reviewing.filter(status=AssessmentStatus.SUBMITTED).count(),
        publicity_over=reviewing.filter(status=AssessmentStatus.PUBLICISED, publicity_ends_on__lt=today).count(),
        notices_overdue=notice_list(user=user).filter(status=NoticeStatus.OPEN, deadline__lt=today).count(),
    )


def score_get(*, user, pk) -> ItemScore:
    return get_visible_or_404(ItemScore.objects.select_related("item", "assessment__campaign__union",
                                                               "assessment__union"), user, pk=pk)


def campaign_rubrics(*, user, union: Union) -> QuerySet[Rubric]:
    """The rubrics a campaign of `union` may use: its own and those of the federations above it."""
    return rubric_list(user=user).filter(union__path__in=ancestor_paths(union)).order_by("name", "-version")


def notice_list(*, user, filters: Mapping | None = None) -> QuerySet[SupervisionNotice]:
    """Supervision notices of the user's subtree: a federation sees its enterprises with open findings."""
    qs = visible(SupervisionNotice.objects.select_related("union", "assessment__campaign"), user)
    return NoticeFilters.narrow(qs, filters).order_by("status", "deadline", "id")


def notice_get(*, user, pk) -> SupervisionNotice:
    return get_visible_or_404(notice_list(user=user), user, pk=pk)


@dataclass(frozen=True)
class LevelCount:
    level: str
    count: int
    url: str


def assessed_by_level(*, user, union: Union, period: Period) -> list[LevelCount]:
    """The figure 考核评定 by level, from the figure's own records, so the rows add up to it."""
    records = figure_records(figure_get("checks.assessed"), user=user, union=union, period=period)
    query = {"union": union.pk, "reviewed_start": period.start.isoformat(), "reviewed_end": period.end.isoformat()}
    return [LevelCount(level=row["level"], count=row["n"],
                       url=reverse("checks:assessments") + "?" + urlencode({**query, "level": row["level"]}))
            for row in records.order_by().values("level").annotate(n=Count("id")).order_by("-n", "level")]
