"""Pages of competitions and work teams. Each page shapes the request, then calls one selector or service.

The seven lists (teams, innovations, competitions, suggestions, accidents, nominations, pairs) share one template and
one export: `LISTS` says each one's filters, selector, columns, record link and new-record form.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from gonghui.core.figures import Column
from gonghui.core.pages import (button_page, columns, export_cell, fields_of, form_page, list_download,
                                own_union_form_view, paginate, record_form_view, record_page, this_year_as, today_as)
from gonghui.core.links import record_link
from gonghui.org.pages import overview_page

from . import selectors, services
from .figures import FIGURES
from .filters import (
    AccidentFilters,
    CompetitionFilters,
    InnovationFilters,
    NominationFilters,
    PairFilters,
    SuggestionFilters,
    TeamFilters,
)
from .forms import (
    AccidentForm,
    CompetitionForm,
    EntryForm,
    IndicatorForm,
    InnovationForm,
    MonthlyForm,
    NominationForm,
    PairActivityForm,
    PairForm,
    PlanForm,
    RedFlagForm,
    ScoreForm,
    SuggestionForm,
    TargetForm,
    TeamForm,
    TeamLeaderForm,
    TeamMemberForm,
)
from .models import NominationStatus


@dataclass(frozen=True)
class Listing:
    title: str
    filters: type
    select: Callable
    columns: tuple[Column, ...]
    link: Callable | None = None
    create: str = ""


_team_back = record_link("competitions:team_detail")
_competition_back = record_link("competitions:competition_detail")
_nomination_back = record_link("competitions:nomination_detail")
_pair_back = record_link("competitions:pair_detail")

UNION = ("工会", "union.name")
LISTS = {
    "teams": Listing("班组", TeamFilters, selectors.team_list, columns(
        UNION, ("班组名称", "name"), ("班组长", "leader_name"), ("班组人数", "headcount"), ("等级", "grade")),
        _team_back, "competitions:team_create"),
    "innovations": Listing("创新成果", InnovationFilters, selectors.innovation_list, columns(
        UNION, ("名称", "title"), ("班组", "team.name"), ("类型", "get_kind_display"), ("日期", "recorded_on"),
        ("全公司共享", "shared")), lambda r: reverse("competitions:team_detail", args=[r.team_id])),
    "competitions": Listing("劳动竞赛", CompetitionFilters, selectors.competition_list, columns(
        ("组织单位", "union.name"), ("竞赛名称", "title"), ("竞赛主题", "get_theme_display"), ("开始日期", "starts_on"),
        ("结束日期", "ends_on")), _competition_back, "competitions:competition_create"),
    "suggestions": Listing("合理化建议", SuggestionFilters, selectors.suggestion_list, columns(
        UNION, ("建议名称", "title"), ("建议人", "proposer"), ("提出日期", "submitted_on"), ("已采纳", "adopted"),
        ("创造效益（元）", "value")), None, "competitions:suggestion_create"),
    "accidents": Listing("安全事故", AccidentFilters, selectors.accident_list, columns(
        UNION, ("发生日期", "occurred_on"), ("事故情况", "description")), None, "competitions:accident_create"),
    "nominations": Listing("评先推荐", NominationFilters, selectors.nomination_list, columns(
        ("被推荐单位", "union.name"), ("被推荐对象", "recipient"), ("荣誉", "get_honour_kind_display"),
        ("授予单位", "awarding_body"), ("推荐日期", "nominated_on"), ("状态", "get_status_display")),
        _nomination_back, "competitions:nomination_create"),
    "pairs": Listing("结对共建", PairFilters, selectors.pair_list, columns(
        ("组织单位", "union.name"), ("优秀企业工会", "model_union.name"), ("普通企业工会", "ordinary_union.name"),
        ("结对日期", "agreed_on")), _pair_back, "competitions:pair_create"),
}


def _cell(value):
    if isinstance(value, bool):
        return "是" if value else "否"
    return export_cell(value)


index_page = overview_page("competitions/index.html", FIGURES)


@login_required
def list_page(request, *, name: str):
    listing = LISTS[name]
    filters = listing.filters.from_page(request)
    page = paginate(request, listing.select(user=request.user, filters=filters.values))
    rows = [(listing.link(record) if listing.link else "", [_cell(c.read(record)) for c in listing.columns])
            for record in page]
    return render(request, "competitions/list.html", {
        "listing": listing, "form": filters.form, "page": page, "rows": rows, "name": name,
        "export": reverse(f"competitions:{name}_export")})


@login_required
def export_page(request, *, name: str):
    listing = LISTS[name]
    return list_download(request, listing.filters, listing.select, filename=f"{listing.title}.xlsx",
                         columns=listing.columns, cell=_cell)


def _form(request, form_class, title, service, success, back, **kwargs):
    return form_page(request, form_class=form_class, title=title, cancel_url=back, service=service,
                     success=success, **kwargs)


# Teams ----------------------------------------------------------------------------------------

team_create_page = own_union_form_view(
    services.team_create, form_class=TeamForm, title="新增班组", back="competitions:teams", success=_team_back,
    form_kwargs=lambda request: {"enterprises": selectors.enterprises_of(union=request.user.union)})


team_detail_page = record_page(selectors.team_get, "competitions/team_detail.html", "team", lambda request, team: {
    "plans": team.plans.prefetch_related("targets"),
    "members": selectors.team_members(team=team), "past_members": selectors.team_members(team=team, past=True),
    "innovations": team.innovations.order_by("-recorded_on")})


team_member_add_page = record_form_view(
    selectors.team_get, services.team_member_add, "team", form_class=TeamMemberForm,
    title=lambda team: f"加入班组：{team}", back=_team_back, initial=today_as("joined_on"),
    form_kwargs=lambda request, team: {"members": selectors.members_to_add(team=team)})


team_member_remove_page = button_page(select=selectors.membership_get, service=services.team_member_remove,
                                      record="membership", back=lambda row: _team_back(row.team),
                                      done=lambda row: f"{row.member.name}已移出班组")


team_edit_page = record_form_view(
    selectors.team_get, services.team_update, "team", form_class=TeamForm, title=lambda team: f"修改班组：{team}",
    back=_team_back, initial=fields_of(services.TEAM_FIELDS),
    form_kwargs=lambda request, team: {"enterprises": selectors.enterprises_of(union=team.union)})


@login_required
def team_leader_page(request, pk: int):
    team = selectors.team_get(user=request.user, pk=pk)
    return _form(request, TeamLeaderForm, f"设置班组长：{team}",
                 lambda data: services.team_leader_set(actor=request.user, team=team, member=data["leader"]),
                 _team_back, _team_back(team), initial={"leader": team.leader_member_id},
                 form_kwargs={"members": selectors.current_members(team=team)})


team_grade_page = button_page(select=selectors.team_get, service=services.team_grade_take, record="team",
                              back=_team_back, done="已按班组升级考核结果定级")


team_plan_create_page = record_form_view(
    selectors.team_get, services.team_plan_create, "team", form_class=PlanForm,
    title=lambda team: f"新建夺标计划：{team}", back=_team_back, initial=this_year_as("start_year"))


team_plan_advance_page = button_page(select=selectors.plan_get, service=services.team_plan_advance, record="plan",
                                     back=lambda plan: _team_back(plan.team), done="夺标计划已进入下一步")


team_target_page = record_form_view(
    selectors.plan_get, services.team_target_set, "plan", form_class=TargetForm, title=lambda plan: f"年度目标：{plan}",
    back=lambda plan: _team_back(plan.team), initial=this_year_as("year"))


innovation_create_page = record_form_view(
    selectors.team_get, services.innovation_create, "team", form_class=InnovationForm,
    title=lambda team: f"登记创新成果：{team}", back=_team_back, initial=today_as("recorded_on"))


# Competitions ---------------------------------------------------------------------------------

competition_create_page = own_union_form_view(
    services.competition_create, form_class=CompetitionForm, title="新建劳动竞赛", back="competitions:competitions",
    success=_competition_back)


@login_required
def competition_detail_page(request, pk: int):
    competition = selectors.competition_get(user=request.user, pk=pk)
    return render(request, "competitions/competition_detail.html", {
        "competition": competition, "indicators": competition.indicators.all(), "indicator_form": IndicatorForm(),
        "entries": selectors.entries_of(competition=competition),
        "red_flags": selectors.red_flags_of(competition=competition),
        "monthly": selectors.monthly_checks(competition=competition),
        "organiser": request.user.can_write and competition.union.path.startswith(request.user.union.path)})


indicator_add_page = record_form_view(
    selectors.competition_get, services.indicator_add, "competition", form_class=IndicatorForm,
    title=lambda competition: f"增加竞赛指标：{competition}", back=_competition_back)
entry_add_page = record_form_view(
    selectors.competition_get, services.entry_add, "competition", form_class=EntryForm,
    title=lambda competition: f"报名参赛：{competition}", back=_competition_back,
    form_kwargs=lambda request, competition: {"unions": selectors.unions_below(union=competition.union),
                                              "teams": selectors.team_list(user=request.user)})
entry_score_page = record_form_view(
    selectors.entry_get, services.entry_score, "entry", form_class=ScoreForm, title=lambda entry: f"评分：{entry.name}",
    back=lambda entry: _competition_back(entry.competition), initial=fields_of(("score", "vetoed")))


def _month_asked(request, competition):
    """The month a monthly page opens on: ?month=2025-03, else this month within the competition."""
    try:
        return datetime.strptime(request.GET.get("month", ""), "%Y-%m").date()
    except ValueError:
        return min(timezone.localdate(), competition.ends_on).replace(day=1)


@login_required
def monthly_values_page(request, pk: int):
    competition = selectors.competition_get(user=request.user, pk=pk)
    indicators = competition.indicators.all()
    entries = selectors.entries_of(competition=competition)
    month = _month_asked(request, competition)
    indicator = indicators.filter(pk=request.GET.get("indicator") or 0).first() or indicators.first()
    kept = selectors.monthly_values_of(competition=competition, month=month).filter(indicator=indicator)
    initial = {"month": month, "indicator": indicator, **{f"value_{row.entry_id}": row.value for row in kept}}
    return _form(request, MonthlyForm, f"月度检查：{competition}",
                 lambda data: services.monthly_values_set(actor=request.user, competition=competition, **data),
                 lambda rows: _competition_back(competition), _competition_back(competition), initial=initial,
                 form_kwargs={"indicators": indicators, "entries": entries})


red_flag_award_page = record_form_view(
    selectors.competition_get, services.red_flag_award, "competition", form_class=RedFlagForm,
    title=lambda competition: f"评定流动红旗：{competition}", back=_competition_back,
    initial=lambda request, competition: {"month": _month_asked(request, competition)},
    form_kwargs=lambda request, competition: {"entries": selectors.entries_of(competition=competition)})


competition_rank_page = button_page(select=selectors.competition_get, service=services.competition_rank,
                                    record="competition", back=_competition_back, done="已按得分排出名次")


# Suggestions, accidents, nominations ---------------------------------------------------------------

suggestion_create_page = own_union_form_view(
    services.suggestion_create, form_class=SuggestionForm, title="登记合理化建议", back="competitions:suggestions",
    initial=today_as("submitted_on"))
accident_create_page = own_union_form_view(
    services.accident_record, form_class=AccidentForm, title="登记安全事故", back="competitions:accidents")
nomination_create_page = own_union_form_view(
    services.nomination_create, form_class=NominationForm, title="推荐评先", back="competitions:nominations",
    success=_nomination_back,
    form_kwargs=lambda request: {"teams": selectors.team_list(user=request.user).filter(union=request.user.union)})


nomination_detail_page = record_page(
    selectors.nomination_get, "competitions/nomination_detail.html", "nomination", lambda request, nomination: {
        "steps": NominationStatus.choices,
        "may_advance": request.user.can_write and request.user.union_id != nomination.union_id
        and nomination.status != NominationStatus.APPROVED})


nomination_advance_page = button_page(select=selectors.nomination_get, service=services.nomination_advance,
                                      record="nomination", back=_nomination_back, done="已进入下一步")


# Pairs ----------------------------------------------------------------------------------------

pair_create_page = own_union_form_view(
    services.pair_create, form_class=PairForm, title="结对共建", back="competitions:pairs", success=_pair_back,
    form_kwargs=lambda request: {"unions": selectors.unions_below(union=request.user.union)})


pair_detail_page = record_page(selectors.pair_get, "competitions/pair_detail.html", "pair", lambda request, pair: {
    "activities": selectors.pair_activities(pair=pair)})


pair_activity_add_page = record_form_view(
    selectors.pair_get, services.pair_activity_add, "pair", form_class=PairActivityForm,
    title=lambda pair: f"记入共建活动：{pair}", back=_pair_back,
    form_kwargs=lambda request, pair: {"activities": selectors.ledger_activities(pair=pair)})
