"""The plan list's filters, for its page, its export and the API alike (see gonghui.core.filters)."""

import django_filters as df

from gonghui.core.filters import ListFilters, YearFilter
from gonghui.org.union_filter import UnionFilter

from .models import Plan, PlanStatus


class PlanFilters(ListFilters):
    year = YearFilter(label="年度")
    union = UnionFilter()
    status = df.ChoiceFilter(label="状态", choices=PlanStatus.choices, empty_label="全部")

    class Meta:
        model = Plan
        fields = ()
