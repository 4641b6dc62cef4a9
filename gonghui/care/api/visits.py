"""/api/care/visits and /api/care/schooling-grants."""

from datetime import date
from decimal import Decimal

from ninja import Router, Schema

from gonghui.core.api import Page, created
from gonghui.core.filters import list_route

from .. import selectors, services
from ..filters import GrantFilters, VisitFilters
from .common import payload_named

router = Router()


class VisitIn(Schema):
    member: int | None = None
    enterprise: int | None = None
    reason: str
    campaign: str = ""
    visited_on: date
    visitors: str
    money: Decimal | None = Decimal(0)
    goods: str = ""
    goods_value: Decimal | None = Decimal(0)
    workers_reached: int = 0
    note: str = ""


class VisitOut(Schema):
    id: int
    union_id: int
    member_id: int | None
    enterprise_id: int | None
    target_name: str
    reason: str
    campaign: str
    visited_on: date
    visitors: str
    money: Decimal
    goods: str
    goods_value: Decimal
    workers_reached: int
    note: str


VisitPage = Page[VisitOut]


class GrantIn(Schema):
    member: int
    student_name: str
    school_level: str
    school_name: str = ""
    amount: Decimal | None = None
    granted_on: date


class GrantOut(Schema):
    id: int
    union_id: int
    member_id: int
    student_name: str
    school_level: str
    school_name: str
    amount: Decimal
    granted_on: date


GrantPage = Page[GrantOut]


list_route(router, __name__, "list_visits", "/visits", VisitPage, VisitFilters, selectors.visit_list, summary="慰问列表")


@router.post("/visits", response={201: VisitOut}, summary="登记慰问（会员或企业二者选一）")
def create_visit(request, payload: VisitIn):
    return created(request, services.visit_create, **payload_named(request, payload))


list_route(router, __name__, "list_grants", "/schooling-grants", GrantPage, GrantFilters, selectors.schooling_grant_list, summary="金秋助学列表")


@router.post("/schooling-grants", response={201: GrantOut}, summary="登记金秋助学")
def create_grant(request, payload: GrantIn):
    return created(request, services.schooling_grant_create, **payload_named(request, payload))
