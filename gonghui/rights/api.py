"""/api/rights/: the same selectors and services as the pages; phones come back masked.

Without the grant `may_access_care`, dispute and petition lists answer 403 and details 404
(see selectors.py). Referenced records (enterprise, mediator) outside the user's subtree are
reported at their field, like on the pages.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from gonghui.core.api import MaskedMobile, Page, created
from gonghui.core.filters import filtered_page
from gonghui.core.periods import Period
from gonghui.core.routers import reporting
from gonghui.core.scoping import may_access_care
from gonghui.org.models import Enterprise
from gonghui.core.filters import list_route
from gonghui.org.api_routes import RecordRoutes
from gonghui.org.selectors import union_get

from . import selectors, services
from .filters import BodyFilters, ContractFilters, DisputeFilters, PetitionFilters
from .models import Mediator
from .services import NOT_YOURS_ENTERPRISE

router = Router(tags=["rights"])


def _referenced(model, pk: int | None, *, field: str, message: str):
    """A record named by id in a payload; the service decides whether it is the user's."""
    if pk is None:
        return None
    obj = model.objects.select_related("union").filter(pk=pk).first()
    if obj is None:
        raise ValidationError({field: message})
    return obj


# Mediation bodies ------------------------------------------------------------------------------

class MediatorOut(Schema):
    id: int
    body_id: int
    name: str
    phone_masked: MaskedMobile = Field(alias="phone")
    member_id: int | None
    active: bool


class BodyOut(Schema):
    id: int
    union_id: int
    enterprise_id: int | None
    name: str
    established_on: date | None


class BodyDetailOut(BodyOut):
    mediators: list[MediatorOut]


BodyPage = Page[BodyOut]


class BodyIn(Schema):
    name: str
    enterprise_id: int | None = None
    established_on: date | None = None


class MediatorIn(Schema):
    name: str
    phone: str = ""
    member_id_number: str = ""


list_route(router, __name__, "list_bodies", "/bodies", BodyPage, BodyFilters, selectors.body_list, summary="调解组织列表")


@router.post("/unions/{union_id}/bodies", response={201: BodyOut}, summary="新建调解组织")
def create_body(request, union_id: int, payload: BodyIn):
    union = union_get(user=request.user, pk=union_id)
    data = payload.dict()
    enterprise = _referenced(Enterprise, data.pop("enterprise_id"), field="enterprise", message=NOT_YOURS_ENTERPRISE)
    return created(request, services.mediation_body_create, union=union, enterprise=enterprise, **data)


# A body's mediators share its union, so they are in scope with it.
BODIES = RecordRoutes(router, __name__, "body", plural="bodies", key="body_id", find=selectors.body_get, record="body")
BODIES.get(BodyDetailOut, summary="调解组织及其调解员")
BODIES.add("mediators", services.mediator_create, MediatorOut, MediatorIn, name="create_mediator", summary="添加调解员")


# Dispute cases ---------------------------------------------------------------------------------

class DisputeOut(Schema):
    id: int
    union_id: int
    enterprise_id: int
    received_on: date
    kind: str
    applicant: str
    summary: str
    workers_involved: int
    amount: Decimal
    mediator_id: int | None
    outcome: str
    closed_on: date | None
    result_note: str
    due_on: date
    is_past_limit: bool


class StepOut(Schema):
    id: int
    on_date: date
    action: str
    note: str


class DisputeDetailOut(DisputeOut):
    steps: list[StepOut]


DisputePage = Page[DisputeOut]


class DisputeIn(Schema):
    enterprise_id: int
    received_on: date
    kind: str
    workers_involved: int
    amount: Decimal = Decimal(0)
    applicant: str = ""
    summary: str = ""
    mediator_id: int | None = None
    outcome: str = ""
    closed_on: date | None = None
    result_note: str = ""


class StepIn(Schema):
    on_date: date
    action: str
    note: str = ""


class CloseIn(Schema):
    outcome: str
    closed_on: date
    result_note: str = ""


def _case_data(payload: DisputeIn) -> dict:
    data = payload.dict()
    data["enterprise"] = _referenced(Enterprise, data.pop("enterprise_id"), field="enterprise",
                                     message=NOT_YOURS_ENTERPRISE)
    data["mediator"] = _referenced(Mediator, data.pop("mediator_id"), field="mediator",
                                   message="找不到该调解员，或不在您的管辖范围内")
    return data


def _logged_page(request, query, filters_class, select, *, action: str) -> dict:
    """A page of a care list, and who asked for it with which filters; reached only with the grant (without it
    the selector has already answered 403)."""
    page = filtered_page(request, query, filters_class, select)
    readable = "&".join(f"{key}={value}" for key, value in request.GET.items())  # readable: q=赵, not q=%E8…
    services.record_list(actor=request.user, action=action, query=readable)
    return page


def _read(request, record):
    """A care record read through the API, written down in the access log."""
    services.record_read(actor=request.user, obj=record)
    return record


@router.get("/disputes", response=DisputePage, summary="劳动争议案件列表（需帮扶与维权档案授权；每次查询均记入访问记录）")
def list_disputes(request, query: Query[DisputeFilters.query_schema()]):
    return _logged_page(request, query, DisputeFilters, selectors.dispute_list, action="list_disputes")


DISPUTES = RecordRoutes(router, __name__, "dispute", plural="disputes", key="case_id", find=selectors.dispute_get,
                        record="case", data=lambda request, payload: _case_data(payload))
DISPUTES.create(services.dispute_create, DisputeOut, DisputeIn, summary="登记劳动争议案件")
DISPUTES.get(DisputeDetailOut, summary="案件详情（每次读取均记入访问记录）", show=_read)
DISPUTES.update(services.dispute_update, DisputeOut, DisputeIn, summary="修改案件")


# A step's and a closing's payload are taken as they are (not as a case's, which names records).
CASE_STEPS = RecordRoutes(router, __name__, "dispute", plural="disputes", key="case_id", find=selectors.dispute_get,
                          record="case")
CASE_STEPS.add("steps", services.dispute_step_add, StepOut, StepIn, name="add_step", summary="添加办理步骤")
CASE_STEPS.act("close", services.dispute_close, DisputeOut, CloseIn, name="close_dispute", summary="结案")


# Petitions -------------------------------------------------------------------------------------

class PetitionOut(Schema):
    id: int
    union_id: int
    received_on: date
    channel: str
    petitioner: str
    phone_masked: MaskedMobile = Field(alias="phone")
    member_id: int | None
    people: int
    matter: str
    handling: str
    result: str
    closed_on: date | None


PetitionPage = Page[PetitionOut]


class PetitionIn(Schema):
    received_on: date
    petitioner: str
    matter: str
    channel: str = "visit"
    phone: str = ""
    member_id_number: str = ""
    people: int = 1
    handling: str = ""
    result: str = ""
    closed_on: date | None = None


@router.get("/petitions", response=PetitionPage, summary="信访列表（需帮扶与维权档案授权；每次查询均记入访问记录）")
def list_petitions(request, query: Query[PetitionFilters.query_schema()]):
    return _logged_page(request, query, PetitionFilters, selectors.petition_list, action="list_petitions")


PETITIONS = RecordRoutes(router, __name__, "petition", plural="petitions", key="petition_id",
                         find=selectors.petition_get, record="petition")
PETITIONS.create(services.petition_create, PetitionOut, PetitionIn, summary="登记信访")
PETITIONS.get(PetitionOut, summary="信访详情（每次读取均记入访问记录）", show=_read)
PETITIONS.update(services.petition_update, PetitionOut, PetitionIn, summary="修改信访")


# Collective contracts --------------------------------------------------------------------------

class ContractOut(Schema):
    id: int
    union_id: int
    scope: str
    kind: str
    title: str
    enterprise_ids: list[int]
    signed_on: date
    term_start: date
    term_end: date
    wage_increase_pct: Decimal | None
    workers_covered: int
    filed_on: date | None
    is_expiring: bool
    is_expired: bool

    @staticmethod
    def resolve_enterprise_ids(obj) -> list[int]:
        return [e.pk for e in obj.enterprises.all()]


ContractPage = Page[ContractOut]


class ContractIn(Schema):
    scope: str = "enterprise"
    kind: str
    title: str
    enterprise_ids: list[int]
    signed_on: date
    term_start: date
    term_end: date
    workers_covered: int
    wage_increase_pct: Decimal | None = None
    filed_on: date | None = None


def _contract_data(payload: ContractIn) -> dict:
    data = payload.dict()
    data["enterprises"] = [_referenced(Enterprise, pk, field="enterprises", message=NOT_YOURS_ENTERPRISE)
                           for pk in data.pop("enterprise_ids")]
    return data


list_route(router, __name__, "list_contracts", "/contracts", ContractPage, ContractFilters, selectors.contract_list, summary="集体合同列表")


CONTRACTS = RecordRoutes(router, __name__, "contract", plural="contracts", key="contract_id",
                         find=selectors.contract_get, record="contract", data=lambda request, payload: _contract_data(payload))
CONTRACTS.create(services.contract_create, ContractOut, ContractIn, summary="登记集体合同")
CONTRACTS.get(ContractOut, summary="集体合同详情")
CONTRACTS.update(services.contract_update, ContractOut, ContractIn, summary="修改集体合同")


# Statistics ------------------------------------------------------------------------------------

class FigureOut(Schema):
    """One registered figure: its value (null when hidden), as written, its sentence, its list and its 口径."""

    key: str = Field(alias="figure.key")
    label: str = Field(alias="figure.label")
    value: int | Decimal | None  # a count, or a sum (money comes as a string, as elsewhere in the API)
    text: str
    sentence: str
    url: str
    definition: str = Field(alias="figure.definition")

    @staticmethod
    def resolve_url(obj) -> str:
        # A ratio links to its numerator's list, as the reports page does.
        return obj.url or obj.parts[0].url


class DisputeFiguresOut(Schema):
    received: int
    handled: int
    mediated: int
    handling_rate: str
    success_rate: str
    workers: int
    amount: Decimal
    petitions: int
    by_kind: dict[str, int]
    sentence: str

    @staticmethod
    def resolve_sentence(obj) -> str:
        return obj.sentence()


class KindCoverageOut(Schema):
    kind: str
    contracts: int
    enterprises: int
    workers: int


class StatisticsOut(Schema):
    union_id: int
    start: date
    end: date
    mediation_bodies: int
    mediators: int
    mediation_sentence: str
    disputes: DisputeFiguresOut | None
    contracts_in_force: int
    contract_enterprises: int
    contract_kinds: list[KindCoverageOut]
    contract_sentence: str
    figures: list[FigureOut]


@router.get("/unions/{union_id}/statistics", response=StatisticsOut,
            summary="维权统计：调处率 = 已结案 ÷ 受理；成功率 = 调解成功 ÷ 已结案（均按期间内受理的案件计）；"
                    "figures 为登记的全部指标，url 是其记录清单")
@reporting
def statistics(request, union_id: int, start: date | None = None, end: date | None = None):
    union = union_get(user=request.user, pk=union_id)
    year = timezone.localdate().year
    start, end = start or date(year, 1, 1), end or date(year, 12, 31)
    if end < start:
        raise ValidationError({"end": "结束日期不能早于开始日期"})
    period = Period(start=start, end=end)
    mediation = selectors.mediation_coverage(user=request.user, union=union, period=period)
    contracts = selectors.contract_coverage(user=request.user, union=union, period=period)
    disputes = None
    if may_access_care(request.user):
        disputes = selectors.dispute_figures(user=request.user, union=union, period=period)
    groups = (mediation, disputes, contracts) if disputes else (mediation, contracts)
    return StatisticsOut(
        union_id=union.pk, start=start, end=end, mediation_bodies=mediation.bodies, mediators=mediation.mediators,
        mediation_sentence=mediation.sentence(), disputes=disputes, contracts_in_force=contracts.contracts,
        contract_enterprises=contracts.enterprises, contract_kinds=contracts.kinds,
        contract_sentence=contracts.sentence(), figures=[value for group in groups for value in group.list()],
    )
