"""Rights work of the demo year: mediation bodies and mediators, dispute cases, petitions, collective contracts."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from gonghui.org.models import Enterprise, Formation, Union
from gonghui.rights.choices import ContractKind, ContractScope, DisputeKind, DisputeOutcome
from gonghui.rights.models import MediationBody, Mediator, dispute_time_limit_days
from gonghui.rights.services import (contract_create, dispute_close, dispute_create, dispute_step_add,
                                     mediation_body_create, mediator_create, mediator_update, petition_create)

from ..identity import mobile
from ..names import person_name
from ..sampling import Weighted, split_weights
from .context import Work, Writer, yuan

# The shares of the source summaries': "其中劳动合同5件，工资纠纷10件，工伤纠纷7件，其他5件".
KINDS = Weighted(split_weights("labour_contract:5 wages:10 work_injury:7 social_insurance:3 other:5"))
OUTCOMES = Weighted(split_weights("mediated:85 not_mediated:5 arbitration:8 court:2"))
SUMMARIES = {
    DisputeKind.LABOUR_CONTRACT: ("企业单方解除劳动合同，职工要求支付经济补偿金", "劳动合同到期未续签，双方就经济补偿发生争议",
                                  "企业未与职工签订书面劳动合同，职工要求支付二倍工资"),
    DisputeKind.WAGES: ("企业拖欠{workers}名职工{months}个月工资，职工申请工会调解", "职工就加班费计算标准与企业发生争议",
                        "企业以经营困难为由降低工资，职工不认可"),
    DisputeKind.WORK_INJURY: ("职工在生产中受伤，双方就工伤待遇赔偿金额发生争议", "职工上班途中发生交通事故，要求企业协助申报工伤"),
    DisputeKind.SOCIAL_INSURANCE: ("企业未足额为职工缴纳社会保险，职工要求补缴", "企业未为职工缴纳失业保险"),
    DisputeKind.OTHER: ("职工就带薪年休假和高温津贴与企业发生争议", "劳务派遣职工要求同工同酬"),
}
AMOUNTS = {DisputeKind.LABOUR_CONTRACT: (5_000, 60_000), DisputeKind.WAGES: (8_000, 200_000),
           DisputeKind.WORK_INJURY: (20_000, 150_000), DisputeKind.SOCIAL_INSURANCE: (3_000, 40_000),
           DisputeKind.OTHER: (1_000, 20_000)}
RESULT_NOTES = {
    DisputeOutcome.MEDIATED: ("经调解，双方达成一致，企业当场支付", "经调解，双方签订调解协议，企业分期支付",
                              "经调解，企业补发拖欠款项，职工撤回申请"),
    DisputeOutcome.NOT_MEDIATED: ("双方分歧较大，调解不成，已告知职工依法申请劳动仲裁",),
    DisputeOutcome.ARBITRATION: ("调解未果，协助职工向劳动人事争议仲裁委员会申请仲裁",),
    DisputeOutcome.COURT: ("协助职工向人民法院提起诉讼，工会提供法律援助",),
}
STEPS = ("调查取证", "约谈企业负责人", "召开调解会")
CHANNELS = Weighted(split_weights("visit:50 phone:25 letter:10 online:15"))
MATTERS = (
    ("反映企业拖欠工资", "联系企业核实，督促企业限期发放", "企业已补发工资"),
    ("咨询工伤认定和工伤待遇", "讲解《工伤保险条例》，指导准备认定材料", "已指导职工提交工伤认定申请"),
    ("反映企业未签订劳动合同", "约谈企业人事负责人", "企业已与职工补签劳动合同"),
    ("要求企业补缴社会保险", "转人社部门处理并跟踪", "企业已补缴"),
    ("咨询困难职工帮扶政策", "介绍帮扶政策和申请流程", "已指导其向所在工会申请建档"),
    ("反映企业高温天气未发放高温津贴", "联系企业工会督促落实", "企业已按标准发放"),
    ("反映企业加班时间过长", "会同劳动监察部门约谈企业", "企业已调整排班"),
)
OPEN_CASES = 3  # one within its time limit, two past it
SPECIAL_KINDS = (ContractKind.WOMEN, ContractKind.SAFETY)
CONTRACT_YEARS = {ContractKind.COMPREHENSIVE: 3, ContractKind.WAGE: 1, ContractKind.WOMEN: 3, ContractKind.SAFETY: 3}


@dataclass
class RightsSummary:
    bodies: int = 0
    mediators: int = 0
    cases: int = 0
    petitions: int = 0
    contracts: int = 0


class RightsWriter(Writer, topic="rights", summary=RightsSummary):
    def __init__(self, work: Work):
        super().__init__(work)
        self.mediators: dict[int, list[Mediator]] = {}  # by the body's union

    # --- mediation bodies ----------------------------------------------------------------------------------

    def bodies(self) -> None:
        rng, work = self.rng, self.work
        self._body(work.root, f"{work.county}总工会劳动争议调解委员会", None, date(2012, 5, 1), members=False)
        for street in work.tree.streets:
            founded = date(rng.randint(2013, 2018), rng.randint(1, 12), 1)
            self._body(street, f"{work.short(street)}劳动争议调解委员会", None, founded, members=False)
        large = work.companies(least=150)
        for enterprise in work.sample(rng, large, min(work.scaled(30, floor=2), len(large))):
            founded = work.day_between(rng, date(work.year - 8, 1, 1), date(work.year - 1, 12, 31))
            self._body(enterprise.union, f"{enterprise.name}劳动争议调解委员会", enterprise, founded, members=True)
        street_mediators = self.mediators.get(work.tree.streets[0].id, [])
        if len(street_mediators) > 1:
            # One mediator has stepped down: the list shows who still serves.
            retired = street_mediators.pop()
            mediator_update(actor=work.staff.of(retired.union), mediator=retired, name=retired.name,
                            phone=retired.phone, active=False)

    def _body(self, union: Union, name: str, enterprise: Enterprise | None, founded: date, *, members: bool) -> None:
        rng, work = self.rng, self.work
        actor = work.staff.of(union)
        body = mediation_body_create(actor=actor, union=union, name=name, enterprise=enterprise,
                                     established_on=founded)
        self.summary.bodies += 1
        people = work.pick(rng, work.roster(union), rng.randint(1, 2), joined_by=work.as_of) if members else []
        for member in people:
            self._mediator(actor, body, name=member.name, phone=member.phone, id_number=member.id_number)
        for _ in range(0 if people else rng.randint(2, 3)):
            self._mediator(actor, body, name=person_name(rng=rng, gender=rng.choice("MF")), phone=mobile(rng))

    def _mediator(self, actor, body: MediationBody, *, name: str, phone: str, id_number: str = "") -> None:
        mediator = mediator_create(actor=actor, body=body, name=name, phone=phone, member_id_number=id_number)
        self.mediators.setdefault(body.union_id, []).append(mediator)
        self.summary.mediators += 1

    # --- dispute cases -------------------------------------------------------------------------------------

    def cases(self) -> None:
        rng, work = self.rng, self.work
        count = work.scaled(30, floor=10)
        limit = dispute_time_limit_days()
        for n in range(count):
            union, enterprise = self._venue(spotlight=n == OPEN_CASES)
            if enterprise is None:
                continue
            if n < OPEN_CASES:
                # The last cases: one just received, two left open past the time limit.
                ago = rng.randint(0, limit - 5) if n == 0 else rng.randint(limit + 5, limit + 40)
                received = max(date(work.year, 1, 1), work.as_of - timedelta(days=ago))
                self._case(union, enterprise, received, closing=False)
            elif (received := work.day_between(rng, date(work.year, 1, 3), work.as_of - timedelta(days=20))):
                self._case(union, enterprise, received, closing=True)

    def _venue(self, *, spotlight: bool) -> tuple[Union, Enterprise | None]:
        """Who handles the case: mostly a street's committee, some an enterprise's own, a few the county's.

        With `spotlight`, a demo officer's union if it has a committee of its own.
        """
        rng, work = self.rng, self.work
        draw = rng.random()
        enterprise_bodies = [u for u in work.grassroots if self.mediators.get(u.id)]
        own = [u for u in enterprise_bodies if u.id in work.spotlight]
        if spotlight and own:
            union = own[0]
        elif draw < 0.25 and enterprise_bodies:
            union = rng.choice(enterprise_bodies)
        elif draw < 0.85:
            union = rng.choice(work.tree.streets)
        else:
            union = work.root
        enterprises = work.enterprises_under(union)
        return union, rng.choice(enterprises) if enterprises else None

    def _case(self, union: Union, enterprise: Enterprise, received: date, *, closing: bool) -> None:
        rng, work = self.rng, self.work
        actor = work.staff.of(union, care=True)
        kind = KINDS.pick(rng)
        collective = kind == DisputeKind.WAGES and rng.random() < 0.5
        workers = rng.randint(5, 40) if collective else 1
        applicant = person_name(rng=rng, gender=rng.choice("MF"))
        low, high = AMOUNTS[kind]
        mediators = self.mediators.get(union.id) or []
        case = dispute_create(
            actor=actor, union=union, enterprise=enterprise, received_on=received, kind=kind,
            workers_involved=workers, amount=yuan(rng, low * (workers if collective else 1) // 2, high, step=100),
            applicant=f"{applicant}等{workers}人" if collective else applicant,
            summary=rng.choice(SUMMARIES[kind]).format(workers=workers, months=rng.randint(2, 5)),
            mediator=rng.choice(mediators) if mediators else None,
        )
        self.summary.cases += 1
        day = received
        for action in STEPS[: rng.randint(1, 3) if closing else 1]:
            day = min(day + timedelta(days=rng.randint(1, 3)), work.as_of)
            dispute_step_add(actor=actor, case=case, on_date=day, action=action)
        if closing:
            outcome = OUTCOMES.pick(rng)
            dispute_close(actor=actor, case=case, outcome=outcome, result_note=rng.choice(RESULT_NOTES[outcome]),
                          closed_on=min(day + timedelta(days=rng.randint(1, 8)), work.as_of))

    # --- petitions -----------------------------------------------------------------------------------------

    def petitions(self) -> None:
        rng, work = self.rng, self.work
        count = work.scaled(24, floor=4)
        for n in range(count):
            union = work.root if rng.random() < 0.4 else rng.choice(work.tree.streets)
            # The first two came in over the last days and are still being handled.
            still_open = n < 2
            start = work.as_of - timedelta(days=10) if still_open else date(work.year, 1, 3)
            received = work.day_between(rng, max(start, date(work.year, 1, 1)), work.as_of)
            if received is None:
                continue
            matter, handling, result = rng.choice(MATTERS)
            member = self._petitioner(union, received) if rng.random() < 0.4 else None
            people = rng.randint(3, 15) if rng.random() < 0.15 else 1
            closed = min(received + timedelta(days=rng.randint(2, 20)), work.as_of)
            petition_create(
                actor=work.staff.of(union, care=True), union=union, received_on=received,
                channel=CHANNELS.pick(rng), petitioner=member.name if member else person_name(
                    rng=rng, gender=rng.choice("MF")), phone=(member.phone if member else mobile(rng)),
                member_id_number=member.id_number if member else "", people=people,
                matter=matter if people == 1 else f"{people}名职工集体{matter}", handling=handling,
                result="" if still_open else result, closed_on=None if still_open else closed,
            )
            self.summary.petitions += 1

    def _petitioner(self, union: Union, received: date):
        found = self.work.pick(self.rng, self.work.pool(self.rng, union, unions=1), 1, joined_by=received)
        return found[0] if found else None

    # --- collective contracts ------------------------------------------------------------------------------

    def contracts(self) -> None:
        rng, work = self.rng, self.work
        large = work.companies(least=80)
        chosen = work.sample(rng, large, min(work.scaled(18, floor=3), len(large)))
        for n, enterprise in enumerate(chosen):
            # The first few run out within the warning period, the next few have run out already.
            state = "expiring" if n < 5 else "expired" if n < 8 else "in_force"
            self._contract(enterprise.union, [enterprise], ContractScope.ENTERPRISE, ContractKind.COMPREHENSIVE,
                           f"{enterprise.name}集体合同", state)
            if rng.random() < 0.7:
                self._contract(enterprise.union, [enterprise], ContractScope.ENTERPRISE, ContractKind.WAGE,
                               f"{enterprise.name}工资专项集体合同", "in_force")
            # A special contract in a quarter of them, and always in the first two: every kind is in force.
            if n < len(SPECIAL_KINDS) or rng.random() < 0.25:
                kind = SPECIAL_KINDS[n] if n < len(SPECIAL_KINDS) else rng.choice(SPECIAL_KINDS)
                self._contract(enterprise.union, [enterprise], ContractScope.ENTERPRISE, kind,
                               f"{enterprise.name}{kind.label}", "in_force")
        for union in [u for u in work.grassroots if u.formation == Formation.JOINT][:3]:
            street = work.parent(union)
            self._contract(street, work.enterprises_by_union[union.id], ContractScope.REGIONAL, ContractKind.WAGE,
                           f"{work.short(union).removesuffix('联合')}区域性工资集体协议", "in_force")
        catering = [e for e in work.tree.enterprises if e.industry == "住宿和餐饮业"]
        if len(catering) >= 2:
            self._contract(work.root, catering, ContractScope.INDUSTRY, ContractKind.WAGE,
                           f"{work.county}餐饮行业工资集体协议", "in_force")

    def _contract(self, union: Union, enterprises: list[Enterprise], scope: str, kind: str, title: str,
                  state: str) -> None:
        rng, work = self.rng, self.work
        years = CONTRACT_YEARS[kind]
        if state == "expiring":
            end = work.as_of + timedelta(days=rng.randint(10, 85))
        elif state == "expired":
            end = work.as_of - timedelta(days=rng.randint(10, 200))
        elif years == 1:
            # Yearly wage agreements are signed all through the year, so few run out together.
            end = _years_before(work.as_of, -1) - timedelta(days=rng.randint(10, 270))
        else:
            end = date(work.year + rng.randint(0, 2), rng.randint(1, 12), 28) + timedelta(days=3)
            end = max(end, work.as_of + timedelta(days=120))
        start = _years_before(end, years) + timedelta(days=1)
        signed = min(start - timedelta(days=rng.randint(0, 20)), work.as_of)
        filed = signed + timedelta(days=rng.randint(5, 30))
        contract_create(
            actor=work.staff.of(union), union=union, enterprises=enterprises, scope=scope, kind=kind, title=title,
            signed_on=signed, term_start=start, term_end=end,
            workers_covered=max(1, sum(e.headcount for e in enterprises)),
            wage_increase_pct=Decimal(rng.randint(300, 800)) / 100 if kind == ContractKind.WAGE else None,
            filed_on=filed if filed <= work.as_of else None,
        )
        self.summary.contracts += 1


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def build_rights(work: Work) -> RightsSummary:
    writer = RightsWriter(work)
    writer.bodies()
    writer.cases()
    writer.petitions()
    writer.contracts()
    return writer.summary
