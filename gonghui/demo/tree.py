"""The organisation of a generated county: federations, grassroots unions, the
workplaces they cover, their groups and committees."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import NamedTuple

from gonghui.org.models import (
    CommitteeBody,
    CommitteeSeat,
    Enterprise,
    Formation,
    JointScope,
    OrgType,
    SeatRole,
    Union,
    UnionGroup,
    UnionLevel,
)

from . import names
from .identity import CreditCodes

DEMO_CODE = "GH-DEMO"
STREET_COUNT = 3
TERM = (date(2024, 1, 1), date(2028, 12, 31))


class Mix(NamedTuple):
    kind: str  # enterprise, school, agency or joint
    count: int
    under_county: int  # how many hang directly under the county federation


# County-level bureaus, hospitals and high schools report to the county
# federation itself; everything else belongs to a street or town.
GRASSROOTS_MIX = (
    Mix("agency", 15, 5),
    Mix("school", 20, 2),
    Mix("enterprise", 181, 0),
    Mix("joint", 8, 0),
)
JOINT_COVERAGE = (14, 24)
UNCOVERED_ENTERPRISES = (8, 12)
# Single-built enterprise unions founded in the demo year ("今年完成基层单建工会8家") and in the year before.
FOUNDED_THIS_YEAR = 8
FOUNDED_LAST_YEAR = 6
ORG_TYPE = {
    "enterprise": OrgType.ENTERPRISE,
    "school": OrgType.SCHOOL,
    "agency": OrgType.AGENCY,
    "joint": OrgType.COMMUNITY,
}


@dataclass
class Grassroots:
    union: Union
    enterprises: list[Enterprise]
    groups: list[UnionGroup] = field(default_factory=list)

    @property
    def headcount(self) -> int:
        return sum(enterprise.headcount for enterprise in self.enterprises)


@dataclass
class Tree:
    root: Union
    streets: list[Union]
    grassroots: list[Grassroots]
    enterprises: list[Enterprise]

    def first_enterprise_union(self, street: Union) -> Union:
        """The first single-enterprise union under a street: the demo officers' unions."""
        return next(
            g.union
            for g in self.grassroots
            if g.union.path.startswith(street.path) and g.union.org_type == OrgType.ENTERPRISE
        )


class Builder:
    """Creates one county; holds what every step needs so the steps stay small."""

    def __init__(self, *, rng: Random, as_of: date | None = None):
        self.rng = rng
        self.as_of = as_of
        self.county = rng.choice(names.COUNTIES)
        self.used_names: set[str] = set()
        self.credit_codes = CreditCodes()
        self.root: Union | None = None

    def build(self) -> Tree:
        self.root = self._create_root()
        streets = [
            self._add(self.root, name=f"{street}总工会", code=f"{DEMO_CODE}-{n:02d}", level=UnionLevel.STREET, street=street)
            for n, street in enumerate(self.rng.sample(names.STREETS, STREET_COUNT), start=1)
        ]
        grassroots = self._grassroots(streets)
        # Enterprises without a union of their own stay with the street that registered them.
        uncovered = [
            self._enterprise(self._small_unit(), union=self.rng.choice(streets))
            for _ in range(self.rng.randint(*UNCOVERED_ENTERPRISES))
        ]
        enterprises = [e for g in grassroots for e in g.enterprises] + uncovered
        Enterprise.objects.bulk_create(enterprises)
        self._add_groups(grassroots)
        self._add_seats([self.root, *streets, *(g.union for g in grassroots)])
        if self.as_of:
            self._found_recently(grassroots, streets)
        return Tree(root=self.root, streets=streets, grassroots=grassroots, enterprises=enterprises)

    def _found_recently(self, grassroots: list[Grassroots], streets: list[Union]) -> None:
        """Re-date some enterprise unions to the demo year and the year before: the unions built lately.

        Drawn last, so the rest of the tree is the same as without it; the demo officers' unions keep their
        old dates, and members join a union only once it exists (see members.MemberRows).
        """
        keep = {next(g.union.id for g in grassroots if g.union.path.startswith(s.path)
                     and g.union.org_type == OrgType.ENTERPRISE) for s in streets}
        candidates = [g.union for g in grassroots if g.union.org_type == OrgType.ENTERPRISE and g.union.id not in keep]
        chosen = self.rng.sample(candidates, min(len(candidates), FOUNDED_THIS_YEAR + FOUNDED_LAST_YEAR))
        year = self.as_of.year
        for n, union in enumerate(chosen):
            start = date(year if n < FOUNDED_THIS_YEAR else year - 1, 1, 1)
            end = self.as_of if n < FOUNDED_THIS_YEAR else date(year - 1, 12, 31)
            union.founded_on = start + timedelta(days=self.rng.randrange((end - start).days + 1))
            Union.objects.filter(pk=union.pk).update(founded_on=union.founded_on)

    def _create_root(self) -> Union:
        root = _unsaved(
            name=f"{self.county}总工会",
            code=DEMO_CODE,
            level=UnionLevel.COUNTY,
            founded_on=date(1951, 5, 1),
            address=names.address(rng=self.rng, county=self.county, street=None),
        )
        root = Union.objects.add_root(instance=root)
        # The tenant is the root itself, which has no id until it is saved.
        root.tenant_id = root.id
        root.save(update_fields=["tenant"])
        return root

    def _add(self, parent: Union, *, street: str | None, **fields) -> Union:
        founded = date(1985, 1, 1) + timedelta(days=self.rng.randrange(38 * 365))
        address = names.address(rng=self.rng, county=self.county, street=street)
        node = _unsaved(tenant=self.root, founded_on=founded, address=address, **fields)
        return Union.objects.add_child(parent, instance=node)

    def _placements(self, streets: list[Union]) -> list[tuple[str, Union | None]]:
        """(kind, street) for every grassroots union, grouped by parent so paths read in order."""
        placements = [
            (mix.kind, None if n < mix.under_county else self.rng.choice(streets))
            for mix in GRASSROOTS_MIX
            for n in range(mix.count)
        ]
        order = {street.id: n for n, street in enumerate(streets)}
        return sorted(placements, key=lambda placement: -1 if placement[1] is None else order[placement[1].id])

    def _grassroots(self, streets: list[Union]) -> list[Grassroots]:
        street_names = {street.id: street.name.removesuffix("总工会") for street in streets}
        serials: dict[int, int] = {}
        result = []
        for kind, street in self._placements(streets):
            parent = street or self.root
            serials[parent.id] = serials.get(parent.id, 0) + 1
            prefix = street.code if street else f"{DEMO_CODE}-00"
            place = street_names[street.id] if street else None
            result.append(self._one_grassroots(kind, parent, code=f"{prefix}-{serials[parent.id]:03d}", place=place))
        return result

    def _one_grassroots(self, kind: str, parent: Union, *, code: str, place: str | None) -> Grassroots:
        fields = {"code": code, "level": UnionLevel.GRASSROOTS, "org_type": ORG_TYPE[kind]}
        if kind == "joint":
            scope = self._joint_scope(place)
            area = names.joint_area(rng=self.rng, used=self.used_names, street=place, scope=scope)
            union = self._add(
                parent, street=place, name=f"{area}联合工会", formation=Formation.JOINT, joint_scope=scope, **fields
            )
            units = [self._small_unit() for _ in range(self.rng.randint(*JOINT_COVERAGE))]
        else:
            unit = self._single_unit(kind, place)
            union = self._add(parent, street=place, name=f"{unit.name}工会", formation=Formation.SINGLE, **fields)
            units = [unit]
        return Grassroots(union=union, enterprises=[self._enterprise(unit, union=union) for unit in units])

    def _joint_scope(self, street: str) -> str:
        # Street offices mostly have residential communities; towns have villages.
        community_share = 0.8 if street.endswith("街道") else 0.2
        return JointScope.COMMUNITY if self.rng.random() < community_share else JointScope.VILLAGE

    def _single_unit(self, kind: str, place: str | None) -> names.Unit:
        context = {"rng": self.rng, "used": self.used_names, "county": self.county}
        if kind == "school":
            return names.school(street=place, **context)
        if kind == "agency":
            return names.agency(street=place, **context)
        return names.company(**context)

    def _small_unit(self) -> names.Unit:
        return names.small_business(rng=self.rng, used=self.used_names, county=self.county)

    def _enterprise(self, unit: names.Unit, *, union: Union) -> Enterprise:
        headcount = self._headcount(unit)
        return Enterprise(
            tenant=self.root,
            union=union,
            name=unit.name,
            credit_code=self.credit_codes.issue(self.rng, registration=unit.registration),
            industry=unit.industry,
            headcount=headcount,
            above_designated_size=unit.registration == "91" and headcount >= 100 and self.rng.random() < 0.85,
            address=names.address(rng=self.rng, county=self.county, street=None),
        )

    def _headcount(self, unit: names.Unit) -> int:
        rng = self.rng
        if unit.registration == "92":
            return rng.randint(3, 30)
        if unit.industry == "教育":
            return rng.randint(40, 260)
        if unit.name.endswith("医院"):
            return rng.randint(300, 900)
        if unit.registration in ("11", "12"):
            return rng.randint(20, 150)
        # Company sizes are heavy-tailed: many of about a hundred, a few in the thousands.
        return min(3000, max(10, int(rng.lognormvariate(4.6, 0.9))))

    def _add_groups(self, grassroots: list[Grassroots]) -> None:
        for g in grassroots:
            chosen = self.rng.sample(names.GROUP_NAMES[g.union.org_type], self.rng.randint(2, 6))
            g.groups = [
                UnionGroup(tenant=self.root, union=g.union, name=name, leader_name=self._person())
                for name in chosen
            ]
        UnionGroup.objects.bulk_create([group for g in grassroots for group in g.groups])

    def _add_seats(self, unions: list[Union]) -> None:
        seats = [seat for union in unions for seat in self._seats(union)]
        CommitteeSeat.objects.bulk_create(seats)

    def _seats(self, union: Union) -> list[CommitteeSeat]:
        committee = (
            [SeatRole.CHAIR]
            + [SeatRole.VICE_CHAIR] * self.rng.randint(1, 2)
            + [SeatRole.MEMBER] * self.rng.randint(3, 5)
        )
        posts = [(CommitteeBody.COMMITTEE, role, None) for role in committee]
        posts += [(CommitteeBody.FUNDS_AUDIT, SeatRole.CHAIR, None), (CommitteeBody.WOMEN, SeatRole.CHAIR, "F")]
        start, end = TERM
        return [
            CommitteeSeat(
                tenant=self.root,
                union=union,
                body=body,
                role=role,
                person_name=self._person(gender),
                term_start=start,
                term_end=end,
            )
            for body, role, gender in posts
        ]

    def _person(self, gender: str | None = None) -> str:
        return names.person_name(rng=self.rng, gender=gender or self.rng.choice("MF"))


def _unsaved(**fields) -> Union:
    # Demo data rows are not users' edits, so they stay out of the audit trail.
    node = Union(**fields)
    node.skip_history_when_saving = True
    return node


def build_tree(*, rng: Random, as_of: date | None = None) -> Tree:
    """The county's tree; with as_of, some unions are founded in its year and the year before."""
    return Builder(rng=rng, as_of=as_of).build()
