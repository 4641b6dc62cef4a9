"""Every read of competitions and work teams, scoped through `visible()`.

A competition and a pair are their organiser's; an entry is the participant's, so a participating union
reads its own entries. Teams, plans, innovations, suggestions, accidents and nominations are their union's.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from gonghui.core.scoping import get_visible_or_404, visible
from gonghui.org.models import Union

from .filters import AccidentFilters, CompetitionFilters, NominationFilters, PairFilters, SuggestionFilters, TeamFilters
from .models import (
    Accident,
    Competition,
    Entry,
    Nomination,
    NominationStatus,
    Pair,
    PairActivity,
    Suggestion,
    Team,
    TeamPlan,
)


def team_list(*, user, filters: Mapping | None = None) -> QuerySet[Team]:
    qs = visible(Team.objects.select_related("union", "enterprise", "grade_assessment"), user)
    return TeamFilters.narrow(qs, filters).order_by("union__path", "name", "id")


def team_get(*, user, pk) -> Team:
    return get_visible_or_404(team_list(user=user), user, pk=pk)


def plan_get(*, user, pk) -> TeamPlan:
    return get_visible_or_404(TeamPlan.objects.select_related("team", "union"), user, pk=pk)


def competition_list(*, user, filters: Mapping | None = None) -> QuerySet[Competition]:
    qs = visible(Competition.objects.select_related("union"), user)
    return CompetitionFilters.narrow(qs, filters).order_by("-starts_on", "-id")


def competition_get(*, user, pk) -> Competition:
    return get_visible_or_404(competition_list(user=user), user, pk=pk)


def entries_of(*, competition: Competition) -> QuerySet[Entry]:
    return competition.entries.select_related("union", "team").order_by("rank", "union__path", "id")


def entry_get(*, user, pk) -> Entry:
    """An entry to score: the organiser's (the participant reads its entry on the competition's page)."""
    return get_visible_or_404(Entry.objects.select_related("competition", "union", "team"), user,
                              path_field="competition__union__path", pk=pk)


def suggestion_list(*, user, filters: Mapping | None = None) -> QuerySet[Suggestion]:
    qs = visible(Suggestion.objects.select_related("union", "competition"), user)
    return SuggestionFilters.narrow(qs, filters).order_by("-submitted_on", "-id")


def accident_list(*, user, filters: Mapping | None = None) -> QuerySet[Accident]:
    qs = visible(Accident.objects.select_related("union"), user)
    return AccidentFilters.narrow(qs, filters).order_by("-occurred_on", "-id")


def nomination_list(*, user, filters: Mapping | None = None) -> QuerySet[Nomination]:
    qs = visible(Nomination.objects.select_related("union", "team", "competition"), user)
    return NominationFilters.narrow(qs, filters).order_by("-nominated_on", "-id")


def nomination_get(*, user, pk) -> Nomination:
    return get_visible_or_404(nomination_list(user=user), user, pk=pk)


def pair_list(*, user, filters: Mapping | None = None) -> QuerySet[Pair]:
    qs = visible(Pair.objects.select_related("union", "model_union", "ordinary_union"), user)
    return PairFilters.narrow(qs, filters).order_by("-agreed_on", "-id")


def pair_get(*, user, pk) -> Pair:
    return get_visible_or_404(pair_list(user=user), user, pk=pk)


def pair_activities(*, pair: Pair) -> QuerySet[PairActivity]:
    return pair.activities.select_related("activity", "activity__union").order_by("activity__date", "id")


def ledger_activities(*, pair: Pair):
    """The two unions' ledger entries since the agreement, to record as joint activities."""
    model = PairActivity._meta.get_field("activity").related_model
    return model.objects.filter(union_id__in=(pair.model_union_id, pair.ordinary_union_id),
                                date__gte=pair.agreed_on).select_related("union").order_by("-date", "-id")


def unions_below(*, union: Union) -> QuerySet[Union]:
    return Union.objects.filter(tenant_id=union.tenant_id, path__startswith=union.path).exclude(pk=union.pk)


# The home page's to-do card ---------------------------------------------------------------------

@dataclass(frozen=True)
class Todo:
    nominations: int
    unranked: int


def competitions_todo(*, user, today: date) -> Todo:
    below = nomination_list(user=user).exclude(union=user.union).exclude(status=NominationStatus.APPROVED)
    unranked = competition_list(user=user).filter(union=user.union, ends_on__lt=today, entries__isnull=False,
                                                  entries__rank__isnull=True, entries__vetoed=False).distinct()
    return Todo(nominations=below.count(), unranked=unranked.count())


def enterprises_of(*, union: Union):
    """The enterprises a team of `union` may belong to (the union has been read through a scoped selector)."""
    return union.enterprises.order_by("name")
