"""The moves of a proposal as the pages and the API offer them: each transition of the state machine, its
button label, its form, the choices the form offers, and the service that makes it."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms

from gonghui.congress.selectors import active_delegates

from . import selectors, services
from .forms import (
    ReplyForm,
    AssignForm,
    ConfirmForm,
    CosignForm,
    DeclineForm,
    ExtendForm,
    FollowUpForm,
    JudgeForm,
    MergeForm,
    ReasonForm,
    SubmitForm,
)
from .models import Department, Proposal


@dataclass(frozen=True)
class Move:
    label: str
    form: type[forms.Form]
    service: Callable
    choices: Callable[[Proposal], object] | None = None


def _cosigners(proposal: Proposal):
    return active_delegates(proposal.session.congress).select_related("member").exclude(
        pk__in=[proposal.proposer_id or 0, *proposal.co_signers.values_list("pk", flat=True)])


def _departments(proposal: Proposal):
    return Department.objects.filter(union_id=proposal.union_id).order_by("name")


MOVES = {
    "cosign": Move("附议", CosignForm, services.proposal_cosign, _cosigners),
    "submit": Move("提交", SubmitForm, services.proposal_submit),
    "accept": Move("立案", ConfirmForm, services.proposal_accept),
    "decline": Move("转为意见建议", DeclineForm, services.proposal_decline),
    "merge": Move("并案", MergeForm, services.proposal_merge,
                  lambda proposal: selectors.merge_choices(proposal=proposal)),
    "assign": Move("交办", AssignForm, services.proposal_assign, _departments),
    "sign": Move("签收", ConfirmForm, services.proposal_sign),
    "hand_back": Move("申退", ReasonForm, services.proposal_hand_back),
    "extend": Move("延期", ExtendForm, services.proposal_extend),
    "give_reply": Move("答复", ReplyForm, services.proposal_reply),
    "approve_reply": Move("答复审核通过", ConfirmForm, services.proposal_approve_reply),
    "return_reply": Move("退回重新答复", ReasonForm, services.proposal_return_reply),
    "judge": Move("登记提案人评价", JudgeForm, services.proposal_judge),
    "follow_up": Move("记录落实跟踪", FollowUpForm, services.proposal_follow_up),
    "implement": Move("确认已落实", ConfirmForm, services.proposal_implement),
}


def moves_for(proposal: Proposal, user) -> list[tuple[str, Move]]:
    """The moves this user may make now (the late submission is the submit form's checkbox)."""
    open_names = {t.name for t in proposal.get_available_user_state_transitions(user)}
    return [(name, move) for name, move in MOVES.items() if name in open_names]
