"""Labour competitions and work teams of the demo year.

Teams at the companies' unions, each with some of the union's members, half of them on a three-year 夺标计划 with yearly targets and results, and
their innovations (典型故障排除案例 shared across the company); the county's 班组升级 campaign grades them.
The county runs a “三零” competition the enterprises take part in (the seed's "50多家企业": up to 50 here),
零缺陷 checked every month and its rotating red flag (流动红旗) awarded to the month's best,
an “安康杯” contest between teams and a 技能比武 of individuals; suggestions come in, some adopted and
valued; a few unions have an accident. Eligible unions are nominated and the honours approved; model
unions pair with ordinary ones ("7对结对企业") and record joint activities in the ledger.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from gonghui.checks import services as checks
from gonghui.checks.models import AssessmentStatus, Rubric, RubricKind
from gonghui.competitions import services
from gonghui.competitions.models import CompetitionTheme, EntryKind, HonourKind
from gonghui.ledger.models import ActivityKind, HonourLevel
from gonghui.ledger.services import activity_create
from gonghui.org.models import OrgType

from .context import Work, Writer

TEAMS = ("装配一班", "机加工班", "质检班", "电工班", "仓储班", "包装班")
TARGETS = ("班组零事故、零缺陷", "创建四星班组", "争创工人先锋号")
INNOVATIONS = (("innovation", "改进工装夹具，效率提高两成"), ("fault_case", "数控机床主轴异响排除案例"),
               ("fault_case", "空压机频繁启停故障排除案例"), ("innovation", "推行班前五分钟安全讲话"))
SUGGESTIONS = ("余热回收利用", "包装材料循环使用", "优化排产减少换模", "照明改LED节能灯", "废料分类回收")
JOINT = ("结对共建交流座谈会", "联合开展安全生产培训", "联合职工文体活动", "互派骨干交流学习")
D = Decimal


@dataclass
class CompetitionsSummary:
    teams: int = 0
    competitions: int = 0
    entries: int = 0
    suggestions: int = 0
    nominations: int = 0
    pairs: int = 0


class CompetitionsWriter(Writer, topic="competitions", summary=CompetitionsSummary):
    def __init__(self, work: Work):
        super().__init__(work)
        self.county = work.staff.of(work.root)
        self.companies = [u for u in work.grassroots if u.org_type == OrgType.ENTERPRISE]
        self.placed: set[int] = set()  # members already in a team

    def day(self, start: date, end: date) -> date | None:
        return self.work.day_between(self.rng, start, end)

    def teams(self) -> list:
        rng, work, year = self.rng, self.work, self.work.year
        made = []
        for union in work.sample_unions(rng, self.companies, work.scaled(30, floor=4)):
            officer = work.staff.of(union)
            enterprise = (work.enterprises_by_union.get(union.id) or [None])[0]
            for name in rng.sample(TEAMS, rng.randint(1, 3)):
                team = services.team_create(actor=officer, union=union, name=name, enterprise=enterprise)
                self.members(officer, team)
                made.append(team)
                self.summary.teams += 1
                if rng.random() < 0.5:
                    self.plan(officer, team, year)
                for kind, title in rng.sample(INNOVATIONS, rng.randint(0, 2)):
                    if on := self.day(date(year, 1, 1), date(year, 12, 31)):
                        services.innovation_create(actor=officer, team=team, kind=kind, title=title, recorded_on=on,
                                                   shared=kind == "fault_case")
        return made

    def members(self, officer, team) -> None:
        """A few of the union's members not yet in one of its teams, from the start of the year."""
        free = [m for m in self.work.roster(team.union) if m.id not in self.placed]
        joined = date(self.work.year, 1, 1)
        for member in self.rng.sample(free, min(len(free), self.rng.randint(4, 10))):
            services.team_member_add(actor=officer, team=team, member=member,
                                     joined_on=max(joined, member.join_date))
            self.placed.add(member.id)
        if first := team.memberships.order_by("id").first():
            services.team_leader_set(actor=officer, team=team, member=first.member)

    def plan(self, officer, team, year: int) -> None:
        plan = services.team_plan_create(actor=officer, team=team, start_year=year - 1, goal="三年创建五型班组")
        plan = services.team_plan_advance(actor=officer, plan=plan)
        services.team_target_set(actor=officer, plan=plan, year=year - 1, target=self.rng.choice(TARGETS),
                                 result="已完成", met=True)
        services.team_target_set(actor=officer, plan=plan, year=year, target=self.rng.choice(TARGETS))
        for _ in range(3):
            plan = services.team_plan_advance(actor=officer, plan=plan)

    def grade(self, teams: list) -> None:
        """The county's 班组升级 campaign: the teams self-assess, the county scores, names, and they take the grade."""
        rubric = Rubric.objects.filter(union=self.work.root, kind=RubricKind.TEAM_UPGRADE).first()
        year = self.work.year
        if rubric is None or not teams or date(year, 6, 1) > self.work.as_of:
            return
        campaign = checks.campaign_create(actor=self.county, union=self.work.root, rubric=rubric,
                                          name=f"{year}年度班组升级考核", year=year, starts_on=date(year, 1, 1),
                                          ends_on=date(year, 12, 31))
        for team in self.rng.sample(teams, max(1, len(teams) // 2)):
            assessment = checks.assessment_add(actor=self.county, campaign=campaign, union=team.union,
                                               subject=team.name)
            if self.assess(team, assessment):
                services.team_grade_set(actor=self.county, team=team, assessment=assessment)

    def assess(self, team, assessment) -> bool:
        rng, officer = self.rng, self.work.staff.of(team.union)
        rows = list(assessment.scores.select_related("item"))
        for row in rows:
            checks.self_score_set(actor=officer, assessment=assessment, item=row.item, self_score=row.item.max_score)
        submitted = self.day(date(self.work.year, 6, 1), date(self.work.year, 6, 20))
        checks.assessment_submit(actor=officer, assessment=assessment, on=submitted)
        for row in rows:
            extra = {"veto_applies": False} if row.item.veto else {}
            if row.item.deduct_per:
                extra["occurrences"] = rng.randint(0, 2)
            else:
                extra["score"] = row.item.max_score - rng.choice((0, 0, 2, 4)) if row.item.max_score else D(0)
            checks.review_score_set(actor=self.county, assessment=assessment, item=row.item, **extra)
        result = checks.assessment_conclude(actor=self.county, assessment=assessment, on=submitted + timedelta(days=10))
        if result.status != AssessmentStatus.REVIEWED or submitted + timedelta(days=30) > self.work.as_of:
            return False
        result = checks.assessment_publicise(actor=self.county, assessment=result,
                                             starts_on=submitted + timedelta(days=12))
        checks.assessment_name(actor=self.county, assessment=result, on=result.publicity_ends_on + timedelta(days=2))
        return True

    def competitions(self, teams: list) -> None:
        rng, work, year = self.rng, self.work, self.work.year
        three_zero = services.competition_create(
            actor=self.county, union=work.root, theme=CompetitionTheme.THREE_ZERO, title=f"{year}年“三零”劳动竞赛",
            starts_on=date(year, 1, 1), ends_on=date(year, 12, 31),
            indicators=[("零事故", D(40), True, "发生安全事故一票否决"), ("零缺陷", D(30), False, "月度检查，流动红旗"),
                        ("零损耗", D(30), False, "季度考核")])
        for union in self.companies[:50]:
            entry = services.entry_add(actor=self.county, competition=three_zero, union=union)
            services.entry_score(actor=self.county, entry=entry, score=D(rng.randint(60, 100)),
                                 vetoed=rng.random() < 0.05)
            self.summary.entries += 1
        services.competition_rank(actor=self.county, competition=three_zero)
        self.red_flags(three_zero)
        ankang = services.competition_create(
            actor=self.county, union=work.root, theme=CompetitionTheme.ANKANG, title=f"{year}年“安康杯”竞赛",
            starts_on=date(year, 3, 1), ends_on=date(year, 11, 30),
            indicators=[("安全隐患排查", D(50), False, "每月检查"), ("安全培训", D(50), False, "")])
        for team in teams[:20]:
            entry = services.entry_add(actor=self.county, competition=ankang, union=team.union, kind=EntryKind.TEAM,
                                       team=team)
            services.entry_score(actor=self.county, entry=entry, score=D(rng.randint(70, 100)))
            self.summary.entries += 1
        services.competition_rank(actor=self.county, competition=ankang)
        skills = services.competition_create(
            actor=self.county, union=work.root, theme=CompetitionTheme.SKILLS, title=f"{year}年职工技能比武",
            starts_on=date(year, 5, 1), ends_on=date(year, 5, 31), indicators=[("实操", D(70), False, ""),
                                                                                ("理论", D(30), False, "")])
        for union in rng.sample(self.companies, min(8, len(self.companies))):
            for member in rng.sample(work.roster(union), min(2, len(work.roster(union)))):
                entry = services.entry_add(actor=self.county, competition=skills, union=union,
                                           kind=EntryKind.PERSON, person=member.name)
                services.entry_score(actor=self.county, entry=entry, score=D(rng.randint(50, 100)))
                self.summary.entries += 1
        services.competition_rank(actor=self.county, competition=skills)
        self.summary.competitions += 3
        self.suggestions(three_zero)

    def red_flags(self, competition) -> None:
        """零缺陷 is checked monthly, and each month's best check holds the rotating red flag."""
        indicator = competition.indicators.get(name="零缺陷")
        entries = list(competition.entries.all())
        month = competition.starts_on.replace(day=1)
        while month < self.work.as_of.replace(day=1) and entries:
            values = {entry: D(self.rng.randint(200, 300)) / 10 for entry in entries}
            services.monthly_values_set(actor=self.county, competition=competition, indicator=indicator, month=month,
                                        values=values)
            _, leaders = services.month_leaders(competition=competition, month=month)
            if leaders:
                services.red_flag_award(actor=self.county, competition=competition, month=month, entry=leaders[0],
                                        on=min((month + timedelta(days=40)).replace(day=5), self.work.as_of))
            month = (month + timedelta(days=32)).replace(day=1)

    def suggestions(self, competition) -> None:
        rng, year = self.rng, self.work.year
        for union in self.companies[:max(3, len(self.companies) // 3)]:
            for title in rng.sample(SUGGESTIONS, rng.randint(1, 3)):
                on = self.day(date(year, 1, 1), date(year, 12, 31))
                if on is None:
                    continue
                adopted = rng.random() < 0.6
                services.suggestion_create(actor=self.work.staff.of(union), union=union, title=title,
                                           proposer=f"{self.work.short(union)[:4]}职工", submitted_on=on,
                                           adopted=adopted, competition=competition,
                                           value=D(rng.randint(5, 300) * 100) if adopted else None)
                self.summary.suggestions += 1
        for union in rng.sample(self.companies, min(2, len(self.companies))):
            if on := self.day(date(year, 1, 1), date(year, 12, 31)):
                services.accident_record(actor=self.work.staff.of(union), union=union, occurred_on=on,
                                         description="一般机械伤害事故一起，一人轻伤")

    def nominations(self, teams: list) -> None:
        today = self.work.as_of
        eligible = [t for t in teams if not services.nomination_blocks(t.union, today)]
        for team in eligible[:3]:
            nomination = services.nomination_create(
                actor=self.work.staff.of(team.union), union=team.union, team=team, honour_kind=HonourKind.PIONEER,
                level=HonourLevel.COUNTY, awarding_body=f"{self.work.root.name}", reason="“三零”竞赛成绩突出",
                nominated_on=today)
            for _ in range(3):
                nomination = services.nomination_advance(actor=self.county, nomination=nomination, on=today)
            self.summary.nominations += 1

    def pairs(self) -> None:
        rng, work, year = self.rng, self.work, self.work.year
        pool = rng.sample(self.companies, min(len(self.companies), 2 * work.scaled(7, floor=2)))
        for model, ordinary in zip(pool[::2], pool[1::2], strict=False):
            agreed = self.day(date(year, 1, 1), date(year, 3, 31))
            if agreed is None:
                continue
            pair = services.pair_create(actor=self.county, union=work.root, model_union=model,
                                        ordinary_union=ordinary, agreed_on=agreed)
            self.summary.pairs += 1
            for title in rng.sample(JOINT, rng.randint(2, 4)):
                host = rng.choice((model, ordinary))
                if (on := self.day(agreed + timedelta(days=7), date(year, 12, 31))) is None:
                    continue
                activity = activity_create(actor=work.staff.of(host), union=host, kind=ActivityKind.MEETING,
                                           title=title, date=on, participant_count=rng.randint(10, 40))
                services.pair_activity_add(actor=self.county, pair=pair, activity=activity)


def build_competitions(work: Work) -> CompetitionsSummary:
    writer = CompetitionsWriter(work)
    teams = writer.teams()
    writer.grade(teams)
    writer.competitions(teams)
    writer.nominations(teams)
    writer.pairs()
    return writer.summary
