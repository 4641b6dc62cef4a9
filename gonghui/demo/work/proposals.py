"""Proposals of the demo year, to each congress session the congress part held: drafted and co-signed before the
deadline (a few late, filed as opinions), reviewed after the session (accepted, declined or merged), assigned to
a department with three months to reply, replied (some late, some not yet: those are overdue), checked, judged
by the proposer ("不满意" sends one back for re-handling) and followed up until done.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from gonghui.congress.models import Session
from gonghui.congress.selectors import active_delegates
from gonghui.proposals.models import CommitteeMember, ProposalCategory, ProposalState, ProposalVerdict, ReplyKind
from gonghui.proposals.services import (
    committee_member_add,
    department_create,
    proposal_accept,
    proposal_reply,
    proposal_approve_reply,
    proposal_assign,
    proposal_cosign,
    proposal_decline,
    proposal_draft,
    proposal_implement,
    proposal_judge,
    proposal_merge,
    proposal_sign,
    proposal_submit,
)

from .context import Work, Writer

DEPARTMENTS = {"teachers": ("教务处", "总务处", "人事处"), "workers": ("生产部", "人力资源部", "后勤保障部")}
TOPICS = ((ProposalCategory.LIVING, "改善职工食堂伙食"), (ProposalCategory.PAY, "完善绩效工资分配办法"),
          (ProposalCategory.SAFETY, "更新车间防护设施"), (ProposalCategory.LIVING, "增设职工停车位"),
          (ProposalCategory.MANAGEMENT, "定期公开福利费使用情况"), (ProposalCategory.TEACHING, "减轻青年教师非教学负担"),
          (ProposalCategory.OPERATIONS, "优化生产排班制度"), (ProposalCategory.PAY, "提高夜班津贴标准"),
          (ProposalCategory.LIVING, "开设职工子女暑期托管班"), (ProposalCategory.OTHER, "建设职工书屋"))
REPLIES = ((ReplyKind.MEASURES, "已制定改进方案并落实，详见答复函"), (ReplyKind.PLAN, "受经费所限，已列入明年计划分步解决"),
           (ReplyKind.CANNOT, "与上级规定不符，暂不能办理，已向提案人说明"))


@dataclass
class ProposalsSummary:
    proposals: int = 0
    closed: int = 0


class ProposalsWriter(Writer, topic="proposals", summary=ProposalsSummary):
    def day(self, start: date, low: int, high: int) -> date | None:
        return self.work.day_between(self.rng, start + timedelta(days=low), start + timedelta(days=high))

    def session_year(self, session: Session) -> None:
        rng, union = self.rng, session.union
        actor = self.work.staff.of(union)
        if not CommitteeMember.objects.filter(congress=session.congress, user=actor).exists():
            committee_member_add(actor=actor, congress=session.congress, user=actor, is_chair=True)
        departments = [department_create(actor=actor, union=union, name=name)
                       for name in DEPARTMENTS.get(session.congress.kind, DEPARTMENTS["workers"])]
        delegates = list(active_delegates(session.congress).select_related("member", "constituency"))
        if len(delegates) < 2:
            return
        submitted = []
        for category, title in rng.sample(TOPICS, min(len(TOPICS), max(4, len(delegates) // 3))):
            # A small union's two delegates co-sign their delegation's proposals.
            proposer, *signers = rng.sample(delegates, 3) if len(delegates) >= 3 else (None, *delegates)
            proposal = proposal_draft(actor=actor, session=session, title=title, reasons=f"职工普遍反映{title[2:]}的问题",
                                      measures=f"建议{title}", category=category, proposer=proposer,
                                      delegation=None if proposer else delegates[0].constituency,
                                      drafted_on=session.proposals_due_on - timedelta(days=rng.randint(8, 20)))
            for signer in signers:
                proposal_cosign(actor=actor, proposal=proposal, delegate=signer)
            self.summary.proposals += 1
            late = rng.random() < 0.1
            due = session.proposals_due_on
            proposal_submit(actor=actor, proposal=proposal, as_opinion=late,
                            on=due + timedelta(days=rng.randint(1, 5)) if late else due - timedelta(days=rng.randint(0, 6)))
            if not late:
                submitted.append(proposal)
        reviewed = self.day(session.held_on, 1, 7)
        if reviewed is None:
            return
        accepted = [proposal for i, proposal in enumerate(submitted)
                    if self._review(actor, proposal, submitted, reviewed, roll=(0.5, 0.2)[i] if i < 2 else None)]
        for proposal in accepted:
            self._assign(actor, proposal, reviewed, departments)

    def _review(self, actor, proposal, submitted, reviewed: date, roll: float | None) -> bool:
        """The committee's review, all on one day after the session; True when accepted. The first two are
        accepted and merged into it, so every session shows both."""
        roll = self.rng.random() if roll is None else roll
        if roll < 0.12:
            proposal_decline(actor=actor, proposal=proposal, reason="属于日常管理事项，转有关部门作为意见建议处理",
                             on=reviewed)
            return False
        earlier = [p for p in submitted if p.state == ProposalState.ACCEPTED]
        if roll < 0.25 and earlier:
            proposal_merge(actor=actor, proposal=proposal, into=self.rng.choice(earlier), on=reviewed)
            return False
        proposal_accept(actor=actor, proposal=proposal, on=reviewed)
        return True

    def _assign(self, actor, proposal, reviewed: date, departments) -> None:
        rng = self.rng
        assigned = self.day(reviewed, 1, 5)
        if assigned is None:
            return
        proposal_assign(actor=actor, proposal=proposal, lead=rng.choice(departments), on=assigned)
        if (signed := self.day(assigned, 1, 3)) is None:
            return
        proposal_sign(actor=actor, proposal=proposal, on=signed)
        self._handle(actor, proposal, start=signed, rounds=2)

    def _handle(self, actor, proposal, *, start: date, rounds: int) -> None:
        rng = self.rng
        # Most replies come within the three months; some after, and a few are still awaited (overdue).
        replied = self.day(start, 15, 80) if rng.random() < 0.8 else self.day(start, 95, 140)
        if replied is None:
            return
        kind, text = REPLIES[0] if rng.random() < 0.7 else rng.choice(REPLIES[1:])
        proposal_reply(actor=actor, proposal=proposal, reply_kind=kind, reply=text, on=replied,
                        completion_on=replied + timedelta(days=60) if kind == ReplyKind.MEASURES else None)
        proposal_approve_reply(actor=actor, proposal=proposal)
        if (judged := self.day(replied, 3, 12)) is None:
            return
        roll = rng.random()
        verdict = (ProposalVerdict.SATISFIED if roll < 0.6 else ProposalVerdict.BASIC if roll < 0.85 or rounds == 1
                   else ProposalVerdict.NOT_SATISFIED)
        proposal_judge(actor=actor, proposal=proposal, verdict=verdict, on=judged)
        if proposal.state == ProposalState.HANDLING:
            self._handle(actor, proposal, start=judged, rounds=1)
            return
        self.summary.closed += 1
        if rng.random() < 0.5 and (done := self.day(judged, 20, 60)) is not None:
            proposal_implement(actor=actor, proposal=proposal, on=done)


def build_proposals(work: Work) -> ProposalsSummary:
    writer = ProposalsWriter(work)
    sessions = Session.objects.filter(tenant_id=work.root.pk, proposals_due_on__isnull=False).select_related(
        "union", "congress").order_by("id")
    for session in sessions:
        writer.session_year(session)
    return writer.summary
