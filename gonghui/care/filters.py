"""The filters of every care list, for their pages, exports and API alike (see gonghui.core.filters)."""

import django_filters as df
from django.db.models import QuerySet

from gonghui.core.filters import YearFilter, choice, contains, date_range, filters_meta
from gonghui.core.identifiers import ID_TAIL_RE
from gonghui.org.union_filter import UnionListFilters

from .choices import (
    AidPaymentKind,
    FundSource,
    HardshipCause,
    HardshipFileStatus,
    HardshipLevel,
    MedicalCategory,
    SchoolLevel,
    VisitCampaign,
    VisitReason,
)
from .models import (AidPayment, HardshipFile, HardshipFund, MedicalAidEnrolment, MedicalAidUnit, SchoolingGrant,
                     ServiceCard, Visit)


def member_search(prefix: str = "member__") -> df.CharFilter:
    """The last four of an ID number (the indexed `id_tail`), else the start of a name."""
    def search(qs: QuerySet, name: str, value: str) -> QuerySet:
        if ID_TAIL_RE.match(value):
            return qs.filter(**{f"{prefix}id_tail": value.upper()})
        return qs.filter(**{f"{prefix}name__startswith": value})
    return df.CharFilter(label="姓名/身份证后四位", method=search)


class FileFilters(UnionListFilters):
    q = member_search()
    status = choice("状态", HardshipFileStatus.choices)
    level = choice("困难类别", HardshipLevel.choices)
    # Causes are stored as ",illness,schooling,": the commas make one cause match exactly.
    cause = choice("致困原因", HardshipCause.choices,
                   method=lambda qs, name, cause: qs.filter(causes__contains=f",{cause},"))

    Meta = filters_meta(HardshipFile)


class AidFilters(UnionListFilters):
    start, end = date_range("paid_on", "起始日期", "截止日期")
    q = member_search("file__member__")
    kind = choice("救助类型", AidPaymentKind.choices)
    fund_source = choice("资金来源", FundSource.choices)

    Meta = filters_meta(AidPayment)


class FundFilters(UnionListFilters):
    q = contains("企业名称", "enterprise__name")

    Meta = filters_meta(HardshipFund)


class VisitFilters(UnionListFilters):
    start, end = date_range("visited_on", "起始日期", "截止日期")
    reason = choice("慰问事由", VisitReason.choices)
    campaign = choice("所属活动", VisitCampaign.choices)

    Meta = filters_meta(Visit)


class GrantFilters(UnionListFilters):
    start, end = date_range("granted_on", "起始日期", "截止日期")
    school_level = choice("学段", SchoolLevel.choices)

    Meta = filters_meta(SchoolingGrant)


class UnitFilters(UnionListFilters):
    year = YearFilter(label="参保年度")

    Meta = filters_meta(MedicalAidUnit)


class EnrolmentFilters(UnitFilters):
    q = member_search()
    category = choice("参保类别", MedicalCategory.choices)

    Meta = filters_meta(MedicalAidEnrolment)


class CardFilters(UnionListFilters):
    q = member_search()
    issued = choice("制卡", [("yes", "已制卡"), ("no", "待制卡")],
                    method=lambda qs, name, issued: qs.filter(issued_on__isnull=issued == "no"))

    Meta = filters_meta(ServiceCard)
