"""Every read of competitions and work teams, scoped through `visible()`.

A competition and a pair are their organiser's; an entry is the participant's, so a participating union
reads its own entries. Teams, plans, innovations, suggestions, accidents and nominations are their union's.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from gonghui.core.scoping import get_visible_or_404, visible
from gonghui.members.choices import MemberStatus
from gonghui.members.models import Member
from gonghui.org.models import Union

from .filters import (AccidentFilters, CompetitionFilters, InnovationFilters, NominationFilters, PairFilters,
                      SuggestionFilters, TeamFilters)
from .models import (Accident, Competition, Entry, Indicator, IndicatorValue, Innovation, Nomination, NominationStatus,
                     Pair, PairActivity, RedFlag, Suggestion, Team, TeamMember, TeamPlan)


CURRENT = Q(memberships__left_on__isnull=True)


def team_list(*, user, filters: Mapping | None = None) -> QuerySet[Team]:
    """Teams with their headcount counted from the membership records (`Team.headcount` reads it)."""
    qs = visible(Team.objects.select_related("union", "enterprise", "grade_assessment", "leader__member"),
                 user)
    qs = qs.annotate(member_count=Count("memberships", filter=CURRENT))
    return TeamFilters.narrow(qs, filters).order_by("union__path", "name", "id")


def team_members(*, team: Team, past: bool = False) -> QuerySet[TeamMember]:
    """The team's current members, or (past) those who have left it, latest first."""
    rows = team.memberships.select_related("member").filter(left_on__isnull=not past)
    return rows.order_by("-left_on", "member__name", "id") if past else rows.order_by("member__name", "id")


def indicator_get(*, user, pk) -> Indicator:
    return get_visible_or_404(Indicator.objects.select_related("competition__union"), user, pk=pk)


def current_members(*, team: Team) -> QuerySet[Member]:
    """The people in the team now: the choices for its leader."""
    inside = team.memberships.filter(left_on__isnull=True).values("member_id")
    return Member.objects.filter(tenant_id=team.tenant_id, pk__in=inside).order_by("name", "id")


def membership_get(*, user, pk) -> TeamMember:
    return get_visible_or_404(TeamMember.objects.select_related("team", "member", "union"), user, pk=pk)


def members_to_add(*, team: Team) -> QuerySet[Member]:
    """The active members of the team's union not in it now (the team was read through a scoped selector)."""
    inside = team.memberships.filter(left_on__isnull=True).values("member_id")
    return (Member.objects.filter(tenant_id=team.tenant_id, union_id=team.union_id, status=MemberStatus.ACTIVE)
            .exclude(pk__in=inside).order_by("name", "id"))


def team_get(*, user, pk) -> Team:
    return get_visible_or_404(team_list(user=user), user, pk=pk)


def plan_get(*, user, pk) -> TeamPlan:
    return get_visible_or_404(TeamPlan.objects.select_related("team", "union"), user, pk=pk)


def innovation_list(*, user, filters: Mapping | None = None) -> QuerySet[Innovation]:
    qs = visible(Innovation.objects.select_related("union", "team"), user)
    return InnovationFilters.narrow(qs, filters).order_by("-recorded_on", "-id")


def competition_list(*, user, filters: Mapping | None = None) -> QuerySet[Competition]:
    qs = visible(Competition.objects.select_related("union"), user)
    return CompetitionFilters.narrow(qs, filters).order_by("-starts_on", "-id")


def competition_get(*, user, pk) -> Competition:
    return get_visible_or_404(competition_list(user=user), user, pk=pk)


def entries_of(*, competition: Competition) -> QuerySet[Entry]:
    return competition.entries.select_related("union", "team").order_by("rank", "union__path", "id")


def red_flags_of(*, competition: Competition) -> QuerySet[RedFlag]:
    return competition.red_flags.select_related("entry__union", "entry__team").order_by("-month")


def monthly_values_of(*, competition: Competition, month=None) -> QuerySet[IndicatorValue]:
    rows = competition.monthly_values.select_related("indicator", "entry__union", "entry__team")
    return (rows.filter(month=month) if month else rows).order_by("month", "indicator_id", "entry_id")


def monthly_checks(*, competition: Competition) -> list[dict]:
    """Per month checked: how many entries were scored and on how many indicators (the page's summary)."""
    return list(competition.monthly_values.values("month").annotate(
        entries=Count("entry", distinct=True), indicators=Count("indicator", distinct=True)).order_by("-month"))


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
