"""/api/care/medical/ (units, enrolments, claims) and /api/care/service-cards."""

from datetime import date
from decimal import Decimal

from ninja import Field, Router, Schema

from gonghui.core.api import Page, created
from gonghui.core.filters import list_route
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


@router.post("/medical/units/{unit_id}/enrolments", response={201: EnrolOut}, summary="会员参保")
def enrol(request, unit_id: int, payload: EnrolIn):
    unit = selectors.medical_unit_get(user=request.user, pk=unit_id)
    return created(request, services.medical_member_enrol, unit=unit, **payload_named(request, payload))


@router.post("/medical/units/{unit_id}/whole-unit", response={200: dict}, summary="全员参保")
def enrol_whole_unit(request, unit_id: int, payload: EnrolWholeUnitIn):
    unit = selectors.medical_unit_get(user=request.user, pk=unit_id)
    return {"enrolled": services.medical_enrol_whole_unit(actor=request.user, unit=unit, **payload.dict())}


list_route(router, __name__, "list_enrolments", "/medical/enrolments", EnrolPage, EnrolmentFilters, selectors.medical_enrolment_list, summary="医疗互助参保人员")


@router.post("/medical/enrolments/{enrolment_id}/claims", response={201: ClaimOut}, summary="医疗互助赔付")
def create_claim(request, enrolment_id: int, payload: ClaimIn):
    enrolment = selectors.medical_enrolment_get(user=request.user, pk=enrolment_id)
    return created(request, services.medical_claim_create, enrolment=enrolment, **payload.dict())


list_route(router, __name__, "list_cards", "/service-cards", CardPage, CardFilters, selectors.service_card_list, summary="服务卡")


@router.post("/service-cards", response={201: CardOut}, summary="服务卡信息采集")
def collect_card(request, payload: CardIn):
    return created(request, services.service_card_collect, **payload_named(request, payload))


@router.post("/service-cards/{card_id}/issue", response=CardOut, summary="制卡")
def issue_card(request, card_id: int, payload: CardIssueIn):
    card = selectors.service_card_get(user=request.user, pk=card_id)
    return services.service_card_issue(actor=request.user, card=card, **payload.dict())
