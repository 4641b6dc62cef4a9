"""Every read of the rights app, scoped through `visible()`.

Privacy: dispute cases and petitions are sensitive. Only users holding the grant
`may_access_care` ("可查看帮扶与维权档案") read them, the same rule as the care app's:
- a list (page, export or API) without the grant is refused outright: 403 (PermissionDenied);
- a detail without the grant is a 404, exactly like a record outside the user's subtree,
  so a guessed id tells nothing (core scoping hides CARE_GRANT_REQUIRED models from them);
- the aggregated figures (counts, workers, amounts) are shown to grant holders only as well.
Mediation bodies, mediators and collective contracts are not sensitive: plain subtree scoping.
Every read of a case or petition detail is logged (services.record_read).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from gonghui.core.formatting import percent, yuan
from gonghui.core.scoping import get_visible_or_404, may_access_care, visible, within
from gonghui.org.models import Enterprise, Union

from .choices import CaseState, ContractKind, ContractState, DisputeKind, Outcome
from .filters import (
    BodyFilters,
    ContractFilters,
    DisputeFilters,
    PetitionFilters,
    case_state,
    contract_state,
    past_limit,
    past_limit_cutoff,
)
from .models import (
    CaseStep,
    CollectiveContract,
    DisputeCase,
    MediationBody,
    Mediator,
    Petition,
    contract_warning_days,
    dispute_time_limit_days,  # noqa: F401 -- the pages and the home page's to-do read the time limit from here
)

CARE_DENIED = "您没有“可查看帮扶与维权档案”的授权，不能查看劳动争议和信访记录"


def _require_list_grant(user) -> None:
    if not may_access_care(user):
        raise PermissionDenied(CARE_DENIED)


# Mediation bodies ------------------------------------------------------------------------------

def body_list(*, user, filters: Mapping | None = None) -> QuerySet[MediationBody]:
    qs = visible(MediationBody.objects.select_related("union", "enterprise"), user)
    qs = qs.annotate(mediator_count=Count("mediators", filter=Q(mediators__active=True)))
    return BodyFilters.narrow(qs, filters).order_by("union__path", "name", "id")


def body_get(*, user, pk) -> MediationBody:
    return get_visible_or_404(MediationBody.objects.select_related("union", "enterprise"), user, pk=pk)


def mediator_list(*, user, union: Union | None = None, body: MediationBody | None = None) -> QuerySet[Mediator]:
    qs = within(visible(Mediator.objects.select_related("body", "union", "member"), user), union)
    return qs.filter(body=body) if body is not None else qs


def mediator_get(*, user, pk) -> Mediator:
    return get_visible_or_404(Mediator.objects.select_related("body", "union", "member"), user, pk=pk)


def mediator_choices(*, user) -> QuerySet[Mediator]:
    return mediator_list(user=user).filter(active=True).order_by("union__path", "name")


@dataclass
class MediationCoverage:
    bodies: int
    enterprise_bodies: int
    mediators: int

    def sentence(self) -> str:
        return f"调处组织{self.bodies}家，有调处员{self.mediators}名"


def mediation_coverage(*, user, union: Union) -> MediationCoverage:
    """The source summaries' "调处组织190家，有调处员190名": bodies and serving mediators in the subtree."""
    bodies = within(visible(MediationBody.objects.all(), user), union).aggregate(
        n=Count("id"), enterprise=Count("id", filter=Q(enterprise__isnull=False)))
    mediators = within(visible(Mediator.objects.filter(active=True), user), union).count()
    return MediationCoverage(bodies=bodies["n"], enterprise_bodies=bodies["enterprise"], mediators=mediators)


# Dispute cases ---------------------------------------------------------------------------------

# An open case whose time limit ends within these days (today included) is near it.
DISPUTE_NEAR_DAYS = 3


def near_limit_received(today: date | None = None) -> tuple[date, date]:
    """The first and last receipt day of cases whose time limit ends within DISPUTE_NEAR_DAYS."""
    first = past_limit_cutoff(today)
    return first, first + timedelta(days=DISPUTE_NEAR_DAYS - 1)


def dispute_list(*, user, filters: Mapping | None = None) -> QuerySet[DisputeCase]:
    _require_list_grant(user)
    qs = visible(DisputeCase.objects.select_related("union", "enterprise", "mediator"), user)
    return DisputeFilters.narrow(qs, filters).order_by("-received_on", "-id")


def dispute_get(*, user, pk) -> DisputeCase:
    return get_visible_or_404(DisputeCase.objects.select_related("union", "enterprise", "mediator__body"), user,
                              pk=pk)


def case_steps(*, case: DisputeCase) -> QuerySet[CaseStep]:
    return case.steps.select_related("by")


@dataclass
class DisputeFigures:
    """The year summary's dispute figures for a subtree and a period, from the records.

    Counted over the cases *received* in the period (received_on within start..end):
    - received: every such case ("共调处劳动纠纷N起": the summaries call each case taken up 调处);
    - handled: those closed, with any outcome, by the end of the period;
    - mediated: those handled whose outcome is 调解成功;
    - by kind, workers involved and amount at stake: over all received cases.
    Rates, as shown on the statistics page:
    - 调处率 (handling rate) = handled / received;
    - 成功率 (success rate) = mediated / handled.
    A rate with nothing to divide by is shown as "—".
    Petitions (信访) received in the period are counted beside them.
    """

    received: int = 0
    handled: int = 0
    mediated: int = 0
    workers: int = 0
    amount: Decimal = Decimal(0)
    petitions: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def handling_rate(self) -> str:
        return percent(self.handled, self.received)

    @property
    def success_rate(self) -> str:
        return percent(self.mediated, self.handled)

    def kind_rows(self) -> list[tuple[str, str, int]]:
        return [(kind.value, kind.label, self.by_kind.get(kind.value, 0)) for kind in DisputeKind]

    def sentence(self) -> str:
        kinds = "，".join(f"{label}{n}件" for _, label, n in self.kind_rows() if n)
        parts = [f"共调处劳动纠纷{self.received}起", f"共接待职工信访{self.petitions}件",
                 f"成功调处劳资纠纷{self.mediated}件"]
        if kinds:
            parts.append(f"其中{kinds}")
        parts += [f"涉及职工{self.workers}名", f"涉案金额{yuan(self.amount)}元"]
        return "，".join(parts) + f"。调处率{self.handling_rate}，成功率{self.success_rate}。"


def dispute_figures(*, user, union: Union, start: date, end: date) -> DisputeFigures:
    """One aggregate query over the subtree's cases received in the period, one count of petitions."""
    _require_list_grant(user)
    cases = within(visible(DisputeCase.objects.all(), user), union).filter(received_on__range=(start, end))
    handled = Q(closed_on__lte=end)
    row = cases.aggregate(
        received=Count("id"), handled=Count("id", filter=handled),
        mediated=Count("id", filter=handled & Q(outcome=Outcome.MEDIATED)),
        workers=Sum("workers_involved"), amount=Sum("amount"),
        **{f"kind_{kind}": Count("id", filter=Q(kind=kind)) for kind in DisputeKind.values},
    )
    petitions = within(visible(Petition.objects.all(), user), union).filter(received_on__range=(start, end))
    return DisputeFigures(
        received=row["received"], handled=row["handled"], mediated=row["mediated"], workers=row["workers"] or 0,
        amount=row["amount"] or Decimal(0), petitions=petitions.count(),
        by_kind={kind: row[f"kind_{kind}"] for kind in DisputeKind.values},
    )


# Petitions -------------------------------------------------------------------------------------

def petition_list(*, user, filters: Mapping | None = None) -> QuerySet[Petition]:
    _require_list_grant(user)
    qs = visible(Petition.objects.select_related("union"), user)
    return PetitionFilters.narrow(qs, filters).order_by("-received_on", "-id")


def petition_get(*, user, pk) -> Petition:
    return get_visible_or_404(Petition.objects.select_related("union", "member"), user, pk=pk)


# Collective contracts --------------------------------------------------------------------------

def contract_list(*, user, filters: Mapping | None = None) -> QuerySet[CollectiveContract]:
    qs = ContractFilters.narrow(visible(CollectiveContract.objects.select_related("union"), user), filters)
    return qs.prefetch_related("enterprises").order_by("term_end", "id")


def contract_get(*, user, pk) -> CollectiveContract:
    qs = CollectiveContract.objects.select_related("union").prefetch_related("enterprises")
    return get_visible_or_404(qs, user, pk=pk)


def enterprise_choices(*, user, union: Union) -> QuerySet[Enterprise]:
    """Enterprises a record entered at this union may name: the user's, under the union."""
    return within(visible(Enterprise.objects.select_related("union"), user), union).order_by("name")


@dataclass
class KindCoverage:
    kind: str
    label: str
    contracts: int
    enterprises: int
    workers: int


@dataclass
class ContractCoverage:
    """Collective contracts in force on a day (term_start <= day <= term_end) in a subtree.

    enterprises counts each enterprise once however many contracts cover it; workers are
    summed per kind (a contract's own "workers covered"), since an enterprise usually has
    a comprehensive and a wage contract for the same workers.
    """

    on: date
    contracts: int
    enterprises: int
    enterprises_total: int
    signed_in_period: int
    expiring: int
    warning_days: int
    kinds: list[KindCoverage]

    @property
    def enterprise_rate(self) -> str:
        return percent(self.enterprises, self.enterprises_total)

    def sentence(self) -> str:
        parts = [f"现行有效集体合同{self.contracts}份", f"覆盖企业{self.enterprises}家"]
        kinds = "；".join(f"{k.label}{k.contracts}份，覆盖企业{k.enterprises}家、职工{k.workers}名"
                         for k in self.kinds if k.contracts)
        return "，".join(parts) + (f"；其中{kinds}" if kinds else "") + "。"


def contract_coverage(*, user, union: Union, start: date, end: date) -> ContractCoverage:
    today = timezone.localdate()
    on = min(end, today)
    scoped = within(visible(CollectiveContract.objects.all(), user), union)
    in_force = scoped.filter(term_start__lte=on, term_end__gte=on)
    per_kind = {r["kind"]: r for r in in_force.values("kind").annotate(n=Count("id"), workers=Sum("workers_covered"))}
    links = CollectiveContract.enterprises.through.objects.filter(collectivecontract__in=in_force)
    enterprises_per_kind = dict(links.values_list("collectivecontract__kind").annotate(
        n=Count("enterprise_id", distinct=True)).values_list("collectivecontract__kind", "n"))
    kinds = [KindCoverage(kind=k.value, label=k.label, contracts=per_kind.get(k.value, {}).get("n", 0),
                          enterprises=enterprises_per_kind.get(k.value, 0),
                          workers=per_kind.get(k.value, {}).get("workers") or 0) for k in ContractKind]
    enterprises_total = within(visible(Enterprise.objects.all(), user), union)
    return ContractCoverage(
        on=on, contracts=sum(k.contracts for k in kinds),
        enterprises=links.aggregate(n=Count("enterprise_id", distinct=True))["n"],
        enterprises_total=enterprises_total.count(),
        signed_in_period=scoped.filter(signed_on__range=(start, end)).count(),
        expiring=contract_state(scoped, ContractState.EXPIRING, today).count(),
        warning_days=contract_warning_days(), kinds=kinds,
    )


# The home page's to-do ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RightsTodo:
    past_limit: int = 0
    near_limit: int = 0
    expiring: int = 0


def rights_todo(*, user, today: date) -> RightsTodo:
    """Open cases past or near their time limit, for grant holders only as the case lists are; contracts
    expiring, for anyone in the subtree as the contract list is (they are not sensitive)."""
    contracts = visible(CollectiveContract.objects.all(), user)
    expiring = contract_state(contracts, ContractState.EXPIRING, today).count()
    if not may_access_care(user):
        return RightsTodo(expiring=expiring)
    open_cases = case_state(visible(DisputeCase.objects.all(), user), CaseState.OPEN)
    counts = open_cases.aggregate(past_limit=Count("id", filter=past_limit(today)),
                                  near_limit=Count("id", filter=Q(received_on__range=near_limit_received(today))))
    return RightsTodo(expiring=expiring, **counts)
