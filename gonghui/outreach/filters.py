"""The filters of the outreach lists, for their pages, exports and API alike (see gonghui.core.filters)."""

import django_filters as df

from gonghui.core.filters import ListFilters, choice, date_range, filters_meta
from gonghui.org.union_filter import UnionFilter

from .models import Course, CourseOrder, Gift, Merchant, OrderState, Survey


def _enterprise_name() -> df.CharFilter:
    return df.CharFilter(label="企业名称", field_name="enterprise__name", lookup_expr="contains")


class SurveyFilters(ListFilters):
    union = UnionFilter()
    start, end = date_range("surveyed_on", "调查日期自")
    q = _enterprise_name()

    Meta = filters_meta(Survey)


class GiftFilters(ListFilters):
    union = UnionFilter()
    start, end = date_range("given_on", "赠送日期自")
    q = _enterprise_name()
    item = df.CharFilter(label="物品名称", field_name="item", lookup_expr="contains")

    Meta = filters_meta(Gift)


class MerchantFilters(ListFilters):
    union = UnionFilter()
    start, end = date_range("contracted_on", "签约日期自")
    q = df.CharFilter(label="商户名称", field_name="name", lookup_expr="contains")

    Meta = filters_meta(Merchant)


class CourseFilters(ListFilters):
    union = UnionFilter()
    series = df.CharFilter(label="系列", field_name="series", lookup_expr="exact")
    q = df.CharFilter(label="课程名称", field_name="title", lookup_expr="contains")

    Meta = filters_meta(Course)


class OrderFilters(ListFilters):
    union = UnionFilter()
    state = choice("状态", OrderState.choices)
    series = df.CharFilter(label="系列", field_name="course__series", lookup_expr="exact")
    start, end = date_range("ordered_on", "点课日期自")
    delivered_start, delivered_end = date_range("delivered_on", "送课日期自")
    q = _enterprise_name()

    Meta = filters_meta(CourseOrder)
