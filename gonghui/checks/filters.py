"""The filters of the checks lists, for their pages, exports and API alike (see gonghui.core.filters)."""

import django_filters as df

from gonghui.core.filters import RecordFilter, YearFilter, choice, contains, date_range, filters_meta
from gonghui.org.union_filter import UnionListFilters

from .models import Assessment, AssessmentStatus, Campaign, NoticeStatus, Rubric, RubricKind, SupervisionNotice


class RubricFilters(UnionListFilters):
    kind = choice("考核类别", RubricKind.choices)
    q = contains("细则名称", "name")

    Meta = filters_meta(Rubric)


class CampaignFilters(UnionListFilters):
    year = YearFilter(label="年度", field_name="year")
    kind = choice("考核类别", RubricKind.choices, field_name="rubric__kind")

    Meta = filters_meta(Campaign)


class AssessmentFilters(UnionListFilters):
    year = YearFilter(label="年度", field_name="campaign__year")
    kind = choice("考核类别", RubricKind.choices, field_name="campaign__rubric__kind")
    status = choice("状态", AssessmentStatus.choices)
    level = df.CharFilter(label="等次", field_name="level")
    campaign = RecordFilter(label="考核", field_name="campaign_id")
    reviewed_start, reviewed_end = date_range("reviewed_on", "复核日期自")

    Meta = filters_meta(Assessment)


class NoticeFilters(UnionListFilters):
    status = choice("状态", NoticeStatus.choices)
    open = choice("是否整改完毕", (("yes", "未整改完毕"),), method=lambda qs, name, value: qs.exclude(
        status=NoticeStatus.CLOSED))

    Meta = filters_meta(SupervisionNotice)
