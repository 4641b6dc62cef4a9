"""The member list's filters, declared once: the list page, the member API and the roster export.

A filter whose value is wrong (a union outside the user's subtree, an unknown category) is dropped on
its own and the others still apply, as a bookmarked list should behave; the API refuses it instead
(`member_filter(...).errors`).
"""

import re

import django_filters
from django.db.models import QuerySet

from gonghui.core.filters import ListedChoiceFilter, filters_meta
from gonghui.core.identifiers import ID_TAIL_RE
from gonghui.core.scoping import within
from gonghui.org.models import Union, UnionGroup, UnionLevel

from .choices import MemberCategory, MemberStatus
from .models import Member

SORTS = {
    "name": ("name", "id"),
    "-join_date": ("-join_date", "-id"),
    "join_date": ("join_date", "id"),
    "union": ("union__path", "name", "id"),
}
SORT_CHOICES = [("name", "按姓名"), ("-join_date", "入会日期（新→旧）"), ("join_date", "入会日期（旧→新）"), ("union", "按工会")]
MOBILE_RE = re.compile(r"^1\d{10}$")


class MemberFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="姓名/身份证后四位/手机", method="search")
    union = ListedChoiceFilter(label="工会（含下级）", queryset=Union.objects.none(), method="in_subtree")
    group = ListedChoiceFilter(label="工会小组", queryset=UnionGroup.objects.none())
    category = django_filters.ChoiceFilter(label="人员类别", choices=MemberCategory.choices, empty_label="全部")
    status = django_filters.ChoiceFilter(label="状态", choices=MemberStatus.choices, empty_label="全部")
    sort = django_filters.ChoiceFilter(label="排序", choices=SORT_CHOICES, empty_label=None, method="keep")

    Meta = filters_meta(Member)

    def __init__(self, data, *, queryset: QuerySet[Member], unions: QuerySet[Union], groups_of):
        """`unions` may be chosen; `groups_of(union)` are the groups offered once one grassroots union is
        chosen (a county has thousands, so none before)."""
        params = data.copy()
        params.setdefault("status", MemberStatus.ACTIVE)
        super().__init__(params, queryset=queryset)
        self.filters["union"].queryset = unions
        raw = params.get("union", "")
        chosen = unions.filter(pk=raw, level=UnionLevel.GRASSROOTS).first() if str(raw).isdigit() else None
        self.filters["group"].queryset = groups_of(chosen) if chosen else UnionGroup.objects.none()

    def filter_queryset(self, queryset: QuerySet[Member]) -> QuerySet[Member]:
        sort = self.form.cleaned_data.get("sort") or "name"
        return super().filter_queryset(queryset).order_by(*SORTS[sort])

    def search(self, queryset, name, value: str):
        """Four characters like an ID number's last four, a mobile number, or the start of a name."""
        q = value.strip()
        if ID_TAIL_RE.match(q):
            return queryset.filter(id_tail=q.upper())
        if MOBILE_RE.match(q):
            return queryset.filter(phone=q)
        return queryset.filter(name__startswith=q) if q else queryset

    def in_subtree(self, queryset, name, value: Union):
        return within(queryset, value)

    def keep(self, queryset, name, value):
        """Sorting is applied in filter_queryset, with or without the parameter."""
        return queryset
