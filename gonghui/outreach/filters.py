"""The filters of the outreach lists, for their pages, exports and API alike (see gonghui.core.filters)."""

import django_filters as df

from gonghui.core.filters import DateFilter, ListFilters, choice
from gonghui.org.union_filter import UnionFilter

from .models import Course, CourseOrder, Gift, Merchant, OrderState, Survey


def _dates(field: str, label: str) -> tuple[DateFilter, DateFilter]:
    """A list's period, `start, end = _dates(...)`: from and to on its date field."""
    return (DateFilter(label=f"{label}自", field_name=field, lookup_expr="gte"),
            DateFilter(label="至", field_name=field, lookup_expr="lte"))


def _enterprise_name() -> df.CharFilter:
    return df.CharFilter(label="企业名称", field_name="enterprise__name", lookup_expr="contains")


class SurveyFilters(ListFilters):
    union = UnionFilter()
    start, end = _dates("surveyed_on", "调查日期")
    q = _enterprise_name()

    class Meta:
        model = Survey
        fields = ()


class GiftFilters(ListFilters):
    union = UnionFilter()
    start, end = _dates("given_on", "赠送日期")
    q = _enterprise_name()
    item = df.CharFilter(label="物品名称", field_name="item", lookup_expr="contains")

    class Meta:
        model = Gift
        fields = ()


class MerchantFilters(ListFilters):
    union = UnionFilter()
    start, end = _dates("contracted_on", "签约日期")
    q = df.CharFilter(label="商户名称", field_name="name", lookup_expr="contains")

    class Meta:
        model = Merchant
        fields = ()


class CourseFilters(ListFilters):
    union = UnionFilter()
    series = df.CharFilter(label="系列", field_name="series", lookup_expr="exact")
    q = df.CharFilter(label="课程名称", field_name="title", lookup_expr="contains")

    class Meta:
        model = Course
        fields = ()


class OrderFilters(ListFilters):
    union = UnionFilter()
    state = choice("状态", OrderState.choices)
    series = df.CharFilter(label="系列", field_name="course__series", lookup_expr="exact")
    start, end = _dates("ordered_on", "点课日期")
    delivered_start, delivered_end = _dates("delivered_on", "送课日期")
    q = _enterprise_name()

    class Meta:
        model = CourseOrder
        fields = ()
