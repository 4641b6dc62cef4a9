"""Member rows of a generated county, streamed so a million of them fit in flat memory.

Rows are plain tuples in MEMBER_COLUMNS / EVENT_COLUMNS order: COPY takes
them as they are, and building model instances would cost more than the
generation itself.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from random import Random

from gonghui.core.identifiers import id_tail
from gonghui.members.choices import EventKind, MemberCategory, MemberStatus

from .identity import ResidentIds, card_number, mobile
from .names import person_name
from .sampling import Weighted, split_weights

MEMBER_COLUMNS = (
    "id",
    "tenant_id",
    "union_id",
    "group_id",
    "name",
    "id_number",
    "id_tail",
    "birth_date",
    "gender",
    "ethnicity",
    "phone",
    "education",
    "political_status",
    "category",
    "join_date",
    "card_number",
    "status",
    "created_at",
    "updated_at",
)
EVENT_COLUMNS = ("tenant_id", "member_id", "union_id", "kind", "on_date", "note", "created_at")

FIRST_BIRTH = date(1960, 1, 1)
LAST_BIRTH = date(2004, 12, 31)
# Most members were born in the late 1980s; the triangle's peak puts them there.
PEAK_BIRTH = date(1988, 6, 30)
ADULT_DAYS = 18 * 365 + 5  # 18 years hold at most five leap days
RETIREMENT_AGE = {True: 60, False: 55}
ETHNICITIES = Weighted(split_weights("汉族:92 土家族:4 回族:1.5 苗族:1 满族:0.5 蒙古族:0.4 壮族:0.3 侗族:0.3"))
LEFT_SHARE = 0.025
PHONE_SHARE = 0.96
CARD_SHARE = 0.9


@dataclass(frozen=True)
class Profile:
    """What the members of one kind of workplace look like."""

    male_share: float
    categories: Weighted[str]  # of those not yet retired
    education: Weighted[str]
    political: Weighted[str]


PROFILES = {
    "enterprise": Profile(
        0.56,
        Weighted(split_weights("employed:80 dispatched:10 migrant:10")),
        Weighted(split_weights("postgraduate:1 bachelor:15 college:25 secondary:34 junior:25")),
        Weighted(split_weights("cpc:8 cpc_probationary:1 league:16 democratic_party:0.5 masses:74.5")),
    ),
    "school": Profile(
        0.35,
        Weighted(split_weights("employed:95 dispatched:5")),
        Weighted(split_weights("postgraduate:8 bachelor:72 college:17 secondary:3")),
        Weighted(split_weights("cpc:30 cpc_probationary:1 league:15 democratic_party:3 masses:51")),
    ),
    "agency": Profile(
        0.5,
        Weighted(split_weights("employed:93 dispatched:7")),
        Weighted(split_weights("postgraduate:10 bachelor:65 college:20 secondary:5")),
        Weighted(split_weights("cpc:55 cpc_probationary:2 league:10 democratic_party:3 masses:30")),
    ),
    "community": Profile(
        0.52,
        Weighted(split_weights("employed:55 dispatched:10 migrant:35")),
        Weighted(split_weights("bachelor:5 college:15 secondary:40 junior:40")),
        Weighted(split_weights("cpc:4 league:12 masses:84")),
    ),
}


@dataclass(frozen=True)
class Quota:
    """How many members one grassroots union gets, and what they may be assigned to."""

    union_id: int
    org_type: str
    founded_on: date | None
    group_ids: tuple[int, ...]
    size: int


def apportion(*, total: int, weights: Sequence[int]) -> list[int]:
    """Split total in proportion to weights, whole numbers summing exactly to total (largest remainder)."""
    weight_sum = sum(weights)
    if not weight_sum:
        raise ValueError("cannot apportion over zero weights")
    exact = [total * w / weight_sum for w in weights]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: shares[i] - exact[i])
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


class MemberRows:
    """Generates (member row, event rows) pairs for a sequence of quotas."""

    def __init__(self, *, seed: int, tenant_id: int, first_id: int, as_of: date, created_at: datetime):
        # A stream of its own, so changing the tree does not reshuffle every member.
        self.rng = Random(f"gonghui-demo-members:{seed}")
        self.ids = ResidentIds(first_birth=FIRST_BIRTH, last_birth=LAST_BIRTH)
        self.tenant_id = tenant_id
        self.next_id = first_id
        self.serial = 0
        self.as_of_ordinal = as_of.toordinal()
        self.created_at = created_at
        self.peak_day = PEAK_BIRTH.toordinal() - FIRST_BIRTH.toordinal()
        self.retired_from_day = {male: self._day_turning(age, as_of) for male, age in RETIREMENT_AGE.items()}

    @staticmethod
    def _day_turning(age: int, as_of: date) -> int:
        """The last birth day (offset from FIRST_BIRTH) of someone aged `age` on as_of."""
        day = 28 if (as_of.month, as_of.day) == (2, 29) else as_of.day
        return date(as_of.year - age, as_of.month, day).toordinal() - FIRST_BIRTH.toordinal()

    def rows(self, quotas: Sequence[Quota]) -> Iterator[tuple[tuple, tuple[tuple, ...]]]:
        for quota in quotas:
            profile = PROFILES[quota.org_type]
            founded = quota.founded_on.toordinal() if quota.founded_on else 0
            for _ in range(quota.size):
                yield self._member(quota, profile, founded)

    def _member(self, quota: Quota, profile: Profile, founded: int) -> tuple[tuple, tuple[tuple, ...]]:
        rng = self.rng
        male = rng.random() < profile.male_share
        day = min(self.ids.days - 1, int(rng.triangular(0, self.ids.days, self.peak_day)))
        birth = self.ids.birth_date(day)
        id_number = self.ids.issue(rng, day=day, male=male)
        retired = day <= self.retired_from_day[male]
        join = self._join_ordinal(birth.toordinal(), founded)
        joined_on = date.fromordinal(join)
        left = rng.random() < LEFT_SHARE
        member_id = self.next_id
        self.next_id += 1
        self.serial += 1
        member = (
            member_id,
            self.tenant_id,
            quota.union_id,
            quota.group_ids[int(rng.random() * len(quota.group_ids))] if quota.group_ids else None,
            person_name(rng=rng, gender="M" if male else "F"),
            id_number,
            id_tail(id_number),
            birth,
            "M" if male else "F",
            ETHNICITIES.pick(rng),
            mobile(rng) if rng.random() < PHONE_SHARE else "",
            profile.education.pick(rng),
            profile.political.pick(rng),
            MemberCategory.RETIRED.value if retired else profile.categories.pick(rng),
            joined_on,
            card_number(self.serial) if rng.random() < CARD_SHARE else "",
            MemberStatus.LEFT.value if left else MemberStatus.ACTIVE.value,
            self.created_at,
            self.created_at,
        )
        events = [self._event(member_id, quota.union_id, EventKind.JOIN, joined_on)]
        if left:
            left_on = date.fromordinal(join + int(rng.random() * (self.as_of_ordinal - join + 1)))
            events.append(self._event(member_id, quota.union_id, EventKind.LEAVE, left_on))
        return member, tuple(events)

    def _event(self, member_id: int, union_id: int, kind: EventKind, on_date: date) -> tuple:
        return (self.tenant_id, member_id, union_id, kind.value, on_date, "", self.created_at)

    def _join_ordinal(self, birth: int, founded: int) -> int:
        """A day after the 18th birthday and the union's founding, not after as_of."""
        earliest = min(max(birth + ADULT_DAYS, founded), self.as_of_ordinal)
        return earliest + int(self.rng.random() * (self.as_of_ordinal - earliest + 1))
