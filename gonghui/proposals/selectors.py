"""Every read of proposals, scoped through `visible()`."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.urls import reverse

from gonghui.accounts.models import Role, User
from gonghui.congress.models import Session
from gonghui.core.figures import figure_get, figure_records
from gonghui.core.periods import Period
from gonghui.core.scoping import get_visible_or_404, subtree_ids, visible

from .filters import ProposalFilters, overdue_q
from .models import Category, Department, Proposal, State, Step


def proposal_list(*, user, filters: Mapping | None = None) -> QuerySet[Proposal]:
    qs = visible(Proposal.objects.select_related("union", "session__congress", "proposer__member", "delegation",
                                                 "lead"), user)
    return ProposalFilters.narrow(qs, filters).order_by("-submitted_on", "-id")


def proposal_get(*, user, pk) -> Proposal:
    return get_visible_or_404(proposal_list(user=user), user, pk=pk)


def steps_of(*, proposal: Proposal) -> QuerySet[Step]:
    """A proposal's trail; the proposal has been read through a scoped selector."""
    return proposal.steps.select_related("by")


def department_list(*, user) -> QuerySet[Department]:
    return visible(Department.objects.select_related("union", "officer"), user).order_by("union__path", "name")


def department_get(*, user, pk) -> Department:
    return get_visible_or_404(department_list(user=user), user, pk=pk)


def session_choices(*, user) -> QuerySet[Session]:
    return visible(Session.objects.select_related("congress", "congress__union"), user).order_by("-held_on")


def merge_choices(*, proposal: Proposal) -> QuerySet[Proposal]:
    return Proposal.objects.filter(session_id=proposal.session_id, state__in=(State.SUBMITTED, State.ACCEPTED)
                                   ).exclude(pk=proposal.pk).order_by("number")


# The home page's to-do card ---------------------------------------------------------------------

@dataclass(frozen=True)
class Todo:
    to_review: int
    overdue: int
    overdue_mine: int  # of the departments the user is the officer of
    replies_to_check: int


def proposals_todo(*, user, today: date) -> Todo:
    qs = proposal_list(user=user)
    return Todo(to_review=qs.filter(state=State.SUBMITTED).count(),
                overdue=qs.filter(overdue_q(today)).exclude(lead__officer=user).count(),
                overdue_mine=qs.filter(overdue_q(today), lead__officer=user).count(),
                replies_to_check=qs.filter(state=State.REPLIED).count())


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
            for value, label in Category.choices if any(counts[key].get(value) for key in BY_CATEGORY)]
