"""The filters of the congress lists, for their pages, exports and API alike (see gonghui.core.filters)."""

import django_filters as df
from django.db.models import Q, QuerySet

from gonghui.core.filters import DateFilter, ListFilters, RecordFilter, choice
from gonghui.members.choices import MemberStatus
from gonghui.org.union_filter import UnionFilter

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


class CongressFilters(ListFilters):
    union = UnionFilter()
    kind = choice("类别", CongressKind.choices)

    class Meta:
        model = Congress
        fields = ()


class DelegateFilters(ListFilters):
    union = UnionFilter()
    congress = RecordFilter(label="职代会", field_name="congress_id")
    occupation = choice("代表类别", Occupation.choices)
    state = choice("状态", (("active", "在任"), ("vacated", "已离会待补选"), ("left", "已离任")), method=_state)
    elected_start = DateFilter(label="当选日期自", field_name="elected_on", lookup_expr="gte")
    elected_end = DateFilter(label="至", field_name="elected_on", lookup_expr="lte")
    q = df.CharFilter(label="姓名", field_name="member__name", lookup_expr="startswith")

    class Meta:
        model = Delegate
        fields = ()


class ResolutionFilters(ListFilters):
    union = UnionFilter()
    passed = choice("表决结果", (("yes", "通过"), ("no", "未通过")),
                    method=lambda qs, name, value: qs.filter(passed=value == "yes"))
    decided_start = DateFilter(label="表决日期自", field_name="decided_on", lookup_expr="gte")
    decided_end = DateFilter(label="至", field_name="decided_on", lookup_expr="lte")

    class Meta:
        model = Resolution
        fields = ()
