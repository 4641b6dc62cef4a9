"""The filters of the checks lists, for their pages, exports and API alike (see gonghui.core.filters)."""

import django_filters as df

from gonghui.core.filters import DateFilter, ListFilters, RecordFilter, YearFilter, choice
from gonghui.org.union_filter import UnionFilter

from .models import Assessment, AssessmentStatus, Campaign, NoticeStatus, Rubric, RubricKind, SupervisionNotice


class RubricFilters(ListFilters):
    union = UnionFilter()
    kind = choice("考核类别", RubricKind.choices)
    q = df.CharFilter(label="细则名称", field_name="name", lookup_expr="contains")

    class Meta:
        model = Rubric
        fields = ()


class CampaignFilters(ListFilters):
    union = UnionFilter()
    year = YearFilter(label="年度", field_name="year")
    kind = choice("考核类别", RubricKind.choices, field_name="rubric__kind")

    class Meta:
        model = Campaign
        fields = ()


class AssessmentFilters(ListFilters):
    union = UnionFilter()
    year = YearFilter(label="年度", field_name="campaign__year")
    kind = choice("考核类别", RubricKind.choices, field_name="campaign__rubric__kind")
    status = choice("状态", AssessmentStatus.choices)
    level = df.CharFilter(label="等次", field_name="level")
    campaign = RecordFilter(label="考核", field_name="campaign_id")
    reviewed_start = DateFilter(label="复核日期自", field_name="reviewed_on", lookup_expr="gte")
    reviewed_end = DateFilter(label="至", field_name="reviewed_on", lookup_expr="lte")

    class Meta:
        model = Assessment
        fields = ()


class NoticeFilters(ListFilters):
    union = UnionFilter()
    status = choice("状态", NoticeStatus.choices)
    open = choice("是否整改完毕", (("yes", "未整改完毕"),), method=lambda qs, name, value: qs.exclude(
        status=NoticeStatus.CLOSED))

    class Meta:
        model = SupervisionNotice
        fields = ()
