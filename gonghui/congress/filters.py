"""The filters of the congress lists, for their pages, exports and API alike (see gonghui.core.filters)."""

import django_filters as df
from django.db.models import Q, QuerySet

from gonghui.core.filters import RecordFilter, choice, date_range, filters_meta, yes_no
from gonghui.members.choices import MemberStatus
from gonghui.org.union_filter import UnionListFilters

from .models import Congress, CongressKind, Delegate, DelegateStatus, Occupation, Resolution


def in_office_q() -> Q:
    """In office: elected, not left, and still a member (a delegate who left the union left the delegation)."""
    return Q(status=DelegateStatus.ACTIVE, member__status=MemberStatus.ACTIVE)


def vacated_q() -> Q:
    """Still marked in office, but the member left the union: a seat waiting for its by-election."""
    return Q(status=DelegateStatus.ACTIVE) & ~Q(member__status=MemberStatus.ACTIVE)


def _state(qs: QuerySet, name: str, value: str) -> QuerySet:
    return {"active": qs.filter(in_office_q()), "vacated": qs.filter(vacated_q()),
            "left": qs.filter(status=DelegateStatus.LEFT)}[value]


class CongressFilters(UnionListFilters):
    kind = choice("类别", CongressKind.choices)

    Meta = filters_meta(Congress)


class DelegateFilters(UnionListFilters):
    congress = RecordFilter(label="职代会", field_name="congress_id")
    occupation = choice("代表类别", Occupation.choices)
    state = choice("状态", (("active", "在任"), ("vacated", "已离会待补选"), ("left", "已离任")), method=_state)
    elected_start, elected_end = date_range("elected_on", "当选日期自")
    q = df.CharFilter(label="姓名", field_name="member__name", lookup_expr="startswith")

    Meta = filters_meta(Delegate)


class ResolutionFilters(UnionListFilters):
    passed = yes_no("表决结果", "passed", "通过", "未通过")
    decided_start, decided_end = date_range("decided_on", "表决日期自")

    Meta = filters_meta(Resolution)
