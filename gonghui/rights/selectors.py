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

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from gonghui.core.scoping import get_visible_or_404, may_access_care, visible
from gonghui.org.models import Enterprise, Union

from .choices import CaseState, ContractKind, ContractState, DisputeKind, Outcome
from .models import (
    CaseStep,
    CollectiveContract,
    DisputeCase,
    MediationBody,
    Mediator,
    Petition,
    contract_warning_days,
    dispute_time_limit_days,
)

CARE_DENIED = "您没有“可查看帮扶与维权档案”的授权，不能查看劳动争议和信访记录"


def _require_list_grant(user) -> None:
    if not may_access_care(user):
        raise PermissionDenied(CARE_DENIED)


def _in_subtree(qs: QuerySet, union: Union | None) -> QuerySet:
    return qs.filter(union__path__startswith=union.path) if union is not None else qs


def _received_between(qs: QuerySet, start: date | None, end: date | None) -> QuerySet:
    if start:
        qs = qs.filter(received_on__gte=start)
    return qs.filter(received_on__lte=end) if end else qs


# Mediation bodies ------------------------------------------------------------------------------

def body_list(*, user, union: Union | None = None) -> QuerySet[MediationBody]:
    qs = visible(MediationBody.objects.select_related("union", "enterprise"), user)
    qs = qs.annotate(mediator_count=Count("mediators", filter=Q(mediators__active=True)))
    return _in_subtree(qs, union).order_by("union__path", "name", "id")


def body_get(*, user, pk) -> MediationBody:
    return get_visible_or_404(MediationBody.objects.select_related("union", "enterprise"), user, pk=pk)


def mediator_list(*, user, union: Union | None = None, body: MediationBody | None = None) -> QuerySet[Mediator]:
    qs = _in_subtree(visible(Mediator.objects.select_related("body", "union", "member"), user), union)
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
    """The seed's "调处组织190家，有调处员190名": bodies and serving mediators in the subtree."""
    bodies = _in_subtree(visible(MediationBody.objects.all(), user), union).aggregate(
        n=Count("id"), enterprise=Count("id", filter=Q(enterprise__isnull=False)))
    mediators = _in_subtree(visible(Mediator.objects.filter(active=True), user), union).count()
    return MediationCoverage(bodies=bodies["n"], enterprise_bodies=bodies["enterprise"], mediators=mediators)


# Dispute cases ---------------------------------------------------------------------------------

# An open case whose time limit ends within these days (today included) is near it.
DISPUTE_NEAR_DAYS = 3


def overdue_cutoff(today: date | None = None) -> date:
    """Open cases received before this day are past their time limit."""
    return (today or timezone.localdate()) - timedelta(days=dispute_time_limit_days())


def near_limit_received(today: date | None = None) -> tuple[date, date]:
    """The first and last receipt day of cases whose time limit ends within DISPUTE_NEAR_DAYS."""
    first = overdue_cutoff(today)
    return first, first + timedelta(days=DISPUTE_NEAR_DAYS - 1)


def _overdue(today: date | None = None) -> Q:
    return Q(closed_on__isnull=True, received_on__lt=overdue_cutoff(today))


@dataclass(frozen=True)
class DisputeFilter:
    union: Union | None = None
    kind: str = ""
    state: str = ""
    outcome: str = ""
    start: date | None = None
    end: date | None = None
    q: str = ""


def _case_state(qs: QuerySet, state: str) -> QuerySet:
    if state == CaseState.OPEN:
        return qs.filter(closed_on__isnull=True)
    if state == CaseState.OVERDUE:
        return qs.filter(_overdue())
    if state == CaseState.CLOSED:
        return qs.filter(closed_on__isnull=False)
    return qs


def dispute_list(*, user, filters: DisputeFilter = DisputeFilter()) -> QuerySet[DisputeCase]:
    _require_list_grant(user)
    qs = visible(DisputeCase.objects.select_related("union", "enterprise", "mediator"), user)
    qs = _case_state(_in_subtree(qs, filters.union), filters.state)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.outcome:
        qs = qs.filter(outcome=filters.outcome)
    qs = _received_between(qs, filters.start, filters.end)
    if filters.q.strip():
        qs = qs.filter(Q(enterprise__name__contains=filters.q.strip()) | Q(applicant__startswith=filters.q.strip()))
    return qs.order_by("-received_on", "-id")


def dispute_get(*, user, pk) -> DisputeCase:
    return get_visible_or_404(DisputeCase.objects.select_related("union", "enterprise", "mediator__body"), user,
                              pk=pk)


def case_steps(*, case: DisputeCase) -> QuerySet[CaseStep]:
    return case.steps.select_related("by")


def _percent(part: int, whole: int) -> str:
    if not whole:
        return "—"
    value = Decimal(part * 100) / Decimal(whole)
    return f"{value:.0f}%" if value == value.to_integral_value() else f"{value:.1f}%"


def _yuan(amount: Decimal) -> str:
    return f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"


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
        return _percent(self.handled, self.received)

    @property
    def success_rate(self) -> str:
        return _percent(self.mediated, self.handled)

    def kind_rows(self) -> list[tuple[str, str, int]]:
        return [(kind.value, kind.label, self.by_kind.get(kind.value, 0)) for kind in DisputeKind]

    def sentence(self) -> str:
        kinds = "，".join(f"{label}{n}件" for _, label, n in self.kind_rows() if n)
        parts = [f"共调处劳动纠纷{self.received}起", f"共接待职工信访{self.petitions}件",
                 f"成功调处劳资纠纷{self.mediated}件"]
        if kinds:
            parts.append(f"其中{kinds}")
        parts += [f"涉及职工{self.workers}名", f"涉案金额{_yuan(self.amount)}元"]
        return "，".join(parts) + f"。调处率{self.handling_rate}，成功率{self.success_rate}。"


def dispute_figures(*, user, union: Union, start: date, end: date) -> DisputeFigures:
    """One aggregate query over the subtree's cases received in the period, one count of petitions."""
    _require_list_grant(user)
    cases = _in_subtree(visible(DisputeCase.objects.all(), user), union).filter(received_on__range=(start, end))
    handled = Q(closed_on__lte=end)
    row = cases.aggregate(
        received=Count("id"), handled=Count("id", filter=handled),
        mediated=Count("id", filter=handled & Q(outcome=Outcome.MEDIATED)),
        workers=Sum("workers_involved"), amount=Sum("amount"),
        **{f"kind_{kind}": Count("id", filter=Q(kind=kind)) for kind in DisputeKind.values},
    )
    petitions = _in_subtree(visible(Petition.objects.all(), user), union).filter(received_on__range=(start, end))
    return DisputeFigures(
        received=row["received"], handled=row["handled"], mediated=row["mediated"], workers=row["workers"] or 0,
        amount=row["amount"] or Decimal(0), petitions=petitions.count(),
        by_kind={kind: row[f"kind_{kind}"] for kind in DisputeKind.values},
    )


# Petitions -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PetitionFilter:
    union: Union | None = None
    channel: str = ""
    start: date | None = None
    end: date | None = None
    q: str = ""


def petition_list(*, user, filters: PetitionFilter = PetitionFilter()) -> QuerySet[Petition]:
    _require_list_grant(user)
    qs = _in_subtree(visible(Petition.objects.select_related("union"), user), filters.union)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    qs = _received_between(qs, filters.start, filters.end)
    if filters.q.strip():
        qs = qs.filter(petitioner__startswith=filters.q.strip())
    return qs.order_by("-received_on", "-id")


def petition_get(*, user, pk) -> Petition:
    return get_visible_or_404(Petition.objects.select_related("union", "member"), user, pk=pk)


# Collective contracts --------------------------------------------------------------------------

@dataclass(frozen=True)
class ContractFilter:
    union: Union | None = None
    kind: str = ""
    scope: str = ""
    state: str = ""
    q: str = ""


def _contract_state(qs: QuerySet, state: str, today: date) -> QuerySet:
    warning_end = today + timedelta(days=contract_warning_days())
    if state == ContractState.IN_FORCE:
        return qs.filter(term_start__lte=today, term_end__gte=today)
    if state == ContractState.EXPIRING:
        return qs.filter(term_end__gte=today, term_end__lte=warning_end)
    if state == ContractState.EXPIRED:
        return qs.filter(term_end__lt=today)
    return qs


def contract_list(*, user, filters: ContractFilter = ContractFilter()) -> QuerySet[CollectiveContract]:
    qs = _in_subtree(visible(CollectiveContract.objects.select_related("union"), user), filters.union)
    qs = _contract_state(qs, filters.state, timezone.localdate())
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.scope:
        qs = qs.filter(scope=filters.scope)
    if filters.q.strip():
        qs = qs.filter(Q(title__contains=filters.q.strip()) | Q(enterprises__name__contains=filters.q.strip()))
        qs = qs.distinct()
    return qs.prefetch_related("enterprises").order_by("term_end", "id")


def contract_get(*, user, pk) -> CollectiveContract:
    qs = CollectiveContract.objects.select_related("union").prefetch_related("enterprises")
    return get_visible_or_404(qs, user, pk=pk)


def enterprise_choices(*, user, union: Union) -> QuerySet[Enterprise]:
    """Enterprises a record entered at this union may name: the user's, under the union."""
    return _in_subtree(visible(Enterprise.objects.select_related("union"), user), union).order_by("name")


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
        return _percent(self.enterprises, self.enterprises_total)

    def sentence(self) -> str:
        parts = [f"现行有效集体合同{self.contracts}份", f"覆盖企业{self.enterprises}家"]
        kinds = "；".join(f"{k.label}{k.contracts}份，覆盖企业{k.enterprises}家、职工{k.workers}名"
                         for k in self.kinds if k.contracts)
        return "，".join(parts) + (f"；其中{kinds}" if kinds else "") + "。"


def contract_coverage(*, user, union: Union, start: date, end: date) -> ContractCoverage:
    today = timezone.localdate()
    on = min(end, today)
    scoped = _in_subtree(visible(CollectiveContract.objects.all(), user), union)
    in_force = scoped.filter(term_start__lte=on, term_end__gte=on)
    per_kind = {r["kind"]: r for r in in_force.values("kind").annotate(n=Count("id"), workers=Sum("workers_covered"))}
    links = CollectiveContract.enterprises.through.objects.filter(collectivecontract__in=in_force)
    enterprises_per_kind = dict(links.values_list("collectivecontract__kind").annotate(
        n=Count("enterprise_id", distinct=True)).values_list("collectivecontract__kind", "n"))
    kinds = [KindCoverage(kind=k.value, label=k.label, contracts=per_kind.get(k.value, {}).get("n", 0),
                          enterprises=enterprises_per_kind.get(k.value, 0),
                          workers=per_kind.get(k.value, {}).get("workers") or 0) for k in ContractKind]
    enterprises_total = _in_subtree(visible(Enterprise.objects.all(), user), union)
    return ContractCoverage(
        on=on, contracts=sum(k.contracts for k in kinds),
        enterprises=links.aggregate(n=Count("enterprise_id", distinct=True))["n"],
        enterprises_total=enterprises_total.count(),
        signed_in_period=scoped.filter(signed_on__range=(start, end)).count(),
        expiring=_contract_state(scoped, ContractState.EXPIRING, today).count(),
        warning_days=contract_warning_days(), kinds=kinds,
    )


# The home page's to-do ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RightsTodo:
    overdue: int = 0
    near_limit: int = 0
    expiring: int = 0


def rights_todo(*, user, today: date) -> RightsTodo:
    """Open cases past or near their time limit, for grant holders only as the case lists are; contracts
    expiring, for anyone in the subtree as the contract list is (they are not sensitive)."""
    contracts = visible(CollectiveContract.objects.all(), user)
    expiring = _contract_state(contracts, ContractState.EXPIRING, today).count()
    if not may_access_care(user):
        return RightsTodo(expiring=expiring)
    open_cases = _case_state(visible(DisputeCase.objects.all(), user), CaseState.OPEN)
    counts = open_cases.aggregate(overdue=Count("id", filter=_overdue(today)),
                                  near_limit=Count("id", filter=Q(received_on__range=near_limit_received(today))))
    return RightsTodo(expiring=expiring, **counts)
