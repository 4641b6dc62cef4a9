"""The filters of the proposal list, for its page, export and API alike (see gonghui.core.filters)."""

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from gonghui.core.filters import RecordFilter, choice, contains, date_range, filters_meta
from gonghui.org.union_filter import UnionListFilters

from .choices import OPEN_STATES
from .models import Proposal, ProposalCategory, ProposalState


def overdue_q(today: date) -> Q:
    """Assigned, not yet replied to, its deadline passed."""
    return Q(state__in=OPEN_STATES, due_on__lt=today)


def _overdue(qs: QuerySet, name: str, value: str) -> QuerySet:
    q = overdue_q(timezone.localdate())
    return qs.filter(q) if value == "yes" else qs.exclude(q)


class ProposalFilters(UnionListFilters):
    session = RecordFilter(label="会议", field_name="session_id")
    state = choice("状态", ProposalState.choices)
    category = choice("类别", ProposalCategory.choices)
    overdue = choice("办理期限", (("yes", "已逾期"), ("no", "未逾期")), method=_overdue)
    lead = RecordFilter(label="主办部门", field_name="lead_id")
    submitted_start, submitted_end = date_range("submitted_on", "提交日期自")
    q = contains("案由", "title")

    Meta = filters_meta(Proposal)
