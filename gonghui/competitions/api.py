"""/api/competitions/: teams and their 夺标计划, competitions with entries and ranks, suggestions, accidents,
nominations and pairs, through the same selectors and services as the pages; the lists take the pages' filters."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema, Status

from gonghui.core.api import Page, RecordId, created, one_of
from gonghui.core.filters import list_route
from gonghui.org.api_routes import RecordRoutes
from gonghui.members.selectors import member_find
from gonghui.org.selectors import union_get

from . import selectors, services
from .models import EntryKind
from .views import LISTS

router = Router(tags=["competitions"])


class TeamOut(Schema):
    id: int
    union_id: int
    enterprise_id: int | None
    name: str
    leader_member_id: int | None
    leader_name: str
    headcount: int
    grade: str


class TeamIn(Schema):
    name: str


class LeaderIn(Schema):
    member_id: RecordId | None = None  # None: no leader for now


class TeamMemberIn(Schema):
    member_id: RecordId
    joined_on: date | None = None


class TeamMemberOut(Schema):
    id: int
    team_id: int
    member_id: int
    member_name: str = Field(alias="member.name")
    joined_on: date
    left_on: date | None


class LeaveIn(Schema):
    left_on: date | None = None


class PlanOut(Schema):
    id: int
    team_id: int
    start_year: int
    goal: str
    step: str


class PlanIn(Schema):
    start_year: int
    goal: str


class TargetIn(Schema):
    year: int
    target: str
    result: str = ""
    met: bool | None = None


class TargetOut(TargetIn):
    id: int
    plan_id: int


class InnovationOut(Schema):
    id: int
    union_id: int
    team_id: int
    kind: str
    title: str
    recorded_on: date
    shared: bool


class CompetitionOut(Schema):
    id: int
    union_id: int
    theme: str
    title: str
    starts_on: date
    ends_on: date


class IndicatorIn(Schema):
    name: str
    max_score: Decimal
    veto: bool = False
    scoring: str = ""


class IndicatorOut(IndicatorIn):
    id: int
    competition_id: int


class CompetitionIn(Schema):
    theme: str
    title: str
    starts_on: date
    ends_on: date
    indicators: list[IndicatorIn] = []


class EntryOut(Schema):
    id: int
    competition_id: int
    union_id: int
    kind: str
    team_id: int | None
    person: str
    score: Decimal | None
    vetoed: bool
    rank: int | None


class EntryIn(Schema):
    union_id: RecordId
    kind: str = EntryKind.UNION
    team_id: RecordId | None = None
    person: str = ""


class ScoreIn(Schema):
    score: Decimal
    vetoed: bool = False


class MonthlyValueIn(Schema):
    entry_id: RecordId
    value: Decimal | None = None


class MonthlyIn(Schema):
    indicator_id: RecordId
    month: str  # 2025-03
    values: list[MonthlyValueIn]


class MonthlyValueOut(Schema):
    id: int
    indicator_id: int
    entry_id: int
    month: date
    value: Decimal


class RedFlagIn(Schema):
    month: str  # 2025-03
    entry_id: RecordId | None = None


class RedFlagOut(Schema):
    id: int
    competition_id: int
    month: date
    entry_id: int
    entry_name: str = Field(alias="entry.name")
    score: Decimal
    awarded_on: date


class SuggestionOut(Schema):
    id: int
    union_id: int
    title: str
    proposer: str
    submitted_on: date
    adopted: bool
    value: Decimal | None


class SuggestionIn(Schema):
    title: str
    proposer: str
    submitted_on: date
    adopted: bool = False
    value: Decimal | None = None


class AccidentOut(Schema):
    id: int
    union_id: int
    occurred_on: date
    description: str


class AccidentIn(Schema):
    occurred_on: date
    description: str


class NominationOut(Schema):
    id: int
    union_id: int
    team_id: int | None
    honour_kind: str
    level: str
    awarding_body: str
    reason: str
    status: str
    nominated_on: date
    decided_on: date | None
    honour_id: int | None


class NominationIn(Schema):
    honour_kind: str
    level: str
    awarding_body: str
    reason: str
    team_id: RecordId | None = None


class PairOut(Schema):
    id: int
    union_id: int
    model_union_id: int
    ordinary_union_id: int
    agreed_on: date


class PairIn(Schema):
    model_union_id: RecordId
    ordinary_union_id: RecordId
    agreed_on: date


class PairActivityIn(Schema):
    activity_id: RecordId


class PairActivityOut(Schema):
    id: int
    pair_id: int
    activity_id: int


for _name, _out in (("teams", TeamOut), ("innovations", InnovationOut), ("competitions", CompetitionOut),
                    ("suggestions", SuggestionOut), ("accidents", AccidentOut), ("nominations", NominationOut),
                    ("pairs", PairOut)):
    list_route(router, "competitions", f"list_{_name}", f"/{_name}", Page[_out], LISTS[_name].filters,
               LISTS[_name].select, summary=LISTS[_name].title)


def _team(request, team_id):
    return one_of(selectors.team_list(user=request.user), team_id, "team", "找不到该班组，或不在您的管辖范围内")


TEAMS = RecordRoutes(router, __name__, "team", plural="teams", key="team_id", find=selectors.team_get, record="team",
                     key_type=RecordId, body="data")
TEAMS.create(services.team_create, TeamOut, TeamIn, summary="新增班组")


@router.put("/teams/{team_id}/leader", response=TeamOut, summary="设置班组长（本班组现有成员之一）")
def set_team_leader(request, team_id: RecordId, data: LeaderIn):
    team = selectors.team_get(user=request.user, pk=team_id)
    member = None
    if data.member_id is not None:
        member = member_find(user=request.user, pk=data.member_id)
        if member is None:
            raise ValidationError({"leader": "找不到该会员，或不在您的管辖范围内"})
    return services.team_leader_set(actor=request.user, team=team, member=member)


@router.get("/teams/{team_id}/members", response=list[TeamMemberOut], summary="班组成员（past=true：已离开的）")
def list_team_members(request, team_id: RecordId, past: bool = False):
    team = selectors.team_get(user=request.user, pk=team_id)
    return list(selectors.team_members(team=team, past=past))


@router.post("/teams/{team_id}/members", response={201: TeamMemberOut}, summary="会员加入班组")
def add_team_member(request, team_id: RecordId, data: TeamMemberIn):
    team = selectors.team_get(user=request.user, pk=team_id)
    member = member_find(user=request.user, pk=data.member_id)
    if member is None:
        raise ValidationError({"member": "找不到该会员，或不在您的管辖范围内"})
    return created(request, services.team_member_add, team=team, member=member, joined_on=data.joined_on)


RecordRoutes(router, __name__, "membership", plural="team-members", key="membership_id",
             find=selectors.membership_get, record="membership", key_type=RecordId, body="data").act(
    "remove", services.team_member_remove, TeamMemberOut, LeaveIn, name="remove_team_member", summary="移出班组")
TEAMS.add("plans", services.team_plan_create, PlanOut, PlanIn, name="create_plan", summary="新建夺标计划")
PLANS = RecordRoutes(router, __name__, "plan", plural="plans", key="plan_id", find=selectors.plan_get, record="plan",
                     key_type=RecordId, body="data")
PLANS.act("advance", services.team_plan_advance, PlanOut, name="advance_plan", summary="夺标计划进入下一步")
PLANS.act("targets", services.team_target_set, TargetOut, TargetIn, name="set_target", summary="录入年度目标及完成情况")


@router.post("/unions/{union_id}/competitions", response={201: CompetitionOut}, summary="新建劳动竞赛（含竞赛指标）")
def create_competition(request, union_id: RecordId, data: CompetitionIn):
    union = union_get(user=request.user, pk=union_id)
    fields = data.dict()
    indicators = [(i["name"], i["max_score"], i["veto"], i["scoring"]) for i in fields.pop("indicators")]
    return created(request, services.competition_create, union=union, indicators=indicators, **fields)


RecordRoutes(router, __name__, "competition", plural="competitions", key="competition_id",
             find=selectors.competition_get, record="competition", key_type=RecordId, body="data").add(
    "indicators", services.indicator_add, IndicatorOut, IndicatorIn, name="add_indicator",
    summary="增加竞赛指标（已有月度检查得分的竞赛不能增加）")
INDICATORS = RecordRoutes(router, __name__, "indicator", plural="indicators", key="indicator_id",
                          find=selectors.indicator_get, record="indicator", key_type=RecordId, body="data")
INDICATORS.update(services.indicator_update, IndicatorOut, IndicatorIn, summary="修改竞赛指标（已有月度检查得分的不能修改）")
INDICATORS.delete(services.indicator_delete, summary="删除竞赛指标（已有月度检查得分的不能删除）")


@router.post("/competitions/{competition_id}/entries", response={201: EntryOut}, summary="报名参赛")
def add_entry(request, competition_id: RecordId, data: EntryIn):
    competition = selectors.competition_get(user=request.user, pk=competition_id)
    union = union_get(user=request.user, pk=data.union_id)
    return Status(201, services.entry_add(actor=request.user, competition=competition, union=union, kind=data.kind,
                                          team=_team(request, data.team_id), person=data.person))


RecordRoutes(router, __name__, "entry", plural="entries", key="entry_id", find=selectors.entry_get, record="entry",
             key_type=RecordId, body="data").act("score", services.entry_score, EntryOut, ScoreIn, name="score_entry",
                                                 summary="评分")


@router.post("/competitions/{competition_id}/rank", response=list[EntryOut], summary="按得分排名")
def rank_competition(request, competition_id: RecordId):
    competition = selectors.competition_get(user=request.user, pk=competition_id)
    services.competition_rank(actor=request.user, competition=competition)
    return list(selectors.entries_of(competition=competition))


def _month(text: str) -> date:
    try:
        return datetime.strptime(text or "", "%Y-%m").date()
    except ValueError:
        raise ValidationError({"month": "请按“2025-03”的格式填写月份"}) from None


def _entries(competition, ids) -> dict:
    found = selectors.entries_of(competition=competition).in_bulk(ids)
    if missing := [i for i in ids if i not in found]:
        raise ValidationError({"entry": f"参赛记录{missing[0]}不属于本竞赛"})
    return found


@router.get("/competitions/{competition_id}/monthly", response=list[MonthlyValueOut], summary="月度检查得分")
def list_monthly(request, competition_id: RecordId, month: str = ""):
    competition = selectors.competition_get(user=request.user, pk=competition_id)
    return list(selectors.monthly_values_of(competition=competition, month=_month(month) if month else None))


@router.post("/competitions/{competition_id}/monthly", response=list[MonthlyValueOut],
             summary="录入一项指标的月度检查得分")
def set_monthly(request, competition_id: RecordId, data: MonthlyIn):
    competition = selectors.competition_get(user=request.user, pk=competition_id)
    indicator = one_of(competition.indicators.all(), data.indicator_id, "indicator", "该指标不属于本竞赛")
    entries = _entries(competition, [row.entry_id for row in data.values])
    return services.monthly_values_set(actor=request.user, competition=competition, indicator=indicator,
                                       month=_month(data.month),
                                       values={entries[row.entry_id]: row.value for row in data.values})


@router.get("/competitions/{competition_id}/red-flags", response=list[RedFlagOut], summary="流动红旗")
def list_red_flags(request, competition_id: RecordId):
    competition = selectors.competition_get(user=request.user, pk=competition_id)
    return list(selectors.red_flags_of(competition=competition))


@router.post("/competitions/{competition_id}/red-flags", response={201: RedFlagOut},
             summary="评定当月流动红旗（当月得分最高者；并列时须指定）")
def award_red_flag(request, competition_id: RecordId, data: RedFlagIn):
    competition = selectors.competition_get(user=request.user, pk=competition_id)
    entry = _entries(competition, [data.entry_id])[data.entry_id] if data.entry_id else None
    return created(request, services.red_flag_award, competition=competition, month=_month(data.month), entry=entry)


RecordRoutes(router, __name__, "suggestion", plural="suggestions", key_type=RecordId, body="data").create(
    services.suggestion_create, SuggestionOut, SuggestionIn, summary="登记合理化建议")
RecordRoutes(router, __name__, "accident", plural="accidents", key_type=RecordId, body="data").create(
    services.accident_record, AccidentOut, AccidentIn, summary="登记安全事故")


@router.post("/unions/{union_id}/nominations", response={201: NominationOut},
             summary="推荐评先（拖欠工资、无集体合同、近3年发生安全事故的不能推荐）")
def create_nomination(request, union_id: RecordId, data: NominationIn):
    union = union_get(user=request.user, pk=union_id)
    fields = data.dict()
    team = _team(request, fields.pop("team_id"))
    return created(request, services.nomination_create, union=union, team=team, **fields)


RecordRoutes(router, __name__, "nomination", plural="nominations", key="nomination_id",
             find=selectors.nomination_get, record="nomination", key_type=RecordId).act(
    "advance", services.nomination_advance, NominationOut, name="advance_nomination",
    summary="上级考核、公示、审批（下一步）")


@router.post("/unions/{union_id}/pairs", response={201: PairOut}, summary="结对共建")
def create_pair(request, union_id: RecordId, data: PairIn):
    union = union_get(user=request.user, pk=union_id)
    return Status(201, services.pair_create(
        actor=request.user, union=union, model_union=union_get(user=request.user, pk=data.model_union_id),
        ordinary_union=union_get(user=request.user, pk=data.ordinary_union_id), agreed_on=data.agreed_on))


@router.post("/pairs/{pair_id}/activities", response={201: PairActivityOut}, summary="记入共建活动（台帐活动）")
def add_pair_activity(request, pair_id: RecordId, data: PairActivityIn):
    pair = selectors.pair_get(user=request.user, pk=pair_id)
    activity = one_of(selectors.ledger_activities(pair=pair), data.activity_id, "activity",
                      "找不到该台帐活动，或不是结对双方结对后的活动")
    return created(request, services.pair_activity_add, pair=pair, activity=activity)
