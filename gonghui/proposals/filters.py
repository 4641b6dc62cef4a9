"""The filters of the proposal list, for its page, export and API alike (see gonghui.core.filters)."""

from datetime import date

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils import timezone

from gonghui.core.filters import DateFilter, ListFilters, RecordFilter, choice
from gonghui.org.union_filter import UnionFilter

from .choices import OPEN_STATES
from .models import Proposal, ProposalCategory, ProposalState


def overdue_q(today: date) -> Q:
    """Assigned, not yet replied to, its deadline passed."""
    return Q(state__in=OPEN_STATES, due_on__lt=today)


def _overdue(qs: QuerySet, name: str, value: str) -> QuerySet:
    q = overdue_q(timezone.localdate())
    return qs.filter(q) if value == "yes" else qs.exclude(q)


class ProposalFilters(ListFilters):
    union = UnionFilter()
    session = RecordFilter(label="会议", field_name="session_id")
    state = choice("状态", ProposalState.choices)
    category = choice("类别", ProposalCategory.choices)
    overdue = choice("办理期限", (("yes", "已逾期"), ("no", "未逾期")), method=_overdue)
    lead = RecordFilter(label="主办部门", field_name="lead_id")
    submitted_start = DateFilter(label="提交日期自", field_name="submitted_on", lookup_expr="gte")
    submitted_end = DateFilter(label="至", field_name="submitted_on", lookup_expr="lte")
    q = df.CharFilter(label="案由", field_name="title", lookup_expr="contains")

    class Meta:
        model = Proposal
        fields = ()
