"""/api/portal/: the union's side of the member portal — activities opened for sign-up and who signed up,
members' aid applications (care grant) and transfer requests — through the pages' selectors and services."""

from datetime import date, datetime

from ninja import Field, Query, Router, Schema

from gonghui.care.rules import require_care_access
from gonghui.core.api import Page, created, RecordId
from gonghui.core.filters import filtered_page
from gonghui.org.selectors import union_get

from . import selectors, services
from .filters import AidRequestFilters, OfferFilters, TransferAskFilters

router = Router(tags=["portal"])


class OfferOut(Schema):
    id: int
    union_id: int
    kind: str
    title: str
    held_on: date
    place: str
    capacity: int
    taken: int
    deadline: datetime
    subtree: bool
    categories: str
    activity_id: int | None


class OfferIn(Schema):
    kind: str
    title: str
    held_on: date
    capacity: int
    deadline: datetime
    place: str = ""
    description: str = ""
    subtree: bool = False
    categories: list[str] = []


class SignUpOut(Schema):
    id: int
    member_id: int
    member_name: str = Field(alias="member.name")
    status: str
    created_at: datetime


class AidRequestOut(Schema):
    id: int
    union_id: int
    member_id: int
    kind: str
    status: str
    sent_on: date
    hardship_file_id: int | None
    grant_id: int | None


class TransferAskOut(Schema):
    id: int
    union_id: int
    member_id: int
    to_union_id: int
    reason: str
    status: str
    transfer_id: int | None


@router.get("/offers", response=Page[OfferOut], summary="网上活动报名列表")
def list_offers(request, query: Query[OfferFilters.query_schema()]):
    return filtered_page(request, query, OfferFilters, selectors.offer_list)


@router.post("/unions/{union_id}/offers", response={201: OfferOut}, summary="发布活动报名")
def create_offer(request, union_id: RecordId, data: OfferIn):
    union = union_get(user=request.user, pk=union_id)
    return created(request, services.offer_create, union=union, **data.dict())


@router.get("/offers/{offer_id}/signups", response=list[SignUpOut], summary="报名名单（含候补）")
def list_signups(request, offer_id: RecordId):
    return list(selectors.offer_signups(offer=selectors.offer_get(user=request.user, pk=offer_id)))


@router.get("/aid-requests", response=Page[AidRequestOut], summary="会员网上帮扶申请")
def list_aid_requests(request, query: Query[AidRequestFilters.query_schema()]):
    require_care_access(request.user)
    return filtered_page(request, query, AidRequestFilters, selectors.aid_request_list)


@router.get("/transfer-asks", response=Page[TransferAskOut], summary="会员转会申请")
def list_transfer_asks(request, query: Query[TransferAskFilters.query_schema()]):
    return filtered_page(request, query, TransferAskFilters, selectors.transfer_ask_list)
