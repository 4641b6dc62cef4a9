from datetime import date

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema

from gonghui.core.api import MaskedIdNumber, MaskedMobile, Page, PageNumber, created, page_of
from gonghui.org.api_routes import RecordRoutes
from gonghui.org.selectors import group_list, union_get

from . import selectors, services

router = Router(tags=["members"])


class MemberOut(Schema):
    id: int
    name: str
    id_number_masked: MaskedIdNumber = Field(alias="id_number")
    phone_masked: MaskedMobile = Field(alias="phone")
    gender: str
    birth_date: date
    ethnicity: str
    education: str
    political_status: str
    category: str
    union_id: int
    group_id: int | None
    join_date: date
    card_number: str
    status: str


MemberPage = Page[MemberOut]


class MemberIn(Schema):
    name: str
    id_number: str
    join_date: date
    gender: str = ""
    birth_date: date | None = None
    ethnicity: str = "汉族"
    phone: str = ""
    education: str = ""
    political_status: str = ""
    category: str = "employed"
    card_number: str = ""
    group_id: int | None = None


class MemberQuery(Schema):
    q: str = ""
    union_id: int | None = None
    category: str = ""
    status: str = "active"
    sort: str = "name"
    page: PageNumber = 1


def _group(request, union, group_id):
    return group_list(user=request.user, union=union).filter(pk=group_id).first() if group_id else None


@router.get("/", response=MemberPage, summary="会员列表（身份证号与手机号已脱敏）")
def list_members(request, query: Query[MemberQuery]):
    union = union_get(user=request.user, pk=query.union_id) if query.union_id else None
    filters = selectors.member_filter(user=request.user, params={
        "q": query.q, "union": union.pk if union else "", "category": query.category, "status": query.status,
        "sort": query.sort})
    if filters.errors:  # the list page drops a wrong filter; a client is told, at the parameter
        raise ValidationError(filters.errors.as_data())
    return page_of(filters.qs, page=query.page)


RecordRoutes(router, __name__, "member", plural="", key="member_id", find=selectors.member_get).get(
    MemberOut, summary="会员详情")


@router.post("/unions/{union_id}", response={201: MemberOut}, summary="在基层工会新增会员")
def create_member(request, union_id: int, payload: MemberIn):
    union = union_get(user=request.user, pk=union_id)
    data = payload.dict()
    group = _group(request, union, data.pop("group_id"))
    return created(request, services.member_create, union=union, group=group, **data)


@router.put("/{member_id}", response=MemberOut, summary="修改会员")
def update_member(request, member_id: int, payload: MemberIn):
    member = selectors.member_get(user=request.user, pk=member_id)
    data = payload.dict()
    data["group"] = _group(request, member.union, data.pop("group_id"))
    return services.member_update(actor=request.user, member=member, **data)
