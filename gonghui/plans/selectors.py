from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from gonghui.core.registry import provider
from gonghui.core.scoping import ancestor_paths, ancestor_rows, get_or_404, get_visible_or_404, visible, within
from gonghui.org.models import Union
from gonghui.org.selectors import unions_below

from .filters import PlanFilters
from .models import Plan, PlanItem, PlanItemStatus, PlanStatus, PlanTemplate, TemplateItem, WorkArea, mask_to_months

MONTHS = range(1, 13)


def plan_list(*, user, filters: Mapping | None = None) -> QuerySet[Plan]:
    qs = PlanFilters.narrow(visible(Plan.objects.select_related("union"), user), filters)
    return qs.annotate(item_count=Count("items")).order_by("-year", "union__path")


def plan_get(*, user, pk) -> Plan:
    return get_visible_or_404(Plan.objects.select_related("union"), user, pk=pk)


def plan_item_get(*, user, pk) -> PlanItem:
    return get_visible_or_404(PlanItem.objects.select_related("plan", "union"), user, pk=pk)


def plan_items_for_ledger(*, user, union: Union) -> QuerySet[PlanItem]:
    """The items an activity of `union` may fulfil: those of the union's own plans, newest year first."""
    qs = PlanItem.objects.select_related("plan").filter(union=union).exclude(status=PlanItemStatus.DROPPED)
    return visible(qs, user).order_by("-plan__year", "position", "id")


# --- templates -------------------------------------------------------------------------------------------


def _shipped_or_above(union: Union) -> Q:
    """Shipped templates, and those of the union and of its federations above."""
    return Q(union__isnull=True) | Q(tenant_id=union.tenant_id, union__path__in=ancestor_paths(union))


def template_list(*, user) -> QuerySet[PlanTemplate]:
    """Shipped templates, those of the user's federations above, and those the user's subtree wrote."""
    node = getattr(user, "union", None)
    if node is None:
        return PlanTemplate.objects.none()
    qs = PlanTemplate.objects.filter(_shipped_or_above(node)) | within(PlanTemplate.objects.all(), node)
    return qs.select_related("union").order_by(F("union__path").asc(nulls_first=True), "name")


def templates_for(*, user, union: Union) -> QuerySet[PlanTemplate]:
    """The templates a plan of `union` may start from."""
    return template_list(user=user).filter(_shipped_or_above(union))


def template_get(*, user, pk) -> PlanTemplate:
    return get_or_404(template_list(user=user), pk=pk)


def template_owned_get(*, user, pk) -> PlanTemplate:
    """A template the user's subtree wrote, to edit: shipped and inherited ones are read-only here."""
    return get_visible_or_404(PlanTemplate.objects.filter(union__isnull=False).select_related("union"), user, pk=pk)


def template_item_owned_get(*, user, pk) -> TemplateItem:
    item = TemplateItem.objects.filter(pk=pk).first() if str(pk).isdigit() else None
    if item is None:
        raise Http404
    item.template = template_owned_get(user=user, pk=item.template_id)
    return item


def grouped_by_area(items) -> list[tuple[str, list]]:
    """Items (or their progress rows) under the areas, in the order the areas are listed."""
    groups: dict[str, list] = defaultdict(list)
    for row in items:
        groups[getattr(row, "item", row).area].append(row)
    return [(label, groups[value]) for value, label in WorkArea.choices if groups[value]]


# --- progress against the plan ----------------------------------------------------------------------------


def months_ended(year: int, as_of: date) -> int:
    """How many months of `year` were over by `as_of`: 0 before the year, 12 after it."""
    if as_of.year < year:
        return 0
    if as_of.year > year:
        return 12
    return as_of.month - 1


def expected_by(planned: Sequence[int], target: int, ended: int) -> int:
    """Planned months spread the target evenly: two sports meets in April and October mean one by May."""
    passed = sum(1 for m in planned if m <= ended)
    return target * passed // len(planned)


def item_state(*, planned: Sequence[int], target: int | None, status: str, done: int, ended: int) -> tuple[bool, bool]:
    """(complete, overdue) of one item; an item without a count is done once anything was recorded for it."""
    target = target or 1
    complete = status == PlanItemStatus.DONE or done >= target
    overdue = status == PlanItemStatus.ACTIVE and not complete and done < expected_by(planned, target, ended)
    return complete, overdue


@dataclass
class ItemProgress:
    item: PlanItem
    # Ledger entries fulfilling the item, cumulated to the end of each month (index 0 is January).
    done_by_month: list[int]
    ended: int

    @cached_property
    def planned(self) -> list[int]:
        return self.item.month_list

    @property
    def done(self) -> int:
        return self.done_by_month[-1]

    @cached_property
    def _state(self) -> tuple[bool, bool]:
        return item_state(planned=self.planned, target=self.item.target_count, status=self.item.status,
                          done=self.done, ended=self.ended)

    @property
    def complete(self) -> bool:
        return self._state[0]

    @property
    def overdue(self) -> bool:
        return self._state[1]

    @cached_property
    def overdue_months(self) -> list[int]:
        """The planned months by whose end the ledger had fallen behind the item's spread target."""
        if self.item.status != PlanItemStatus.ACTIVE:
            return []
        target = self.item.target_count or 1
        return [m for m in self.planned if m <= self.ended
                and self.done_by_month[m - 1] < expected_by(self.planned, target, m)]

    @property
    def label(self) -> str:
        counted = f"{self.done}/{self.item.target_count}" if self.item.target_count else (
            f"已记录{self.done}项" if self.done else "未记录")
        # Marked done by hand: say so, or a green "未记录" reads as a contradiction.
        return f"已完成（{counted}）" if self.item.status == PlanItemStatus.DONE else counted


# The ledger sits above plans and records activities against their items; plans reads its counters through
# the registry: "ledger.item_done_by_month" and "ledger.item_done_totals" (item_ids), "ledger.activity_tally"
# (user, union, year) and "ledger.activity_kinds" () (see gonghui.ledger.selectors).


def _done_by_month(item_ids: QuerySet) -> dict[int, list[int]]:
    """Entries fulfilling each item, cumulated month by month, from the ledger's counters."""
    monthly: dict[int, list[int]] = defaultdict(lambda: [0] * 12)
    rows = provider("ledger.item_done_by_month")(item_ids=item_ids)
    for item_id, month, n in rows:
        monthly[item_id][month - 1] += n
    for counts in monthly.values():
        for i in range(1, 12):
            counts[i] += counts[i - 1]
    return monthly


def _progress_rows(items: list[PlanItem], monthly: dict[int, list[int]], *, year: int, as_of: date
                   ) -> list[ItemProgress]:
    ended = months_ended(year, as_of)
    return [ItemProgress(item=item, done_by_month=monthly.get(item.id, [0] * 12), ended=ended) for item in items]


def plan_progress(*, plan: Plan, as_of: date) -> list[ItemProgress]:
    items = list(plan.items.all())
    monthly = _done_by_month(plan.items.values("id"))
    return _progress_rows(items, monthly, year=plan.year, as_of=as_of)


@dataclass
class CalendarMonth:
    month: int
    rows: list[ItemProgress]

    @property
    def overdue(self) -> bool:
        return any(self.month in row.overdue_months for row in self.rows)


def plan_calendar(*, progress: list[ItemProgress]) -> list[CalendarMonth]:
    """As the source plans write it, "一月份 … 十二月份": items planned in each month; whole-year items stand apart."""
    partial = [row for row in progress if len(row.planned) < 12]
    return [CalendarMonth(month=m, rows=[row for row in partial if m in row.planned]) for m in MONTHS]


def whole_year_rows(progress: list[ItemProgress]) -> list[ItemProgress]:
    return [row for row in progress if len(row.planned) == 12]


# --- the year at a glance ---------------------------------------------------------------------------------


@dataclass
class UnionYear:
    union: Union
    plan: Plan | None = None
    items: int = 0
    complete: int = 0
    overdue: int = 0
    entries: int = 0

    @property
    def filed(self) -> bool:
        return self.plan is not None and self.plan.status == PlanStatus.FILED

    @property
    def behind(self) -> bool:
        return not self.filed or self.overdue > 0


@dataclass
class YearGlance:
    union: Union
    year: int
    as_of: date
    plan: Plan | None
    progress: list[ItemProgress]
    kinds: list[tuple[str, str, int]]
    subtree: list[UnionYear]

    @property
    def this_month(self) -> list[ItemProgress]:
        if self.as_of.year != self.year:
            return []
        return [row for row in self.progress if self.as_of.month in row.item.month_list
                and row.item.status != PlanItemStatus.DROPPED]

    @property
    def overdue(self) -> list[ItemProgress]:
        return [row for row in self.progress if row.overdue]

    @property
    def complete(self) -> int:
        return sum(1 for row in self.progress if row.complete)

    @property
    def entries(self) -> int:
        return sum(n for _, _, n in self.kinds)

    @property
    def behind(self) -> list[UnionYear]:
        return [row for row in self.subtree if row.behind]

    @property
    def not_filed(self) -> list[UnionYear]:
        return [row for row in self.subtree if not row.filed]


def _subtree_years(*, user, union: Union, year: int, as_of: date, entries: dict[int, int]) -> list[UnionYear]:
    """Every union beneath `union`, with its plan for the year, how far along it is, and the ledger
    entries of its own subtree."""
    below = list(unions_below(user=user, union=union))
    rows = {u.id: UnionYear(union=u) for u in below}
    by_path = {u.path: rows[u.id] for u in below}
    for u in below:
        # A union's entries count for it and for every federation above it in the table.
        for row in ancestor_rows(u, by_path):
            row.entries += entries.get(u.id, 0)
    plans = within(visible(Plan.objects.filter(year=year), user), union).exclude(union=union)
    for plan in plans:
        rows[plan.union_id].plan = plan
    items = PlanItem.objects.filter(plan__in=plans)
    # Thousands of items: totals summed by the database, plain tuples rather than model instances.
    done_totals = provider("ledger.item_done_totals")(item_ids=items.values("id"))
    ended = months_ended(year, as_of)
    for item_id, union_id, months, target, status in items.values_list(
            "id", "union_id", "months", "target_count", "status"):
        done = done_totals.get(item_id, 0)
        complete, overdue = item_state(planned=mask_to_months(months), target=target, status=status, done=done,
                                       ended=ended)
        summary = rows[union_id]
        summary.items += 1
        summary.complete += complete
        summary.overdue += overdue
    return list(rows.values())


def plan_for(*, user, union: Union, year: int) -> Plan | None:
    """The union's plan for the year, if the user may see it."""
    return visible(Plan.objects.select_related("union"), user).filter(union=union, year=year).first()


def year_glance(*, user, union: Union, year: int, as_of: date) -> YearGlance:
    plan = plan_for(user=user, union=union, year=year)
    progress = plan_progress(plan=plan, as_of=as_of) if plan else []
    tally = provider("ledger.activity_tally")(user=user, union=union, year=year)
    by_union: dict[int, int] = defaultdict(int)
    by_kind: dict[str, int] = defaultdict(int)
    for union_id, kind, n in tally:
        by_union[union_id] += n
        by_kind[kind] += n
    kinds = [(value, label, by_kind.get(value, 0)) for value, label in provider("ledger.activity_kinds")()]
    subtree = _subtree_years(user=user, union=union, year=year, as_of=as_of, entries=by_union) \
        if union.is_federation else []
    return YearGlance(union=union, year=year, as_of=as_of, plan=plan, progress=progress, kinds=kinds,
                      subtree=subtree)


def unfiled_unions(*, user, union: Union, year: int) -> QuerySet[Union]:
    """Unions beneath `union` that have not filed a plan for the year (a draft does not count)."""
    filed = visible(Plan.objects.filter(year=year, status=PlanStatus.FILED), user).values("union_id")
    return unions_below(user=user, union=union).exclude(id__in=filed)


def missing_plans(*, user, union: Union, year: int) -> list[UnionYear]:
    """The unfiled unions, each with its draft where it has one."""
    drafts = {p.union_id: p for p in visible(Plan.objects.filter(year=year, status=PlanStatus.DRAFT), user)}
    return [UnionYear(union=u, plan=drafts.get(u.id)) for u in unfiled_unions(user=user, union=union, year=year)]


# --- the home page's to-do --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanTodo:
    year: int
    plan: Plan | None  # the user's own union's plan for the year
    overdue: int  # its items behind their target, as the plan's page counts them
    unfiled: int  # unions beneath a federation without a filed plan for the year

    @property
    def filed(self) -> bool:
        return self.plan is not None and self.plan.status == PlanStatus.FILED


def plan_todo(*, user, today: date) -> PlanTodo:
    union, year = user.union, today.year
    plan = plan_for(user=user, union=union, year=year)
    overdue = sum(row.overdue for row in plan_progress(plan=plan, as_of=today)) if plan else 0
    unfiled = unfiled_unions(user=user, union=union, year=year).count() if union.is_federation else 0
    return PlanTodo(year=year, plan=plan, overdue=overdue, unfiled=unfiled)
