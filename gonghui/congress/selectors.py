"""Every read of congresses, scoped through `visible()`; and the composition check of a congress's delegates."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.core.scoping import get_visible_or_404, visible, within
from gonghui.members.choices import Gender
from gonghui.members.choices import MemberStatus
from gonghui.members.models import Member

from .filters import CongressFilters, DelegateFilters, ResolutionFilters, in_office_q, vacated_q
from .models import (
    AgendaDocument,
    AgendaItem,
    Congress,
    Delegate,
    Evaluation,
    Resolution,
    Session,
    SessionRequest,
    Voter,
)
from .rules import YOUNG_AGE, Rule, rules_for


def active_delegates(congress: Congress) -> QuerySet[Delegate]:
    """The congress's delegates in office (the congress has been read through a scoped selector)."""
    return congress.delegates.filter(in_office_q())


def congress_list(*, user, filters: Mapping | None = None) -> QuerySet[Congress]:
    qs = visible(Congress.objects.select_related("union"), user)
    return CongressFilters.narrow(qs, filters).order_by("-starts_on", "-id")


def in_office_counts(congresses) -> dict[int, int]:
    """Delegates in office of the congresses on a page, in one query (not an annotation of the whole list:
    that would count every delegate of the county before the page is cut)."""
    return dict(Delegate.objects.filter(in_office_q(), congress__in=congresses).order_by().values_list(
        "congress_id").annotate(n=Count("id")))


def congress_get(*, user, pk) -> Congress:
    return get_visible_or_404(Congress.objects.select_related("union"), user, pk=pk)


def delegate_list(*, user, filters: Mapping | None = None) -> QuerySet[Delegate]:
    qs = visible(Delegate.objects.select_related("union", "congress", "constituency", "member", "replaces__member"),
                 user)
    # By constituency in the order elected: walked along delegate_tenant_seat, a first page reads twenty rows.
    return DelegateFilters.narrow(qs, filters).order_by("congress_id", "constituency_id", "id")


def delegate_get(*, user, pk) -> Delegate:
    return get_visible_or_404(delegate_list(user=user), user, pk=pk)


def session_get(*, user, pk) -> Session:
    return get_visible_or_404(Session.objects.select_related("union", "congress__union"), user, pk=pk)


def agenda_item_get(*, user, pk) -> AgendaItem:
    return get_visible_or_404(AgendaItem.objects.select_related("union", "session__congress"), user, pk=pk)


def document_get(*, user, pk) -> AgendaDocument:
    return get_visible_or_404(AgendaDocument.objects.select_related("union", "item"), user, pk=pk)


def sessions_of(congress: Congress) -> QuerySet[Session]:
    return congress.sessions.select_related("congress").order_by("number")


def session_list(*, user) -> QuerySet[Session]:
    return visible(Session.objects.select_related("union", "congress"), user).order_by("-held_on", "-id")


def resolution_list(*, user, filters: Mapping | None = None) -> QuerySet[Resolution]:
    qs = visible(Resolution.objects.select_related("union", "session__congress", "agenda_item"), user)
    return ResolutionFilters.narrow(qs, filters).order_by("-decided_on", "-id")


def request_list(*, user) -> QuerySet[SessionRequest]:
    return visible(SessionRequest.objects.select_related("union", "congress"), user).annotate(
        signed=Count("signers")).order_by("-requested_on", "-id")


def evaluation_list(*, user) -> QuerySet[Evaluation]:
    return visible(Evaluation.objects.select_related("union", "session__congress"), user).order_by("-held_on", "-id")


def evaluation_get(*, user, pk) -> Evaluation:
    return get_visible_or_404(evaluation_list(user=user), user, pk=pk)


# A delegate's own ballot in the member portal ----------------------------------------------------

# How long after its day an evaluation takes ballots in the member portal: delegates mark them at the session or
# in the days after it; later, the counts are the result the union reports and no longer move.
BALLOT_DAYS = 14


def ballot_open(evaluation: Evaluation, today: date) -> bool:
    return evaluation.held_on <= today <= evaluation.held_on + timedelta(days=BALLOT_DAYS)


def seat_in_term(*, member, congress: Congress, today: date) -> Delegate | None:
    """The member's seat in office in the congress while its term runs, or None."""
    if not congress.starts_on <= today <= congress.ends_on:
        return None
    return active_delegates(congress).filter(member=member).first()


def evaluations_for_member(*, member, today: date) -> QuerySet[Evaluation]:
    """The evaluations open to a delegate: of the congresses whose current term they are a delegate of."""
    congresses = Delegate.objects.filter(in_office_q(), member=member, congress__starts_on__lte=today,
                                         congress__ends_on__gte=today).values("congress_id")
    return (Evaluation.objects.filter(session__congress_id__in=congresses, held_on__lte=today,
                                      held_on__gte=today - timedelta(days=BALLOT_DAYS))
            .select_related("session__congress__union").order_by("-held_on", "-id"))


def evaluation_for_member(*, member, pk, today: date) -> Evaluation:
    """One of them; any other evaluation is a 404, as a missing one is."""
    return get_object_or_404(evaluations_for_member(member=member, today=today), pk=pk)


def voted_ids(*, member, evaluations) -> set[int]:
    """Which of the evaluations the member has cast a ballot in (only that they did: a ballot names no one)."""
    return set(Voter.objects.filter(delegate__member=member, evaluation__in=evaluations).values_list(
        "evaluation_id", flat=True))


# The composition the rules require ---------------------------------------------------------------

@dataclass(frozen=True)
class CompositionRow:
    rule: Rule
    count: int
    total: int
    required: str  # 不少于60%, 不低于会员中的比例（48.0%）
    ok: bool

    @property
    def share(self) -> str:
        return f"{self.count * 100 / self.total:.1f}%" if self.total else "—"


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def composition(congress: Congress, today: date | None = None) -> list[CompositionRow]:
    """Each rule of the congress's kind against its delegates in office; proportional rules against the
    members of the union (its subtree for a federation's congress)."""
    today = today or timezone.localdate()
    rows = list(active_delegates(congress).values_list("occupation", "member__gender", "member__birth_date"))
    total = len(rows)
    members = within(Member.objects.filter(status=MemberStatus.ACTIVE), congress.union)
    young_since = _years_before(today, YOUNG_AGE)
    out = []
    for rule in rules_for(congress.kind):
        count = sum(rule.counts(occupation, gender, _age(birth, today)) for occupation, gender, birth in rows)
        if rule.proportional:
            base = members.count()
            group = members.filter(gender=Gender.FEMALE) if rule.group == "women" else members.filter(
                birth_date__gt=young_since)
            share = group.count() / base if base else 0
            required = f"{rule.wording}（{share * 100:.1f}%）"
            ok = count >= int(total * share)
        elif rule.at_least is not None:
            required, ok = rule.wording, count * 100 >= total * rule.at_least
        else:
            required, ok = rule.wording, count * 100 <= total * rule.at_most
        out.append(CompositionRow(rule=rule, count=count, total=total, required=required, ok=ok and total > 0))
    return out


# The home page's to-do card ---------------------------------------------------------------------

@dataclass(frozen=True)
class Todo:
    vacated: int


def congress_todo(*, user, today: date) -> Todo:
    return Todo(vacated=visible(Delegate.objects.filter(vacated_q()), user).count())


def vacancies(congress: Congress) -> QuerySet[Delegate]:
    """Seats a by-election may fill: left, or their member left the union, and not yet filled."""
    return congress.delegates.select_related("member").filter(
        Q(status="left") | vacated_q(), successor__isnull=True).order_by("member__name")
