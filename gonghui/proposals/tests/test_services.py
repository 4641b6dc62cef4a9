from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.congress.tests.helpers import days_from_today
from gonghui.proposals import services
from gonghui.proposals.models import Proposal, ProposalState, ProposalVerdict, ReplyKind
from gonghui.proposals.selectors import proposals_todo

from .helpers import assigned, draft, setting, submitted

pytestmark = pytest.mark.django_db


def errors_of(exc) -> dict:
    return {field: " ".join(messages) for field, messages in exc.value.message_dict.items()}


def test_a_proposal_goes_from_draft_to_closure_through_a_rehandling(cast):
    place = setting(cast, officer=cast.officer_no_care)
    proposal = assigned(cast, place)
    assert (proposal.state, proposal.due_on) == (ProposalState.ASSIGNED, days_from_today(90))
    dept = cast.officer_no_care
    services.proposal_sign(actor=dept, proposal=proposal)
    services.proposal_reply(actor=dept, proposal=proposal, reply_kind=ReplyKind.MEASURES, reply="已增加两个窗口",
                             completion_on=days_from_today(30))
    services.proposal_approve_reply(actor=cast.officer, proposal=proposal)
    services.proposal_judge(actor=cast.officer, proposal=proposal, verdict=ProposalVerdict.NOT_SATISFIED)
    assert (proposal.state, proposal.rehandled) == (ProposalState.HANDLING, True)
    services.proposal_reply(actor=dept, proposal=proposal, reply_kind=ReplyKind.PLAN, reply="明年改造食堂")
    services.proposal_approve_reply(actor=cast.officer, proposal=proposal)
    services.proposal_judge(actor=cast.officer, proposal=proposal, verdict=ProposalVerdict.NOT_SATISFIED)
    assert (proposal.state, proposal.closed_on) == (ProposalState.CLOSED, days_from_today(0))
    services.proposal_implement(actor=cast.officer, proposal=proposal)
    proposal = Proposal.objects.get(pk=proposal.pk)
    assert proposal.state == ProposalState.DONE
    assert [step.action for step in proposal.steps.all()] == [
        "起草", "附议", "附议", "提交", "立案", "交办", "签收", "答复", "答复审核通过", "提案人评价", "答复",
        "答复审核通过", "提案人评价", "落实"]
    assert proposal.history.count() >= 13


def test_a_proposal_without_enough_co_signers_is_not_submitted(cast):
    place = setting(cast)
    proposal = draft(cast, place)
    services.proposal_cosign(actor=cast.officer, proposal=proposal, delegate=place.delegates[1])
    with pytest.raises(ValidationError) as exc:
        services.proposal_submit(actor=cast.officer, proposal=proposal)
    assert errors_of(exc) == {"co_signers": "提案须有至少2名代表附议，目前1名"}
    assert Proposal.objects.get(pk=proposal.pk).state == ProposalState.DRAFT
    with pytest.raises(ValidationError) as exc:
        services.proposal_cosign(actor=cast.officer, proposal=proposal, delegate=place.delegates[0])
    assert errors_of(exc) == {"delegate": "提案人本人不能附议"}


def test_after_the_deadline_a_proposal_is_refused_or_filed_as_an_opinion(cast):
    place = setting(cast, due=-1)
    proposal = draft(cast, place)
    with pytest.raises(ValidationError) as exc:
        services.proposal_submit(actor=cast.officer, proposal=proposal)
    assert errors_of(exc)["submitted_on"].startswith(f"已过提案截止日期（{days_from_today(-1):%Y-%m-%d}）")
    assert Proposal.objects.get(pk=proposal.pk).state == ProposalState.DRAFT
    services.proposal_submit(actor=cast.officer, proposal=proposal, as_opinion=True)
    assert Proposal.objects.get(pk=proposal.pk).state == ProposalState.OPINION


def test_declining_needs_a_reason_and_merging_makes_the_authors_co_proposers(cast):
    place = setting(cast)
    first, second = submitted(cast, place), submitted(cast, place, proposer=place.delegates[3], title="食堂价格")
    with pytest.raises(ValidationError) as exc:
        services.proposal_decline(actor=cast.officer, proposal=first, reason=" ")
    assert errors_of(exc) == {"review_reason": "请填写不予立案、转为意见建议的理由"}
    services.proposal_merge(actor=cast.officer, proposal=second, into=first)
    assert second.state == ProposalState.MERGED and list(first.co_proposers.all()) == [place.delegates[3]]


def test_a_reply_with_neither_measures_nor_a_reason_is_refused(cast):
    place = setting(cast)
    proposal = assigned(cast, place)
    services.proposal_sign(actor=cast.officer, proposal=proposal)
    with pytest.raises(ValidationError) as exc:
        services.proposal_reply(actor=cast.officer, proposal=proposal, reply_kind=ReplyKind.CANNOT, reply="")
    assert errors_of(exc) == {"reply": "请填写不能办理的理由"}
    stored = Proposal.objects.get(pk=proposal.pk)
    assert (stored.state, stored.reply_kind) == (ProposalState.HANDLING, "")


def test_a_move_by_someone_not_allowed_is_refused(cast):
    place = setting(cast, officer=cast.officer_no_care)
    proposal = assigned(cast, place)
    with pytest.raises(ValidationError) as exc:
        services.proposal_sign(actor=cast.officer, proposal=proposal)
    assert errors_of(exc) == {"state": "您无权对该提案进行“签收”：须由主办部门的联络人办理"}
    services.proposal_sign(actor=cast.officer_no_care, proposal=proposal)
    services.proposal_reply(actor=cast.officer_no_care, proposal=proposal, reply_kind=ReplyKind.CANNOT,
                             reply="场地不足")
    with pytest.raises(ValidationError) as exc:
        services.proposal_approve_reply(actor=cast.officer_no_care, proposal=proposal)
    assert "须由本届提案工作委员会委员办理" in errors_of(exc)["state"]
    with pytest.raises(ValidationError) as exc:
        services.proposal_accept(actor=cast.officer, proposal=proposal)
    assert errors_of(exc) == {"state": "提案当前为“已答复待审核”，不能立案"}
    with pytest.raises(ValidationError):
        services.proposal_approve_reply(actor=cast.sibling_officer, proposal=proposal)
    with pytest.raises(PermissionDenied):
        services.proposal_approve_reply(actor=cast.auditor, proposal=proposal)
    assert Proposal.objects.get(pk=proposal.pk).state == ProposalState.REPLIED


def test_a_department_hands_a_proposal_back_and_extends_once(cast):
    place = setting(cast)
    proposal = assigned(cast, place)
    services.proposal_hand_back(actor=cast.officer, proposal=proposal, reason="不属本部门职责")
    assert (proposal.state, proposal.lead) == (ProposalState.ACCEPTED, None)
    services.proposal_assign(actor=cast.officer, proposal=proposal, lead=place.department)
    due = proposal.due_on
    services.proposal_extend(actor=cast.officer, proposal=proposal)
    assert (proposal.due_on, proposal.state) == (due + timedelta(days=30), ProposalState.ASSIGNED)
    with pytest.raises(ValidationError) as exc:
        services.proposal_extend(actor=cast.officer, proposal=proposal)
    assert errors_of(exc) == {"due_on": "办理期限只能延期一次"}


def test_an_overdue_assignment_is_on_the_department_officers_and_the_committees_to_do(cast):
    place = setting(cast, officer=cast.officer_no_care)
    proposal = assigned(cast, place)
    Proposal.objects.filter(pk=proposal.pk).update(due_on=days_from_today(-1))
    today = days_from_today(0)
    assert proposals_todo(user=cast.officer_no_care, today=today).overdue_mine == 1
    assert proposals_todo(user=cast.officer, today=today).overdue == 1
    assert proposals_todo(user=cast.sibling_officer, today=today).overdue == 0
