"""A delegate's proposals in the member portal (/m/proposals/): drafting, asking for co-signers, co-signing
another delegate's draft, submitting, following the state and the reply, and the verdict. The delegate is
the actor of each move (proposals.services, the state machine's permissions say what they may do); a
proposal the member neither proposed, co-signed nor was asked to co-sign is a 404."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gonghui.core.forms import call_service
from gonghui.core.pages import paginate
from gonghui.proposals import selectors, services
from gonghui.proposals.forms import ConfirmForm, JudgeForm, SubmitForm
from gonghui.proposals.models import ProposalState

from .auth import member_required
from .proposal_forms import MemberProposalForm


@dataclass(frozen=True)
class MemberMove:
    label: str
    done: str
    form: type[forms.Form]
    service: Callable  # (member, proposal, cleaned data) -> proposal


def _cosign(member, proposal, data):
    seat = selectors.seat_for(member=member, session=proposal.session)
    if seat is None:
        raise Http404
    return services.proposal_cosign(actor=member, proposal=proposal, delegate=seat)


# The state machine's transitions a delegate makes, by name (the late submission is the submit form's box).
MOVES = {
    "ask_cosigners": MemberMove("征集附议", "已向本届代表征集附议", ConfirmForm,
                                lambda m, p, data: services.proposal_ask_cosigners(actor=m, proposal=p)),
    "cosign": MemberMove("我要附议", "已附议", ConfirmForm, _cosign),
    "submit": MemberMove("提交提案", "已提交", SubmitForm,
                         lambda m, p, data: services.proposal_submit(actor=m, proposal=p, **data)),
    "judge": MemberMove("提交评价", "已提交评价", JudgeForm,
                        lambda m, p, data: services.proposal_judge(actor=m, proposal=p, **data)),
}


REPLY_SHOWN = (ProposalState.TO_JUDGE, ProposalState.CLOSED, ProposalState.DONE)


def _open_moves(proposal, member) -> list[str]:
    names = {t.name for t in proposal.get_available_user_state_transitions(member)}
    if proposal.cosign_asked_on is not None:
        names.discard("ask_cosigners")
    return [name for name in MOVES if name in names]


def _detail(request, proposal, bound: dict | None = None, status: int = 200):
    forms_ = {name: (bound or {}).get(name) or MOVES[name].form() for name in _open_moves(proposal, request.member)}
    due, today = proposal.session.proposals_due_on, timezone.localdate()
    return render(request, "portal/m/proposal.html", {
        "proposal": proposal, "late": due is not None and today > due,
        # The reply once the committee approved it (one it sent back is not the delegate's to judge).
        "reply_shown": proposal.state in REPLY_SHOWN or bool(proposal.verdict), "moves": [(name, MOVES[name], form) for name, form in forms_.items()],
        "co_signers": proposal.co_signers.select_related("member"),
        "steps": selectors.steps_of(proposal=proposal)}, status=status)


@member_required
def proposals_page(request):
    return render(request, "portal/m/proposals.html", {
        "page": paginate(request, selectors.proposals_for_member(member=request.member)),
        "may_draft": selectors.sessions_for_member(member=request.member, today=timezone.localdate()).exists()})


@member_required
def proposal_create_page(request):
    sessions = selectors.sessions_for_member(member=request.member, today=timezone.localdate())
    if not sessions.exists():
        raise Http404
    form = MemberProposalForm(request.POST or None, sessions=sessions)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        session = data.pop("session")
        created = call_service(form, lambda: services.proposal_draft(
            actor=request.member, session=session, proposer=selectors.seat_for(member=request.member, session=session),
            **data))
        if created is not None:
            messages.success(request, "已保存草稿。请征集附议，有足够代表附议后提交")
            return redirect("m:proposal", created.pk)
    return render(request, "portal/m/form.html", {
        "form": form, "title": "起草提案", "submit_label": "保存草稿", "intro": "一事一案：案由、理由和建议措施。",
        "back": reverse("m:proposals")}, status=400 if request.method == "POST" else 200)


@member_required
def proposal_page(request, pk: int):
    return _detail(request, selectors.proposal_for_member(member=request.member, pk=pk))


@require_POST
@member_required
def proposal_move_page(request, pk: int, action: str):
    if action not in MOVES:
        raise Http404
    move, proposal = MOVES[action], selectors.proposal_for_member(member=request.member, pk=pk)
    form = move.form(request.POST)
    if form.is_valid() and call_service(form, lambda: move.service(request.member, proposal, form.cleaned_data)):
        messages.success(request, move.done)
        return redirect("m:proposal", proposal.pk)
    # The proposal as it was: a refused move changed nothing.
    return _detail(request, selectors.proposal_for_member(member=request.member, pk=pk), {action: form}, status=400)
