"""The filters of the finance lists, for their pages, exports and API alike (see gonghui.core.filters)."""

from datetime import date

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils import timezone

from gonghui.core.filters import YearFilter, choice, contains, date_range, filters_meta
from gonghui.org.union_filter import UnionListFilters

from .models import (
    AllocationChannel,
    AllocationPayment,
    AuditFinding,
    AuditProject,
    AuditStatus,
    DuesPayment,
    PeriodClose,
    Voucher,
    VoucherLine,
    VoucherStatus,
)


def overdue_q(today: date, prefix: str = "") -> Q:
    """A rectification notice whose deadline has passed without the audit being closed."""
    return Q(**{f"{prefix}status": AuditStatus.NOTIFIED, f"{prefix}deadline__lt": today})


class VoucherFilters(UnionListFilters):
    year = YearFilter(label="会计年度", field_name="year")
    status = choice("状态", VoucherStatus.choices)
    start, end = date_range("date", "日期自")
    q = contains("摘要", "summary")

    Meta = filters_meta(Voucher)


class LineFilters(UnionListFilters):
    code = df.CharFilter(label="科目编号（含明细）", field_name="code", lookup_expr="startswith")
    start, end = date_range("date", "日期自")

    Meta = filters_meta(VoucherLine)


class AllocationFilters(UnionListFilters):
    channel = choice("缴纳方式", AllocationChannel.choices)
    start, end = date_range("month", "所属月份自")
    q = contains("企业名称", "enterprise__name")

    Meta = filters_meta(AllocationPayment)


class DuesFilters(UnionListFilters):
    start, end = date_range("month", "所属月份自")

    Meta = filters_meta(DuesPayment)


class FilingFilters(UnionListFilters):
    year = YearFilter(label="会计年度", field_name="books__year")

    Meta = filters_meta(PeriodClose)


def _overdue(qs: QuerySet, name: str, value: str) -> QuerySet:
    return qs.filter(overdue_q(timezone.localdate()))


class AuditFilters(UnionListFilters):
    year = YearFilter(label="审查年度", field_name="year")
    status = choice("状态", AuditStatus.choices)
    overdue = choice("整改", (("yes", "逾期未整改"),), method=_overdue)

    Meta = filters_meta(AuditProject)


def _finding_state(qs: QuerySet, name: str, value: str) -> QuerySet:
    if value == "overdue":
        return qs.filter(overdue_q(timezone.localdate(), "project__"))
    if value == "closed":
        return qs.filter(project__status=AuditStatus.CLOSED)
    return qs.exclude(project__status=AuditStatus.CLOSED)


class FindingFilters(UnionListFilters):
    state = choice("整改情况", (("open", "未销号"), ("overdue", "逾期未整改"), ("closed", "已销号")),
                   method=_finding_state)

    Meta = filters_meta(AuditFinding)



