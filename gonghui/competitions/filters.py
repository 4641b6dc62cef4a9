"""The filters of the competitions lists, for their pages, exports and API alike (see gonghui.core.filters)."""

from gonghui.core.filters import DateFilter, choice, contains, date_range, filters_meta, yes_no
from gonghui.org.union_filter import UnionListFilters

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


class TeamFilters(UnionListFilters):
    q = contains("班组名称", "name")

    Meta = filters_meta(Team)


class InnovationFilters(UnionListFilters):
    """The innovations and fault cases of the user's teams; 全公司共享 finds the cases every team may learn from."""

    kind = choice("类型", InnovationKind.choices)
    shared = yes_no("共享", "shared", "全公司共享", "本班组")
    q = contains("名称", "title")

    Meta = filters_meta(Innovation)


class CompetitionFilters(UnionListFilters):
    theme = choice("竞赛主题", CompetitionTheme.choices)
    start = DateFilter(label="结束日期自", field_name="ends_on", lookup_expr="gte")
    end = DateFilter(label="开始日期至", field_name="starts_on", lookup_expr="lte")

    Meta = filters_meta(Competition)


class SuggestionFilters(UnionListFilters):
    adopted = yes_no("采纳情况", "adopted", "已采纳", "未采纳")
    start, end = date_range("submitted_on", "提出日期自")

    Meta = filters_meta(Suggestion)


class NominationFilters(UnionListFilters):
    honour_kind = choice("荣誉", HonourKind.choices)
    status = choice("状态", NominationStatus.choices)

    Meta = filters_meta(Nomination)


class PairFilters(UnionListFilters):
    Meta = filters_meta(Pair)


class AccidentFilters(UnionListFilters):
    Meta = filters_meta(Accident)
