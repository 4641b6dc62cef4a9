"""Every write of congresses: the writer, the subtree, the input, then a save with history.

Errors are gathered per field and raised together, so a form shows all of them at once.
"""

from collections.abc import Iterable, Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from gonghui.core.formatting import future_error
from gonghui.core.scoping import contains
from gonghui.core.services import (
    checked_create,
    checked_save,
    checked_update,
    require_writer_within,
    text_required,
)
from gonghui.core.uploads import stored_file_add
from gonghui.members.choices import MemberStatus
from gonghui.members.models import Member
from gonghui.org.models import Union

from .choices import EvaluationGrade
from .models import (
    AgendaDocument,
    AgendaItem,
    Congress,
    Constituency,
    Delegate,
    DelegateStatus,
    Evaluation,
    EvaluationMethod,
    PassRule,
    Resolution,
    Session,
    SessionKind,
    SessionRequest,
    Subject,
    Voter,
)
from .selectors import active_delegates, ballot_open

CONGRESS_FIELDS = ("kind", "term", "starts_on", "ends_on", "quorum_numerator", "quorum_denominator", "pass_rule",
                   "extra_session_percent")
NOT_A_MEMBER = "该会员不是本工会的在册会员，不能当选代表"


# Congresses and their delegates -----------------------------------------------------------------

def _check_congress(congress: Congress, errors: dict) -> None:
    if congress.term is not None and not 1 <= congress.term <= 99:
        errors["term"] = "届次应在1至99之间"
    if congress.starts_on and congress.ends_on and congress.ends_on <= congress.starts_on:
        errors["ends_on"] = f"届满日期应晚于本届开始日期（{congress.starts_on:%Y-%m-%d}）"
    num, den = congress.quorum_numerator, congress.quorum_denominator
    if num is not None and den is not None and not 0 < num <= den:
        errors["quorum_numerator"] = "法定人数比例应大于0且不超过1，例如三分之二填2和3"
    if congress.extra_session_percent is not None and not 1 <= congress.extra_session_percent <= 100:
        errors["extra_session_percent"] = "比例应在1%至100%之间"
    taken = Congress.objects.filter(tenant_id=congress.tenant_id, union_id=congress.union_id, kind=congress.kind,
                                    term=congress.term).exclude(pk=congress.pk)
    if congress.term and taken.exists():
        errors.setdefault("term", f"本工会已登记第{congress.term}届{congress.get_kind_display()}")


@transaction.atomic
def congress_create(*, actor, union: Union, kind: str, term: int, starts_on: date, ends_on: date,
                    quorum_numerator: int = 2, quorum_denominator: int = 3, pass_rule: str = PassRule.ALL_DELEGATES,
                    extra_session_percent: int = 30) -> Congress:
    return checked_create(Congress, actor=actor, union=union, check=_check_congress, kind=kind, term=term,
                          starts_on=starts_on, ends_on=ends_on, quorum_numerator=quorum_numerator,
                          quorum_denominator=quorum_denominator, pass_rule=pass_rule,
                          extra_session_percent=extra_session_percent)


@transaction.atomic
def congress_update(*, actor, congress: Congress, **fields) -> Congress:
    return checked_update(congress, actor=actor, fields=fields, editable=CONGRESS_FIELDS, check=_check_congress)


@transaction.atomic
def constituency_create(*, actor, congress: Congress, name: str) -> Constituency:
    require_writer_within(actor, congress.union)
    constituency = Constituency(tenant_id=congress.tenant_id, union_id=congress.union_id, congress=congress,
                                name=name)
    errors: dict[str, str] = {}
    text_required(constituency, errors, name="代表团（选区）名称")
    if constituency.name and congress.constituencies.filter(name=constituency.name).exists():
        errors["name"] = f"已有代表团（选区）“{constituency.name}”"
    return checked_save(constituency, errors, actor=actor, exclude=["congress"])


def _seat_vacant(seat: Delegate) -> bool:
    return seat.status == DelegateStatus.LEFT or seat.member.status != MemberStatus.ACTIVE


@transaction.atomic
def delegate_elect(*, actor, congress: Congress, constituency: Constituency, member: Member | None,
                   occupation: str, elected_on: date, replaces: Delegate | None = None) -> Delegate:
    """A member elected for the term by a constituency; `replaces` makes it the by-election of a vacant seat."""
    require_writer_within(actor, congress.union)
    errors: dict[str, str] = {}
    if member is None or member.status != MemberStatus.ACTIVE or not contains(congress.union, member.union):
        errors["member"] = NOT_A_MEMBER
    elif active_delegates(congress).filter(member=member).exists():
        errors["member"] = f"{member.name}已是本届代表"
    if constituency is None or constituency.congress_id != congress.pk:
        errors["constituency"] = "请选择本届职代会的代表团（选区）"
    if error := future_error(elected_on, "当选日期"):
        errors["elected_on"] = error
    elif elected_on and not congress.starts_on <= elected_on <= congress.ends_on:
        errors["elected_on"] = (f"当选日期应在本届任期内（{congress.starts_on:%Y-%m-%d}至"
                                f"{congress.ends_on:%Y-%m-%d}）")
    if replaces is not None:
        if replaces.congress_id != congress.pk:
            errors["replaces"] = "补选的席位不属于本届职代会"
        elif not _seat_vacant(replaces):
            errors["replaces"] = f"{replaces.member.name}仍在任，席位未出缺，不能补选"
        elif Delegate.objects.filter(replaces=replaces).exists():
            errors["replaces"] = "该席位已经补选"
    if errors:
        raise ValidationError(errors)
    if replaces is not None and replaces.status == DelegateStatus.ACTIVE:
        # The member left the union: the seat they held is given up as the by-election fills it.
        replaces.status, replaces.left_on, replaces.left_reason = DelegateStatus.LEFT, elected_on, "已离开本工会"
        checked_save(replaces, {}, actor=actor, exclude=["congress", "constituency", "member", "replaces"])
    delegate = Delegate(tenant_id=congress.tenant_id, union_id=congress.union_id, congress=congress,
                        constituency=constituency, member=member, occupation=occupation, elected_on=elected_on,
                        replaces=replaces)
    return checked_save(delegate, {}, actor=actor, exclude=["congress", "constituency", "member", "replaces"])


@transaction.atomic
def delegate_leave(*, actor, delegate: Delegate, left_on: date, left_reason: str) -> Delegate:
    require_writer_within(actor, delegate.congress.union)
    errors: dict[str, str] = {}
    if delegate.status == DelegateStatus.LEFT:
        raise ValidationError({"__all__": f"{delegate.member.name}已离任"})
    delegate.status, delegate.left_on, delegate.left_reason = DelegateStatus.LEFT, left_on, left_reason
    text_required(delegate, errors, left_reason="离任原因")
    if error := future_error(left_on, "离任日期"):
        errors["left_on"] = error
    elif left_on and left_on < delegate.elected_on:
        errors["left_on"] = f"离任日期不能早于当选日期（{delegate.elected_on:%Y-%m-%d}）"
    return checked_save(delegate, errors, actor=actor, exclude=["congress", "constituency", "member", "replaces"])


# Sessions, agenda, attendance and resolutions ---------------------------------------------------

@transaction.atomic
def session_create(*, actor, congress: Congress, number: int, held_on: date, kind: str = SessionKind.REGULAR,
                   proposals_due_on: date | None = None) -> Session:
    require_writer_within(actor, congress.union)
    session = Session(tenant_id=congress.tenant_id, union_id=congress.union_id, congress=congress, number=number,
                      kind=kind, held_on=held_on, proposals_due_on=proposals_due_on)
    errors: dict[str, str] = {}
    if number is not None and not 1 <= number <= 99:
        errors["number"] = "会次应在1至99之间"
    elif congress.sessions.filter(number=number).exists():
        errors["number"] = f"本届已登记第{number}次会议"
    if held_on and not congress.starts_on <= held_on <= congress.ends_on:
        errors["held_on"] = f"召开日期应在本届任期内（{congress.starts_on:%Y-%m-%d}至{congress.ends_on:%Y-%m-%d}）"
    if proposals_due_on and held_on and proposals_due_on >= held_on:
        errors["proposals_due_on"] = f"提案截止日期应在会议召开（{held_on:%Y-%m-%d}）之前"
    return checked_save(session, errors, actor=actor, exclude=["congress"])


@transaction.atomic
def session_attendance(*, actor, session: Session, delegates_present: int) -> Session:
    """How many came, against the delegates in office now: the base of the quorum and of every vote."""
    require_writer_within(actor, session.union)
    total = active_delegates(session.congress).count()
    if delegates_present is None or delegates_present > total:
        raise ValidationError({"delegates_present": f"实到代表不能多于应到代表（{total}人）"})
    session.delegates_total, session.delegates_present = total, delegates_present
    return checked_save(session, {}, actor=actor, exclude=["congress"])


@transaction.atomic
def agenda_item_add(*, actor, session: Session, title: str, power: str) -> AgendaItem:
    require_writer_within(actor, session.union)
    item = AgendaItem(tenant_id=session.tenant_id, union_id=session.union_id, session=session, title=title,
                      power=power, order=session.agenda.count() + 1)
    errors: dict[str, str] = {}
    text_required(item, errors, title="议题")
    return checked_save(item, errors, actor=actor, exclude=["session"])


@transaction.atomic
def document_add(*, actor, item: AgendaItem, file) -> AgendaDocument:
    """A document or picture laid before the congress with an agenda item."""
    require_writer_within(actor, item.union)
    return stored_file_add(AgendaDocument, file, actor=actor, owner=item, item=item)


def quorum_needed(session: Session) -> int:
    congress = session.congress
    return -(-session.delegates_total * congress.quorum_numerator // congress.quorum_denominator)


def passes(session: Session, votes_for: int) -> bool:
    base = session.delegates_total if session.congress.pass_rule == PassRule.ALL_DELEGATES else session.delegates_present
    return votes_for * 2 > base


@transaction.atomic
def resolution_record(*, actor, session: Session, title: str, votes_for: int, votes_against: int,
                      votes_abstain: int, agenda_item: AgendaItem | None = None) -> Resolution:
    """A vote at a quorate session; whether it passed follows from the counts and the congress's rule."""
    require_writer_within(actor, session.union)
    errors: dict[str, str] = {}
    if session.delegates_present is None:
        errors["votes_for"] = "请先登记本次会议的实到代表人数"
    elif not session.quorate:
        errors["votes_for"] = (f"未达到法定人数，不能表决：应到{session.delegates_total}人，实到"
                               f"{session.delegates_present}人，至少需{quorum_needed(session)}人到会")
    elif None not in (votes_for, votes_against, votes_abstain) and (
            votes_for + votes_against + votes_abstain > session.delegates_present):
        errors["votes_for"] = (f"赞成、反对、弃权合计{votes_for + votes_against + votes_abstain}票，"
                               f"多于实到代表{session.delegates_present}人")
    if agenda_item is not None and agenda_item.session_id != session.pk:
        errors["agenda_item"] = "该议题不属于本次会议"
    resolution = Resolution(tenant_id=session.tenant_id, union_id=session.union_id, session=session,
                            agenda_item=agenda_item, title=title, votes_for=votes_for, votes_against=votes_against,
                            votes_abstain=votes_abstain, decided_on=session.held_on,
                            passed=not errors and passes(session, votes_for))
    text_required(resolution, errors, title="决议名称")
    return checked_save(resolution, errors, actor=actor, exclude=["session", "agenda_item"])


@transaction.atomic
def session_request_create(*, actor, congress: Congress, reason: str, signers: Iterable[Delegate],
                           requested_on: date | None = None) -> SessionRequest:
    """Delegates' request for an extra session; carried when their share reaches the congress's."""
    require_writer_within(actor, congress.union)
    signers = list(signers)
    total = active_delegates(congress).count()
    request = SessionRequest(tenant_id=congress.tenant_id, union_id=congress.union_id, congress=congress,
                             reason=reason, requested_on=requested_on or timezone.localdate(), delegates_total=total,
                             reached=len(signers) * 100 >= total * congress.extra_session_percent and total > 0)
    errors: dict[str, str] = {}
    text_required(request, errors, reason="提议事由")
    active = set(active_delegates(congress).filter(pk__in=[s.pk for s in signers]).values_list("pk", flat=True))
    if not signers or len(active) != len(signers):
        errors["signers"] = "请选择本届在任代表联名提议"
    checked_save(request, errors, actor=actor, exclude=["congress"])
    request.signers.set(signers)
    return request


# Democratic evaluation --------------------------------------------------------------------------

@transaction.atomic
def evaluation_create(*, actor, session: Session, title: str, subjects: Iterable[tuple[str, str]],
                      method: str = EvaluationMethod.GRADES, held_on: date | None = None) -> Evaluation:
    require_writer_within(actor, session.union)
    evaluation = Evaluation(tenant_id=session.tenant_id, union_id=session.union_id, session=session, title=title,
                            method=method, held_on=held_on or session.held_on)
    errors: dict[str, str] = {}
    text_required(evaluation, errors, title="评议名称")
    subjects = [(name.strip(), post.strip()) for name, post in subjects if name.strip()]
    if not subjects:
        errors["subjects"] = "请填写至少一名评议对象"
    checked_save(evaluation, errors, actor=actor, exclude=["session"])
    Subject.objects.bulk_create([Subject(tenant_id=session.tenant_id, union_id=session.union_id,
                                         evaluation=evaluation, name=name, post=post) for name, post in subjects])
    return evaluation


def _require_own_ballot(member: Member, evaluation: Evaluation, delegate: Delegate) -> None:
    """A delegate votes only for themself, while a member, and while the evaluation takes ballots."""
    if member.status != MemberStatus.ACTIVE or delegate.member_id != member.pk:
        raise ValidationError({"__all__": "只有本届在任代表本人可以投票"})
    today = timezone.localdate()
    if not ballot_open(evaluation, today) or not evaluation.session.congress.starts_on <= today <= (
            evaluation.session.congress.ends_on):
        raise ValidationError({"__all__": "本次评议不在投票期内"})


GRADE_FIELDS = {EvaluationGrade.EXCELLENT: "excellent", EvaluationGrade.COMPETENT: "competent",
                EvaluationGrade.BASIC: "basic", EvaluationGrade.INCOMPETENT: "incompetent"}


@transaction.atomic
def ballot_cast(*, actor, evaluation: Evaluation, delegate: Delegate, marks: Mapping[int, str | int]) -> Voter:
    """One delegate's ballot: that they voted is kept, what they marked only adds to each subject's counts.

    The actor is an officer entering a paper ballot, or the delegate themself (a `members.Member`) in the
    member portal, while the evaluation takes ballots there."""
    own = isinstance(actor, Member)
    if own:
        _require_own_ballot(actor, evaluation, delegate)
    else:
        require_writer_within(actor, evaluation.union)
    subjects = {subject.pk: subject for subject in evaluation.subjects.all()}
    if delegate.congress_id != evaluation.session.congress_id or not active_delegates(
            delegate.congress).filter(pk=delegate.pk).exists():
        raise ValidationError({"delegate": "只有本届在任代表可以参加评议"})
    # Locked so two ballots of one delegate sent at once cannot both pass the check (the constraint is the last word).
    Delegate.objects.select_for_update().filter(pk=delegate.pk).first()
    if Voter.objects.filter(evaluation=evaluation, delegate=delegate).exists():
        # On the delegate's own ballot there is no delegate field: the refusal is the form's.
        raise ValidationError({"__all__": "您已投过票，每位代表只能投一次"} if own
                              else {"delegate": f"{delegate.member.name}已投过票"})
    if set(marks) != set(subjects):
        raise ValidationError({"marks": "请对每一名评议对象作出评价"})
    for pk, mark in marks.items():
        if evaluation.method == EvaluationMethod.GRADES and mark not in GRADE_FIELDS:
            raise ValidationError({"marks": f"对{subjects[pk].name}的评价应为优秀、称职、基本称职或不称职"})
        if evaluation.method == EvaluationMethod.SCORES and not (isinstance(mark, int) and 0 <= mark <= 100):
            raise ValidationError({"marks": f"对{subjects[pk].name}的评分应为0至100的整数"})
    voter = Voter.objects.create(tenant_id=evaluation.tenant_id, union_id=evaluation.union_id,
                                 evaluation=evaluation, delegate=delegate)
    for pk, mark in marks.items():
        counts = ({GRADE_FIELDS[mark]: F(GRADE_FIELDS[mark]) + 1} if evaluation.method == EvaluationMethod.GRADES
                  else {"score_total": F("score_total") + mark})
        Subject.objects.filter(pk=pk).update(ballots=F("ballots") + 1, **counts)
    return voter
