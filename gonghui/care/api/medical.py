"""/api/care/medical/ (units, enrolments, claims) and /api/care/service-cards."""

from datetime import date
from decimal import Decimal

from ninja import Field, Router, Schema

from gonghui.core.api import Page, created
from gonghui.core.filters import list_route
from gonghui.org.api_routes import RecordRoutes
from gonghui.org.selectors import union_get

from .. import selectors, services
from ..filters import CardFilters, EnrolmentFilters, UnitFilters
from .common import enterprise_named, payload_named

router = Router()


class UnitIn(Schema):
    union: int
    enterprise: int | None = None
    year: int
    whole_unit: bool = False


class UnitOut(Schema):
    id: int
    union_id: int
    enterprise_id: int | None
    name: str
    year: int
    whole_unit: bool


UnitPage = Page[UnitOut]


class EnrolIn(Schema):
    member: int
    category: str
    enrolled_on: date


class EnrolWholeUnitIn(Schema):
    enrolled_on: date


class EnrolOut(Schema):
    id: int
    unit_id: int
    member_id: int
    member_name: str = Field(alias="member.name")
    year: int
    category: str
    enrolled_on: date


EnrolPage = Page[EnrolOut]


class ClaimIn(Schema):
    amount: Decimal | None = None
    paid_on: date
    note: str = ""


class ClaimOut(Schema):
    id: int
    enrolment_id: int
    amount: Decimal
    paid_on: date
    note: str


class CardIn(Schema):
    member: int
    collected_on: date


class CardIssueIn(Schema):
    issued_on: date
    card_number: str = ""


class CardOut(Schema):
    id: int
    member_id: int
    union_id: int
    collected_on: date
    issued_on: date | None
    card_number: str


CardPage = Page[CardOut]


list_route(router, __name__, "list_units", "/medical/units", UnitPage, UnitFilters, selectors.medical_unit_list, summary="医疗互助参保单位")


@router.post("/medical/units", response={201: UnitOut}, summary="单位参保")
def create_unit(request, payload: UnitIn):
    data = payload.dict()
    data["union"] = union_get(user=request.user, pk=data["union"])
    data["enterprise"] = enterprise_named(request, data["enterprise"])
    return created(request, services.medical_unit_enrol, **data)


UNITS = RecordRoutes(router, __name__, "unit", plural="medical/units", key="unit_id", find=selectors.medical_unit_get,
                     record="unit", data=payload_named)
UNITS.add("enrolments", services.medical_member_enrol, EnrolOut, EnrolIn, name="enrol", summary="会员参保")


@router.post("/medical/units/{unit_id}/whole-unit", response={200: dict}, summary="全员参保")
def enrol_whole_unit(request, unit_id: int, payload: EnrolWholeUnitIn):
    unit = selectors.medical_unit_get(user=request.user, pk=unit_id)
    return {"enrolled": services.medical_enrol_whole_unit(actor=request.user, unit=unit, **payload.dict())}


list_route(router, __name__, "list_enrolments", "/medical/enrolments", EnrolPage, EnrolmentFilters, selectors.medical_enrolment_list, summary="医疗互助参保人员")


RecordRoutes(router, __name__, "enrolment", plural="medical/enrolments", key="enrolment_id",
             find=selectors.medical_enrolment_get, record="enrolment").add(
    "claims", services.medical_claim_create, ClaimOut, ClaimIn, name="create_claim", summary="医疗互助赔付")


list_route(router, __name__, "list_cards", "/service-cards", CardPage, CardFilters, selectors.service_card_list, summary="服务卡")


@router.post("/service-cards", response={201: CardOut}, summary="服务卡信息采集")
def collect_card(request, payload: CardIn):
    return created(request, services.service_card_collect, **payload_named(request, payload))


RecordRoutes(router, __name__, "card", plural="service-cards", key="card_id", find=selectors.service_card_get,
             record="card").act("issue", services.service_card_issue, CardOut, CardIssueIn, name="issue_card",
                                summary="制卡")
