"""The filters of the union's portal lists, for their pages and the API alike (see gonghui.core.filters)."""

from gonghui.core.filters import choice, contains, filters_meta
from gonghui.org.union_filter import UnionListFilters

from .models import AidRequest, AidRequestKind, JoinRequest, Offer, RequestStatus, TransferAsk


class OfferFilters(UnionListFilters):
    q = contains("活动名称", "title")

    Meta = filters_meta(Offer)


class AidRequestFilters(UnionListFilters):
    kind = choice("申请类别", AidRequestKind.choices)
    status = choice("状态", RequestStatus.choices)

    Meta = filters_meta(AidRequest)


class TransferAskFilters(UnionListFilters):
    status = choice("状态", RequestStatus.choices)

    Meta = filters_meta(TransferAsk)


class JoinRequestFilters(UnionListFilters):
    status = choice("状态", RequestStatus.choices)

    Meta = filters_meta(JoinRequest)
