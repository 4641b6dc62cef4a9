from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from gonghui.core.figures import figures_cached
from gonghui.core.registry import provider
from gonghui.core.scoping import ancestor_rows, get_visible_or_404, is_within, visible, within

from .filters import EnterpriseFilters
from .models import CommitteeSeat, Enterprise, Formation, JointScope, UnionLevel, Union, UnionGroup


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


@dataclass
class Coverage:
    unions: int = 0
    single: int = 0
    joint_by_scope: dict[str, int] = field(default_factory=dict)
    enterprises: int = 0
    members: int = 0

    @property
    def joint(self) -> int:
        return sum(self.joint_by_scope.values())

    def sentence(self) -> str:
        community = self.joint_by_scope.get(JointScope.COMMUNITY, 0) + self.joint_by_scope.get(JointScope.VILLAGE, 0)
        parts = [f"基层工会组织{self.unions}家", f"其中单建工会{self.single}家"]
        if community:
            parts.append(f"社区(村)联合工会{community}家")
        for scope, label in ((JointScope.INDUSTRY, "行业"), (JointScope.REGIONAL, "区域")):
            if self.joint_by_scope.get(scope):
                parts.append(f"{label}联合工会{self.joint_by_scope[scope]}家")
        parts.append(f"覆盖企业{self.enterprises}家")
        return "，".join(parts)


COVERAGE = "coverage"  # the figures' kind in gonghui.core.figures, forgotten on writes of unions, enterprises, members


def coverage_for(*, user, union: Union) -> Coverage:
    """The source summaries' "基层工会组织224家，其中单建工会216家…覆盖企业368家", from the records.

    Members sit above org: their count is "members.active_count_within" (tenant_id, union_ids) -> int.
    The same for every user who may see the union, so kept a short while (gonghui.core.figures).
    """
    if not is_within(user, union):
        return _coverage(user, union)
    return figures_cached(COVERAGE, union=union, parts=(), compute=lambda: _coverage(user, union))


def _coverage(user, union: Union) -> Coverage:
    subtree = within(union_list(user=user), union).filter(level=UnionLevel.GRASSROOTS)
    rows = subtree.values("formation", "joint_scope").annotate(n=Count("id"))
    cov = Coverage()
    for row in rows:
        cov.unions += row["n"]
        if row["formation"] == Formation.SINGLE:
            cov.single += row["n"]
        else:
            cov.joint_by_scope[row["joint_scope"]] = cov.joint_by_scope.get(row["joint_scope"], 0) + row["n"]
    cov.enterprises = within(Enterprise.objects.filter(union__level=UnionLevel.GRASSROOTS), union).count()
    cov.members = provider("members.active_count_within")(tenant_id=union.tenant_id,
                                                          union_ids=list(subtree.values_list("id", flat=True)))
    return cov


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
