"""The filters of the outreach lists, for their pages, exports and API alike (see gonghui.core.filters)."""

import django_filters as df

from gonghui.core.filters import choice, contains, date_range, filters_meta
from gonghui.org.union_filter import UnionListFilters

from .models import Course, CourseOrder, Gift, Merchant, OrderState, Survey


def _enterprise_name() -> df.CharFilter:
    return contains("企业名称", "enterprise__name")


class SurveyFilters(UnionListFilters):
    start, end = date_range("surveyed_on", "调查日期自")
    q = _enterprise_name()

    Meta = filters_meta(Survey)


class GiftFilters(UnionListFilters):
    start, end = date_range("given_on", "赠送日期自")
    q = _enterprise_name()
    item = contains("物品名称", "item")

    Meta = filters_meta(Gift)


class MerchantFilters(UnionListFilters):
    start, end = date_range("contracted_on", "签约日期自")
    q = contains("商户名称", "name")

    Meta = filters_meta(Merchant)


class CourseFilters(UnionListFilters):
    series = df.CharFilter(label="系列", field_name="series", lookup_expr="exact")
    q = contains("课程名称", "title")

    Meta = filters_meta(Course)


class OrderFilters(UnionListFilters):
    state = choice("状态", OrderState.choices)
    series = df.CharFilter(label="系列", field_name="course__series", lookup_expr="exact")
    start, end = date_range("ordered_on", "点课日期自")
    delivered_start, delivered_end = date_range("delivered_on", "送课日期自")
    q = _enterprise_name()

    Meta = filters_meta(CourseOrder)
