"""Every read of proposals, scoped through `visible()`."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from gonghui.accounts.models import Role, User
from gonghui.congress.filters import in_office_q
from gonghui.congress.models import Congress, Delegate, Session
from gonghui.core.figures import figure_get, figure_records
from gonghui.core.periods import Period
from gonghui.core.scoping import get_visible_or_404, subtree_ids, visible

from .filters import ProposalFilters, overdue_q
from .models import CommitteeMember, Department, Proposal, ProposalCategory, ProposalState, Step


def proposal_list(*, user, filters: Mapping | None = None) -> QuerySet[Proposal]:
    qs = visible(Proposal.objects.select_related("union", "session__congress", "proposer__member", "delegation",
                                                 "lead"), user)
    return ProposalFilters.narrow(qs, filters).order_by("-submitted_on", "-id")


def proposal_get(*, user, pk) -> Proposal:
    return get_visible_or_404(proposal_list(user=user), user, pk=pk)


def steps_of(*, proposal: Proposal) -> QuerySet[Step]:
    """A proposal's trail; the proposal has been read through a scoped selector."""
    return proposal.steps.select_related("by", "by_member")


def department_list(*, user) -> QuerySet[Department]:
    return visible(Department.objects.select_related("union", "officer"), user).order_by("union__path", "name")


def department_get(*, user, pk) -> Department:
    return get_visible_or_404(department_list(user=user), user, pk=pk)


def session_choices(*, user) -> QuerySet[Session]:
    return visible(Session.objects.select_related("congress", "congress__union"), user).order_by("-held_on")


def merge_choices(*, proposal: Proposal) -> QuerySet[Proposal]:
    return Proposal.objects.filter(session_id=proposal.session_id,
                                   state__in=(ProposalState.SUBMITTED, ProposalState.ACCEPTED)
                                   ).exclude(pk=proposal.pk).order_by("number")


# The home page's to-do card ---------------------------------------------------------------------

@dataclass(frozen=True)
class Todo:
    to_review: int
    to_assign: int
    overdue: int
    overdue_mine: int  # of the departments the user is the officer of
    replies_to_check: int
    follow_up_due: int  # closed, the reply's completion date passed, not yet done


def proposals_todo(*, user, today: date) -> Todo:
    """The committee's lines count the proposals of the terms the user sits on; the department's, its own."""
    qs = proposal_list(user=user)
    seated = qs.filter(session__congress_id__in=CommitteeMember.objects.filter(user=user).values("congress_id"))
    return Todo(to_review=seated.filter(state=ProposalState.SUBMITTED).count(),
                to_assign=seated.filter(state=ProposalState.ACCEPTED).count(),
                overdue=seated.filter(overdue_q(today)).exclude(lead__officer=user).count(),
                overdue_mine=qs.filter(overdue_q(today), lead__officer=user).count(),
                replies_to_check=seated.filter(state=ProposalState.REPLIED).count(),
                follow_up_due=seated.filter(state=ProposalState.CLOSED, completion_on__lt=today).count())


def committee_list(*, user) -> QuerySet[CommitteeMember]:
    return visible(CommitteeMember.objects.select_related("union", "user", "congress__union"), user).order_by(
        "congress__union__path", "-congress__term", "-is_chair", "user__username")


def committee_seat_get(*, user, pk) -> CommitteeMember:
    return get_visible_or_404(committee_list(user=user), user, pk=pk)


def committee_congresses(*, user) -> QuerySet[Congress]:
    return visible(Congress.objects.select_related("union"), user).order_by("union__path", "-term")


def committee_choices(*, congress: Congress):
    """The union's own accounts that may write and are not seated yet."""
    seated = CommitteeMember.objects.filter(congress=congress).values("user_id")
    return User.objects.filter(is_active=True, union_id=congress.union_id).exclude(role=Role.AUDITOR).exclude(
        pk__in=seated).order_by("username")


def session_get(*, user, pk) -> Session:
    return get_visible_or_404(session_choices(user=user), user, pk=pk)


def officer_choices(*, union):
    """The accounts of the union (or beneath it) that may act for a department: those who may write."""
    return User.objects.filter(is_active=True, union_id__in=subtree_ids(union)).exclude(
        role=Role.AUDITOR).order_by("username")


# The overview's breakdown by category, from the registry's records so each column adds up to its figure --

@dataclass(frozen=True)
class CategoryRow:
    label: str
    counts: list[int]
    url: str


BY_CATEGORY = ("proposals.received", "proposals.accepted", "proposals.merged", "proposals.replied_on_time",
               "proposals.satisfied")


def figures_by_category(*, user, union, period: Period) -> list[CategoryRow]:
    counts = {key: dict(figure_records(figure_get(key), user=user, union=union, period=period)
                        .order_by().values_list("category").annotate(n=Count("id"))) for key in BY_CATEGORY}
    query = {"union": union.pk, "submitted_start": period.start.isoformat(), "submitted_end": period.end.isoformat()}
    return [CategoryRow(label=str(label), counts=[counts[key].get(value, 0) for key in BY_CATEGORY],
                        url=reverse("proposals:proposals") + "?" + urlencode({**query, "category": value}))
            for value, label in ProposalCategory.choices if any(counts[key].get(value) for key in BY_CATEGORY)]


# A delegate's own proposals in the member portal -------------------------------------------------

def seats_of(*, member) -> QuerySet[Delegate]:
    """The member's seats in office, one per congress they are a delegate of."""
    return Delegate.objects.filter(in_office_q(), member=member).select_related("congress")


def proposals_for_member(*, member) -> QuerySet[Proposal]:
    """What a delegate follows: the proposals they proposed, co-signed or were merged into as a co-proposer,
    and the drafts other delegates of their congresses asked them to co-sign."""
    # Each part a subquery of ids: one OR over the joins had PostgreSQL scan every proposal (180 ms in a county).
    congresses = seats_of(member=member).values("congress_id")
    seats = Delegate.objects.filter(member=member).values("pk")
    signed = [field.through.objects.filter(delegate_id__in=seats).values("proposal_id")
              for field in (Proposal.co_signers, Proposal.co_proposers)]
    return (Proposal.objects.filter(Q(proposer_id__in=seats) | Q(pk__in=signed[0]) | Q(pk__in=signed[1])
                                    | Q(state=ProposalState.DRAFT, cosign_asked_on__isnull=False,
                                        session__congress_id__in=congresses))
            .select_related("session__congress__union", "proposer__member", "delegation")
            .order_by("-drafted_on", "-id"))


def is_delegate(*, member) -> bool:
    """A delegate in office, or one with proposals still to follow: the portal offers them their proposals."""
    return seats_of(member=member).exists() or proposals_for_member(member=member).exists()


def proposal_for_member(*, member, pk) -> Proposal:
    """One of them; any other proposal is a 404, as a missing one is."""
    return get_object_or_404(proposals_for_member(member=member), pk=pk)


def sessions_for_member(*, member, today: date) -> QuerySet[Session]:
    """The sessions a delegate may still draft a proposal to: of their congresses, not yet held."""
    return (Session.objects.filter(congress_id__in=seats_of(member=member).values("congress_id"), held_on__gte=today)
            .select_related("congress").order_by("held_on"))


def seat_for(*, member, session: Session) -> Delegate | None:
    return seats_of(member=member).filter(congress_id=session.congress_id).first()
