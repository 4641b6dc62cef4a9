from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.safestring import mark_safe

from gonghui.core.figures import FigureValue, figure_get, figure_values
from gonghui.core.periods import Period, period_from
from gonghui.core.registry import provider
from gonghui.core.scoping import ancestor_rows, get_visible_or_404, visible, within

from .filters import EnterpriseFilters
from .models import CommitteeSeat, Enterprise, UnionLevel, Union, UnionGroup


def union_list(*, user) -> QuerySet[Union]:
    return visible(Union.objects.all(), user).order_by("path")


def union_get(*, user, pk) -> Union:
    return get_visible_or_404(Union.objects.all(), user, pk=pk)


def unions_below(*, user, union: Union) -> QuerySet[Union]:
    """Every union beneath `union` that the user may see, the union itself left out."""
    return within(union_list(user=user), union).exclude(pk=union.pk)


def grassroots_list(*, user) -> QuerySet[Union]:
    return union_list(user=user).filter(level=UnionLevel.GRASSROOTS)


def enterprise_list(*, user, filters: Mapping | None = None) -> QuerySet[Enterprise]:
    return EnterpriseFilters.narrow(visible(Enterprise.objects.select_related("union"), user), filters).order_by("name")


def enterprise_get(*, user, pk) -> Enterprise:
    return get_visible_or_404(Enterprise.objects.select_related("union"), user, pk=pk)


def group_list(*, user, union: Union | None = None) -> QuerySet[UnionGroup]:
    qs = visible(UnionGroup.objects.select_related("union"), user)
    return qs.filter(union=union) if union else qs


def seat_list(*, user, union: Union) -> QuerySet[CommitteeSeat]:
    return visible(CommitteeSeat.objects.all(), user).filter(union=union)


# The coverage card's figures, by the name the card gives them (org/figures.py and members/figures.py).
COVERAGE_KEYS = {"unions": "org.grassroots_unions", "single": "org.unions_single", "joint": "org.unions_joint",
                 "community": "org.unions_joint_community", "enterprises": "org.enterprises_covered",
                 "members": "members.active"}


@dataclass
class Coverage:
    """The source summaries' "基层工会组织224家，其中单建工会216家，社区(村)联合工会8家，覆盖企业368家"."""

    values: dict[str, FigureValue] = field(default_factory=dict)

    def __getattr__(self, name: str) -> int:
        # coverage.unions, coverage.members…: the figure's value; the template reads coverage.values.unions.link.
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name].value
        raise AttributeError(name)

    def parts(self) -> list[FigureValue]:
        """The sentence's figures in its order; "社区(村)联合工会" is left out where there is none."""
        community = [self.values["community"]] if self.values["community"].value else []
        return [self.values["unions"], self.values["single"], *community, self.values["enterprises"]]

    def sentence(self) -> str:
        return "，".join(value.sentence for value in self.parts())

    def linked(self) -> str:
        return mark_safe("，".join(value.linked_sentence for value in self.parts()))


def coverage_for(*, user, union: Union, period: Period | None = None) -> Coverage:
    """The coverage of a union's subtree at the end of the period (by default: today), from the registry.

    Members sit above org: their figure is read by its key, "members.active", like any other.
    """
    period = period or period_from({}, today=timezone.localdate())
    values = figure_values([figure_get(key) for key in COVERAGE_KEYS.values()], user=user, union=union,
                           period=period)
    return Coverage(values=dict(zip(COVERAGE_KEYS, values)))


@dataclass
class TreeRow:
    union: Union
    unions: int
    members: int


def tree_with_counts(*, user) -> list[TreeRow]:
    """Every visible node with the grassroots unions and active members beneath it, in two queries.

    Each node adds its own figures to itself and its ancestors (found by path prefix), so the
    work grows with nodes × depth, not nodes squared. The members are counted where they live:
    "members.active_count_by_union" (user) -> {union id: active members the user may see}.
    """
    nodes = list(union_list(user=user))
    direct = provider("members.active_count_by_union")(user=user)
    totals = {node.path: [0, 0] for node in nodes}
    for node in nodes:
        for ancestor in ancestor_rows(node, totals):
            ancestor[0] += node.level == UnionLevel.GRASSROOTS
            ancestor[1] += direct.get(node.id, 0)
    return [TreeRow(union=node, unions=totals[node.path][0], members=totals[node.path][1]) for node in nodes]
