"""The proposal figures in the registry (gonghui.core.figures), under 民主管理 ("积极开展教职工代表提案征集工作"):
proposals received, accepted and merged, replies and replies on time, verdicts and the satisfaction rate.

A proposal counts as received on the day it was submitted (as an opinion too, if late), as accepted or merged
on the day the committee reviewed it, as replied on the day of its (latest) reply, on time if that day was
not after its deadline, and in the satisfaction rate on the day of the proposer's (latest) verdict.
"""

from django.db.models import F, QuerySet

from gonghui.core.figures import Column, Figure, Ratio, Section
from gonghui.core.periods import Period
from gonghui.core.links import record_link

from .models import Proposal, ProposalState, ProposalVerdict

ACCEPTED_STATES = (ProposalState.ACCEPTED, ProposalState.ASSIGNED, ProposalState.HANDLING, ProposalState.REPLIED,
                   ProposalState.TO_JUDGE, ProposalState.CLOSED, ProposalState.DONE)


def _proposals() -> QuerySet:
    return Proposal.objects.select_related("union", "session__congress", "proposer__member", "delegation", "lead")


def _received(period: Period) -> QuerySet:
    return _proposals().filter(submitted_on__range=period.span)


def _accepted(period: Period) -> QuerySet:
    return _proposals().filter(state__in=ACCEPTED_STATES, reviewed_on__range=period.span)


def _merged(period: Period) -> QuerySet:
    return _proposals().filter(state=ProposalState.MERGED, reviewed_on__range=period.span)


def _replied(period: Period) -> QuerySet:
    return _proposals().filter(replied_on__range=period.span)


def _on_time(period: Period) -> QuerySet:
    return _replied(period).filter(replied_on__lte=F("due_on"))


def _judged(period: Period) -> QuerySet:
    return _proposals().exclude(verdict="").filter(verdict_on__range=period.span)


def _satisfied(period: Period) -> QuerySet:
    return _judged(period).filter(verdict__in=(ProposalVerdict.SATISFIED, ProposalVerdict.BASIC))


_url = record_link("proposals:proposal_detail")


COLUMNS = (Column("工会", "union.name"), Column("会议", "session.name"), Column("编号", "number"),
           Column("案由", "title"), Column("类别", "get_category_display"), Column("提案人", "author"),
           Column("状态", "get_state_display"))


def _figure(key: str, label: str, sentence: str, definition: str, records, month_field: str, *extra: Column,
            **kw) -> Figure:
    return Figure(key=f"proposals.{key}", label=label, sentence=sentence, unit="件", definition=definition,
                  section=Section.DEMOCRACY, records=records, month_field=month_field, record_url=_url,
                  columns=(*COLUMNS, *extra), **kw)


FIGURES = (
    _figure("received", "收到提案", "收到代表提案{value}件", "提交日期在期间内的提案，含逾期提交转为意见建议的。",
            _received, "submitted_on", Column("提交日期", "submitted_on"), ranked=True),
    _figure("accepted", "立案", "立案{value}件", "审查日期在期间内、经提案工作委员会立案的提案（含其后的办理各阶段）。",
            _accepted, "reviewed_on", Column("审查日期", "reviewed_on")),
    _figure("merged", "并案", "并案{value}件", "审查日期在期间内、并入其他提案的提案。",
            _merged, "reviewed_on", Column("审查日期", "reviewed_on")),
    _figure("replied", "答复提案", "答复{value}件", "答复日期（最近一次答复）在期间内的提案。",
            _replied, "replied_on", Column("办理期限", "due_on"), Column("答复日期", "replied_on")),
    _figure("replied_on_time", "按期答复", "按期答复{value}件", "答复日期在期间内、且不晚于办理期限（含延期）的提案。",
            _on_time, "replied_on", Column("办理期限", "due_on"), Column("答复日期", "replied_on")),
    _figure("judged", "提案人评价", "提案人评价{value}件", "评价日期（最近一次评价）在期间内的提案。",
            _judged, "verdict_on", Column("评价", "get_verdict_display"), Column("评价日期", "verdict_on")),
    _figure("satisfied", "满意和基本满意", "满意和基本满意{value}件", "评价日期在期间内、提案人评价为满意或基本满意的提案。",
            _satisfied, "verdict_on", Column("评价", "get_verdict_display"), Column("评价日期", "verdict_on")),
    Ratio(key="proposals.on_time_rate", label="按期答复率", sentence="按期答复率{value}",
          definition="按期答复率 = 按期答复的提案数 ÷ 期间内答复的提案数。", section=Section.DEMOCRACY,
          numerator="proposals.replied_on_time", denominator="proposals.replied"),
    Ratio(key="proposals.satisfaction_rate", label="满意率", sentence="满意率{value}",
          definition="满意率 = 满意和基本满意的提案数 ÷ 期间内提案人评价的提案数。", section=Section.DEMOCRACY,
          numerator="proposals.satisfied", denominator="proposals.judged"),
)
