"""Proposals (提案) to a congress session, from a delegate's draft to the proposer's verdict and the follow-up.

The states and who may move a proposal between them are one state machine (django-fsm-2, the `transition`
methods below): the delegate's side (drafting, asking for co-signers, co-signing, submitting, the verdict),
the proposal committee (提案工作委员会: review, merge, assignment, the check of the reply), and the handling
department (signing for it, asking to return it, the extension, the reply). A delegate is a member and acts
for themself in the member portal (the `actor` is then a `members.Member`); an officer of the union may
still enter a delegate's side for them (a proposal handed in on paper). A department with an officer acts
only through that officer (one without, through an officer of the union); the committee is the accounts
seated on the congress term's proposal committee (`CommitteeMember`), less the lead department's officer.
Services make every move (`services._move`), and each is a `Step` in the proposal's trail and a version in
its audit history.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, FSMField, transition
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, union_field, user_field
from gonghui.core.scoping import contains
from gonghui.members.models import Member

from .choices import ProposalCategory, ProposalState, ProposalVerdict, ReplyKind


class Department(TenantModel):
    """A handling department (承办部门) of the union's organisation, and the officer who acts for it."""

    union = union_field(_("工会"))
    name = models.CharField(_("部门名称"), max_length=60)
    officer = user_field(_("部门联络人账号"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "union", "name"], name="department_name_once")]
        verbose_name = _("承办部门")

    def __str__(self) -> str:
        return self.name


def is_department(proposal: "Proposal", user) -> bool:
    """The lead department's officer, or, for a department without one, an officer of the union."""
    lead = proposal.lead
    if lead is not None and lead.officer_id is not None:
        return lead.officer_id == user.pk
    return is_union_officer(proposal, user)


def is_union_officer(proposal: "Proposal", user) -> bool:
    """A staff writer of the proposal's union or above it."""
    return getattr(user, "can_write", False) and contains(getattr(user, "union", None), proposal.union)


def is_committee(proposal: "Proposal", user) -> bool:
    """A member of the congress term's proposal committee, unless they answer for the lead department."""
    if not is_union_officer(proposal, user):
        return False
    seated = CommitteeMember.objects.filter(congress_id=proposal.session.congress_id, user_id=user.pk).exists()
    lead = proposal.lead
    return seated and (lead is None or lead.officer_id != user.pk)


def is_member(actor) -> bool:
    """A delegate acting for themself in the member portal, not a staff user."""
    return isinstance(actor, Member)


def _in_office(proposal: "Proposal", member: Member):
    """The member's seat in office in the proposal's congress, or None."""
    from gonghui.congress.selectors import active_delegates  # congress is below; its models load first
    return active_delegates(proposal.session.congress).filter(member=member).first()


def is_proposer_side(proposal: "Proposal", user) -> bool:
    """Asking for co-signers, submitting and the verdict: the proposer in office, or an officer for them."""
    if is_member(user):
        return (proposal.proposer_id is not None and proposal.proposer.member_id == user.pk
                and _in_office(proposal, user) is not None)
    return is_union_officer(proposal, user)


def is_cosigner_side(proposal: "Proposal", user) -> bool:
    """Co-signing: a delegate in office of the congress other than the proposer, once the proposer asked;
    or an officer entering a delegate's signature."""
    if is_member(user):
        seat = _in_office(proposal, user) if proposal.cosign_asked_on else None
        return seat is not None and seat.pk != proposal.proposer_id
    return is_union_officer(proposal, user)


# Each move's name on the pages and in the trail.
MOVE_LABELS = {"ask_cosigners": "征集附议", "cosign": "附议", "submit": "提交", "submit_late": "逾期提交转为意见建议",
               "accept": "立案", "decline": "转为意见建议", "merge": "并案", "assign": "交办", "sign": "签收",
               "hand_back": "申退", "extend": "延期", "give_reply": "答复", "approve_reply": "答复审核通过",
               "return_reply": "退回重新答复", "judge": "提案人评价", "follow_up": "落实跟踪", "implement": "落实"}


def plain_move(field, name: str, source, target, permission):
    """A transition that only changes the state (the service sets the fields): django-fsm-2 reads the
    method's name, so it is given one before the decorator sees it."""
    def move(self):
        pass
    move.__name__ = move.__qualname__ = name
    move.__doc__ = MOVE_LABELS[name]
    return transition(field, source=source, target=target, permission=permission)(move)


class CommitteeMember(TenantModel):
    """A seat on the proposal committee (提案工作委员会) of one congress term: the accounts that review
    (accept, decline, merge), assign, check replies and follow proposals up."""

    union = union_field(_("工会"))
    congress = models.ForeignKey("congress.Congress", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("职代会（届）"))
    user = user_field(_("委员账号"))
    is_chair = models.BooleanField(_("主任委员"), default=False)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "congress", "user"], name="committee_member_once")]
        verbose_name = _("提案工作委员会委员")

    def __str__(self) -> str:
        return f"{self.congress}提案工作委员会：{self.user}"


class Proposal(TenantModel):
    union = union_field(_("工会"))
    session = models.ForeignKey("congress.Session", on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("会议"))
    number = models.PositiveIntegerField(_("编号"))
    title = models.CharField(_("案由"), max_length=120)
    reasons = models.TextField(_("理由"), max_length=5000)
    measures = models.TextField(_("建议措施"), max_length=5000)
    category = models.CharField(_("类别"), max_length=12, choices=ProposalCategory.choices)
    proposer = models.ForeignKey("congress.Delegate", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("提案人"))
    delegation = models.ForeignKey("congress.Constituency", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("提案代表团"))
    co_signers = models.ManyToManyField("congress.Delegate", related_name="+", blank=True, verbose_name=_("附议人"))
    co_proposers = models.ManyToManyField("congress.Delegate", related_name="+", blank=True,
                                          verbose_name=_("共同提案人"))
    state = FSMField(_("状态"), max_length=10, choices=ProposalState.choices, default=ProposalState.DRAFT)
    drafted_on = models.DateField(_("起草日期"))
    cosign_asked_on = models.DateField(_("征集附议日期"), null=True, blank=True)
    submitted_on = models.DateField(_("提交日期"), null=True, blank=True)
    reviewed_on = models.DateField(_("审查日期"), null=True, blank=True)
    review_reason = models.CharField(_("审查意见"), max_length=300, blank=True)
    merged_into = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged",
                                    verbose_name=_("并入提案"))
    lead = models.ForeignKey(Department, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("主办部门"))
    co_handlers = models.ManyToManyField(Department, related_name="+", blank=True, verbose_name=_("协办部门"))
    assigned_on = models.DateField(_("交办日期"), null=True, blank=True)
    due_on = models.DateField(_("办理期限"), null=True, blank=True)
    extended = models.BooleanField(_("已延期"), default=False)
    signed_on = models.DateField(_("签收日期"), null=True, blank=True)
    reply_kind = models.CharField(_("答复类型"), max_length=10, choices=ReplyKind.choices, blank=True)
    reply = models.TextField(_("答复内容"), max_length=5000, blank=True)
    completion_on = models.DateField(_("计划完成日期"), null=True, blank=True)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    verdict = models.CharField(_("提案人评价"), max_length=14, choices=ProposalVerdict.choices, blank=True)
    verdict_on = models.DateField(_("评价日期"), null=True, blank=True)
    rehandled = models.BooleanField(_("已重新办理"), default=False)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    implemented_on = models.DateField(_("落实日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "session", "number"], name="proposal_number_once")]
        indexes = [models.Index(fields=["union", "submitted_on"], name="proposal_union_submitted"),
                   # The list's order (newest submitted first), walked backwards: a first page reads twenty rows.
                   models.Index(fields=["tenant", "submitted_on", "id"], name="proposal_tenant_submitted_id"),
                   models.Index(fields=["union", "state", "due_on"], name="proposal_union_open")]
        verbose_name = _("提案")

    def __str__(self) -> str:
        return f"第{self.number}号提案：{self.title}"

    @property
    def author(self) -> str:
        if self.proposer_id:
            return self.proposer.member.name
        return self.delegation.name if self.delegation_id else "—"

    # The state machine: each attribute is one move; services set the fields and record the step.
    ask_cosigners = plain_move(state, "ask_cosigners", ProposalState.DRAFT, ProposalState.DRAFT, is_proposer_side)
    cosign = plain_move(state, "cosign", ProposalState.DRAFT, ProposalState.DRAFT, is_cosigner_side)
    submit = plain_move(state, "submit", ProposalState.DRAFT, ProposalState.SUBMITTED, is_proposer_side)
    submit_late = plain_move(state, "submit_late", ProposalState.DRAFT, ProposalState.OPINION, is_proposer_side)
    accept = plain_move(state, "accept", ProposalState.SUBMITTED, ProposalState.ACCEPTED, is_committee)
    decline = plain_move(state, "decline", ProposalState.SUBMITTED, ProposalState.OPINION, is_committee)
    merge = plain_move(state, "merge", ProposalState.SUBMITTED, ProposalState.MERGED, is_committee)
    assign = plain_move(state, "assign", ProposalState.ACCEPTED, ProposalState.ASSIGNED, is_committee)
    sign = plain_move(state, "sign", ProposalState.ASSIGNED, ProposalState.HANDLING, is_department)
    hand_back = plain_move(state, "hand_back", [ProposalState.ASSIGNED, ProposalState.HANDLING], ProposalState.ACCEPTED,
                           is_department)
    give_reply = plain_move(state, "give_reply", ProposalState.HANDLING, ProposalState.REPLIED, is_department)
    approve_reply = plain_move(state, "approve_reply", ProposalState.REPLIED, ProposalState.TO_JUDGE, is_committee)
    return_reply = plain_move(state, "return_reply", ProposalState.REPLIED, ProposalState.HANDLING, is_committee)
    follow_up = plain_move(state, "follow_up", ProposalState.CLOSED, ProposalState.CLOSED, is_committee)
    implement = plain_move(state, "implement", ProposalState.CLOSED, ProposalState.DONE, is_committee)

    @transition(state, source=[ProposalState.ASSIGNED, ProposalState.HANDLING],
                target=RETURN_VALUE(ProposalState.ASSIGNED, ProposalState.HANDLING), permission=is_department)
    def extend(self):
        """延期"""
        return self.state

    @transition(state, source=ProposalState.TO_JUDGE, target=RETURN_VALUE(ProposalState.HANDLING, ProposalState.CLOSED),
                permission=is_proposer_side)
    def judge(self):
        """提案人评价：不满意的重新办理一次，其余办结"""
        if self.verdict == ProposalVerdict.NOT_SATISFIED and not self.rehandled:
            self.rehandled = True
            return ProposalState.HANDLING
        self.closed_on = self.verdict_on
        return ProposalState.CLOSED


class Step(TenantModel):
    """One move of a proposal: from which state to which, by whom (a staff user, or the delegate themself in the
    member portal), when, with what note."""

    union = union_field()
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("办理环节"), max_length=20)
    from_state = models.CharField(_("原状态"), max_length=10, choices=ProposalState.choices)
    to_state = models.CharField(_("新状态"), max_length=10, choices=ProposalState.choices)
    by = user_field(_("操作人"), null=True, blank=True)
    by_member = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                  verbose_name=_("代表本人"))
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    note = models.CharField(_("说明"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [models.CheckConstraint(
            condition=models.Q(by__isnull=True) ^ models.Q(by_member__isnull=True), name="step_one_actor")]
        verbose_name = _("提案办理记录")

    @property
    def actor_name(self) -> str:
        if self.by_member_id:
            return f"{self.by_member.name}（代表本人）"
        return str(self.by)
