import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.congress import services
from gonghui.congress.choices import EvaluationGrade
from gonghui.congress.models import (
    CongressKind,
    Delegate,
    EvaluationMethod,
    Occupation,
    PassRule,
    Resolution,
    Subject,
    Voter,
)
from gonghui.congress.selectors import active_delegates, composition, congress_todo
from gonghui.members.choices import MemberStatus

from .helpers import congress, days_from_today, delegates, member, session

pytestmark = pytest.mark.django_db


def errors_of(exc) -> dict:
    return {field: " ".join(messages) for field, messages in exc.value.message_dict.items()}


def test_a_session_is_named_by_its_term_and_number(cast):
    body = congress(cast)
    assert session(cast, body).name == "四届一次职代会"
    assert session(cast, congress(cast, kind=CongressKind.TEACHERS, term=12), number=2).name == "十二届二次教代会"


def test_a_term_is_registered_once_and_ends_after_it_starts(cast):
    congress(cast)
    with pytest.raises(ValidationError) as exc:
        congress(cast, ends_on=days_from_today(-500))
    assert errors_of(exc) == {"term": "本工会已登记第4届职工代表大会",
                              "ends_on": f"届满日期应晚于本届开始日期（{days_from_today(-400):%Y-%m-%d}）"}


def test_a_delegate_must_be_a_member_of_the_union(cast):
    body = congress(cast)
    seat = services.constituency_create(actor=cast.officer, congress=body, name="一车间")
    with pytest.raises(ValidationError) as exc:
        services.delegate_elect(actor=cast.officer, congress=body, constituency=seat, member=cast.member_a2,
                                occupation=Occupation.FRONT_LINE, elected_on=body.starts_on)
    assert errors_of(exc) == {"member": "该会员不是本工会的在册会员，不能当选代表"}
    assert not Delegate.objects.exists()
    services.delegate_elect(actor=cast.officer, congress=body, constituency=seat, member=cast.member_a1,
                            occupation=Occupation.FRONT_LINE, elected_on=body.starts_on)
    with pytest.raises(ValidationError) as exc:
        services.delegate_elect(actor=cast.officer, congress=body, constituency=seat, member=cast.member_a1,
                                occupation=Occupation.FRONT_LINE, elected_on=body.starts_on)
    assert errors_of(exc) == {"member": "张伟已是本届代表"}


def test_a_delegate_who_leaves_the_union_leaves_and_a_by_election_fills_the_seat(cast):
    body = congress(cast)
    first, second = delegates(cast, body, 2)
    first.member.status = MemberStatus.LEFT
    first.member.save()
    assert active_delegates(body).count() == 1
    assert congress_todo(user=cast.officer, today=days_from_today(0)).vacated == 1
    with pytest.raises(ValidationError) as exc:
        services.delegate_elect(actor=cast.officer, congress=body, constituency=second.constituency,
                                member=member(cast.union_a1, "补一", 300), occupation=Occupation.FRONT_LINE,
                                elected_on=days_from_today(0), replaces=second)
    assert errors_of(exc)["replaces"] == f"{second.member.name}仍在任，席位未出缺，不能补选"
    new = services.delegate_elect(actor=cast.officer, congress=body, constituency=first.constituency,
                                  member=member(cast.union_a1, "补二", 301), occupation=Occupation.FRONT_LINE,
                                  elected_on=days_from_today(0), replaces=first)
    first.refresh_from_db()
    assert (first.status, new.replaces) == ("left", first)
    assert active_delegates(body).count() == 2
    assert congress_todo(user=cast.officer, today=days_from_today(0)).vacated == 0


def test_the_composition_is_checked_against_the_rules_of_its_kind(cast):
    body = congress(cast, kind=CongressKind.TEACHERS)
    delegates(cast, body, 5, occupation=Occupation.TEACHER, gender="F")
    delegates(cast, body, 5, occupation=Occupation.MANAGER, start=200)
    rows = {row.rule.label: row for row in composition(body)}
    assert (rows["教师代表"].count, rows["教师代表"].share, rows["教师代表"].ok) == (5, "50.0%", False)
    assert rows["教师代表"].required == "不少于60%"
    assert rows["中层以上管理人员代表"].ok is False
    # The union's members: the ten delegates and 张伟; five women in eleven is 45.5%, five delegates of ten pass.
    women = rows["女职工代表"]
    assert (women.required, women.ok) == ("不低于会员中的比例（45.5%）", True)


@pytest.mark.parametrize(("present", "votes", "error"), [
    (8, (7, 1, 1), "赞成、反对、弃权合计9票，多于实到代表8人"),
    (5, (5, 0, 0), "未达到法定人数，不能表决：应到9人，实到5人，至少需6人到会"),
], ids=["more votes than present", "no quorum"])
def test_a_vote_larger_than_those_present_or_without_a_quorum_is_refused(cast, present, votes, error):
    body = congress(cast)
    delegates(cast, body, 9)
    meeting = session(cast, body, present=present)
    with pytest.raises(ValidationError) as exc:
        services.resolution_record(actor=cast.officer, session=meeting, title="工资集体协议", votes_for=votes[0],
                                   votes_against=votes[1], votes_abstain=votes[2])
    assert errors_of(exc) == {"votes_for": error}
    assert not Resolution.objects.exists()


def test_attendance_cannot_exceed_the_delegates_in_office(cast):
    body = congress(cast)
    delegates(cast, body, 3)
    with pytest.raises(ValidationError) as exc:
        session(cast, body, present=4)
    assert errors_of(exc) == {"delegates_present": "实到代表不能多于应到代表（3人）"}


def test_a_resolution_passes_with_a_majority_of_all_delegates_by_default(cast):
    body = congress(cast)
    delegates(cast, body, 10)
    meeting = session(cast, body, present=7)
    lost = services.resolution_record(actor=cast.officer, session=meeting, title="甲", votes_for=5, votes_against=2,
                                      votes_abstain=0)
    won = services.resolution_record(actor=cast.officer, session=meeting, title="乙", votes_for=6, votes_against=1,
                                     votes_abstain=0)
    assert (lost.passed, won.passed) == (False, True)
    present_rule = congress(cast, term=5, pass_rule=PassRule.PRESENT)
    delegates(cast, present_rule, 10, start=400)
    other = session(cast, present_rule, present=7)
    assert services.resolution_record(actor=cast.officer, session=other, title="丙", votes_for=4, votes_against=3,
                                      votes_abstain=0).passed


def test_an_extra_session_request_is_carried_by_thirty_percent_of_delegates(cast):
    body = congress(cast)
    people = delegates(cast, body, 10)
    short = services.session_request_create(actor=cast.officer, congress=body, reason="讨论改制", signers=people[:2])
    enough = services.session_request_create(actor=cast.officer, congress=body, reason="讨论改制", signers=people[:3])
    assert (short.reached, enough.reached) == (False, True)


def test_an_evaluation_keeps_who_voted_apart_from_how(cast):
    body = congress(cast)
    people = delegates(cast, body, 3)
    meeting = session(cast, body, present=3)
    evaluation = services.evaluation_create(actor=cast.officer, session=meeting, title="评议中层干部",
                                            subjects=[("王厂长", "厂长"), ("李书记", "")])
    chief, secretary = evaluation.subjects.all()
    for delegate, marks in zip(people, [(EvaluationGrade.EXCELLENT, EvaluationGrade.COMPETENT),
                                        (EvaluationGrade.EXCELLENT, EvaluationGrade.BASIC),
                                        (EvaluationGrade.COMPETENT, EvaluationGrade.INCOMPETENT)]):
        services.ballot_cast(actor=cast.officer, evaluation=evaluation, delegate=delegate,
                             marks=dict(zip((chief.pk, secretary.pk), marks)))
    chief.refresh_from_db()
    assert (chief.excellent, chief.competent, chief.ballots) == (2, 1, 3)
    assert Voter.objects.filter(evaluation=evaluation).count() == 3
    assert not [f.name for f in Voter._meta.get_fields() if f.name in ("subject", "grade", "mark")]
    with pytest.raises(ValidationError) as exc:
        services.ballot_cast(actor=cast.officer, evaluation=evaluation, delegate=people[0],
                             marks={chief.pk: EvaluationGrade.EXCELLENT, secretary.pk: EvaluationGrade.EXCELLENT})
    assert errors_of(exc) == {"delegate": f"{people[0].member.name}已投过票"}
    assert Subject.objects.get(pk=chief.pk).ballots == 3


def test_a_score_ballot_averages(cast):
    body = congress(cast)
    people = delegates(cast, body, 2)
    evaluation = services.evaluation_create(actor=cast.officer, session=session(cast, body), title="评议工会工作",
                                            subjects=[("工会工作", "")], method=EvaluationMethod.SCORES)
    (work,) = evaluation.subjects.all()
    for delegate, score in zip(people, (90, 85)):
        services.ballot_cast(actor=cast.officer, evaluation=evaluation, delegate=delegate, marks={work.pk: score})
    with pytest.raises(ValidationError):
        services.ballot_cast(actor=cast.officer, evaluation=evaluation, delegate=people[0], marks={work.pk: 101})
    work.refresh_from_db()
    assert work.score_average == 87.5


def test_others_cannot_write_a_unions_congress(cast):
    with pytest.raises(ValidationError):
        congress(cast, actor=cast.sibling_officer)
    with pytest.raises(PermissionDenied):
        congress(cast, actor=cast.auditor)
