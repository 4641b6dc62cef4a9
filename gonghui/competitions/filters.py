"""The filters of the competitions lists, for their pages, exports and API alike (see gonghui.core.filters)."""

import django_filters as df

from gonghui.core.filters import DateFilter, ListFilters, choice
from gonghui.org.union_filter import UnionFilter

from .models import (
    Accident,
    Competition,
    CompetitionTheme,
    HonourKind,
    Innovation,
    InnovationKind,
    Nomination,
    NominationStatus,
    Pair,
    Suggestion,
    Team,
)


class TeamFilters(ListFilters):
    union = UnionFilter()
    q = df.CharFilter(label="班组名称", field_name="name", lookup_expr="contains")

    class Meta:
        model = Team
        fields = ()


def _shared(qs, name, value):
    return qs.filter(shared=value == "yes")


class InnovationFilters(ListFilters):
    """The innovations and fault cases of the user's teams; 全公司共享 finds the cases every team may learn from."""

    union = UnionFilter()
    kind = choice("类型", InnovationKind.choices)
    shared = choice("共享", (("yes", "全公司共享"), ("no", "本班组")), method=_shared)
    q = df.CharFilter(label="名称", field_name="title", lookup_expr="contains")

    class Meta:
        model = Innovation
        fields = ()


class CompetitionFilters(ListFilters):
    union = UnionFilter()
    theme = choice("竞赛主题", CompetitionTheme.choices)
    start = DateFilter(label="结束日期自", field_name="ends_on", lookup_expr="gte")
    end = DateFilter(label="开始日期至", field_name="starts_on", lookup_expr="lte")

    class Meta:
        model = Competition
        fields = ()


def _adopted(qs, name, value):
    return qs.filter(adopted=value == "yes")


class SuggestionFilters(ListFilters):
    union = UnionFilter()
    adopted = choice("采纳情况", (("yes", "已采纳"), ("no", "未采纳")), method=_adopted)
    start = DateFilter(label="提出日期自", field_name="submitted_on", lookup_expr="gte")
    end = DateFilter(label="至", field_name="submitted_on", lookup_expr="lte")

    class Meta:
        model = Suggestion
        fields = ()


class NominationFilters(ListFilters):
    union = UnionFilter()
    honour_kind = choice("荣誉", HonourKind.choices)
    status = choice("状态", NominationStatus.choices)

    class Meta:
        model = Nomination
        fields = ()


class PairFilters(ListFilters):
    union = UnionFilter()

    class Meta:
        model = Pair
        fields = ()


class AccidentFilters(ListFilters):
    union = UnionFilter()

    class Meta:
        model = Accident
        fields = ()
