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
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import mark_safe

from gonghui.core.figures import FigureValue, figure_get, figure_values
from gonghui.core.periods import Period
from gonghui.core.scoping import get_visible_or_404, may_access_care, visible, within
from gonghui.org.models import Enterprise, Union

from .choices import CaseState, ContractKind, ContractState, DisputeKind
from .figures import reckoning_day
from .filters import (BodyFilters, ContractFilters, DisputeFilters, PetitionFilters, case_state, contract_state,
                      past_limit, past_limit_cutoff)
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


def mediation_coverage(*, user, union: Union, period: "Period | None" = None) -> "MediationCoverage":
    """The source summaries' "调处组织190家，有调处员190名": bodies and serving mediators in the subtree."""
    group = FigureGroup.read(MEDIATION_KEYS, user=user, union=union, period=period or _period(None, None))
    return MediationCoverage(period=group.period, values=group.values)


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


# The statistics: every figure read from the registry (rights/figures.py) ----------------------------------

def _period(start: date | None, end: date | None) -> Period:
    """Free dates, or the current calendar year; a rights page or the API gives its own."""
    year = timezone.localdate().year
    return Period(start=start or date(year, 1, 1), end=end or date(year, 12, 31))


@dataclass
class FigureGroup:
    """Registered figures of one union's subtree and one period, by key without the "rights." prefix."""

    period: Period
    values: dict[str, FigureValue]

    @classmethod
    def read(cls, keys, *, user, union: Union, period: Period) -> "FigureGroup":
        values = figure_values([figure_get(key) for key in keys], user=user, union=union, period=period)
        return cls(period=period, values={key.removeprefix("rights."): value for key, value in zip(keys, values)})

    def __getattr__(self, name: str):
        # mediation.bodies, figures.received: the value of a figure of the group.
        values = self.__dict__.get("values", {})
        key = ALIASES.get(name, name)
        if key in values:
            return values[key].value
        raise AttributeError(name)

    def __getitem__(self, key: str) -> FigureValue:
        return self.values[key]

    def list(self) -> list[FigureValue]:
        return list(self.values.values())

    def join(self, keys, *, linked: bool = False, sep: str = "，") -> str:
        parts = [self.values[key].linked_sentence if linked else self.values[key].sentence for key in keys]
        return mark_safe(sep.join(parts)) if linked else sep.join(parts)

    def sentence(self) -> str:
        return self.paragraph(linked=False)

    def linked(self) -> str:
        """The paragraph with each figure a link to its list."""
        return self.paragraph(linked=True)

    def paragraph(self, *, linked: bool) -> str:
        raise NotImplementedError


# Short names the pages, the API and the tests use for the figures of a group.
ALIASES = {"bodies": "mediation_bodies", "enterprise_bodies": "enterprise_mediation_bodies",
           "received": "disputes_received", "handled": "disputes_handled", "mediated": "disputes_mediated",
           "workers": "dispute_workers", "amount": "dispute_amount", "past_limit": "disputes_past_limit",
           "contracts": "contracts_in_force", "enterprises": "contract_enterprises",
           "enterprises_total": "org.enterprises_registered", "signed_in_period": "contracts_signed",
           "expiring": "contracts_expiring"}
MEDIATION_KEYS = ("rights.mediation_bodies", "rights.enterprise_mediation_bodies", "rights.mediators")
KIND_KEYS = tuple(f"rights.disputes_{kind}" for kind in DisputeKind.values)
DISPUTE_KEYS = ("rights.disputes_received", "rights.petitions", "rights.disputes_mediated", *KIND_KEYS,
                "rights.dispute_workers", "rights.dispute_amount", "rights.handling_rate", "rights.success_rate",
                "rights.disputes_handled", "rights.disputes_past_limit")
CONTRACT_KIND_KEYS = tuple(f"rights.{name}_{kind}" for kind in ContractKind.values
                           for name in ("contracts", "contract_enterprises", "contract_workers"))
CONTRACT_KEYS = ("rights.contracts_in_force", "rights.contract_enterprises", "org.enterprises_registered",
                 "rights.contract_rate", "rights.contracts_signed", "rights.contracts_expiring", *CONTRACT_KIND_KEYS)


@dataclass
class MediationCoverage(FigureGroup):
    def paragraph(self, *, linked: bool) -> str:
        return self.join(("mediation_bodies", "mediators"), linked=linked)


@dataclass
class DisputeFigures(FigureGroup):
    """The year summary's dispute figures for a subtree and a period (see rights/figures.py for each 口径):

    "共调处劳动纠纷27起，共接待职工信访27件，成功调处劳资纠纷27件，其中劳动合同5件…，涉及职工120名，
    涉案金额1329770元。调处率100%，成功率100%。" Kinds with no case are left out of the sentence.
    """

    @property
    def by_kind(self) -> dict[str, int]:
        return {kind: self.values[f"disputes_{kind}"].value for kind in DisputeKind.values}

    @property
    def handling_rate(self) -> str:
        return self.values["handling_rate"].text

    @property
    def success_rate(self) -> str:
        return self.values["success_rate"].text

    def kind_rows(self) -> list[tuple[str, str, int]]:
        return [(kind.value, kind.label, self.by_kind[kind.value]) for kind in DisputeKind]

    def paragraph(self, *, linked: bool) -> str:
        kinds = [f"disputes_{kind}" for kind, n in self.by_kind.items() if n]
        first = self.join(("disputes_received", "petitions", "disputes_mediated"), linked=linked)
        parts = [first]
        if kinds:
            parts.append("其中" + self.join(kinds, linked=linked))
        parts.append(self.join(("dispute_workers", "dispute_amount"), linked=linked))
        rates = self.join(("handling_rate", "success_rate"), linked=linked)
        text = "，".join(parts) + "。" + rates + "。"
        return mark_safe(text) if linked else text


def dispute_figures(*, user, union: Union, start: date | None = None, end: date | None = None,
                    period: Period | None = None) -> DisputeFigures:
    """The dispute and petition figures of the registry; without the grant the lists are refused, so are these."""
    _require_list_grant(user)
    period = period or _period(start, end)
    group = FigureGroup.read(DISPUTE_KEYS, user=user, union=union, period=period)
    return DisputeFigures(period=group.period, values=group.values)


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
    figures: tuple[FigureValue, FigureValue, FigureValue]  # contracts, enterprises covered, workers covered

    @property
    def contracts(self) -> int:
        return self.figures[0].value

    @property
    def enterprises(self) -> int:
        return self.figures[1].value

    @property
    def workers(self) -> int:
        return self.figures[2].value

    def paragraph(self, *, linked: bool) -> str:
        contracts, enterprises, workers = (v.link if linked else v.text for v in self.figures)
        return f"{self.label}{contracts}份，覆盖企业{enterprises}家、职工{workers}名"


@dataclass
class ContractCoverage(FigureGroup):
    """Collective contracts in force on the period's last day (today if sooner) in a subtree.

    enterprises counts each enterprise once however many contracts cover it; workers are
    summed per kind (a contract's own "workers covered"), since an enterprise usually has
    a comprehensive and a wage contract for the same workers.
    """

    @property
    def on(self) -> date:
        return reckoning_day(self.period)

    @property
    def warning_days(self) -> int:
        return contract_warning_days()

    @property
    def enterprise_rate(self) -> str:
        return self.values["contract_rate"].text

    @property
    def kinds(self) -> list[KindCoverage]:
        return [KindCoverage(kind=k.value, label=k.label, figures=tuple(
            self.values[f"{name}_{k.value}"] for name in ("contracts", "contract_enterprises", "contract_workers")))
            for k in ContractKind]

    def paragraph(self, *, linked: bool) -> str:
        head = self.join(("contracts_in_force", "contract_enterprises"), linked=linked)
        kinds = "；".join(k.paragraph(linked=linked) for k in self.kinds if k.contracts)
        text = head + (f"；其中{kinds}" if kinds else "") + "。"
        return mark_safe(text) if linked else text


def contract_coverage(*, user, union: Union, start: date | None = None, end: date | None = None,
                      period: Period | None = None) -> ContractCoverage:
    group = FigureGroup.read(CONTRACT_KEYS, user=user, union=union, period=period or _period(start, end))
    return ContractCoverage(period=group.period, values=group.values)


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


# Facts other apps read through the registry (competitions' eligibility for honours) ----------------

def wage_arrears_since(*, union: Union, since: date) -> int:
    """Wage disputes (工资纠纷) received since `since` at the union or beneath it: unscoped, a fact about
    the union that the caller has already read through its own scoped selector."""
    return DisputeCase.objects.filter(tenant_id=union.tenant_id, union__path__startswith=union.path,
                                      kind=DisputeKind.WAGES, received_on__gte=since).count()


def collective_contract_on(*, union: Union, on: date) -> bool:
    """Whether a collective contract in force on `on` was signed by the union or covers one of its enterprises."""
    return CollectiveContract.objects.filter(
        Q(union=union) | Q(enterprises__union=union), tenant_id=union.tenant_id,
        term_start__lte=on, term_end__gte=on).exists()
