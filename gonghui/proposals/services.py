"""Every write of proposals. Each move goes through `_move`: the actor, the state machine (is the move open
from this state, may this actor make it), the fields and their checks, then a save with history and a `Step`.

The actor is a staff user, or on the delegate's side a `members.Member` acting for themself in the member
portal: the history then names the delegate in its change reason (its user key is a staff account's) and the
step in `Step.by_member`.
"""

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django_fsm import can_proceed, has_transition_perm

from gonghui.congress.models import Congress, Constituency, Delegate, Session
from gonghui.congress.selectors import active_delegates
from gonghui.core.formatting import future_error
from gonghui.core.scoping import contains
from gonghui.core.services import (
    checked_save,
    delete_with_history,
    fields_assign,
    require_writer_within,
    text_required,
)
from gonghui.members.choices import MemberStatus
from gonghui.org.models import Union

from .models import (
    MOVE_LABELS,
    CommitteeMember,
    Department,
    Proposal,
    ProposalState,
    ProposalVerdict,
    ReplyKind,
    Step,
    is_member,
    is_proposer_side,
)

DRAFT_FIELDS = ("title", "reasons", "measures", "category")
EXCLUDE = ["session", "proposer", "delegation", "merged_into", "lead"]


def proposal_rules() -> dict:
    """How many co-signers a proposal needs, and the days a department has to reply (and one extension)."""
    defaults = {"co_signers": 2, "handling_days": 90, "extension_days": 30}
    return {**defaults, **getattr(settings, "GONGHUI", {}).get("PROPOSALS", {})}


def _today(day: date | None) -> date:
    return day or timezone.localdate()


# Departments ------------------------------------------------------------------------------------

@transaction.atomic
def department_create(*, actor, union: Union, name: str, officer=None) -> Department:
    require_writer_within(actor, union)
    department = Department(tenant_id=union.tenant_id, union=union, name=name, officer=officer)
    errors: dict[str, str] = {}
    text_required(department, errors, name="部门名称")
    if officer is not None and not contains(union, officer.union):
        errors["officer"] = "部门联络人须是本工会的账号"
    if department.name and Department.objects.filter(union=union, name=department.name).exists():
        errors["name"] = f"已有承办部门“{department.name}”"
    return checked_save(department, errors, actor=actor, exclude=["officer"])


# The proposal committee ---------------------------------------------------------------------------

@transaction.atomic
def committee_member_add(*, actor, congress: Congress, user, is_chair: bool = False) -> CommitteeMember:
    """Seats an account of the congress's union on the term's proposal committee."""
    require_writer_within(actor, congress.union)
    errors: dict[str, str] = {}
    if user is None or not user.is_active or not user.can_write or user.union_id != congress.union_id:
        errors["user"] = "提案工作委员会委员须是本工会可编辑的账号"
    elif CommitteeMember.objects.filter(congress=congress, user=user).exists():
        errors["user"] = f"{user}已是本届提案工作委员会委员"
    seat = CommitteeMember(tenant_id=congress.tenant_id, union_id=congress.union_id, congress=congress, user=user,
                           is_chair=is_chair)
    return checked_save(seat, errors, actor=actor, exclude=["congress", "user"])


@transaction.atomic
def committee_member_remove(*, actor, seat: CommitteeMember) -> None:
    require_writer_within(actor, seat.union)
    delete_with_history(seat, actor=actor)


# Drafting and co-signing ------------------------------------------------------------------------

def _check_draft(proposal: Proposal, errors: dict) -> None:
    text_required(proposal, errors, title="案由", reasons="提案理由", measures="建议措施")


@transaction.atomic
def proposal_draft(*, actor, session: Session, title: str, reasons: str, measures: str, category: str,
                   proposer: Delegate | None = None, delegation: Constituency | None = None,
                   drafted_on: date | None = None) -> Proposal:
    """A delegate's (or a delegation's) draft, one matter per proposal; it gathers co-signers before submission.
    A delegate drafting in the member portal is the proposer."""
    _require_actor(actor, session.union)
    congress = session.congress
    errors: dict[str, str] = {}
    if is_member(actor) and (proposer is None or proposer.member_id != actor.pk or delegation is not None):
        errors["proposer"] = "代表本人只能以自己的名义起草提案"
    elif proposer is None and delegation is None:
        errors["proposer"] = "请选择提案人（代表）或提案代表团"
    if proposer is not None and not active_delegates(congress).filter(pk=proposer.pk).exists():
        errors["proposer"] = "提案人须是本届在任代表"
    if delegation is not None and delegation.congress_id != congress.pk:
        errors["delegation"] = "请选择本届职代会的代表团"
    number = (Proposal.objects.filter(session=session).aggregate(n=Max("number"))["n"] or 0) + 1
    proposal = Proposal(tenant_id=session.tenant_id, union_id=session.union_id, session=session, number=number,
                        title=title, reasons=reasons, measures=measures, category=category, proposer=proposer,
                        delegation=delegation, drafted_on=_today(drafted_on))
    _check_draft(proposal, errors)
    _save(proposal, errors, actor=actor)
    _step(proposal, actor=actor, action="起草", from_state=ProposalState.DRAFT)
    return proposal


@transaction.atomic
def proposal_update(*, actor, proposal: Proposal, **fields) -> Proposal:
    _require_actor(actor, proposal.union)
    if proposal.state != ProposalState.DRAFT:
        raise ValidationError({"__all__": "提案已提交，不能再修改"})
    if not is_proposer_side(proposal, actor):
        raise ValidationError({"__all__": "只有提案人本人能修改提案草稿"})
    fields_assign(proposal, fields, DRAFT_FIELDS)
    errors: dict[str, str] = {}
    _check_draft(proposal, errors)
    return _save(proposal, errors, actor=actor)


def proposal_ask_cosigners(*, actor, proposal: Proposal, on: date | None = None) -> Proposal:
    """The proposer opens the draft to the congress's delegates, who may then co-sign it in the portal."""
    def check(errors):
        if proposal.cosign_asked_on is not None:
            errors["state"] = "已在征集附议"
        proposal.cosign_asked_on = _today(on)
    return _move(proposal, "ask_cosigners", actor=actor, check=check)


def proposal_cosign(*, actor, proposal: Proposal, delegate: Delegate) -> Proposal:
    def check(errors):
        if is_member(actor) and delegate.member_id != actor.pk:
            errors["delegate"] = "代表本人只能以自己的名义附议"
        elif not active_delegates(proposal.session.congress).filter(pk=delegate.pk).exists():
            errors["delegate"] = "附议人须是本届在任代表"
        elif delegate.pk == proposal.proposer_id:
            errors["delegate"] = "提案人本人不能附议"
        elif proposal.co_signers.filter(pk=delegate.pk).exists():
            errors["delegate"] = f"{delegate.member.name}已附议"

    return _move(proposal, "cosign", actor=actor, check=check, note=delegate.member.name,
                 after=lambda: proposal.co_signers.add(delegate))


def proposal_submit(*, actor, proposal: Proposal, on: date | None = None, as_opinion: bool = False) -> Proposal:
    """Submitted by the session's deadline with enough co-signers; after it, only as an opinion (意见建议)."""
    on = _today(on)
    due = proposal.session.proposals_due_on
    late = due is not None and on > due

    def check(errors):
        needed = proposal_rules()["co_signers"]
        if late and not as_opinion:
            errors["submitted_on"] = f"已过提案截止日期（{due:%Y-%m-%d}），不能作为提案提交，可作为意见建议提交"
        elif not late and proposal.co_signers.count() < needed:
            errors["co_signers"] = f"提案须有至少{needed}名代表附议，目前{proposal.co_signers.count()}名"
        if error := future_error(on, "提交日期"):
            errors["submitted_on"] = error
        proposal.submitted_on = on
        if late:
            proposal.review_reason = f"逾期提交（截止{due:%Y-%m-%d}），作为意见建议处理"

    return _move(proposal, "submit_late" if late and as_opinion else "submit", actor=actor, check=check)


# The committee's review -------------------------------------------------------------------------

def proposal_accept(*, actor, proposal: Proposal, on: date | None = None) -> Proposal:
    return _move(proposal, "accept", actor=actor, check=_reviewed(proposal, _today(on)))


def proposal_decline(*, actor, proposal: Proposal, reason: str, on: date | None = None) -> Proposal:
    def check(errors):
        _reviewed(proposal, _today(on))(errors)
        proposal.review_reason = (reason or "").strip()
        if not proposal.review_reason:
            errors["review_reason"] = "请填写不予立案、转为意见建议的理由"

    return _move(proposal, "decline", actor=actor, check=check, note=reason)


def proposal_merge(*, actor, proposal: Proposal, into: Proposal, on: date | None = None) -> Proposal:
    """Merged into another proposal of the session; its authors become co-proposers of that one."""
    def check(errors):
        _reviewed(proposal, _today(on))(errors)
        if into.pk == proposal.pk or into.session_id != proposal.session_id or into.state not in (
                ProposalState.SUBMITTED, ProposalState.ACCEPTED):
            errors["into"] = "只能并入本次会议待审查或已立案的其他提案"
        proposal.merged_into = into

    def after():
        authors = [d for d in (proposal.proposer, *proposal.co_proposers.all()) if d and d.pk != into.proposer_id]
        into.co_proposers.add(*authors)

    return _move(proposal, "merge", actor=actor, check=check, note=f"并入第{into.number}号提案", after=after)


def _reviewed(proposal: Proposal, on: date) -> Callable[[dict], None]:
    def check(errors):
        proposal.reviewed_on = on
        if error := future_error(on, "审查日期"):
            errors["reviewed_on"] = error
    return check


# Assignment and handling ------------------------------------------------------------------------

def proposal_assign(*, actor, proposal: Proposal, lead: Department, co_handlers: Iterable[Department] = (),
                    due_on: date | None = None, on: date | None = None) -> Proposal:
    on = _today(on)
    co_handlers = list(co_handlers)

    def check(errors):
        if lead is None or lead.union_id != proposal.union_id:
            errors["lead"] = "请选择本工会的承办部门"
        if any(d.union_id != proposal.union_id or d.pk == getattr(lead, "pk", None) for d in co_handlers):
            errors["co_handlers"] = "协办部门须是本工会的其他部门"
        proposal.lead, proposal.assigned_on = lead, on
        proposal.due_on = due_on or on + timedelta(days=proposal_rules()["handling_days"])
        proposal.signed_on, proposal.extended = None, False
        if proposal.due_on <= on:
            errors["due_on"] = f"办理期限应晚于交办日期（{on:%Y-%m-%d}）"

    return _move(proposal, "assign", actor=actor, check=check, note=getattr(lead, "name", ""),
                 after=lambda: proposal.co_handlers.set(co_handlers))


def proposal_sign(*, actor, proposal: Proposal, on: date | None = None) -> Proposal:
    def check(errors):
        proposal.signed_on = _today(on)
    return _move(proposal, "sign", actor=actor, check=check)


def proposal_hand_back(*, actor, proposal: Proposal, reason: str) -> Proposal:
    """The department asks to return it (申退): back to the committee to be routed again."""
    def check(errors):
        if not (reason or "").strip():
            errors["reason"] = "请填写申退理由"
        proposal.lead, proposal.due_on, proposal.signed_on = None, None, None

    return _move(proposal, "hand_back", actor=actor, check=check, note=reason,
                 after=lambda: proposal.co_handlers.clear())


def proposal_extend(*, actor, proposal: Proposal, due_on: date | None = None) -> Proposal:
    """One extension of the deadline, by the department."""
    def check(errors):
        limit = proposal.due_on + timedelta(days=proposal_rules()["extension_days"])
        new = due_on or limit
        if proposal.extended:
            errors["due_on"] = "办理期限只能延期一次"
        elif not proposal.due_on < new <= limit:
            errors["due_on"] = f"延期后的办理期限应晚于{proposal.due_on:%Y-%m-%d}，且不晚于{limit:%Y-%m-%d}"
        else:
            proposal.due_on, proposal.extended = new, True

    return _move(proposal, "extend", actor=actor, check=check)


def proposal_reply(*, actor, proposal: Proposal, reply_kind: str, reply: str, completion_on: date | None = None,
                    on: date | None = None) -> Proposal:
    """The department's reply: measures and a completion date, the difficulty and a plan, or why it cannot."""
    def check(errors):
        proposal.reply_kind, proposal.reply = reply_kind, (reply or "").strip()
        proposal.completion_on, proposal.replied_on = completion_on, _today(on)
        if not proposal.reply:
            errors["reply"] = {ReplyKind.MEASURES: "请填写已采取的办理措施",
                               ReplyKind.PLAN: "请填写存在的困难和解决计划",
                               ReplyKind.CANNOT: "请填写不能办理的理由"}.get(reply_kind, "请填写办理措施或不能办理的理由")
        if reply_kind == ReplyKind.MEASURES and completion_on is None:
            errors["completion_on"] = "已采取措施的，请填写完成日期"
        if error := future_error(proposal.replied_on, "答复日期"):
            errors["replied_on"] = error

    return _move(proposal, "give_reply", actor=actor, check=check)


def proposal_approve_reply(*, actor, proposal: Proposal) -> Proposal:
    return _move(proposal, "approve_reply", actor=actor)


def proposal_return_reply(*, actor, proposal: Proposal, reason: str) -> Proposal:
    def check(errors):
        if not (reason or "").strip():
            errors["reason"] = "请填写退回重新答复的理由"
    return _move(proposal, "return_reply", actor=actor, check=check, note=reason)


# The proposer's verdict and the follow-up -------------------------------------------------------

def proposal_judge(*, actor, proposal: Proposal, verdict: str, on: date | None = None) -> Proposal:
    """满意 or 基本满意 closes it; 不满意 sends it back to the department once, then it closes whatever is said."""
    again = verdict == ProposalVerdict.NOT_SATISFIED and not proposal.rehandled

    def check(errors):
        if verdict not in ProposalVerdict.values:
            errors["verdict"] = "请选择满意、基本满意或不满意"
        proposal.verdict, proposal.verdict_on = verdict, _today(on)

    note = f"{ProposalVerdict(verdict).label}{'，重新办理' if again else ''}" if verdict in ProposalVerdict.values else ""
    return _move(proposal, "judge", actor=actor, check=check, note=note)


def proposal_follow_up(*, actor, proposal: Proposal, note: str) -> Proposal:
    """落实跟踪: the committee records how a closed proposal's measures are being carried out, until done."""
    def check(errors):
        if not (note or "").strip():
            errors["note"] = "请填写落实跟踪情况"
    return _move(proposal, "follow_up", actor=actor, check=check, note=(note or "").strip())


def proposal_implement(*, actor, proposal: Proposal, on: date | None = None) -> Proposal:
    def check(errors):
        proposal.implemented_on = _today(on)
        if error := future_error(proposal.implemented_on, "落实日期"):
            errors["implemented_on"] = error
    return _move(proposal, "implement", actor=actor, check=check)


# The one way a proposal moves -------------------------------------------------------------------

ACTIONS = MOVE_LABELS


@transaction.atomic
def _move(proposal: Proposal, name: str, *, actor, check: Callable[[dict], None] = lambda errors: None,
          note: str = "", after: Callable[[], None] = lambda: None) -> Proposal:
    _require_actor(actor, proposal.union)
    method = getattr(proposal, name)
    action = ACTIONS[name]
    if not can_proceed(method):
        raise ValidationError({"state": f"提案当前为“{proposal.get_state_display()}”，不能{action}"})
    if not has_transition_perm(method, actor):
        raise ValidationError({"state": f"您无权对该提案进行“{action}”：{_who(name)}"})
    errors: dict[str, str] = {}
    from_state = proposal.state
    check(errors)
    if errors:
        raise ValidationError(errors)
    method()
    _save(proposal, {}, actor=actor)
    after()
    _step(proposal, actor=actor, action=action, from_state=from_state, note=note)
    return proposal


def _require_actor(actor, union: Union) -> None:
    """A staff writer who reaches the union, or a delegate who is still a member (the state machine's
    permissions then say what the delegate may do to which proposal)."""
    if is_member(actor):
        if actor.status != MemberStatus.ACTIVE:
            raise ValidationError({"__all__": "您已不是在籍会员，不能办理提案"})
        return
    require_writer_within(actor, union)


def _save(proposal: Proposal, errors: dict, *, actor) -> Proposal:
    """Saved with history: a staff user is the version's user; a delegate is named in its change reason."""
    if not is_member(actor):
        return checked_save(proposal, errors, actor=actor, exclude=EXCLUDE)
    if errors:
        raise ValidationError(errors)
    proposal.full_clean(exclude=["tenant", "union", *EXCLUDE])
    proposal._history_user = None
    proposal._change_reason = f"{actor.name}（代表本人）"
    proposal.save()
    return proposal


def _who(name: str) -> str:
    if name in ("sign", "hand_back", "extend", "give_reply"):
        return "须由主办部门的联络人办理"
    if name in ("accept", "decline", "merge", "assign", "approve_reply", "return_reply", "follow_up", "implement"):
        return "须由本届提案工作委员会委员办理（主办部门联络人除外）"
    if name == "cosign":
        return "须由本届在任的其他代表在提案人征集附议后办理，或由工会干部代为登记"
    return "须由提案人本人办理，或由本工会的工会干部代为登记"


def _step(proposal: Proposal, *, actor, action: str, from_state: str, note: str = "") -> None:
    by, by_member = (None, actor) if is_member(actor) else (actor, None)
    Step.objects.create(tenant_id=proposal.tenant_id, union_id=proposal.union_id, proposal=proposal, action=action,
                        from_state=from_state, to_state=proposal.state, by=by, by_member=by_member,
                        note=(note or "")[:300])
