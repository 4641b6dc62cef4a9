"""What every part of the demo year shares: the county, the day it stands at, who does the work, who the members are."""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from random import Random

from gonghui.members.choices import MemberStatus
from gonghui.members.models import Member
from gonghui.org.models import Enterprise, Formation, UnionLevel, OrgType, Union

from ..tree import Tree
from .staff import Staff

# The demo's work is sized for this many members; smaller counties get proportionally less, down to a floor.
FULL_SIZE = 20_000


@dataclass
class Work:
    tree: Tree
    staff: Staff
    seed: int
    as_of: date
    members: int
    _rosters: dict[int, list[Member]] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.as_of.year

    @property
    def root(self) -> Union:
        return self.tree.root

    @cached_property
    def county(self) -> str:
        return self.root.name.removesuffix("总工会")

    def rng(self, topic: str) -> Random:
        """A random stream per part of the year: adding records to one part leaves the others as they were."""
        return Random(f"{self.seed}:{topic}")

    def scaled(self, full: int, *, floor: int = 1) -> int:
        """A count sized for FULL_SIZE members, for this county."""
        return max(floor, round(full * min(1.0, self.members / FULL_SIZE)))

    # --- the tree ------------------------------------------------------------------------------------------

    @cached_property
    def grassroots(self) -> list[Union]:
        return [g.union for g in self.tree.grassroots]

    @cached_property
    def unions(self) -> list[Union]:
        return [self.root, *self.tree.streets, *self.grassroots]

    @cached_property
    def _by_path(self) -> dict[str, Union]:
        return {union.path: union for union in self.unions}

    def parent(self, union: Union) -> Union:
        return self._by_path[union.path[: -Union.steplen]]

    @cached_property
    def spotlight_unions(self) -> list[Union]:
        """The grassroots unions of the demo officers: whoever logs in there should find every kind of record."""
        return [u for u in self.grassroots if u.id in self.staff.demo]

    @cached_property
    def spotlight(self) -> set[int]:
        return {u.id for u in self.spotlight_unions}

    def sample(self, rng: Random, items: list, count: int, *, union_of=lambda item: item.union) -> list:
        """`count` of the items at random, those of the demo officers' unions first."""
        first = [item for item in items if union_of(item).id in self.spotlight][:count]
        rest = [item for item in items if union_of(item).id not in self.spotlight]
        return first + rng.sample(rest, min(count - len(first), len(rest)))

    def sample_unions(self, rng: Random, unions: list[Union], count: int) -> list[Union]:
        """`count` of the unions at random, the demo officers' first."""
        return self.sample(rng, unions, count, union_of=lambda union: union)

    def grassroots_under(self, union: Union) -> list[Union]:
        return [g for g in self.grassroots if g.path.startswith(union.path)]

    @cached_property
    def enterprises_by_union(self) -> dict[int, list[Enterprise]]:
        grouped: dict[int, list[Enterprise]] = {}
        for enterprise in self.tree.enterprises:
            grouped.setdefault(enterprise.union_id, []).append(enterprise)
        return grouped

    def companies(self, *, least: int) -> list[Enterprise]:
        """Companies with a union of their own and `least` workers (any size at the demo officers' unions)."""
        return [e for e in self.tree.enterprises if e.union.org_type == OrgType.ENTERPRISE
                and e.union.formation == Formation.SINGLE and (e.headcount >= least or e.union.id in self.spotlight)]

    def enterprises_under(self, union: Union) -> list[Enterprise]:
        return [e for e in self.tree.enterprises if e.union.path.startswith(union.path)]

    @staticmethod
    def short(union: Union) -> str:
        """The name people say: 宏达机械有限公司, 城西街道, 青岚县."""
        return union.name.removesuffix("工会").removesuffix("总")

    # --- members -------------------------------------------------------------------------------------------

    def roster(self, union: Union) -> list[Member]:
        """Active members of a grassroots union, in a fixed order, each holding the union object (no query later)."""
        if union.id not in self._rosters:
            members = list(Member.objects.filter(union=union, status=MemberStatus.ACTIVE).order_by("id"))
            for member in members:
                member.union = union
            self._rosters[union.id] = members
        return self._rosters[union.id]

    def pool(self, rng: Random, union: Union, *, unions: int = 6) -> list[Member]:
        """Members an activity of `union` may draw on: its own, or for a federation those of a few unions below."""
        if union.level == UnionLevel.GRASSROOTS:
            return self.roster(union)
        below = self.grassroots_under(union)
        return [m for g in rng.sample(below, min(unions, len(below))) for m in self.roster(g)]

    @staticmethod
    def pick(rng: Random, members: list[Member], count: int, *, joined_by: date) -> list[Member]:
        """Up to `count` members who had joined by the day."""
        eligible = [m for m in members if m.join_date <= joined_by]
        return rng.sample(eligible, min(count, len(eligible)))

    # --- the calendar --------------------------------------------------------------------------------------

    def day_in(self, rng: Random, month: int, *, year: int | None = None, first: int = 1,
               last: int | None = None) -> date | None:
        """A day of the month (between `first` and `last`), never after as_of; None if the month has not come."""
        year = year or self.year
        end = min(last or 31, calendar.monthrange(year, month)[1])
        return self.day_between(rng, date(year, month, min(first, end)), date(year, month, end))

    def day_between(self, rng: Random, start: date, end: date) -> date | None:
        end = min(end, self.as_of)
        if start > end:
            return None
        return start + timedelta(days=rng.randrange((end - start).days + 1))

    def months_begun(self, year: int | None = None) -> list[int]:
        year = year or self.year
        if year < self.year:
            return list(range(1, 13))
        return list(range(1, self.as_of.month + 1)) if year == self.year else []


class Writer:
    """One part of the demo year: the work, the part's own random stream (Work.rng) and the summary it counts in.

    A part names both where it subclasses: `class CareWriter(Writer, topic="care", summary=CareSummary)`.
    """

    def __init_subclass__(cls, *, topic: str, summary: type, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.topic, cls.summary_type = topic, summary

    def __init__(self, work: Work):
        self.work = work
        self.rng = work.rng(self.topic)
        self.summary = self.summary_type()


def yuan(rng: Random, low: int, high: int, *, step: int = 10) -> Decimal:
    """A round amount between low and high, as people pay it."""
    return Decimal(rng.randrange(low // step, high // step + 1) * step)
