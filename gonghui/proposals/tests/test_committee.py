"""The proposal committee (提案工作委员会) of a congress term: only the accounts seated on it review, assign and
check replies, and its lines are on their to-do cards alone."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.proposals import services
from gonghui.proposals.models import CommitteeMember, Proposal, ProposalState
from gonghui.proposals.todo import todo_lines

from .helpers import assigned, draft, setting, submitted

pytestmark = pytest.mark.django_db


def errors_of(exc) -> dict:
    return {field: " ".join(messages) for field, messages in exc.value.message_dict.items()}


def test_only_the_committees_members_accept_decline_and_merge(cast):
    place = setting(cast)
    proposal, other = submitted(cast, place), submitted(cast, place, title="公开食堂账目")
    for move in (lambda actor: services.proposal_accept(actor=actor, proposal=proposal),
                 lambda actor: services.proposal_decline(actor=actor, proposal=proposal, reason="不属职权"),
                 lambda actor: services.proposal_merge(actor=actor, proposal=proposal, into=other)):
        with pytest.raises(ValidationError) as exc:
            move(cast.officer_no_care)  # an officer of the union, not on the committee
        assert "须由本届提案工作委员会委员办理" in errors_of(exc)["state"]
    assert Proposal.objects.get(pk=proposal.pk).state == ProposalState.SUBMITTED
    services.committee_member_add(actor=cast.officer, congress=place.session.congress, user=cast.officer_no_care)
    services.proposal_merge(actor=cast.officer_no_care, proposal=proposal, into=other)
    assert Proposal.objects.get(pk=proposal.pk).state == ProposalState.MERGED


def test_a_seat_is_for_a_writer_of_the_congresss_union_once(cast):
    place = setting(cast)
    congress = place.session.congress
    for user, message in ((cast.auditor, "须是本工会可编辑的账号"), (cast.sibling_officer, "须是本工会可编辑的账号"),
                          (cast.officer, "已是本届提案工作委员会委员")):
        with pytest.raises(ValidationError) as exc:
            services.committee_member_add(actor=cast.officer, congress=congress, user=user)
        assert message in errors_of(exc)["user"]
    assert CommitteeMember.objects.count() == 1


def test_the_committees_lines_are_on_its_members_cards_only(cast):
    place = setting(cast)
    submitted(cast, place)
    draft(cast, place, title="草稿不算")
    today = place.session.held_on
    assert [line.text for line in todo_lines(user=cast.officer, today=today)] == ["提案待审查立案 1 件"]
    assert todo_lines(user=cast.officer_no_care, today=today) == []
    assert todo_lines(user=cast.street_admin, today=today) == []


def test_the_committee_is_seated_and_unseated_on_its_page(cast, client_for):
    place = setting(cast)
    congress = place.session.congress
    client = client_for(cast.officer)
    client.post(reverse("proposals:committee_add", args=[congress.pk]), {"user": cast.officer_no_care.pk})
    page = client.get(reverse("proposals:committee")).content.decode()
    assert f"移出：{cast.officer_no_care}" in page and "主任委员" in page
    seat = CommitteeMember.objects.get(user=cast.officer_no_care)
    client.post(reverse("proposals:committee_remove", args=[seat.pk]))
    assert list(CommitteeMember.objects.values_list("user", flat=True)) == [cast.officer.pk]
    assert client_for(cast.sibling_officer).post(reverse("proposals:committee_remove", args=[
        CommitteeMember.objects.get().pk])).status_code == 404


def test_a_closed_proposal_is_followed_up_until_done(cast):
    place = setting(cast)
    proposal = assigned(cast, place)
    services.proposal_sign(actor=cast.officer, proposal=proposal)
    services.proposal_reply(actor=cast.officer, proposal=proposal, reply_kind="measures", reply="增加窗口",
                            completion_on=place.session.held_on)
    services.proposal_approve_reply(actor=cast.officer, proposal=proposal)
    services.proposal_judge(actor=cast.officer, proposal=proposal, verdict="satisfied")
    later = place.session.held_on + timedelta(days=1)
    assert "已办结提案过了计划完成日期尚未落实 1 件" in [line.text for line in todo_lines(user=cast.officer, today=later)]
    with pytest.raises(ValidationError) as exc:
        services.proposal_follow_up(actor=cast.officer, proposal=proposal, note=" ")
    assert errors_of(exc) == {"note": "请填写落实跟踪情况"}
    with pytest.raises(ValidationError) as exc:
        services.proposal_follow_up(actor=cast.officer_no_care, proposal=proposal, note="已开工")
    assert "须由本届提案工作委员会委员办理" in errors_of(exc)["state"]
    services.proposal_follow_up(actor=cast.officer, proposal=proposal, note="新窗口已开工")
    services.proposal_implement(actor=cast.officer, proposal=proposal)
    steps = [(step.action, step.note) for step in Proposal.objects.get(pk=proposal.pk).steps.all()][-2:]
    assert steps == [("落实跟踪", "新窗口已开工"), ("落实", "")]
