"""Competitions in the access walk: union_a1's team with member_a1 in it and a 夺标计划, street_a's competition with union_a1's
entry and a pair of union_a1 and union_a2, union_a1's suggestion and accident, and a nomination of
union_a2 (union_a1 has a wage dispute in the world, so it may not be nominated)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from gonghui.competitions import services
from gonghui.competitions.tests.helpers import competition, nomination, team
from gonghui.rights.tests.helpers import contract

from ..matrix import DAY, api, button, form, page, pk

A1, A2, SA = "union_a1", "union_a2", "street_a"


def _id(name, attr):
    return lambda w: {name: getattr(w, attr).pk}


def build(world) -> dict:
    cast, today = world.cast, timezone.localdate()
    made_team = team(cast)
    membership = services.team_member_add(actor=world.officer, team=made_team, member=world.member_a1)
    plan = services.team_plan_create(actor=world.officer, team=made_team, start_year=today.year, goal="创建五型班组")
    contest = competition(cast)
    entry = services.entry_add(actor=world.street_admin, competition=contest, union=world.union_a1)
    free_indicator = services.indicator_add(actor=world.street_admin, competition=contest, name="节能",
                                            max_score=Decimal(10))
    suggestion = services.suggestion_create(actor=world.officer, union=world.union_a1, title="改进夹具",
                                            proposer="陈刚", submitted_on=today, adopted=True, value=Decimal(800))
    accident = services.accident_record(actor=world.officer, union=world.union_a1, occurred_on=today,
                                        description="轻微机械伤害")
    contract(cast, actor=world.sibling_officer, union=world.union_a2, enterprises=[world.union_a2.enterprises.get()],
             title="甲二中学集体合同")
    nominated = nomination(cast, actor=world.sibling_officer, union=world.union_a2)
    pair = services.pair_create(actor=world.street_admin, union=world.street_a, model_union=world.union_a1,
                                ordinary_union=world.union_a2, agreed_on=today - timedelta(days=10))
    return {"cp_team": made_team, "cp_membership": membership, "cp_plan": plan, "cp_competition": contest, "cp_entry": entry,
            "cp_indicator": free_indicator,
            "cp_suggestion": suggestion, "cp_accident": accident, "cp_nomination": nominated, "cp_pair": pair}


LISTS = ("teams", "innovations", "competitions", "suggestions", "accidents", "nominations", "pairs")

PAGES = [
    page("competitions:index"),
    *(page(f"competitions:{name}") for name in LISTS),
    *(page(f"competitions:{name}_export") for name in LISTS),
    form("competitions:team_create", owner=None),
    page("competitions:team_detail", pk("cp_team"), A1),
    form("competitions:team_edit", pk("cp_team")),
    form("competitions:team_leader", pk("cp_team")),
    form("competitions:team_member_add", pk("cp_team")),
    button("competitions:team_member_remove", pk("cp_membership")),
    button("competitions:team_grade", pk("cp_team")),
    form("competitions:team_plan_create", pk("cp_team")),
    form("competitions:innovation_create", pk("cp_team")),
    button("competitions:team_plan_advance", pk("cp_plan")),
    form("competitions:team_target", pk("cp_plan")),
    form("competitions:competition_create", owner=None),
    page("competitions:competition_detail", pk("cp_competition"), SA),
    form("competitions:indicator_add", pk("cp_competition"), SA),
    form("competitions:entry_add", pk("cp_competition"), SA),
    form("competitions:monthly_values", pk("cp_competition"), SA),
    form("competitions:red_flag_award", pk("cp_competition"), SA),
    button("competitions:competition_rank", pk("cp_competition"), SA),
    form("competitions:entry_score", pk("cp_entry"), SA),
    form("competitions:suggestion_create", owner=None),
    form("competitions:accident_create", owner=None),
    form("competitions:nomination_create", owner=None),
    page("competitions:nomination_detail", pk("cp_nomination"), A2),
    button("competitions:nomination_advance", pk("cp_nomination"), A2),
    form("competitions:pair_create", owner=None),
    page("competitions:pair_detail", pk("cp_pair"), SA),
    form("competitions:pair_activity_add", pk("cp_pair"), SA),
]

API = [
    *(api(f"GET /api/competitions/{name}") for name in LISTS),
    api("POST /api/competitions/unions/{union_id}/teams", _id("union_id", A1), A1,
        body=lambda w: {"name": ""}),
    api("PUT /api/competitions/teams/{team_id}/leader", _id("team_id", "cp_team"), A1,
        body=lambda w: {"member_id": w.member_a1.pk}),
    api("GET /api/competitions/teams/{team_id}/members", _id("team_id", "cp_team"), A1),
    api("POST /api/competitions/teams/{team_id}/members", _id("team_id", "cp_team"), A1,
        body=lambda w: {"member_id": w.member_a1.pk, "joined_on": DAY}),
    api("POST /api/competitions/team-members/{membership_id}/remove", _id("membership_id", "cp_membership"), A1,
        body=lambda w: {"left_on": DAY}),
    api("POST /api/competitions/teams/{team_id}/plans", _id("team_id", "cp_team"), A1,
        body=lambda w: {"start_year": 1900, "goal": "目标"}),
    api("POST /api/competitions/plans/{plan_id}/advance", _id("plan_id", "cp_plan"), A1),
    api("POST /api/competitions/plans/{plan_id}/targets", _id("plan_id", "cp_plan"), A1,
        body=lambda w: {"year": 1900, "target": "目标"}),
    api("POST /api/competitions/unions/{union_id}/competitions", _id("union_id", A1), A1,
        body=lambda w: {"theme": "skills", "title": "", "starts_on": DAY, "ends_on": DAY}),
    api("POST /api/competitions/competitions/{competition_id}/indicators", _id("competition_id", "cp_competition"),
        SA, body=lambda w: {"name": "", "max_score": 10}),
    api("PUT /api/competitions/indicators/{indicator_id}", _id("indicator_id", "cp_indicator"), SA,
        body=lambda w: {"name": "", "max_score": 10}),
    api("DELETE /api/competitions/indicators/{indicator_id}", _id("indicator_id", "cp_indicator"), SA),
    api("POST /api/competitions/competitions/{competition_id}/entries", _id("competition_id", "cp_competition"), SA,
        body=lambda w: {"union_id": w.union_a2.pk, "kind": "person", "person": ""}),
    api("GET /api/competitions/competitions/{competition_id}/monthly", _id("competition_id", "cp_competition"), SA),
    api("POST /api/competitions/competitions/{competition_id}/monthly", _id("competition_id", "cp_competition"), SA,
        body=lambda w: {"indicator_id": w.cp_competition.indicators.first().pk, "month": "2099-01",
                        "values": [{"entry_id": w.cp_entry.pk, "value": 10}]}),
    api("GET /api/competitions/competitions/{competition_id}/red-flags", _id("competition_id", "cp_competition"), SA),
    api("POST /api/competitions/competitions/{competition_id}/red-flags", _id("competition_id", "cp_competition"), SA,
        body=lambda w: {"month": "2099-01"}),
    api("POST /api/competitions/entries/{entry_id}/score", _id("entry_id", "cp_entry"), SA,
        body=lambda w: {"score": 1000}),
    api("POST /api/competitions/competitions/{competition_id}/rank", _id("competition_id", "cp_competition"), SA),
    api("POST /api/competitions/unions/{union_id}/suggestions", _id("union_id", A1), A1,
        body=lambda w: {"title": "建议", "proposer": "甲", "submitted_on": DAY}),
    api("POST /api/competitions/unions/{union_id}/accidents", _id("union_id", A1), A1,
        body=lambda w: {"occurred_on": DAY, "description": "事故"}),
    api("POST /api/competitions/unions/{union_id}/nominations", _id("union_id", A1), A1,
        body=lambda w: {"honour_kind": "pioneer", "level": "county", "awarding_body": "县总工会", "reason": "理由"}),
    api("POST /api/competitions/nominations/{nomination_id}/advance", _id("nomination_id", "cp_nomination"), A2),
    api("POST /api/competitions/unions/{union_id}/pairs", _id("union_id", SA), SA, body=lambda w: {
        "model_union_id": w.union_a1.pk, "ordinary_union_id": w.union_a1.pk, "agreed_on": DAY}),
    api("POST /api/competitions/pairs/{pair_id}/activities", _id("pair_id", "cp_pair"), SA,
        body=lambda w: {"activity_id": w.activity.pk}),
]
