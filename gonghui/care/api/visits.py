"""/api/care/visits and /api/care/schooling-grants."""

from datetime import date
from decimal import Decimal

from ninja import Query, Router, Schema, Status

from gonghui.core.api import Page
from gonghui.core.filters import filtered_page

from .. import selectors, services
from ..filters import GrantFilters, VisitFilters
from .common import enterprise_named, member_named

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


VisitQuery = VisitFilters.query_schema()
GrantQuery = GrantFilters.query_schema()


@router.get("/visits", response=VisitPage, summary="慰问列表")
def list_visits(request, query: Query[VisitQuery]):
    return filtered_page(request, query, VisitFilters, selectors.visit_list)


@router.post("/visits", response={201: VisitOut}, summary="登记慰问（会员或企业二者选一）")
def create_visit(request, payload: VisitIn):
    data = payload.dict()
    data["member"] = member_named(request, data["member"]) if data["member"] is not None else None
    data["enterprise"] = enterprise_named(request, data["enterprise"])
    return Status(201, services.visit_create(actor=request.user, **data))


@router.get("/schooling-grants", response=GrantPage, summary="金秋助学列表")
def list_grants(request, query: Query[GrantQuery]):
    return filtered_page(request, query, GrantFilters, selectors.schooling_grant_list)


@router.post("/schooling-grants", response={201: GrantOut}, summary="登记金秋助学")
def create_grant(request, payload: GrantIn):
    data = payload.dict()
    data["member"] = member_named(request, data["member"])
    return Status(201, services.schooling_grant_create(actor=request.user, **data))
