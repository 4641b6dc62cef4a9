"""The filters of every care list, declared once.

Each list's FilterSet is the filter form of its page and, through `query_schema`, the query parameters of its
API list; both narrow the list selector's scoped queryset with the same filters. The API names the union
`union_id` (an id, as everywhere in the API) where the page's form says `union`.
"""

from datetime import date

import django_filters as df
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from ninja import Schema
from pydantic import create_model

from gonghui.core.api import PageNumber, Year
from gonghui.core.forms import DateInput
from gonghui.core.identifiers import ID_TAIL_RE
from gonghui.core.pages import FIRST_YEAR, LAST_YEAR
from gonghui.core.scoping import within
from gonghui.org.selectors import union_get, union_list

from .choices import (
    AidKind,
    Campaign,
    Cause,
    FileStatus,
    FundSource,
    HardshipLevel,
    MedicalCategory,
    SchoolLevel,
    VisitReason,
)

API_NAMES = {"union": "union_id"}


class YearFilter(df.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        super().__init__(min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs)


# What each kind of filter is as an API query parameter: the same value, checked by the schema.
API_TYPES = {
    df.ModelChoiceFilter: (int | None, None),
    df.CharFilter: (str, ""),
    df.ChoiceFilter: (str, ""),
    df.DateFilter: (date | None, None),
    YearFilter: (Year | None, None),
}


def _unions(request):
    return union_list(user=request.user)


def _within(qs: QuerySet, name: str, union) -> QuerySet:
    return within(qs, union)


def choice(label: str, choices, **kwargs) -> df.ChoiceFilter:
    return df.ChoiceFilter(label=label, choices=choices, empty_label="全部", **kwargs)


def period(field: str) -> tuple[df.DateFilter, df.DateFilter]:
    """起始日期 / 截止日期 on the list's own date, both ends included."""
    return (df.DateFilter(field_name=field, lookup_expr="gte", label="起始日期", widget=DateInput()),
            df.DateFilter(field_name=field, lookup_expr="lte", label="截止日期", widget=DateInput()))


def member_search(prefix: str = "member__") -> df.CharFilter:
    """The last four of an ID number (the indexed `id_tail`), else the start of a name."""
    def search(qs: QuerySet, name: str, value: str) -> QuerySet:
        if ID_TAIL_RE.match(value):
            return qs.filter(**{f"{prefix}id_tail": value.upper()})
        return qs.filter(**{f"{prefix}name__startswith": value})
    return df.CharFilter(label="姓名/身份证后四位", method=search)


class CareFilter(df.FilterSet):
    """Every care list may be narrowed to a union's subtree, among the unions the user may see."""

    union = df.ModelChoiceFilter(label="工会（含下级）", queryset=_unions, method=_within)


class FileFilter(CareFilter):
    q = member_search()
    status = choice("状态", FileStatus.choices)
    level = choice("困难类别", HardshipLevel.choices)
    # Causes are stored as ",illness,schooling,": the commas make one cause match exactly.
    cause = choice("致困原因", Cause.choices, method=lambda qs, name, cause: qs.filter(causes__contains=f",{cause},"))


class AidFilter(CareFilter):
    start, end = period("paid_on")
    q = member_search("file__member__")
    kind = choice("救助类型", AidKind.choices)
    fund_source = choice("资金来源", FundSource.choices)


class FundFilter(CareFilter):
    q = df.CharFilter(label="企业名称", field_name="enterprise__name", lookup_expr="contains")


class VisitFilter(CareFilter):
    start, end = period("visited_on")
    reason = choice("慰问事由", VisitReason.choices)
    campaign = choice("所属活动", Campaign.choices)


class GrantFilter(CareFilter):
    start, end = period("granted_on")
    school_level = choice("学段", SchoolLevel.choices)


class UnitFilter(CareFilter):
    year = YearFilter(label="参保年度")


class EnrolmentFilter(UnitFilter):
    q = member_search()
    category = choice("参保类别", MedicalCategory.choices)


class CardFilter(CareFilter):
    q = member_search()
    issued = choice("制卡", [("yes", "已制卡"), ("no", "待制卡")],
                    method=lambda qs, name, issued: qs.filter(issued_on__isnull=issued == "no"))


def page_filter(filterset: type[CareFilter], request, queryset: QuerySet) -> CareFilter:
    """A list page's filters from its query string; a value that fails its field is left out, the rest apply."""
    return filterset(request.GET or None, queryset=queryset, request=request)


def query_schema(filterset: type[CareFilter]) -> type[Schema]:
    """The API list's query parameters: the FilterSet's, and the page of results."""
    fields = {API_NAMES.get(name, name): API_TYPES[type(f)] for name, f in filterset.base_filters.items()}
    return create_model(filterset.__name__.replace("Filter", "Query"), __base__=Schema, page=(PageNumber, 1),
                        **fields)


def api_filter(filterset: type[CareFilter], request, query: Schema, queryset: QuerySet) -> QuerySet:
    """An API list narrowed as its page is; a value its filter refuses is a 422 at its parameter."""
    # An empty value (and union_id=0, as before) filters nothing.
    data = {name: value for name in filterset.base_filters if (value := getattr(query, API_NAMES.get(name, name)))}
    if "union" in data:
        union_get(user=request.user, pk=data["union"])  # a union the user may not see is a 404, as everywhere
    filters = filterset(data, queryset=queryset, request=request)
    if not filters.is_valid():
        raise ValidationError({API_NAMES.get(name, name): errors for name, errors in filters.errors.items()})
    return filters.qs
