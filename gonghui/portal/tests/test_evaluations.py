"""A delegate's own ballot in the member portal: the open evaluations, one anonymous ballot, a second refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.congress import services
from gonghui.congress.choices import EvaluationGrade
from gonghui.congress.models import EvaluationMethod, Subject, Voter
from gonghui.congress.tests.helpers import congress, days_from_today, delegates, member, session

from .helpers import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    body = congress(cast)
    me, other = delegates(cast, body, 2)
    evaluation = services.evaluation_create(actor=cast.officer, session=session(cast, body, held_on=days_from_today(-2)),
                                            title="民主评议中层干部", subjects=[("王厂长", "厂长"), ("李书记", "")])
    return body, me, other, evaluation


def _ballot(evaluation, *grades) -> dict:
    return {f"s{subject.pk}": grade for subject, grade in zip(evaluation.subjects.all(), grades)}


def test_a_delegate_casts_one_anonymous_ballot(client, cast, world):
    _, me, _, evaluation = world
    signed_in(client, me.member)
    listed = client.get(reverse("m:evaluations")).content.decode()
    assert "民主评议中层干部" in listed and "待投票" in listed
    url = reverse("m:evaluation", args=[evaluation.pk])
    assert "王厂长（厂长）" in client.get(url).content.decode()

    response = client.post(url, _ballot(evaluation, EvaluationGrade.EXCELLENT, EvaluationGrade.BASIC), follow=True)
    assert "已投票。评议票不记名" in response.content.decode() and "已投票</span>" in response.content.decode()
    chief, secretary = evaluation.subjects.all()
    assert (chief.excellent, chief.ballots, secretary.basic) == (1, 1, 1)
    assert list(Voter.objects.filter(evaluation=evaluation).values_list("delegate", flat=True)) == [me.pk]

    again = client.post(url, _ballot(evaluation, EvaluationGrade.INCOMPETENT, EvaluationGrade.INCOMPETENT))
    assert again.status_code == 400
    assert "您已投过票，每位代表只能投一次" in again.content.decode()
    assert Subject.objects.get(pk=chief.pk).ballots == 1


def test_a_ballot_needs_a_mark_for_each_subject(client, world):
    _, me, _, evaluation = world
    signed_in(client, me.member)
    response = client.post(reverse("m:evaluation", args=[evaluation.pk]),
                           _ballot(evaluation, EvaluationGrade.EXCELLENT))
    assert response.status_code == 400 and "这个字段是必填项" in response.content.decode()
    assert not Voter.objects.filter(evaluation=evaluation).exists()


def test_a_score_ballot_from_the_portal(client, cast, world):
    body, me, _, _ = world
    evaluation = services.evaluation_create(actor=cast.officer, session=session(cast, body, number=2),
                                            title="评议工会工作", subjects=[("工会工作", "")], method=EvaluationMethod.SCORES,
                                            held_on=days_from_today(0))
    signed_in(client, me.member)
    url = reverse("m:evaluation", args=[evaluation.pk])
    (work,) = evaluation.subjects.all()
    assert client.post(url, {f"s{work.pk}": "101"}).status_code == 400
    client.post(url, {f"s{work.pk}": "88"})
    work.refresh_from_db()
    assert (work.score_total, work.ballots) == (88, 1)


def test_only_a_delegate_of_the_current_term_sees_an_open_evaluation(client, cast, world):
    body, me, _, evaluation = world
    outsider = member(body.union, "赵敏", 300)
    signed_in(client, outsider)
    assert "民主评议中层干部" not in client.get(reverse("m:evaluations")).content.decode()
    assert client.get(reverse("m:evaluation", args=[evaluation.pk])).status_code == 404
    assert client.post(reverse("m:evaluation", args=[evaluation.pk]),
                       _ballot(evaluation, EvaluationGrade.EXCELLENT, EvaluationGrade.EXCELLENT)).status_code == 404
    # Long after its day, the counts are the result: no longer open to a ballot.
    closed = services.evaluation_create(actor=cast.officer, session=session(cast, body, number=3),
                                        title="上年度民主评议", subjects=[("王厂长", "厂长")],
                                        held_on=days_from_today(-60))
    signed_in(client, me.member)
    assert "上年度民主评议" not in client.get(reverse("m:evaluations")).content.decode()
    assert client.get(reverse("m:evaluation", args=[closed.pk])).status_code == 404


def test_a_delegate_votes_only_for_themself(cast, world):
    _, me, other, evaluation = world
    chief, secretary = evaluation.subjects.all()
    with pytest.raises(ValidationError) as exc:
        services.ballot_cast(actor=me.member, evaluation=evaluation, delegate=other,
                             marks={chief.pk: EvaluationGrade.EXCELLENT, secretary.pk: EvaluationGrade.EXCELLENT})
    assert exc.value.message_dict == {"__all__": ["只有本届在任代表本人可以投票"]}
    assert not Voter.objects.exists()


def test_the_officers_results_page_counts_the_portal_ballots(client, cast, world):
    _, me, _, evaluation = world
    signed_in(client, me.member)
    client.post(reverse("m:evaluation", args=[evaluation.pk]),
                _ballot(evaluation, EvaluationGrade.EXCELLENT, EvaluationGrade.COMPETENT))
    client.force_login(cast.officer)
    page = client.get(reverse("congress:evaluation_detail", args=[evaluation.pk])).content.decode()
    assert "已投票（1名）" in page and me.member.name not in page
    assert "<td>王厂长</td><td>厂长</td><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td>" in page


def test_the_service_refuses_a_delegates_ballot_out_of_its_days(cast, world):
    body, me, _, _ = world
    closed = services.evaluation_create(actor=cast.officer, session=session(cast, body, number=2),
                                        title="上年度民主评议", subjects=[("王厂长", "厂长")],
                                        held_on=days_from_today(-60))
    (chief,) = closed.subjects.all()
    with pytest.raises(ValidationError) as exc:
        services.ballot_cast(actor=me.member, evaluation=closed, delegate=me,
                             marks={chief.pk: EvaluationGrade.EXCELLENT})
    assert exc.value.message_dict == {"__all__": ["本次评议不在投票期内"]}
    # An officer still enters the paper ballots collected at the session.
    services.ballot_cast(actor=cast.officer, evaluation=closed, delegate=me,
                         marks={chief.pk: EvaluationGrade.EXCELLENT})
    assert Subject.objects.get(pk=chief.pk).ballots == 1
