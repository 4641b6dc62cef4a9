"""A list's filters, declared once: its page's filter form and its API's query parameters.

Each app's `filters.py` declares a `ListFilters` per list (Chinese labels, and how each filter
narrows the rows). The page binds it to the query string (`from_page`) and renders its form, errors
at their fields; the API's query schema is generated from it (`query_schema`) and read back through
it (`from_query`), a value it refuses being a 422 at the parameter. Both hand the selector the same
`values`, and the selector narrows with `narrow`: page, export and API filter alike.
"""

from collections.abc import Mapping
from datetime import date

import django_filters as df
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django_filters.constants import EMPTY_VALUES
from ninja import Query, Schema
from pydantic import create_model

from .api import PageNumber, RecordId, Year, page_of, route_named, route_params
from .forms import DateInput, ListedChoices, ListSelect
from .pages import FIRST_YEAR, LAST_YEAR


class RecordFilter(df.NumberFilter):
    """A record named by id (`?plan_item=`), hidden on the page; `<name>_id` in the API."""

    field_class = forms.IntegerField
    api_suffix = "_id"
    api_type = (RecordId | None, None)

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(min_value=1, max_value=2**63 - 1, **kwargs)


class YearFilter(df.NumberFilter):
    field_class = forms.IntegerField
    api_type = (Year | None, None)

    def __init__(self, **kwargs):
        super().__init__(min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs)


class DateFilter(df.DateFilter):
    def __init__(self, **kwargs):
        super().__init__(widget=DateInput(), **kwargs)


def date_range(field: str, start_label: str, end_label: str = "至") -> tuple[DateFilter, DateFilter]:
    """A list's period on its date field, both ends included: `start, end = date_range("paid_on", "起始日期", "截止日期")`."""
    return (DateFilter(label=start_label, field_name=field, lookup_expr="gte"),
            DateFilter(label=end_label, field_name=field, lookup_expr="lte"))


def filters_meta(model) -> type:
    """A list's filters' Meta, `Meta = filters_meta(Visit)`: its model, no filter generated from a field."""
    return type("Meta", (), {"model": model, "fields": ()})


def choice(label: str, choices, **kwargs) -> df.ChoiceFilter:
    """A select of the list's choices, "全部" first (no filter)."""
    return df.ChoiceFilter(label=label, choices=choices, empty_label="全部", **kwargs)


def yes_no(label: str, field: str, yes: str, no: str) -> df.ChoiceFilter:
    """A select of yes or no on a boolean field: `yes_no("采纳情况", "adopted", "已采纳", "未采纳")`."""
    return choice(label, (("yes", yes), ("no", no)),
                  method=lambda qs, name, value: qs.filter(**{field: value == "yes"}))


def contains(label: str, field: str) -> df.CharFilter:
    """A search for text within a field: `q = contains("摘要", "summary")`."""
    return df.CharFilter(label=label, field_name=field, lookup_expr="contains")


# How a filter appears among the API's query parameters, unless it says itself (`api_type`).
API_TYPES = ((df.DateFilter, (date | None, None)), (df.CharFilter, (str, "")), (df.ChoiceFilter, (str, "")))


def _api_name(name: str, filter_: df.Filter) -> str:
    return name + getattr(filter_, "api_suffix", "")


def _api_type(filter_: df.Filter) -> tuple:
    if hasattr(filter_, "api_type"):
        return filter_.api_type
    return next(api_type for kind, api_type in API_TYPES if isinstance(filter_, kind))


class _ListedFilterChoices(df.fields.ModelChoiceIterator, ListedChoices):
    pass


class _ListedChoiceField(df.fields.ModelChoiceField):
    iterator = _ListedFilterChoices
    widget = ListSelect


class ListedChoiceFilter(df.ModelChoiceFilter):
    """A choice among records of which a page shows every one (the user's unions, a union's groups)."""

    field_class = _ListedChoiceField


class ListFilters(df.FilterSet):
    """A list's filters; `user` (or the request's) is whom a filter that reads other records reads them for."""

    def __init__(self, data=None, queryset=None, *, request=None, user=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.user = user if user is not None else getattr(request, "user", None)

    @classmethod
    def narrow(cls, qs: QuerySet, values: Mapping | None, *, user=None) -> QuerySet:
        """The rows of `qs` that the filter values (read by `values`) leave."""
        filterset = cls(queryset=qs, user=user)
        for name, value in (values or {}).items():
            qs = filterset.filters[name].filter(qs, value)
        return qs

    @classmethod
    def from_page(cls, request, **defaults) -> "ListFilters":
        """The filters of a list page's query string, `defaults` where it says nothing."""
        data = request.GET.copy()
        for name, value in defaults.items():
            data.setdefault(name, value)
        return cls(data or None, request=request)

    @classmethod
    def listed(cls, request, select, **defaults) -> tuple["ListFilters", QuerySet]:
        """A list page's filters and the rows its selector leaves for them: the page and its export alike."""
        filters = cls.from_page(request, **defaults)
        return filters, select(user=request.user, filters=filters.values)

    @property
    def values(self) -> dict:
        """The filters given and readable, for the selector; a wrong one is left out, its error on the form."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value not in EMPTY_VALUES}

    @classmethod
    def query_schema(cls) -> type[Schema]:
        """The API's query parameters for the list: every filter under its API name, and `page`."""
        fields = {_api_name(name, f): _api_type(f) for name, f in cls.base_filters.items()}
        return create_model(f"{cls.__name__}Query", __base__=Schema, **fields, page=(PageNumber, 1))

    @classmethod
    def from_query(cls, request, query: Schema) -> tuple[dict, int]:
        """The filter values and the page of an API query; a value the filters refuse is a 422 at its parameter."""
        data = query.dict()
        page = data.pop("page")
        api_names = {name: _api_name(name, f) for name, f in cls.base_filters.items()}
        filterset = cls({name: data[api] for name, api in api_names.items() if data[api] is not None},
                        request=request)
        if not filterset.is_valid():
            raise ValidationError({api_names[name]: list(errors) for name, errors in filterset.errors.items()})
        return filterset.values, page


def filtered_page(request, query: Schema, filters_class: type[ListFilters], select) -> dict:
    """An API list: the query read through the list's filters, one page of what the selector returns for them."""
    values, page = filters_class.from_query(request, query)
    return page_of(select(user=request.user, filters=values), page=page)


def list_route(router, module: str, name: str, path: str, page, filters_class: type[ListFilters], select, *,
               summary: str | None = None) -> None:
    """GET <path>: a list's page (`Page[...]`) with the filters of its page as query parameters, through
    `filtered_page` (a refused value is a 422 at its parameter); `select` is the list's selector. The operation
    id is `<module>_<name>`: the module the route was first written in, or an app's label for the ids the newer
    apps gave their lists (`finance_list_vouchers`)."""
    def list_records(request, query):
        return filtered_page(request, query, filters_class, select)

    list_records = route_named(list_records, module, name, route_params(query=Query[filters_class.query_schema()]))
    router.get(path, response=page, summary=summary)(list_records)
