"""Reads of enterprise hardship funds. A fund's name, union and contributions are anyone's in the subtree; its
balance and payouts tell who was helped and need the care grant, as on the statistics page."""

from collections.abc import Mapping

from django.db.models import Exists, OuterRef, QuerySet

from gonghui.core.scoping import get_visible_or_404, visible
from gonghui.org.models import Enterprise, UnionLevel

from ..filters import FundFilters
from ..models import FundContribution, FundPayout, HardshipFund
from ..rules import require_care_access


def fund_list(*, user, filters: Mapping | None = None) -> QuerySet[HardshipFund]:
    """By enterprise name."""
    qs = visible(HardshipFund.objects.select_related("enterprise", "union"), user)
    return FundFilters.narrow(qs, filters).order_by("enterprise__name")


def fund_get(*, user, pk) -> HardshipFund:
    return get_visible_or_404(HardshipFund.objects.select_related("enterprise", "union"), user, pk=pk)


def fund_contributions(*, fund: HardshipFund) -> QuerySet[FundContribution]:
    return fund.contributions.all()


def fund_payouts(*, user, fund: HardshipFund) -> QuerySet[FundPayout]:
    require_care_access(user)
    return fund.payouts.select_related("member")


def fund_enterprises(*, user) -> QuerySet[Enterprise]:
    """Enterprises that may have a fund: covered by a grassroots union in the user's subtree, none yet."""
    has_fund = HardshipFund.objects.filter(enterprise_id=OuterRef("pk"))
    return (visible(Enterprise.objects.select_related("union"), user)
            .filter(union__level=UnionLevel.GRASSROOTS).filter(~Exists(has_fund)).order_by("name"))
