"""/api/care/funds: enterprise hardship funds; balances and payouts need the care grant."""

from datetime import date
from decimal import Decimal

from ninja import Field, Router, Schema

from gonghui.core.api import Page, created
from gonghui.core.filters import list_route
from gonghui.core.scoping import may_access_care
from gonghui.org.api_routes import RecordRoutes

from .. import selectors, services
from ..filters import FundFilters
from .common import payload_named

router = Router()


class FundOut(Schema):
    id: int
    enterprise_id: int
    enterprise_name: str = Field(alias="enterprise.name")
    union_id: int
    established_on: date
    # Each payout is a dated drop of the balance: null without the care grant, as on the statistics page.
    balance: Decimal | None
    note: str

    @staticmethod
    def resolve_balance(obj, context) -> Decimal | None:
        return obj.balance if may_access_care(context["request"].user) else None


FundPage = Page[FundOut]


class FundIn(Schema):
    enterprise: int
    established_on: date
    note: str = ""


class ContributionIn(Schema):
    amount: Decimal | None = None
    on_date: date
    source: str = ""


class ContributionOut(Schema):
    id: int
    fund_id: int
    amount: Decimal
    on_date: date
    source: str


class PayoutIn(Schema):
    member: int
    amount: Decimal | None = None
    paid_on: date
    reason: str


class PayoutOut(Schema):
    id: int
    fund_id: int
    member_id: int
    amount: Decimal
    paid_on: date
    reason: str


list_route(router, __name__, "list_funds", "/funds", FundPage, FundFilters, selectors.fund_list, summary="企业帮困基金列表")


@router.post("/funds", response={201: FundOut}, summary="建立企业帮困基金")
def create_fund(request, payload: FundIn):
    return created(request, services.fund_create, **payload_named(request, payload))


# A contribution names no member or enterprise, so reading its payload as a payout's changes nothing.
FUNDS = RecordRoutes(router, __name__, "fund", plural="funds", key="fund_id", find=selectors.fund_get, record="fund",
                     data=payload_named)
FUNDS.get(FundOut, summary="帮困基金详情")
FUNDS.add("contributions", services.fund_contribute, ContributionOut, ContributionIn, name="contribute",
          summary="基金筹集")


@router.get("/funds/{fund_id}/payouts", response=list[PayoutOut], summary="基金救助明细")
def list_payouts(request, fund_id: int):
    return selectors.fund_payouts(user=request.user, fund=selectors.fund_get(user=request.user, pk=fund_id))


FUNDS.add("payouts", services.fund_payout, PayoutOut, PayoutIn, name="payout", summary="基金救助（余额不足时拒绝）")
