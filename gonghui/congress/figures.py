"""The congress figures in the registry (gonghui.core.figures), under 民主管理 where the source summaries write
"召开教代会……民主评议干部": delegates elected, sessions held, resolutions passed, subjects evaluated.

A delegate counts when elected, a session when held, a resolution when it passed (on its session's day), an
evaluated person or item on the day of its evaluation.
"""

from django.db.models import QuerySet

from gonghui.core.figures import Column, Figure, Section
from gonghui.core.periods import Period
from gonghui.core.links import record_link

from .models import Delegate, Resolution, Session, Subject


def _elected(period: Period) -> QuerySet:
    return Delegate.objects.select_related("union", "congress", "constituency", "member").filter(
        elected_on__range=period.span)


def _held(period: Period) -> QuerySet:
    return Session.objects.select_related("union", "congress").filter(held_on__range=period.span)


def _passed(period: Period) -> QuerySet:
    return Resolution.objects.select_related("union", "session__congress").filter(
        passed=True, decided_on__range=period.span)


def _evaluated(period: Period) -> QuerySet:
    return Subject.objects.select_related("union", "evaluation").filter(evaluation__held_on__range=period.span)


_congress_url = record_link("congress:congress_detail", "congress_id")
_session_url = record_link("congress:session_detail")


UNION = Column("工会", "union.name")

FIGURES = (
    Figure(
        key="congress.delegates_elected", label="选举职工（教职工）代表", sentence="选举代表{value}名", unit="名",
        definition="当选日期在期间内的职代会、教代会和会员代表大会代表，含补选。",
        section=Section.DEMOCRACY, records=_elected, month_field="elected_on", ranked=True,
        record_url=_congress_url,
        columns=(UNION, Column("职代会", "congress"), Column("代表团（选区）", "constituency.name"),
                 Column("代表", "member.name"), Column("代表类别", "get_occupation_display"),
                 Column("当选日期", "elected_on")),
    ),
    Figure(
        key="congress.sessions_held", label="召开职代会（教代会）", sentence="召开职代会（教代会）{value}次", unit="次",
        definition="召开日期在期间内的会议，含临时会议。",
        section=Section.DEMOCRACY, records=_held, month_field="held_on", ranked=True, record_url=_session_url,
        columns=(UNION, Column("会议", "name"), Column("召开日期", "held_on"), Column("应到代表", "delegates_total"),
                 Column("实到代表", "delegates_present")),
    ),
    Figure(
        key="congress.resolutions_passed", label="审议通过决议", sentence="审议通过决议{value}项", unit="项",
        definition="表决日期在期间内、按本届表决规则获得通过的决议。",
        section=Section.DEMOCRACY, records=_passed, month_field="decided_on",
        record_url=record_link("congress:session_detail", "session_id"),
        columns=(UNION, Column("会议", "session.name"), Column("决议", "title"), Column("赞成", "votes_for"),
                 Column("反对", "votes_against"), Column("弃权", "votes_abstain"), Column("表决日期", "decided_on")),
    ),
    Figure(
        key="congress.subjects_evaluated", label="民主评议", sentence="民主评议干部和工作{value}人（项）",
        unit="人（项）", definition="评议日期在期间内的民主评议中被评议的干部和工作事项。",
        section=Section.DEMOCRACY, records=_evaluated,
        record_url=record_link("congress:evaluation_detail", "evaluation_id"),
        columns=(UNION, Column("评议", "evaluation.title"), Column("评议对象", "name"), Column("职务", "post"),
                 Column("票数", "ballots")),
    ),
)
