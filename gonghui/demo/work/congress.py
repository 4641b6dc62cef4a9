"""Congresses of the demo year: a school's 教代会 and an enterprise's 职代会 (more in a larger county), each with
its constituencies and delegates, the year's session with attendance, agenda, votes and a democratic
evaluation of the cadres; the school's term is elected this year ("做好校四届一次教代会代表选举工作"), the
enterprise's began last year and fills a vacated seat by a by-election.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from gonghui.congress.choices import EvaluationGrade
from gonghui.congress.models import CongressKind, CongressPower, Occupation
from gonghui.congress.services import (
    agenda_item_add,
    ballot_cast,
    congress_create,
    constituency_create,
    delegate_elect,
    delegate_leave,
    evaluation_create,
    resolution_record,
    session_attendance,
    session_create,
    session_request_create,
)
from gonghui.org.models import OrgType, Union

from .context import Work, Writer

CONSTITUENCIES = {CongressKind.TEACHERS: ("语文教研组代表团", "数理化教研组代表团", "行政后勤代表团"),
                  CongressKind.WORKERS: ("生产一线代表团", "技术质量代表团", "机关后勤代表团")}
OCCUPATIONS = {CongressKind.TEACHERS: ((Occupation.TEACHER, 0.68), (Occupation.MANAGER, 0.14), (Occupation.OTHER, 1)),
               CongressKind.WORKERS: ((Occupation.FRONT_LINE, 0.6), (Occupation.TECHNICAL, 0.72),
                                      (Occupation.MANAGER, 0.86), (Occupation.OTHER, 1))}
AGENDA = {CongressKind.TEACHERS: (("听取和审议校长工作报告", CongressPower.ADVISE), ("审议通过教职工绩效工资分配方案", CongressPower.ADOPT),
                                  ("审议决定教职工福利事项", CongressPower.DECIDE), ("民主评议学校中层干部", CongressPower.SUPERVISE)),
          CongressKind.WORKERS: (("听取和审议总经理工作报告", CongressPower.ADVISE), ("审议通过工资集体协议", CongressPower.ADOPT),
                                 ("审议决定职工福利基金使用方案", CongressPower.DECIDE), ("民主评议企业中层以上管理人员", CongressPower.SUPERVISE))}
CADRES = (("周明", "副校长"), ("吴芳", "教务处主任"), ("郑强", "总务处主任"))
MANAGERS = (("陈刚", "副总经理"), ("林红", "人力资源部经理"), ("黄伟", "生产部经理"))
GRADES = ((EvaluationGrade.EXCELLENT, 0.55), (EvaluationGrade.COMPETENT, 0.9), (EvaluationGrade.BASIC, 0.98),
          (EvaluationGrade.INCOMPETENT, 1))


@dataclass
class CongressSummary:
    congresses: int = 0
    delegates: int = 0
    sessions: int = 0
    resolutions: int = 0


def _pick(rng, table):
    roll = rng.random()
    return next(value for value, upto in table if roll <= upto)


class CongressWriter(Writer, topic="congress", summary=CongressSummary):
    def union_year(self, union: Union) -> None:
        work, rng = self.work, self.rng
        kind = CongressKind.TEACHERS if union.org_type == OrgType.SCHOOL else CongressKind.WORKERS
        actor = work.staff.of(union)
        # The school elects its fourth term this January; the enterprise's third began last spring.
        elected = work.day_in(rng, 1, first=5, last=12) if kind == CongressKind.TEACHERS else date(work.year - 1, 3, 10)
        if elected is None:
            return
        body = congress_create(actor=actor, union=union, kind=kind, term=4 if kind == CongressKind.TEACHERS else 3,
                               starts_on=elected, ends_on=elected.replace(year=elected.year + 5) - timedelta(days=1))
        self.summary.congresses += 1
        seats = [constituency_create(actor=actor, congress=body, name=name) for name in CONSTITUENCIES[kind]]
        roster = work.roster(union)
        # The enterprise leaves one member out at least: its by-election has someone to elect.
        spare = 1 if kind == CongressKind.WORKERS else 0
        chosen = rng.sample(roster, min(len(roster) - spare, max(8, min(40, len(roster) // 6))))
        delegates = [delegate_elect(actor=actor, congress=body, constituency=seats[i % len(seats)], member=member,
                                    occupation=_pick(rng, OCCUPATIONS[kind]), elected_on=elected)
                     for i, member in enumerate(chosen)]
        self.summary.delegates += len(delegates)
        if kind == CongressKind.WORKERS:
            delegates = self._by_election(actor, body, delegates, roster)
        self._session(actor, body, kind, delegates)

    def _by_election(self, actor, body, delegates, roster):
        work, rng = self.work, self.rng
        left_on = work.day_in(rng, 2, first=10, last=20)
        others = [m for m in roster if m.pk not in {d.member_id for d in delegates}]
        if left_on is None or not others:
            return delegates
        gone = delegates[-1]
        delegate_leave(actor=actor, delegate=gone, left_on=left_on, left_reason="调离本单位")
        new = delegate_elect(actor=actor, congress=body, constituency=gone.constituency, member=rng.choice(others),
                             occupation=gone.occupation, elected_on=left_on + timedelta(days=10), replaces=gone)
        self.summary.delegates += 1
        return [*delegates[:-1], new]

    def _session(self, actor, body, kind, delegates) -> None:
        work, rng = self.work, self.rng
        held = work.day_in(rng, 3, first=20, last=28)
        if held is None:
            return
        session = session_create(actor=actor, congress=body, number=1 if kind == CongressKind.TEACHERS else 2,
                                 held_on=held, proposals_due_on=held - timedelta(days=10))
        self.summary.sessions += 1
        present = len(delegates) - rng.randint(0, len(delegates) // 10)
        session_attendance(actor=actor, session=session, delegates_present=present)
        items = [agenda_item_add(actor=actor, session=session, title=title, power=power)
                 for title, power in AGENDA[kind]]
        for item in items[1:3]:
            against = rng.randint(0, present // 10)
            abstain = rng.randint(0, present // 10)
            resolution_record(actor=actor, session=session, title=item.title.removeprefix("审议通过").removeprefix(
                "审议决定"), agenda_item=item, votes_for=present - against - abstain, votes_against=against,
                votes_abstain=abstain)
            self.summary.resolutions += 1
        evaluation = evaluation_create(actor=actor, session=session, title=items[3].title,
                                       subjects=CADRES if kind == CongressKind.TEACHERS else MANAGERS)
        subjects = list(evaluation.subjects.all())
        for delegate in delegates[:present]:
            ballot_cast(actor=actor, evaluation=evaluation, delegate=delegate,
                        marks={subject.pk: _pick(rng, GRADES) for subject in subjects})
        if kind == CongressKind.WORKERS and (asked := work.day_in(rng, 7, first=1, last=15)):
            signers = delegates[: -(-len(delegates) * 3 // 10)]
            session_request_create(actor=actor, congress=body, reason="讨论企业搬迁安置方案", signers=signers,
                                   requested_on=asked)


def build_congress(work: Work) -> CongressSummary:
    writer = CongressWriter(work)
    for org_type in (OrgType.SCHOOL, OrgType.ENTERPRISE):
        # Two delegates at least, who co-sign their delegation's proposals; the largest of a kind if none has 8.
        least = 3 if org_type == OrgType.ENTERPRISE else 2  # the enterprise also needs one for its by-election
        of_type = sorted((u for u in work.grassroots if u.org_type == org_type and len(work.roster(u)) >= least),
                         key=lambda u: -len(work.roster(u)))
        candidates = [u for u in of_type if len(work.roster(u)) >= 8] or of_type[:1]
        for union in work.sample_unions(writer.rng, candidates, work.scaled(6, floor=1)):
            writer.union_year(union)
    return writer.summary
