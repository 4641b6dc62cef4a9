"""The filters of the ledger lists (activities, honours, news reports), for pages, exports and API alike."""

import django_filters as df
from django.db.models import Q, QuerySet

from gonghui.core.filters import RecordFilter, choice, date_range, filters_meta
from gonghui.core.identifiers import ID_TAIL_RE
from gonghui.core.scoping import visible
from gonghui.members.models import Member
from gonghui.org.union_filter import UnionListFilters

from .models import Activity, ActivityKind, ActivityParticipant, Honour, HonourLevel, NewsReport


def matching_members(*, user, text: str) -> QuerySet[Member]:
    """Members named `text`, or whose ID number ends with it (4 characters)."""
    text = text.strip()
    qs = visible(Member.objects.all(), user)
    return qs.filter(id_tail=text.upper()) if ID_TAIL_RE.match(text) else qs.filter(name=text)


class LedgerFilters(UnionListFilters):
    """What every ledger list filters by; `filter_participant` is each list's own."""

    date_from, date_to = date_range("date", "起始日期", "截止日期")
    participant = df.CharFilter(label="人员（姓名/身份证后四位）", max_length=30, method="filter_participant")
    q = df.CharFilter(label="名称含", max_length=60, field_name="title", lookup_expr="contains")

    def members(self, text: str) -> QuerySet[Member]:
        return matching_members(user=self.user, text=text)


class ActivityFilters(LedgerFilters):
    kind = choice("类别", ActivityKind.choices)
    series = df.CharFilter(label="系列活动", max_length=60, field_name="series")
    plan_item = RecordFilter(field_name="plan_item_id")

    Meta = filters_meta(Activity)

    def filter_participant(self, qs, name, text):
        taking_part = ActivityParticipant.objects.filter(member_id__in=self.members(text).values("id"))
        return qs.filter(pk__in=taking_part.values("activity_id"))


class HonourFilters(LedgerFilters):
    level = choice("级别", HonourLevel.choices)

    Meta = filters_meta(Honour)

    def filter_participant(self, qs, name, text):
        return qs.filter(member__in=self.members(text))


class NewsFilters(LedgerFilters):
    Meta = filters_meta(NewsReport)

    def filter_participant(self, qs, name, text):
        return qs.filter(Q(reporter__in=self.members(text)) | Q(reporter_name=text))
