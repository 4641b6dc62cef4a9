"""The union filter every list shares: `?union=`, a union of the user's subtree, or a 404."""

import django_filters as df
from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404

from gonghui.core.api import RecordId
from gonghui.core.filters import ListFilters
from gonghui.core.scoping import within

from .selectors import union_list


class VisibleUnionField(forms.ModelChoiceField):
    """A union outside the user's subtree is a 404, as at any address, not a choice to correct."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            raise Http404 from None


def _unions(request):
    return union_list(user=getattr(request, "user", None))


class UnionFilter(df.ModelChoiceFilter):
    """`?union=` (`union_id` in the API): the chosen union and everything beneath it."""

    field_class = VisibleUnionField
    api_suffix = "_id"
    api_type = (RecordId | None, None)

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "工会（含下级）")
        super().__init__(queryset=_unions, empty_label="全部", **kwargs)

    def filter(self, qs, value):
        return within(qs, value)


class UnionListFilters(ListFilters):
    """A list's filters, `?union=` first: every list may be narrowed to a union's subtree."""

    union = UnionFilter()
