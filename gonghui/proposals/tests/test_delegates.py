"""Delegates act for themselves in the member portal: a member drafts, asks for co-signers, co-signs another
delegate's draft, submits, follows the state and gives the verdict; every move is a step and a version."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.congress.models import DelegateStatus
from gonghui.portal.tests.helpers import signed_in
from gonghui.proposals import services
from gonghui.proposals.models import Proposal, ProposalState, ProposalVerdict, ReplyKind

from .helpers import setting

pytestmark = pytest.mark.django_db


def errors_of(exc) -> dict:
    return {field: " ".join(messages) for field, messages in exc.value.message_dict.items()}


def member_draft(place):
    proposer = place.delegates[0]
    return services.proposal_draft(actor=proposer.member, session=place.session, title="增设职工书屋",
                                   reasons="职工读书需求大", measures="利用三楼活动室", category="living",
                                   proposer=proposer)


def test_delegates_draft_co_sign_submit_and_judge_by_themselves(cast):
    place = setting(cast)
    proposal = member_draft(place)
    proposer, second, third = (d.member for d in place.delegates[:3])
    with pytest.raises(ValidationError) as exc:
        services.proposal_cosign(actor=second, proposal=proposal, delegate=place.delegates[1])
    assert "提案人征集附议后" in errors_of(exc)["state"]
    services.proposal_ask_cosigners(actor=proposer, proposal=proposal)
    for delegate in place.delegates[1:3]:
        services.proposal_cosign(actor=delegate.member, proposal=proposal, delegate=delegate)
    with pytest.raises(ValidationError) as exc:
        services.proposal_submit(actor=second, proposal=proposal)
    assert "须由提案人本人办理" in errors_of(exc)["state"]
    services.proposal_submit(actor=proposer, proposal=proposal)
    services.proposal_accept(actor=cast.officer, proposal=proposal)
    services.proposal_assign(actor=cast.officer, proposal=proposal, lead=place.department)
    services.proposal_sign(actor=cast.officer, proposal=proposal)
    services.proposal_reply(actor=cast.officer, proposal=proposal, reply_kind=ReplyKind.PLAN, reply="明年增购图书")
    services.proposal_approve_reply(actor=cast.officer, proposal=proposal)
    services.proposal_judge(actor=proposer, proposal=proposal, verdict=ProposalVerdict.BASIC)
    proposal = Proposal.objects.get(pk=proposal.pk)
    assert (proposal.state, proposal.verdict) == (ProposalState.CLOSED, ProposalVerdict.BASIC)
    trail = [(step.action, step.actor_name) for step in proposal.steps.all()]
    assert trail[:5] == [("起草", f"{proposer.name}（代表本人）"), ("征集附议", f"{proposer.name}（代表本人）"),
                         ("附议", f"{second.name}（代表本人）"), ("附议", f"{third.name}（代表本人）"),
                         ("提交", f"{proposer.name}（代表本人）")]
    assert trail[-1] == ("提案人评价", f"{proposer.name}（代表本人）")
    reasons = {h.history_change_reason for h in proposal.history.filter(history_user__isnull=True)}
    assert reasons == {f"{proposer.name}（代表本人）", f"{second.name}（代表本人）", f"{third.name}（代表本人）"}


def test_a_member_may_not_act_for_another_delegate_nor_on_the_committees_moves(cast):
    place = setting(cast)
    proposer, second = place.delegates[0].member, place.delegates[1].member
    with pytest.raises(ValidationError) as exc:
        services.proposal_draft(actor=second, session=place.session, title="题", reasons="理由", measures="措施",
                                category="living", proposer=place.delegates[0])
    assert errors_of(exc) == {"proposer": "代表本人只能以自己的名义起草提案"}
    proposal = member_draft(place)
    services.proposal_ask_cosigners(actor=proposer, proposal=proposal)
    with pytest.raises(ValidationError) as exc:
        services.proposal_cosign(actor=second, proposal=proposal, delegate=place.delegates[2])
    assert errors_of(exc) == {"delegate": "代表本人只能以自己的名义附议"}
    with pytest.raises(ValidationError) as exc:
        services.proposal_accept(actor=proposer, proposal=proposal)
    assert "不能立案" in errors_of(exc)["state"]
    assert Proposal.objects.get(pk=proposal.pk).co_signers.count() == 0


def test_a_delegate_who_left_the_delegation_no_longer_acts(cast):
    place = setting(cast)
    proposal = member_draft(place)
    place.delegates[0].status = DelegateStatus.LEFT
    place.delegates[0].save()
    with pytest.raises(ValidationError) as exc:
        services.proposal_ask_cosigners(actor=place.delegates[0].member, proposal=proposal)
    assert "须由提案人本人办理" in errors_of(exc)["state"]


def test_the_portal_pages_take_a_draft_to_submission(cast, client):
    place = setting(cast)
    proposer, *others = (d.member for d in place.delegates[:3])
    signed_in(client, proposer)
    assert "我的提案" in client.get(reverse("m:home")).content.decode()
    created = client.post(reverse("m:proposal_create"), {
        "session": place.session.pk, "title": "增设职工书屋", "category": "living", "reasons": "职工读书需求大",
        "measures": "利用三楼活动室"})
    proposal = Proposal.objects.get()
    assert created.status_code == 302 and proposal.proposer == place.delegates[0]
    move = lambda action: reverse("m:proposal_move", args=[proposal.pk, action])  # noqa: E731
    refused = client.post(move("submit"), {})
    assert refused.status_code == 400 and "提案须有至少2名代表附议，目前0名" in refused.content.decode()
    client.post(move("ask_cosigners"), {})
    for member in others:
        signed_in(client, member)
        page = client.get(reverse("m:proposals")).content.decode()
        assert "增设职工书屋" in page
        client.post(move("cosign"), {})
    signed_in(client, proposer)
    client.post(move("submit"), {})
    page = client.get(reverse("m:proposal", args=[proposal.pk])).content.decode()
    assert "待审查" in page and f"{others[0].name}、{others[1].name}" in page and "提交提案" not in page


def test_a_member_who_is_not_a_delegate_sees_no_proposal_of_the_congress(cast, client):
    place = setting(cast)
    proposal = member_draft(place)
    services.proposal_ask_cosigners(actor=place.delegates[0].member, proposal=proposal)
    signed_in(client, cast.member_a1)
    assert "我的提案" not in client.get(reverse("m:home")).content.decode()
    assert client.get(reverse("m:proposal", args=[proposal.pk])).status_code == 404
    assert client.post(reverse("m:proposal_move", args=[proposal.pk, "cosign"])).status_code == 404
    assert client.get(reverse("m:proposal_create")).status_code == 404
