"""The filters of the union's portal lists, for their pages and the API alike (see gonghui.core.filters)."""

import django_filters as df

from gonghui.core.filters import ListFilters, choice
from gonghui.org.union_filter import UnionFilter

from .models import AidRequest, AidRequestKind, JoinRequest, Offer, RequestStatus, TransferAsk


class OfferFilters(ListFilters):
    union = UnionFilter()
    q = df.CharFilter(label="活动名称", field_name="title", lookup_expr="contains")

    class Meta:
        model = Offer
        fields = ()


class AidRequestFilters(ListFilters):
    union = UnionFilter()
    kind = choice("申请类别", AidRequestKind.choices)
    status = choice("状态", RequestStatus.choices)

    class Meta:
        model = AidRequest
        fields = ()


class TransferAskFilters(ListFilters):
    union = UnionFilter()
    status = choice("状态", RequestStatus.choices)

    class Meta:
        model = TransferAsk
        fields = ()


class JoinRequestFilters(ListFilters):
    union = UnionFilter()
    status = choice("状态", RequestStatus.choices)

    class Meta:
        model = JoinRequest
        fields = ()
