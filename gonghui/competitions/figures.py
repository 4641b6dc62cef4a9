"""The competitions figures in the registry (gonghui.core.figures), under 考核与竞赛.

A competition counts in every period it runs in; an entry by its competition's run. A suggestion counts
when proposed, a pair's joint activity by the ledger entry's date. Teams are counted as they stand
(graded: their 班组升级 assessment named), and pairs once agreed by the period's end.
"""

from django.db.models import QuerySet

from gonghui.core.figures import Column, Figure, Section, Style
from gonghui.core.periods import Period
from gonghui.core.links import record_link

from .models import Competition, Entry, EntryKind, PairActivity, Pair, Suggestion, Team


def _competitions(period: Period) -> QuerySet:
    return Competition.objects.select_related("union").filter(starts_on__lte=period.end, ends_on__gte=period.start)


def _entrants(period: Period) -> QuerySet:
    return Entry.objects.select_related("union", "competition").filter(
        kind=EntryKind.UNION, competition__starts_on__lte=period.end, competition__ends_on__gte=period.start)


def _adopted(period: Period) -> QuerySet:
    return Suggestion.objects.select_related("union").filter(adopted=True,
                                                             submitted_on__range=period.span)


def _graded(period: Period) -> QuerySet:
    return Team.objects.select_related("union", "grade_assessment").filter(grade_assessment__status="named")


def _pairs(period: Period) -> QuerySet:
    return Pair.objects.select_related("union", "model_union", "ordinary_union").filter(agreed_on__lte=period.end)


def _joint(period: Period) -> QuerySet:
    return PairActivity.objects.select_related("pair__model_union", "pair__ordinary_union", "activity").filter(
        activity__date__range=period.span)


_competition_url = record_link("competitions:competition_detail")


SUGGESTION = (Column("工会", "union.name"), Column("建议名称", "title"), Column("建议人", "proposer"),
              Column("提出日期", "submitted_on"), Column("创造效益（元）", "value"))

FIGURES = (
    Figure(key="competitions.competitions", label="劳动竞赛", sentence="开展劳动竞赛{value}项", unit="项",
           definition="期内开展（竞赛期与期间相交）的劳动竞赛，含立功竞赛、“三零”、“安康杯”、技能比武、节能降耗等。",
           section=Section.CHECKS, records=_competitions, record_url=_competition_url,
           columns=(Column("组织单位", "union.name"), Column("竞赛名称", "title"), Column("竞赛主题", "get_theme_display"),
                    Column("开始日期", "starts_on"), Column("结束日期", "ends_on"))),
    Figure(key="competitions.entrants", label="参赛企业", sentence="有{value}家（次）企业参加劳动竞赛", unit="家",
           definition="期内开展的劳动竞赛中以企业（工会）报名参赛的，参加两项竞赛的企业计两次。",
           section=Section.CHECKS, records=_entrants, ranked=True,
           record_url=lambda entry: _competition_url(entry.competition),
           columns=(Column("竞赛名称", "competition.title"), Column("参赛单位", "union.name"), Column("得分", "score"),
                    Column("名次", "rank"))),
    Figure(key="competitions.suggestions_adopted", label="采纳合理化建议", sentence="采纳合理化建议{value}条",
           unit="条", definition="期内提出（提出日期）并已采纳的合理化建议。",
           section=Section.CHECKS, records=_adopted, month_field="submitted_on", columns=SUGGESTION),
    Figure(key="competitions.suggestions_value", label="合理化建议创造效益", sentence="创造效益{value}万元",
           unit="万元", total="value", style=Style.WAN,
           definition="期内提出并已采纳的合理化建议所创造效益之和。",
           section=Section.CHECKS, records=_adopted, month_field="submitted_on", columns=SUGGESTION),
    Figure(key="competitions.teams_graded", label="定级班组", sentence="班组升级定级{value}个", unit="个",
           definition="现有班组中经班组升级考核命名定级（未摘牌）的，按等级见班组列表。",
           section=Section.CHECKS, records=_graded,
           record_url=record_link("competitions:team_detail"),
           columns=(Column("工会", "union.name"), Column("班组名称", "name"), Column("班组长", "leader_name"),
                    Column("等级", "grade"))),
    Figure(key="competitions.pairs", label="结对共建", sentence="组织{value}对工会结对共建", unit="对",
           definition="期末前已签订结对协议的优秀企业工会与普通企业工会。",
           section=Section.CHECKS, records=_pairs,
           record_url=record_link("competitions:pair_detail"),
           columns=(Column("优秀企业工会", "model_union.name"), Column("普通企业工会", "ordinary_union.name"),
                    Column("结对日期", "agreed_on"))),
    Figure(key="competitions.pair_activities", label="共建活动", sentence="开展共建活动{value}项", unit="项",
           definition="期内（台帐活动日期）结对双方开展、记入结对的共建活动。",
           section=Section.CHECKS, records=_joint, month_field="activity__date",
           record_url=record_link("competitions:pair_detail", "pair_id"),
           columns=(Column("优秀企业工会", "pair.model_union.name"), Column("普通企业工会", "pair.ordinary_union.name"),
                    Column("活动", "activity.title"), Column("日期", "activity.date"))),
)
