"""The plan list's filters, for its page, its export and the API alike (see gonghui.core.filters)."""

from gonghui.core.filters import ListFilters, YearFilter, choice, filters_meta
from gonghui.org.union_filter import UnionFilter

from .models import Plan, PlanStatus


class PlanFilters(ListFilters):
    year = YearFilter(label="年度")
    union = UnionFilter()
    status = choice("状态", PlanStatus.choices)

    Meta = filters_meta(Plan)
