"""The ledger (台帐) of the demo year, written as the plans were carried out.

Busy unions enter an activity for each plan item as its months come, a
few falling behind (the year view shows them overdue); the other unions
tick items done, or do not. Items with nothing to enter in the ledger are
ticked done once their month is over.
"""

from datetime import date, timedelta

from gonghui.ledger.models import CONTEST_KINDS, Activity, ActivityKind
from gonghui.ledger.services import activity_create, activity_result_add, activity_set_attendance
from gonghui.members.models import Member
from gonghui.org.models import UnionLevel, OrgType, Union
from gonghui.plans.models import PlanItem, PlanItemStatus
from gonghui.plans.services import plan_item_update

from .catalogue import COST, PLACES, RESULTS, TURNOUT, Rule, entry_title, rule_for
from .context import Work, yuan
from .plans import PlannedYear, items_of

# Unions that do not keep a full ledger still enter some of their one-off events (a sports meet, 三八).
LIGHT_ENTRY_SHARE = 0.2
KEEPING_UP = 0.5
DROPPED_SHARE = 0.02
COMMITTEE_MONTHS = (3, 6, 9, 12)
LAW_LECTURES = ("法律知识讲座：《劳动合同法》与职工权益", "普法讲座：工伤认定与工伤保险待遇",
                "法律知识讲座：《女职工劳动保护特别规定》")
TEAM_SPORTS = ("运动会", "拔河", "篮球", "广场舞")
TEAM_PLACES = ("团体第一名", "团体第二名", "团体第三名")
INDIVIDUAL_PLACES = ("一等奖", "二等奖", "三等奖")
AWAY_PRIZES = ("二等奖", "三等奖", "优秀组织奖", "体育道德风尚奖")


class LedgerWriter:
    def __init__(self, work: Work):
        self.work = work
        self.rng = work.rng("ledger")
        self.entries: list[Activity] = []
        self.groups = {g.union.id: [group.name for group in g.groups] for g in work.tree.grassroots}

    # --- plan items ----------------------------------------------------------------------------------------

    def carry_out(self, year: PlannedYear) -> None:
        for plan in year.plans:
            busy = plan.union_id in year.busy
            # Half the unions keep up with everything; the others let some items slip.
            diligence = 1.0 if self.rng.random() < KEEPING_UP else self.rng.uniform(0.6, 0.92)
            for item in items_of(plan):
                self._one_item(item, busy=busy, diligence=diligence)
            if busy:
                self._committee_meetings(plan.union)
                self._law_lecture(plan.union)

    def _one_item(self, item: PlanItem, *, busy: bool, diligence: float) -> None:
        rng, work = self.rng, self.work
        planned = [m for m in item.month_list if m in work.months_begun()]
        if not planned:
            return
        rule = rule_for(item.title, item.target_unit)
        if rng.random() < DROPPED_SHARE:
            plan_item_update(actor=work.staff.of(item.union), item=item, status=PlanItemStatus.DROPPED)
        elif rule is not None and busy:
            self._enter(item, rule, planned, diligence=diligence)
        elif rule is not None and len(item.month_list) <= 2 and rng.random() < LIGHT_ENTRY_SHARE:
            self._enter(item, rule, planned, diligence=1.0)
        elif self._time_is_up(item) and rng.random() < diligence:
            plan_item_update(actor=work.staff.of(item.union), item=item, status=PlanItemStatus.DONE)

    def _time_is_up(self, item: PlanItem) -> bool:
        """An item is ticked done once its first month is over; whole-year work without a count stays open."""
        months = item.month_list
        if len(months) == 12 and item.target_count is None:
            return False
        return months[0] < self.work.as_of.month

    def _enter(self, item: PlanItem, rule: Rule, planned: list[int], *, diligence: float) -> None:
        """One entry per planned month so far (a whole-year count: one a month), skipping some when behind."""
        rng = self.rng
        if item.target_count is None and len(item.month_list) > 1:
            months = sorted(rng.sample(planned, min(len(planned), rng.choice((1, 1, 2)))))
        else:
            months = planned[: item.target_count or 1]
        current = self.work.as_of.month
        for n, month in enumerate(months):
            if rng.random() > (0.5 if month == current else diligence):
                continue
            day = self.work.day_in(rng, month)
            if day is not None:
                self.activity(item.union, rule.kind, entry_title(rule, item.title, n), day, plan_item=item,
                              series=rule.series)

    def _committee_meetings(self, union: Union) -> None:
        for quarter, month in enumerate(COMMITTEE_MONTHS, start=1):
            if month < self.work.as_of.month:
                day = self.work.day_in(self.rng, month, first=5, last=25)
                self.activity(union, ActivityKind.MEETING, f"工会委员会第{quarter}季度例会", day)

    def _law_lecture(self, union: Union) -> None:
        """普法 reaches the workplaces too: one lecture a year in the busy enterprise unions."""
        if union.org_type not in (OrgType.ENTERPRISE, OrgType.COMMUNITY):
            return
        day = self.work.day_between(self.rng, date(self.work.year, 3, 1), self.work.as_of)
        if day is not None:
            self.activity(union, ActivityKind.LEGAL_EDUCATION, self.rng.choice(LAW_LECTURES), day)

    # --- one activity --------------------------------------------------------------------------------------

    def activity(self, union: Union, kind: str, title: str, day: date, *, plan_item: PlanItem | None = None,
                 series: str = "") -> Activity:
        rng, work = self.rng, self.work
        (low, high), (least, most) = TURNOUT[kind]
        participants = work.pick(rng, work.pool(rng, union), rng.randint(low, high), joined_by=day) if high else []
        count = round(len(participants) * rng.uniform(least, most))
        end = day + timedelta(days=1) if "运动会" in title and day < work.as_of else None
        actor = work.staff.of(union)
        activity = activity_create(
            actor=actor, union=union, kind=kind, title=title, series=series, date=day, end_date=end,
            place=self._place(union, kind), organiser=work.staff.chair(union), participant_count=count,
            participants=participants, cost=yuan(rng, *COST[kind]), results=rng.choice(RESULTS[kind]),
            plan_item=plan_item,
        )
        if kind == ActivityKind.TRAINING and participants:
            came = [m.id for m in participants if rng.random() < 0.9]
            activity_set_attendance(actor=actor, activity=activity, attended=came)
        if kind in CONTEST_KINDS and "展" not in title:
            self._results(actor, activity, participants)
        self.entries.append(activity)
        return activity

    def _place(self, union: Union, kind: str) -> str:
        place = self.rng.choice(PLACES[kind])
        return place if union.level == UnionLevel.GRASSROOTS else f"{self.work.short(union)}{place}"

    def _results(self, actor, activity: Activity, participants: list[Member]) -> None:
        rng, teams = self.rng, self._teams(activity.union)
        if activity.kind == ActivityKind.COMPETITION:
            for team in rng.sample(teams, min(2, len(teams))):
                activity_result_add(actor=actor, activity=activity, team_name=team, prize="先进班组")
            for member in participants[:3]:
                activity_result_add(actor=actor, activity=activity, member=member, prize="优胜个人")
        elif activity.title.startswith("组队参加"):
            activity_result_add(actor=actor, activity=activity, team_name=f"{self.work.short(activity.union)}代表队",
                                prize=rng.choice(AWAY_PRIZES))
        elif any(word in activity.title for word in TEAM_SPORTS):
            for rank, team in enumerate(rng.sample(teams, min(3, len(teams))), start=1):
                activity_result_add(actor=actor, activity=activity, team_name=team, rank=rank,
                                    prize=TEAM_PLACES[rank - 1])
        else:
            for rank, member in enumerate(participants[:3], start=1):
                activity_result_add(actor=actor, activity=activity, member=member, rank=rank,
                                    prize=INDIVIDUAL_PLACES[rank - 1])
            for member in participants[3:5]:
                activity_result_add(actor=actor, activity=activity, member=member, prize="优秀奖")

    def _teams(self, union: Union) -> list[str]:
        """A grassroots union's teams are its groups; a federation's, the unions beneath it."""
        if union.level == UnionLevel.GRASSROOTS:
            return [name.removesuffix("小组") + "队" for name in self.groups.get(union.id, ())]
        return [f"{self.work.short(u)}代表队" for u in self.work.grassroots_under(union)[:12]]


def build_ledger(work: Work, year: PlannedYear) -> list[Activity]:
    writer = LedgerWriter(work)
    writer.carry_out(year)
    return writer.entries
