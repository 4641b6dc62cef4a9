"""Every write of competitions and work teams: the writer, the subtree, the input, then a save with history.

Honours are nominated only when the eligibility rules allow (`nomination_blocks`): no wage arrears in
the last year and a collective contract in force (both rights' facts, read through the registry), and
no safety accident in the last three years. An approved nomination is recorded as a ledger honour.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from gonghui.checks.models import Assessment, RubricKind
from gonghui.core.figure_cache import figures_changed
from gonghui.core.formatting import future_error
from gonghui.core.money import check_money
from gonghui.core.pages import FIRST_YEAR, LAST_YEAR
from gonghui.core.registry import provider
from gonghui.core.scoping import contains
from gonghui.core.services import (
    checked_create,
    checked_save,
    checked_update,
    require_writer_within,
    save_with_history,
    text_required,
)
from gonghui.ledger.models import RecipientType
from gonghui.members.choices import MemberStatus
from gonghui.members.models import Member
from gonghui.ledger.services import honour_create
from gonghui.org.models import Union

from .models import (
    Accident,
    Competition,
    Entry,
    EntryKind,
    Indicator,
    IndicatorValue,
    Innovation,
    Nomination,
    NominationStatus,
    Pair,
    PairActivity,
    RedFlag,
    Suggestion,
    Team,
    TeamMember,
    TeamPlan,
    TeamPlanStep,
    TeamTarget,
)

TEAM_FIELDS = ("name", "enterprise")
# What a team's create and update leave out of the model's full_clean.
TEAM_UNCHECKED = ("enterprise", "grade_assessment", "leader")
ACCIDENT_YEARS = 3
ZERO = Decimal(0)
NEXT_STEP = {NominationStatus.RECOMMENDED: NominationStatus.ASSESSED,
             NominationStatus.ASSESSED: NominationStatus.PUBLICISED,
             NominationStatus.PUBLICISED: NominationStatus.APPROVED}


def _dated(errors: dict, field: str, value: date | None, label: str) -> None:
    if error := future_error(value, label):
        errors[field] = error


# Teams, their 夺标计划 and innovations ------------------------------------------------------------

def _check_team(team: Team, errors: dict) -> None:
    text_required(team, errors, name="班组名称")
    if team.enterprise is not None and team.enterprise.union_id != team.union_id:
        errors["enterprise"] = "该企业不属于本工会"


@transaction.atomic
def team_create(*, actor, union: Union, name: str, enterprise=None) -> Team:
    """A new team has no members yet, so no leader: one of its members is made leader later."""
    return checked_create(Team, actor=actor, union=union, check=_check_team, exclude=TEAM_UNCHECKED, name=name,
                          enterprise=enterprise)


@transaction.atomic
def team_update(*, actor, team: Team, **fields) -> Team:
    return checked_update(team, actor=actor, fields=fields, editable=TEAM_FIELDS, check=_check_team,
                          exclude=TEAM_UNCHECKED)


@transaction.atomic
def team_leader_set(*, actor, team: Team, member: Member | None) -> Team:
    """The leader is one of the team's current members (None: the team has no leader for now)."""
    require_writer_within(actor, team.union)
    membership = None
    if member is not None:
        membership = team.memberships.filter(member=member, left_on__isnull=True).first()
        if membership is None:
            raise ValidationError({"leader": f"{member.name}不是本班组的现有成员，不能担任班组长"})
    team.leader = membership
    return checked_save(team, {}, actor=actor, exclude=["enterprise", "grade_assessment", "leader"])


@transaction.atomic
def team_member_add(*, actor, team: Team, member: Member, joined_on: date | None = None) -> TeamMember:
    """A member of the team's union joins the team (the team's headcount is its current members)."""
    require_writer_within(actor, team.union)
    joined_on = joined_on or timezone.localdate()
    errors: dict[str, str] = {}
    if member.union_id != team.union_id or member.tenant_id != team.tenant_id:
        errors["member"] = "只能选择本班组所属工会的会员"
    elif member.status != MemberStatus.ACTIVE:
        errors["member"] = f"{member.name}当前状态为“{member.get_status_display()}”，不能加入班组"
    elif team.memberships.filter(member=member, left_on__isnull=True).exists():
        errors["member"] = f"{member.name}已是本班组成员"
    _dated(errors, "joined_on", joined_on, "加入日期")
    row = TeamMember(tenant_id=team.tenant_id, union_id=team.union_id, team=team, member=member, joined_on=joined_on)
    return checked_save(row, errors, actor=actor, exclude=["team", "member"])


def _team_member_end(row: TeamMember, *, actor, left_on: date) -> TeamMember:
    row.left_on = max(left_on, row.joined_on)
    save_with_history(row, actor=actor)
    team = row.team
    if team.leader_id == row.pk:  # a leader who leaves the team is no longer its leader
        team.leader = None
        save_with_history(team, actor=actor)
    return row


@transaction.atomic
def team_member_remove(*, actor, membership: TeamMember, left_on: date | None = None) -> TeamMember:
    """The member leaves the team; the row stays with its dates, so the team's past make-up is known."""
    require_writer_within(actor, membership.union)
    left_on = left_on or timezone.localdate()
    errors: dict[str, str] = {}
    if membership.left_on is not None:
        errors["__all__"] = f"{membership.member.name}已于{membership.left_on:%Y-%m-%d}离开班组"
    elif left_on < membership.joined_on:
        errors["left_on"] = "离开日期不能早于加入日期"
    _dated(errors, "left_on", left_on, "离开日期")
    if errors:
        raise ValidationError(errors)
    return _team_member_end(membership, actor=actor, left_on=left_on)


@transaction.atomic
def team_members_leave(*, actor, member: Member, on: date) -> int:
    """A member who left the union (or moved to another) leaves its teams on that day: called from the
    members' event (competitions.apps), by whoever recorded it; the history names them."""
    rows = list(TeamMember.objects.filter(tenant_id=member.tenant_id, member=member, left_on__isnull=True))
    for row in rows:
        _team_member_end(row, actor=actor, left_on=on)
    return len(rows)


@transaction.atomic
def team_grade_set(*, actor, team: Team, assessment: Assessment) -> Team:
    """The team's grade comes from its 班组升级 assessment (checks), which must be about this team."""
    require_writer_within(actor, team.union)
    if assessment.union_id != team.union_id or assessment.subject != team.name:
        raise ValidationError({"grade_assessment": "该考核不是本班组的班组升级考核"})
    if assessment.campaign.rubric.kind != RubricKind.TEAM_UPGRADE:
        raise ValidationError({"grade_assessment": "班组等级须来自班组升级考核"})
    team.grade_assessment = assessment
    save_with_history(team, actor=actor)
    return team


@transaction.atomic
def team_grade_take(*, actor, team: Team) -> Team:
    """The grade of the team's latest named 班组升级 assessment (its union's, the team's name as subject)."""
    require_writer_within(actor, team.union)
    assessment = (Assessment.objects.filter(tenant_id=team.tenant_id, union_id=team.union_id, subject=team.name,
                                            campaign__rubric__kind=RubricKind.TEAM_UPGRADE, status="named")
                  .select_related("campaign__rubric").order_by("-named_on", "-id").first())
    if assessment is None:
        raise ValidationError({"grade_assessment": "该班组还没有已命名的班组升级考核结果"})
    return team_grade_set(actor=actor, team=team, assessment=assessment)


@transaction.atomic
def team_plan_create(*, actor, team: Team, start_year: int, goal: str) -> TeamPlan:
    require_writer_within(actor, team.union)
    plan = TeamPlan(tenant_id=team.tenant_id, union_id=team.union_id, team=team, start_year=start_year, goal=goal)
    errors: dict[str, str] = {}
    text_required(plan, errors, goal="夺标目标")
    if start_year is None or not FIRST_YEAR <= start_year <= LAST_YEAR:
        errors["start_year"] = f"起始年度应在{FIRST_YEAR}至{LAST_YEAR}之间"
    return checked_save(plan, errors, actor=actor, exclude=["team"])


@transaction.atomic
def team_plan_advance(*, actor, plan: TeamPlan) -> TeamPlan:
    """The next of the five steps: 确立试点班组 → 确立目标 → 可行性论证 → 夺标计划书 → 过程跟踪."""
    require_writer_within(actor, plan.union)
    steps = list(TeamPlanStep.values)
    at = steps.index(plan.step)
    if at == len(steps) - 1:
        raise ValidationError({"step": "夺标计划已在过程跟踪阶段"})
    if steps[at + 1] == TeamPlanStep.PLAN and not plan.targets.exists():
        raise ValidationError({"step": "请先录入年度目标，再形成夺标计划书"})
    plan.step = steps[at + 1]
    return checked_save(plan, {}, actor=actor, exclude=["team"])


@transaction.atomic
def team_target_set(*, actor, plan: TeamPlan, year: int, target: str, result: str = "",
                    met: bool | None = None) -> TeamTarget:
    """A yearly target of the plan, and later its result."""
    require_writer_within(actor, plan.union)
    row = plan.targets.filter(year=year).first() or TeamTarget(tenant_id=plan.tenant_id, union_id=plan.union_id,
                                                               plan=plan, year=year)
    row.target, row.result, row.met = target, result, met
    errors: dict[str, str] = {}
    text_required(row, errors, target="年度目标")
    if not plan.start_year <= year <= plan.start_year + 2:
        errors["year"] = f"三年夺标计划的年度为{plan.start_year}—{plan.start_year + 2}年"
    return checked_save(row, errors, actor=actor, exclude=["plan"])


@transaction.atomic
def innovation_create(*, actor, team: Team, kind: str, title: str, recorded_on: date,
                      shared: bool = False) -> Innovation:
    require_writer_within(actor, team.union)
    record = Innovation(tenant_id=team.tenant_id, union_id=team.union_id, team=team, kind=kind, title=title,
                        recorded_on=recorded_on, shared=shared)
    errors: dict[str, str] = {}
    text_required(record, errors, title="名称")
    _dated(errors, "recorded_on", recorded_on, "日期")
    return checked_save(record, errors, actor=actor, exclude=["team"])


# Competitions ----------------------------------------------------------------------------------

@transaction.atomic
def competition_create(*, actor, union: Union, theme: str, title: str, starts_on: date, ends_on: date,
                       indicators: Iterable[tuple[str, Decimal, bool, str]] = ()) -> Competition:
    require_writer_within(actor, union)
    competition = Competition(tenant_id=union.tenant_id, union=union, theme=theme, title=title,
                              starts_on=starts_on, ends_on=ends_on)
    errors: dict[str, str] = {}
    text_required(competition, errors, title="竞赛名称")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = "结束日期不能早于开始日期"
    checked_save(competition, errors, actor=actor)
    for name, max_score, veto, scoring in indicators:
        indicator_add(actor=actor, competition=competition, name=name, max_score=max_score, veto=veto,
                      scoring=scoring)
    return competition


def _indicator_save(indicator: Indicator, errors: dict) -> Indicator:
    text_required(indicator, errors, name="竞赛指标")
    if indicator.max_score is None or indicator.max_score < 0:
        errors["max_score"] = "分值不能为负数"
    if errors:
        raise ValidationError(errors)
    indicator.full_clean(exclude=["tenant", "competition"])
    indicator.save()
    return indicator


def _indicator_scored(indicator: Indicator, errors: dict) -> None:
    # Monthly checks were scored against the indicators as they stood: changing them would rewrite the months.
    if indicator.values.exists():
        errors["__all__"] = f"“{indicator.name}”已有月度检查得分，不能修改或删除"


@transaction.atomic
def indicator_add(*, actor, competition: Competition, name: str, max_score: Decimal, veto: bool = False,
                  scoring: str = "") -> Indicator:
    """An indicator of the competition, until its first monthly check (after that the months' totals stand)."""
    require_writer_within(actor, competition.union)
    indicator = Indicator(tenant_id=competition.tenant_id, competition=competition, name=name,
                          max_score=max_score, veto=veto, scoring=scoring)
    errors: dict[str, str] = {}
    if competition.pk and competition.monthly_values.exists():
        errors["__all__"] = "本竞赛已有月度检查得分，不能再增加竞赛指标"
    return _indicator_save(indicator, errors)


@transaction.atomic
def indicator_update(*, actor, indicator: Indicator, name: str, max_score: Decimal, veto: bool = False,
                     scoring: str = "") -> Indicator:
    require_writer_within(actor, indicator.competition.union)
    errors: dict[str, str] = {}
    _indicator_scored(indicator, errors)
    indicator.name, indicator.max_score, indicator.veto, indicator.scoring = name, max_score, veto, scoring
    return _indicator_save(indicator, errors)


@transaction.atomic
def indicator_delete(*, actor, indicator: Indicator) -> None:
    require_writer_within(actor, indicator.competition.union)
    errors: dict[str, str] = {}
    _indicator_scored(indicator, errors)
    if errors:
        raise ValidationError(errors)
    indicator.delete()


@transaction.atomic
def entry_add(*, actor, competition: Competition, union: Union, kind: str = EntryKind.UNION,
              team: Team | None = None, person: str = "") -> Entry:
    """A participant: the union of an enterprise below the organiser, one of its teams, or one of its people."""
    require_writer_within(actor, competition.union)
    errors: dict[str, str] = {}
    if not contains(competition.union, union):
        errors["union"] = "参赛单位须在组织单位之下"
    if kind == EntryKind.TEAM and (team is None or team.union_id != union.pk):
        errors["team"] = "请选择参赛单位的班组"
    person = (person or "").strip()
    if kind == EntryKind.PERSON and not person:
        errors["person"] = "请填写参赛个人"
    entry = Entry(tenant_id=competition.tenant_id, competition=competition, union=union, kind=kind,
                  team=team if kind == EntryKind.TEAM else None, person=person if kind == EntryKind.PERSON else "")
    if not errors and Entry.objects.filter(competition=competition, union=union, kind=kind, team=entry.team,
                                           person=entry.person).exists():
        errors["union"] = f"{entry.name}已报名参赛"
    return checked_save(entry, errors, actor=actor, exclude=["competition", "team"])


@transaction.atomic
def entry_score(*, actor, entry: Entry, score: Decimal, vetoed: bool = False) -> Entry:
    require_writer_within(actor, entry.competition.union)
    top = sum((i.max_score for i in entry.competition.indicators.all()), Decimal(0))
    if score is None or score < 0 or (top and score > top):
        raise ValidationError({"score": f"得分应在0至{top}分之间（各项竞赛指标分值之和）"})
    entry.score, entry.vetoed = score, vetoed
    return checked_save(entry, {}, actor=actor, exclude=["competition", "team"])


@transaction.atomic
def competition_rank(*, actor, competition: Competition) -> int:
    """Ranks by score, highest first; a vetoed entry (e.g. an accident under 零事故) is not ranked."""
    require_writer_within(actor, competition.union)
    entries = list(competition.entries.all())
    scored = sorted((e for e in entries if e.score is not None and not e.vetoed), key=lambda e: -e.score)
    for entry in entries:
        entry.rank = None
    for position, entry in enumerate(scored, start=1):
        entry.rank = position
    bulk_update_with_history(entries, Entry, ["rank"], default_user=actor)
    figures_changed(competition.tenant_id)  # a bulk write: no save signal tells the figure cache
    return len(scored)


# Monthly checks and the rotating red flag (月度检查、流动红旗) ----------------------------------------

def _month_error(competition: Competition, month: date | None) -> str:
    if month is None:
        return "请填写月份"
    if month.replace(day=1) > timezone.localdate().replace(day=1):
        return "月份不能晚于本月"
    if not competition.starts_on.replace(day=1) <= month <= competition.ends_on:
        return f"月份须在竞赛期内（{competition.starts_on:%Y-%m}至{competition.ends_on:%Y-%m}）"
    return ""


def _month_open(competition: Competition, month: date, errors: dict) -> None:
    if error := _month_error(competition, month):
        errors["month"] = error
    elif competition.red_flags.filter(month=month).exists():
        errors["month"] = f"{month:%Y年%m月}的流动红旗已评定，不能再修改当月检查得分"


@transaction.atomic
def monthly_values_set(*, actor, competition: Competition, indicator: Indicator, month: date,
                       values: dict[Entry, Decimal | None]) -> list[IndicatorValue]:
    """One indicator's check for a month: a score per entry (None leaves the entry unchecked that month)."""
    require_writer_within(actor, competition.union)
    month = month.replace(day=1) if month else None
    errors: dict[str, str] = {}
    _month_open(competition, month, errors)
    if indicator.competition_id != competition.pk:
        errors["indicator"] = "该指标不属于本竞赛"
    for entry, value in values.items():
        if entry.competition_id != competition.pk:
            errors[f"value_{entry.pk}"] = "该参赛者不属于本竞赛"
        elif value is not None and not ZERO <= value <= indicator.max_score:
            errors[f"value_{entry.pk}"] = f"{entry.name}的得分应在0至{indicator.max_score}分之间"
    if errors:
        raise ValidationError(errors)
    kept = {row.entry_id: row for row in indicator.values.filter(month=month)}
    new, changed = [], []
    for entry, value in values.items():
        if value is None:
            continue
        row = kept.get(entry.pk)
        if row is None:
            new.append(IndicatorValue(tenant_id=competition.tenant_id, competition=competition, indicator=indicator,
                                      entry=entry, month=month, value=value))
        elif row.value != value:
            row.value = value
            changed.append(row)
    # Set-based writes with their audit rows: a county's competition checks fifty enterprises a month.
    bulk_create_with_history(new, IndicatorValue, default_user=actor)
    bulk_update_with_history(changed, IndicatorValue, ["value"], default_user=actor)
    return [*new, *changed]


def month_leaders(*, competition: Competition, month: date) -> tuple[Decimal | None, list[Entry]]:
    """The month's best total (the sum of an entry's indicator scores) and who has it. An entry vetoed in the
    competition, or short of full marks on a veto indicator that month (e.g. an accident under 零事故), is out."""
    rows = competition.monthly_values.filter(month=month, entry__vetoed=False).select_related("indicator", "entry")
    totals: dict[Entry, Decimal] = {}
    out = set()
    for row in rows:
        totals[row.entry] = totals.get(row.entry, ZERO) + row.value
        if row.indicator.veto and row.value < row.indicator.max_score:
            out.add(row.entry)
    totals = {entry: total for entry, total in totals.items() if entry not in out}
    if not totals:
        return None, []
    best = max(totals.values())
    return best, sorted((e for e, total in totals.items() if total == best), key=lambda e: e.pk)


@transaction.atomic
def red_flag_award(*, actor, competition: Competition, month: date, entry: Entry | None = None,
                   on: date | None = None) -> RedFlag:
    """The month's flag goes to its best check; of a tie, the organiser names the holder among the leaders."""
    require_writer_within(actor, competition.union)
    month = month.replace(day=1) if month else None
    on = on or timezone.localdate()
    errors: dict[str, str] = {}
    _month_open(competition, month, errors)
    if errors:
        raise ValidationError(errors)
    best, leaders = month_leaders(competition=competition, month=month)
    if not leaders:
        errors["month"] = f"{month:%Y年%m月}还没有月度检查得分"
    elif entry is not None and entry not in leaders:
        errors["entry"] = f"{entry.name}不是{month:%Y年%m月}得分最高的参赛者（最高{best}分）"
    elif entry is None and len(leaders) > 1:
        errors["entry"] = f"{month:%Y年%m月}并列最高分（{best}分）：{'、'.join(e.name for e in leaders)}，请选择获得者"
    _dated(errors, "awarded_on", on, "评定日期")
    flag = RedFlag(tenant_id=competition.tenant_id, competition=competition, month=month,
                   entry=entry or (leaders[0] if leaders else None), score=best, awarded_on=on, awarded_by=actor)
    return checked_save(flag, errors, actor=actor, exclude=["competition", "entry", "awarded_by"])


@transaction.atomic
def suggestion_create(*, actor, union: Union, title: str, proposer: str, submitted_on: date,
                      adopted: bool = False, value: Decimal | None = None,
                      competition: Competition | None = None) -> Suggestion:
    require_writer_within(actor, union)
    suggestion = Suggestion(tenant_id=union.tenant_id, union=union, title=title, proposer=proposer,
                            submitted_on=submitted_on, adopted=adopted, value=value, competition=competition)
    errors: dict[str, str] = {}
    text_required(suggestion, errors, title="建议名称", proposer="建议人")
    _dated(errors, "submitted_on", submitted_on, "提出日期")
    suggestion.value = check_money(errors, "value", value, label="创造效益")
    if value and not adopted:
        errors.setdefault("value", "未采纳的建议不计创造效益")
    if competition is not None and not contains(competition.union, union):
        errors["competition"] = "该劳动竞赛不在本工会的上级或本级"
    return checked_save(suggestion, errors, actor=actor, exclude=["competition"])


@transaction.atomic
def accident_record(*, actor, union: Union, occurred_on: date, description: str) -> Accident:
    require_writer_within(actor, union)
    accident = Accident(tenant_id=union.tenant_id, union=union, occurred_on=occurred_on, description=description)
    errors: dict[str, str] = {}
    text_required(accident, errors, description="事故情况")
    _dated(errors, "occurred_on", occurred_on, "发生日期")
    return checked_save(accident, errors, actor=actor)


# Nominations for honours --------------------------------------------------------------------------

def nomination_blocks(union: Union, on: date) -> list[str]:
    """The eligibility rules the union fails on `on`, in words; empty when it may be nominated."""
    blocks = []
    if provider("rights.wage_arrears_since")(union=union, since=on - timedelta(days=365)):
        blocks.append("近一年有拖欠工资（工资纠纷）记录")
    if not provider("rights.collective_contract_on")(union=union, on=on):
        blocks.append("未签订有效的集体合同")
    since = on.replace(year=on.year - ACCIDENT_YEARS)
    if Accident.objects.filter(tenant_id=union.tenant_id, union__path__startswith=union.path,
                               occurred_on__gte=since).exists():
        blocks.append(f"近{ACCIDENT_YEARS}年发生过安全事故")
    return blocks


@transaction.atomic
def nomination_create(*, actor, union: Union, honour_kind: str, level: str, awarding_body: str, reason: str,
                      team: Team | None = None, competition: Competition | None = None,
                      nominated_on: date | None = None) -> Nomination:
    """基层推荐: a union (or one of its teams) is put forward; an ineligible one is refused, saying why."""
    require_writer_within(actor, union)
    nominated_on = nominated_on or timezone.localdate()
    nomination = Nomination(tenant_id=union.tenant_id, union=union, team=team, competition=competition,
                            honour_kind=honour_kind, level=level, awarding_body=awarding_body, reason=reason,
                            nominated_on=nominated_on, nominated_by=actor)
    errors: dict[str, str] = {}
    text_required(nomination, errors, awarding_body="授予单位", reason="推荐理由")
    _dated(errors, "nominated_on", nominated_on, "推荐日期")
    if team is not None and team.union_id != union.pk:
        errors["team"] = "该班组不属于被推荐单位"
    if blocks := nomination_blocks(union, nominated_on):
        errors["union"] = f"{union.name}不符合推荐条件：" + "；".join(blocks)
    return checked_save(nomination, errors, actor=actor, exclude=["team", "competition", "nominated_by", "honour"])


@transaction.atomic
def nomination_advance(*, actor, nomination: Nomination, on: date | None = None) -> Nomination:
    """上级考核 → 公示 → 审批, each by a federation above the nominee; approval records the honour."""
    require_writer_within(actor, nomination.union)
    if actor.union_id == nomination.union_id:
        raise ValidationError({"__all__": "考核、公示和审批须由上级工会办理"})
    if nomination.status not in NEXT_STEP:
        raise ValidationError({"__all__": "该推荐已审批"})
    on = on or timezone.localdate()
    if error := future_error(on, "日期"):
        raise ValidationError({"decided_on": error})
    nomination.status = NEXT_STEP[nomination.status]
    if nomination.status == NominationStatus.APPROVED:
        if blocks := nomination_blocks(nomination.union, on):
            raise ValidationError({"union": f"{nomination.union.name}不符合推荐条件：" + "；".join(blocks)})
        nomination.decided_on = on
        nomination.honour = honour_create(
            actor=actor, union=nomination.union, title=nomination.get_honour_kind_display(), level=nomination.level,
            date=on, awarding_body=nomination.awarding_body, note=nomination.reason[:200],
            **({"recipient_type": RecipientType.TEAM, "team_name": nomination.team.name} if nomination.team_id
               else {"recipient_type": RecipientType.UNION, "recipient_union": nomination.union}))
    return checked_save(nomination, {}, actor=actor, exclude=["team", "competition", "nominated_by", "honour"])


# Pairing (结对共建) -------------------------------------------------------------------------------

@transaction.atomic
def pair_create(*, actor, union: Union, model_union: Union, ordinary_union: Union, agreed_on: date) -> Pair:
    require_writer_within(actor, union)
    errors: dict[str, str] = {}
    for field, member in (("model_union", model_union), ("ordinary_union", ordinary_union)):
        if not contains(union, member) or member.pk == union.pk:
            errors[field] = "结对工会须在组织单位之下"
    if model_union.pk == ordinary_union.pk:
        errors["ordinary_union"] = "不能与自己结对"
    _dated(errors, "agreed_on", agreed_on, "结对日期")
    pair = Pair(tenant_id=union.tenant_id, union=union, model_union=model_union, ordinary_union=ordinary_union,
                agreed_on=agreed_on)
    return checked_save(pair, errors, actor=actor, exclude=["model_union", "ordinary_union"])


@transaction.atomic
def pair_activity_add(*, actor, pair: Pair, activity) -> PairActivity:
    """A ledger entry of either union, on or after the agreement, recorded as a joint activity of the pair."""
    require_writer_within(actor, pair.union)
    if activity.union_id not in (pair.model_union_id, pair.ordinary_union_id):
        raise ValidationError({"activity": "该台帐活动不是结对双方的活动"})
    if activity.date < pair.agreed_on:
        raise ValidationError({"activity": "该活动早于结对日期"})
    if pair.activities.filter(activity=activity).exists():
        raise ValidationError({"activity": "该活动已记入本结对"})
    return PairActivity.objects.create(tenant_id=pair.tenant_id, pair=pair, activity=activity)
