"""Member services of the demo year: hardship files and aid, enterprise hardship funds, visits, 金秋助学,
mutual medical aid and service cards, each entered through the care services by the union that did it."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from gonghui.care.choices import (
    AidPaymentKind,
    CloseReason,
    HardshipCause,
    HardshipFileStatus,
    HardshipLevel,
    MedicalCategory,
    ReviewOutcome,
    SchoolLevel,
    VisitCampaign,
    VisitReason,
)
from gonghui.care.models import HardshipFile, HardshipFund, MedicalAidEnrolment
from gonghui.care.services import (aid_payment_create, fund_contribute, fund_create, fund_payout, hardship_file_apply,
                                   hardship_file_federation_review, hardship_file_union_review,
                                   hardship_file_yearly_review, medical_claim_create, medical_enrol_whole_unit,
                                   medical_member_enrol, medical_unit_enrol, schooling_grant_create,
                                   service_card_collect, service_card_issue, visit_create)
from gonghui.members.choices import Gender, MemberCategory
from gonghui.members.models import Member
from gonghui.org.models import Enterprise, Formation, Union
from gonghui.org.models import UnionLevel

from ..identity import card_number
from ..names import SURNAMES, person_name
from ..sampling import Weighted, split_weights
from .context import Work, Writer, yuan

# How the year's files stand: approved last year and reviewed this year (kept, moved to another level,
# or closed), or applied this year and at each step of the review. Counts are for a 20,000-member county.
STORIES = (("kept", 10), ("relevelled", 3), ("recovered", 3), ("approved", 9), ("awaiting_federation", 3),
           ("applied", 4), ("rejected", 2))
CAUSES = Weighted(split_weights("illness:40 disability:10 unemployment:12 schooling:18 single_parent:8 disaster:5 "
                                "other:7"))
CAUSE_NOTES = {
    HardshipCause.ILLNESS: ("本人患{illness}，长期治疗，医药费负担重", "配偶患{illness}，常年服药，家庭开支大"),
    HardshipCause.DISABILITY: ("本人因工致残，劳动能力下降", "子女残疾，需长期照料"),
    HardshipCause.UNEMPLOYMENT: ("配偶下岗失业，家庭仅靠本人工资维持",),
    HardshipCause.SCHOOLING: ("子女就读大学，学费、生活费负担重", "两个子女同时上学，开支较大"),
    HardshipCause.SINGLE_PARENT: ("单亲家庭，独自抚养未成年子女",),
    HardshipCause.DISASTER: ("家中房屋遭受洪涝灾害受损",),
    HardshipCause.OTHER: ("赡养患病老人，家庭收入低",),
}
ILLNESSES = ("尿毒症", "恶性肿瘤", "脑梗塞", "糖尿病并发症", "慢性肾病", "白血病", "股骨头坏死")
AID_KIND = {HardshipCause.ILLNESS: AidPaymentKind.MEDICAL, HardshipCause.DISABILITY: AidPaymentKind.MEDICAL,
            HardshipCause.SCHOOLING: AidPaymentKind.SCHOOLING}
AID_RANGE = {AidPaymentKind.LIVING: (500, 3000), AidPaymentKind.MEDICAL: (1000, 10000),
             AidPaymentKind.SCHOOLING: (1000, 5000), AidPaymentKind.TEMPORARY: (300, 2000)}
AID_SOURCES = Weighted(split_weights("higher_union:50 own_funds:25 government:15 donation:10"))
FIVE_VISITS = Weighted(split_weights("illness:35 wedding_funeral:20 childbirth:15 retirement:15 hardship:10 other:5"))
VISIT_GOODS = {VisitReason.ILLNESS: ("水果、营养品", 100, 300), VisitReason.CHILDBIRTH: ("婴儿用品", 100, 300),
               VisitReason.WEDDING_FUNERAL: ("", 0, 0), VisitReason.RETIREMENT: ("纪念品", 100, 300),
               VisitReason.HARDSHIP: ("大米、食用油", 150, 300), VisitReason.OTHER: ("慰问品", 100, 200)}
VISIT_NOTES = {VisitReason.ILLNESS: "住院治疗", VisitReason.WEDDING_FUNERAL: "家中办理丧事",
               VisitReason.CHILDBIRTH: "生育", VisitReason.RETIREMENT: "光荣退休", VisitReason.HARDSHIP: "家庭困难",
               VisitReason.OTHER: "工伤休养"}
UNIVERSITIES = ("武汉大学", "华中科技大学", "华中师范大学", "武汉理工大学", "湖北工业大学", "长江大学", "三峡大学",
                "湖北大学", "江汉大学", "湖北经济学院")
PAYOUT_REASONS = ("本人住院治疗，自付费用较高", "家属患重病住院", "子女考上大学，学费困难", "家中突遭火灾",
                  "本人工伤休养期间生活困难")
CLAIM_NOTES = ("住院医疗（肺炎）", "住院医疗（骨折）", "门诊慢性病（高血压）", "住院医疗（胆结石）", "重大疾病（恶性肿瘤）",
               "住院医疗（冠心病）", "门诊慢性病（糖尿病）")
CARD_SERIAL_BASE = 800_000_000


@dataclass
class CareSummary:
    files: int = 0
    aid: int = 0
    funds: int = 0
    visits: int = 0
    grants: int = 0
    enrolments: int = 0
    claims: int = 0
    cards: int = 0


class CareWriter(Writer, topic="care", summary=CareSummary):
    def members(self, count: int, *, unions: list[Union] | None = None, categories=None, gender: str = ""
                ) -> list[Member]:
        """Up to `count` distinct members from random unions (the demo officers' first), joined a year ago."""
        rng, work = self.rng, self.work
        if unions is None:
            unions = work.spotlight_unions + rng.sample(work.grassroots, len(work.grassroots))
        chosen, seen = [], set()
        joined_by = work.as_of - timedelta(days=365)
        for union in unions * 3:
            if len(chosen) >= count:
                break
            fits = [m for m in work.roster(union) if m.id not in seen and m.join_date <= joined_by
                    and (categories is None or m.category in categories) and (not gender or m.gender == gender)]
            if fits:
                member = rng.choice(fits)
                seen.add(member.id)
                chosen.append(member)
        return chosen

    # --- hardship files and aid ----------------------------------------------------------------------------

    def hardship(self) -> list[HardshipFile]:
        stories = [story for story, count in STORIES for _ in range(self.work.scaled(count))]
        people = self.members(len(stories),
                              categories=(MemberCategory.EMPLOYED, MemberCategory.MIGRANT, MemberCategory.DISPATCHED))
        files = [file for story, member in zip(stories, people) if (file := self._file(story, member))]
        self.summary.files = len(files)
        return [f for f in files if f.status == HardshipFileStatus.ACTIVE]

    def _file(self, story: str, member: Member) -> HardshipFile | None:
        rng, work = self.rng, self.work
        last_year = story in ("kept", "relevelled", "recovered")
        if last_year:
            applied = work.day_between(rng, date(work.year - 1, 2, 1), date(work.year - 1, 10, 31))
        else:
            window = {"approved": (120, 40), "awaiting_federation": (35, 12), "applied": (10, 0),
                      "rejected": (150, 40)}[story]
            applied = work.day_between(rng, max(date(work.year, 1, 2), work.as_of - timedelta(days=window[0])),
                                       work.as_of - timedelta(days=window[1]))
        if applied is None:
            return None
        union, federation = member.union, work.parent(member.union)
        officer, reviewer = work.staff.of(union, care=True), work.staff.of(federation, care=True)
        file = hardship_file_apply(actor=officer, member=member, applied_on=applied, **self._circumstances(member))
        if story == "applied":
            return file
        on = self._after(applied, 3, 10)
        if story == "rejected" and rng.random() < 0.5:
            return hardship_file_union_review(actor=officer, file=file, approve=False, on_date=on,
                                              note="家庭月人均收入高于当地困难职工认定标准")
        file = hardship_file_union_review(actor=officer, file=file, approve=True, on_date=on,
                                          note="经入户走访核实，情况属实")
        if story == "awaiting_federation":
            return file
        on = self._after(on, 5, 20)
        if story == "rejected":
            return hardship_file_federation_review(actor=reviewer, file=file, approve=False, on_date=on,
                                                   note="材料不全，请补充医疗费用票据后重新申请")
        level = (HardshipLevel.ACCIDENTAL if HardshipCause.DISASTER in file.causes
                 else rng.choice((HardshipLevel.DEEP, HardshipLevel.RELATIVE, HardshipLevel.RELATIVE)))
        file = hardship_file_federation_review(actor=reviewer, file=file, approve=True, level=level, on_date=on)
        self._aid(file, officer, year=file.approved_on.year)
        if story in ("kept", "relevelled"):
            self._aid(file, officer, year=work.year)
        return self._yearly(file, officer, story) if last_year else file

    def _after(self, day: date, least: int, most: int) -> date:
        return min(day + timedelta(days=self.rng.randint(least, most)), self.work.as_of)

    def _circumstances(self, member: Member) -> dict:
        rng = self.rng
        causes = {CAUSES.pick(rng) for _ in range(rng.choice((1, 1, 2)))}
        notes = [rng.choice(CAUSE_NOTES[c]).format(illness=rng.choice(ILLNESSES)) for c in sorted(causes)]
        household = []
        if HardshipCause.SINGLE_PARENT not in causes:
            household.append({"name": person_name(rng=rng, gender="F" if member.gender == Gender.MALE else "M"),
                              "relation": "spouse", "monthly_income": yuan(rng, 0, 2200, step=50)})
        for _ in range(rng.randint(1, 2)):
            household.append({"name": child_name(rng, member.name), "relation": "child", "monthly_income": 0})
        if rng.random() < 0.3:
            household.append({"name": person_name(rng=rng, gender="M"), "relation": "parent",
                              "monthly_income": yuan(rng, 0, 1200, step=50)})
        return {"causes": sorted(causes), "cause_note": "；".join(notes),
                "applicant_income": yuan(rng, 1200, 2600, step=50), "household": household}

    def _aid(self, file: HardshipFile, actor, *, year: int) -> None:
        rng, work = self.rng, self.work
        start = max(file.approved_on, date(year, 1, 1))
        for _ in range(rng.randint(1, 3)):
            paid_on = work.day_between(rng, start, date(year, 12, 31))
            if paid_on is None:
                return
            cause = rng.choice(file.cause_list)
            kind = AID_KIND.get(cause, AidPaymentKind.LIVING) if rng.random() < 0.8 else AidPaymentKind.TEMPORARY
            aid_payment_create(actor=actor, file=file, kind=kind, amount=yuan(rng, *AID_RANGE[kind], step=100),
                               paid_on=paid_on, fund_source=AID_SOURCES.pick(rng))
            self.summary.aid += 1

    def _yearly(self, file: HardshipFile, actor, story: str) -> HardshipFile:
        """动态管理: the yearly review in the first quarter."""
        rng = self.rng
        on = self.work.day_between(rng, date(self.work.year, 1, 5), date(self.work.year, 3, 31))
        if on is None or on < file.last_reviewed_on:
            return file
        if story == "recovered":
            return hardship_file_yearly_review(actor=actor, file=file, outcome=ReviewOutcome.CLOSED, on_date=on,
                                        close_reason=CloseReason.RECOVERED, note="配偶重新就业，家庭收入已超过标准")
        if story == "relevelled":
            level = HardshipLevel.RELATIVE if file.level != HardshipLevel.RELATIVE else HardshipLevel.DEEP
            return hardship_file_yearly_review(actor=actor, file=file, outcome=ReviewOutcome.LEVEL_CHANGED, level=level,
                                        on_date=on, note="家庭情况变化，调整困难类别")
        return hardship_file_yearly_review(actor=actor, file=file, outcome=ReviewOutcome.KEPT, on_date=on,
                                           note="家庭情况无明显变化")

    # --- enterprise hardship funds -------------------------------------------------------------------------

    def funds(self) -> None:
        """规模以上企业 first, as the street federations push them, but not all: one at least is left without,
        the gap the statistics name (规模以上企业帮困基金实现全覆盖 is a year's goal); then smaller companies."""
        rng, work = self.rng, self.work
        candidates = work.companies(least=50)
        required = [e for e in work.tree.enterprises if e.above_designated_size]
        fundable = [e for e in candidates if e.above_designated_size]
        gap = 1 if len(fundable) == len(required) else 0
        chosen = work.sample(rng, fundable, len(fundable) - gap)
        smaller = [e for e in candidates if not e.above_designated_size]
        count = min(work.scaled(70, floor=2), len(candidates) * 2 // 3)
        for enterprise in chosen + work.sample(rng, smaller, max(count - len(chosen), 1)):
            self._fund(enterprise)

    def _fund(self, enterprise: Enterprise) -> None:
        rng, work = self.rng, self.work
        union = enterprise.union
        actor = work.staff.of(union, care=True)
        founded = work.day_between(rng, date(work.year - 4, 1, 1), date(work.year - 1, 6, 30))
        fund = fund_create(actor=actor, enterprise=enterprise, established_on=founded,
                           note="企业出资和职工自愿捐款，专款专用")
        balance = Decimal(0)
        balance += self._contribute(fund, actor, founded, "企业出资", 20_000, 50_000)
        for year in range(founded.year + 1, work.year + 1):
            if (day := work.day_in(rng, 1, year=year, first=10, last=25)) is not None:
                balance += self._contribute(fund, actor, day, "企业出资", 5_000, 30_000)
            if (day := work.day_in(rng, 6, year=year)) is not None:
                balance += self._contribute(fund, actor, day, "职工爱心捐款", 3_000, 15_000)
        for member in work.pick(rng, work.roster(union), rng.randint(1, 3), joined_by=founded):
            amount = yuan(rng, 1000, 8000, step=100)
            day = work.day_between(rng, date(work.year, 1, 15), work.as_of)
            if day is None or amount > balance:
                continue
            fund_payout(actor=actor, fund=fund, member=member, amount=amount, paid_on=day,
                        reason=rng.choice(PAYOUT_REASONS))
            balance -= amount
        self.summary.funds += 1

    def _contribute(self, fund: HardshipFund, actor, day: date, source: str, low: int, high: int) -> Decimal:
        amount = yuan(self.rng, low, high, step=1000)
        fund_contribute(actor=actor, fund=fund, amount=amount, on_date=day, source=source)
        return amount

    # --- visits and 金秋助学 ----------------------------------------------------------------------------------

    def winter(self, files: list[HardshipFile]) -> None:
        """送温暖 before the Spring Festival: every hardship worker, and others the unions put forward."""
        rng, work = self.rng, self.work
        holders = [f.member for f in files]
        for member in holders + self.members(work.scaled(40, floor=3)):
            day = work.day_between(rng, date(work.year, 1, 10), date(work.year, 2, 9))
            if day is None:
                continue
            union = member.union
            visitor_union = work.parent(union) if member in holders else union
            visit_create(actor=work.staff.of(visitor_union), member=member, reason=VisitReason.HARDSHIP
                         if member in holders else VisitReason.FESTIVAL, campaign=VisitCampaign.WINTER_WARMTH,
                         visited_on=day, visitors=self._visitors(visitor_union), money=Decimal(rng.choice(
                             (500, 800, 1000))), goods="大米、食用油", goods_value=yuan(rng, 150, 300))
            self.summary.visits += 1

    def summer(self) -> None:
        """夏送清凉 to the enterprises, in July and August."""
        rng, work = self.rng, self.work
        candidates = [e for e in work.tree.enterprises if e.union.level == UnionLevel.GRASSROOTS and e.headcount >= 50]
        for enterprise in work.sample(rng, candidates, min(work.scaled(30, floor=2), len(candidates))):
            day = work.day_in(rng, rng.choice((7, 8)), first=5)
            if day is None:
                continue
            federation = work.parent(enterprise.union)
            workers = max(1, round(enterprise.headcount * rng.uniform(0.6, 1.0)))
            visit_create(actor=work.staff.of(federation), enterprise=enterprise, reason=VisitReason.HEAT,
                         campaign=VisitCampaign.SUMMER_COOLING, visited_on=day, visitors=self._visitors(federation),
                         money=Decimal(rng.choice((0, 0, 2000))), goods="防暑降温药品、清凉饮料",
                         goods_value=Decimal(workers * rng.randint(8, 15)), workers_reached=workers)
            self.summary.visits += 1

    def five_visits(self) -> None:
        """五必访 through the year: illness, weddings and funerals, births, retirements, hardship."""
        rng, work = self.rng, self.work
        # Each reason at least once (a small county's year has them all), then as they come.
        reasons = list(FIVE_VISITS.values)
        for n in range(work.scaled(80, floor=8)):
            reason = reasons[n] if n < len(reasons) else FIVE_VISITS.pick(rng)
            found = self.members(1, categories=(MemberCategory.RETIRED,) if reason == VisitReason.RETIREMENT else None,
                                 gender="F" if reason == VisitReason.CHILDBIRTH else "",
                                 unions=None if n < len(reasons) else rng.sample(work.grassroots,
                                                                                  min(8, len(work.grassroots))))
            day = work.day_between(rng, date(work.year, 1, 3), work.as_of)
            if not found or day is None:
                continue
            goods, low, high = VISIT_GOODS[reason]
            union = found[0].union
            visit_create(actor=work.staff.of(union), member=found[0], reason=reason, visited_on=day,
                         visitors=self._visitors(union), money=yuan(rng, 200, 800, step=100), goods=goods,
                         goods_value=yuan(rng, low, high) if goods else Decimal(0), note=VISIT_NOTES[reason])
            self.summary.visits += 1

    def _visitors(self, union: Union) -> str:
        chair = self.work.staff.chair(union)
        role = "工会主席" if union.level == UnionLevel.GRASSROOTS else "总工会副主席"
        return f"{role}{chair}、工会干事" if chair else "工会慰问组"

    def schooling(self, files: list[HardshipFile]) -> None:
        """金秋助学 in late August and September, hardship families first."""
        rng, work = self.rng, self.work
        schooling_first = sorted(files, key=lambda f: HardshipCause.SCHOOLING not in f.causes)
        people = [f.member for f in schooling_first] + self.members(work.scaled(8, floor=2))
        levels = [code for code, _ in SchoolLevel.choices]  # each level once, then mostly university
        for n, member in enumerate(people[: work.scaled(16, floor=3)]):
            day = work.day_between(rng, date(work.year, 8, 20), date(work.year, 9, 15))
            if day is None:
                return
            level = levels[n] if n < len(levels) else rng.choice(
                (SchoolLevel.UNIVERSITY,) * 3 + (SchoolLevel.SECONDARY, SchoolLevel.PRIMARY))
            school, amount = self._school(level)
            federation = work.parent(member.union)
            schooling_grant_create(actor=work.staff.of(federation), member=member,
                                   student_name=child_name(rng, member.name), school_level=level,
                                   school_name=school, amount=amount, granted_on=day)
            self.summary.grants += 1

    def _school(self, level: str) -> tuple[str, Decimal]:
        rng, county = self.rng, self.work.county
        if level == SchoolLevel.UNIVERSITY:
            return rng.choice(UNIVERSITIES), Decimal(rng.choice((2000, 3000)))
        if level == SchoolLevel.SECONDARY:
            return rng.choice((f"{county}第一中学", f"{county}第二中学", f"{county}职业技术学校")), Decimal(1000)
        return rng.choice((f"{county}实验小学", f"{county}城关第一小学")), Decimal(500)

    # --- mutual medical aid and service cards --------------------------------------------------------------

    def medical(self) -> None:
        """This year's mutual medical aid, enrolled the December before: whole units and single members."""
        rng, work = self.rng, self.work
        unions = [u for u in work.grassroots if work.roster(u)]
        enrolled_on = date(work.year - 1, 12, rng.randint(1, 20))
        enrolments: list[MedicalAidEnrolment] = []
        units: dict[int, object] = {}
        for n, union in enumerate(work.sample_unions(rng, unions, min(work.scaled(20, floor=3), len(unions)))):
            actor = work.staff.of(union)
            enterprise = self._covered_enterprise(union)
            unit = units[union.id] = medical_unit_enrol(actor=actor, union=union, year=work.year,
                                                        enterprise=enterprise)
            if n % 3 != 2 and enterprise is None:
                self.summary.enrolments += medical_enrol_whole_unit(actor=actor, unit=unit, enrolled_on=enrolled_on)
            else:
                for member in rng.sample(work.roster(union), min(len(work.roster(union)), rng.randint(8, 20))):
                    enrolments.append(medical_member_enrol(actor=actor, unit=unit, member=member,
                                                           category=_basic_category(member), enrolled_on=enrolled_on))
            for member in rng.sample(work.roster(union), min(len(work.roster(union)), rng.randint(1, 4))):
                category = MedicalCategory.ANKANG if rng.random() < 0.6 else MedicalCategory.SPECIAL
                enrolments.append(medical_member_enrol(actor=actor, unit=unit, member=member, category=category,
                                                       enrolled_on=enrolled_on))
        enrolments += self._retired_enrolments(units, enrolled_on)
        enrolments += self._missing_categories(units, enrolled_on)
        self.summary.enrolments += len(enrolments)
        whole = list(MedicalAidEnrolment.objects.filter(tenant=work.root, year=work.year, unit__whole_unit=True)
                     .select_related("union").order_by("unit_id", "member_id")[:200])
        self._claims(rng.sample(enrolments + whole, min(work.scaled(40, floor=3), len(enrolments + whole))))

    def _retired_enrolments(self, units: dict, enrolled_on: date) -> list[MedicalAidEnrolment]:
        """退休职工 who stayed in medical aid through their old union, enrolled one by one (退休参保)."""
        work, made = self.work, []
        for member in self.members(self.work.scaled(10, floor=2), categories=(MemberCategory.RETIRED,)):
            actor = work.staff.of(member.union)
            if member.union_id not in units:
                units[member.union_id] = medical_unit_enrol(actor=actor, union=member.union, year=work.year)
            if not MedicalAidEnrolment.objects.filter(member=member, year=work.year,
                                                      category=MedicalCategory.RETIRED).exists():
                made.append(medical_member_enrol(actor=actor, unit=units[member.union_id], member=member,
                                                 category=MedicalCategory.RETIRED, enrolled_on=enrolled_on))
        return made

    def _missing_categories(self, units: dict, enrolled_on: date) -> list[MedicalAidEnrolment]:
        """安康 or 特种 that no unit's draw took up this year: one member of the first unit joins it."""
        work, made = self.work, []
        for category in (MedicalCategory.ANKANG, MedicalCategory.SPECIAL):
            if MedicalAidEnrolment.objects.filter(tenant=work.root, year=work.year, category=category).exists():
                continue
            unit = next(iter(units.values()))
            member = work.roster(unit.union)[0]
            made.append(medical_member_enrol(actor=work.staff.of(unit.union), unit=unit, member=member,
                                             category=category, enrolled_on=enrolled_on))
        return made

    def _covered_enterprise(self, union: Union) -> Enterprise | None:
        """A joint union enrols its enterprises one by one."""
        if union.formation != Formation.JOINT:
            return None
        return self.rng.choice(self.work.enterprises_by_union[union.id])

    def _claims(self, enrolments: list[MedicalAidEnrolment]) -> None:
        rng, work = self.rng, self.work
        for enrolment in enrolments:
            day = work.day_between(rng, enrolment.enrolled_on + timedelta(days=20), work.as_of)
            if day is None:
                continue
            medical_claim_create(actor=work.staff.of(enrolment.union), enrolment=enrolment,
                                 amount=yuan(rng, 300, 8000), paid_on=day, note=rng.choice(CLAIM_NOTES))
            self.summary.claims += 1

    def cards(self) -> None:
        """Service cards: information collected over two years, most cards made a few weeks later."""
        rng, work = self.rng, self.work
        for n, member in enumerate(self.members(work.scaled(300, floor=10))):
            collected = work.day_between(rng, date(work.year - 1, 3, 1), work.as_of)
            if collected is None:
                continue
            card = service_card_collect(actor=work.staff.of(member.union), member=member, collected_on=collected)
            issued = collected + timedelta(days=rng.randint(15, 60))
            if issued <= work.as_of and rng.random() < 0.75:
                service_card_issue(actor=work.staff.of(member.union), card=card, issued_on=issued,
                                   card_number=card_number(CARD_SERIAL_BASE + n))
            self.summary.cards += 1


def _basic_category(member: Member) -> str:
    return MedicalCategory.RETIRED if member.category == MemberCategory.RETIRED else MedicalCategory.EMPLOYED


def child_name(rng: Random, parent: str) -> str:
    """A child's name: the parent's surname and a given name of its own."""
    surname = next((s for s in SURNAMES.values if len(s) == 2 and parent.startswith(s)), parent[:1])
    given = person_name(rng=rng, gender=rng.choice("MF"))
    drawn = next((s for s in sorted(SURNAMES.values, key=len, reverse=True) if given.startswith(s)), given[:1])
    return surname + given[len(drawn):]


def build_care(work: Work) -> CareSummary:
    writer = CareWriter(work)
    active = writer.hardship()
    writer.funds()
    writer.winter(active)
    writer.summer()
    writer.five_visits()
    writer.schooling(active)
    writer.medical()
    writer.cards()
    return writer.summary
