"""The ledger's figures in the registry (gonghui.core.figures), phrased as the source summaries phrase them:
"三级网络教育基地共举办各类职工免费培训五期，近200名职工参加了培训 … 共举办4期职工技能比武 … 至今社区已经开展
102期一小时讲堂活动 … 街道总工会共投入资金近6万元 … 被评为区级工人先锋号".

Activities, contest results and honours are counted by their date (a contest result by its contest's date).
Participants are the entries' 参加人数 added up: person-times, as a person at two activities counts twice.
The ledger list and its export show the same sums (`ledger_totals`) over whatever filter the list has.
"""

from collections.abc import Mapping

from django.db.models import Count, QuerySet, Sum

from gonghui.core.figures import Column, Figure, Section, Style, figure_get
from gonghui.core.periods import Period
from gonghui.core.links import record_link

from .models import Activity, ActivityKind, ActivityResult, Honour, HonourLevel

# The chapter of the year summary each kind of activity is written in.
KIND_SECTIONS = {
    ActivityKind.MEETING: Section.ORGANISATION, ActivityKind.STUDY: Section.QUALITY,
    ActivityKind.CULTURE_SPORTS: Section.CULTURE, ActivityKind.FESTIVAL: Section.CULTURE,
    ActivityKind.COMPETITION: Section.QUALITY, ActivityKind.SKILL_CONTEST: Section.QUALITY,
    ActivityKind.TRAINING: Section.QUALITY, ActivityKind.LEGAL_EDUCATION: Section.RIGHTS,
    ActivityKind.PUBLICITY: Section.CULTURE, ActivityKind.OTHER: Section.ORGANISATION,
}
KIND_SENTENCES = {
    ActivityKind.MEETING: "召开会议座谈{value}次", ActivityKind.STUDY: "开展学习教育活动{value}次",
    ActivityKind.CULTURE_SPORTS: "组织开展文体活动{value}次", ActivityKind.FESTIVAL: "开展节日活动{value}次",
    ActivityKind.COMPETITION: "开展劳动竞赛{value}项", ActivityKind.SKILL_CONTEST: "共举办{value}期职工技能比武",
    ActivityKind.TRAINING: "共举办各类职工培训{value}期", ActivityKind.LEGAL_EDUCATION: "开展普法教育活动{value}次",
    ActivityKind.PUBLICITY: "开展宣传活动{value}次", ActivityKind.OTHER: "开展其他活动{value}次",
}
HONOUR_LEVEL_WORDS = {HonourLevel.COMMUNITY: "社区级", HonourLevel.STREET: "街道级", HonourLevel.COUNTY: "县（区）级",
                      HonourLevel.CITY: "市级", HonourLevel.PROVINCE: "省级", HonourLevel.NATIONAL: "国家级"}


def _activities(period: Period) -> QuerySet:
    return Activity.objects.filter(date__range=period.span)


def _of_kind(kind: str):
    return lambda period: _activities(period).filter(kind=kind)


def _series(period: Period) -> QuerySet:
    return _activities(period).exclude(series="")


def _results(period: Period) -> QuerySet:
    return ActivityResult.objects.filter(activity__date__range=period.span)


def _podium(period: Period) -> QuerySet:
    return _results(period).filter(rank__range=(1, 3))


def _honours(period: Period) -> QuerySet:
    return Honour.objects.filter(date__range=period.span)


def _of_level(level: str):
    return lambda period: _honours(period).filter(level=level)


_activity_url = record_link("ledger:detail")


ACTIVITY_COLUMNS = (Column("日期", "date"), Column("工会", "union.name"), Column("类别", "get_kind_display"),
                    Column("活动名称", "title"), Column("系列活动", "series"), Column("参加人数", "participant_count"),
                    Column("费用（元）", "cost"))
RESULT_COLUMNS = (Column("比赛日期", "activity.date"), Column("比赛", "activity.title"), Column("获奖者", "winner"),
                  Column("名次", "rank"), Column("奖项", "prize"))
HONOUR_COLUMNS = (Column("表彰日期", "date"), Column("工会", "union.name"), Column("获表彰者", "recipient"),
                  Column("荣誉称号", "title"), Column("级别", "get_level_display"), Column("授予单位", "awarding_body"))
IN_PERIOD = "日期在期间内的活动台帐"


def _activity_figure(key: str, label: str, sentence: str, definition: str, records, *,
                     section: Section = Section.ORGANISATION, **extra) -> Figure:
    return Figure(key=f"ledger.{key}", label=label, sentence=sentence, definition=definition, section=section,
                  records=records, columns=ACTIVITY_COLUMNS, month_field="date", record_url=_activity_url,
                  **{"unit": "次", **extra})


def _honour_figure(key: str, label: str, sentence: str, definition: str, records, **extra) -> Figure:
    return Figure(key=f"ledger.{key}", label=label, sentence=sentence, definition=definition, unit="项",
                  section=Section.CHECKS, records=records, columns=HONOUR_COLUMNS, month_field="date",
                  record_url=record_link("ledger:honour_detail"), **extra)


def _result_figure(key: str, label: str, sentence: str, definition: str, records) -> Figure:
    return Figure(key=f"ledger.{key}", label=label, sentence=sentence, definition=definition, unit="项",
                  section=Section.QUALITY, records=records, columns=RESULT_COLUMNS, month_field="activity__date",
                  record_url=lambda result: _activity_url(result.activity))


ACTIVITIES = (
    _activity_figure("activities", "开展活动", "共开展各类活动{value}次", f"{IN_PERIOD}条数，一次活动登记一条。",
                     _activities, ranked=True),
    _activity_figure("participants", "参加职工", "参加职工{value}人次",
                     f"{IN_PERIOD}的参加人数之和（人次：同一人参加两次计两次）。", _activities, unit="人次",
                     total="participant_count"),
    _activity_figure("cost", "投入资金", "共投入资金{value}万元", f"{IN_PERIOD}的费用之和。", _activities,
                     unit="万元", total="cost", style=Style.WAN),
    *(_activity_figure(f"activities_{kind.value}", str(kind.label), KIND_SENTENCES[kind],
                       f"{IN_PERIOD}中类别为“{kind.label}”的。", _of_kind(kind.value), section=KIND_SECTIONS[kind])
      for kind in ActivityKind),
    _activity_figure("training_participants", "参加培训职工", "{value}名职工参加了培训",
                     f"{IN_PERIOD}中培训讲座的参加人数之和。", _of_kind(ActivityKind.TRAINING),
                     section=Section.QUALITY, unit="名", total="participant_count"),
    _activity_figure("series_sessions", "系列活动", "开展系列活动{value}期",
                     f"{IN_PERIOD}中填了系列活动名称的（每期一条），各系列的期数见按系列统计。", _series,
                     section=Section.QUALITY, unit="期"),
)

RESULTS = (
    _result_figure("contest_results", "比赛获奖", "获得名次和奖项{value}项",
                   "比赛日期在期间内的劳动竞赛、技能比武和文体比赛登记的名次与奖项，一人（一队）一项计一次。", _results),
    _result_figure("contest_podium", "获得前三名", "获得前三名{value}项", "上述名次与奖项中名次为第一至第三名的。",
                   _podium),
)

HONOURS = (
    _honour_figure("honours", "获得表彰", "获得各级表彰{value}项",
                   "表彰日期在期间内、记在本级及下级工会台帐的表彰，个人、集体和工会组织的都计。", _honours, ranked=True),
    *(_honour_figure(f"honours_{level.value}", f"{level.label}表彰", f"获{HONOUR_LEVEL_WORDS[level]}表彰{{value}}项",
                     f"上述表彰中级别为“{level.label}”的。", _of_level(level.value)) for level in HonourLevel),
)

FIGURES = (*ACTIVITIES, *RESULTS, *HONOURS)

# The ledger list's total row: the figures' own sums, over the list's filter instead of a period.
TOTALS = ("ledger.participants", "ledger.cost")


def ledger_totals(qs: QuerySet) -> Mapping[str, object]:
    """A filtered activity list's total row in one query: {"entries": …, "participants": …, "cost": …}.

    The entries are counted exactly, however long the list (its pager stops counting at a cap).
    """
    figures = {key.removeprefix("ledger."): figure_get(key) for key in TOTALS}
    sums = qs.order_by().aggregate(entries=Count("id"),
                                   **{name: Sum(figure.total) for name, figure in figures.items()})
    return {name: sums[name] or 0 for name in ("entries", *figures)}
