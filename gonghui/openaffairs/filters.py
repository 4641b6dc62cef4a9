"""The filters of the open-affairs lists, for their pages, exports and API alike (see gonghui.core.filters)."""

from datetime import date

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from gonghui.core.filters import YearFilter, choice, contains, date_range, filters_meta
from gonghui.org.union_filter import UnionListFilters

from .models import (
    CatalogueItem,
    CatalogueItemState,
    Comment,
    CommentKind,
    Posting,
    PostingCategory,
    PostingKind,
    PostingStatus,
)


def missed_q(today: date) -> Q:
    """Due before today and not up by its due day: posted late, or not at all."""
    return Q(due_on__lt=today) & (Q(posted_on__isnull=True) | Q(posted_on__gt=F("due_on")))


def on_time_q() -> Q:
    return Q(posted_on__lte=F("due_on"))


def item_state(qs: QuerySet, state: str, today: date | None = None) -> QuerySet:
    today = today or timezone.localdate()
    if state == CatalogueItemState.ON_TIME:
        return qs.filter(on_time_q())
    if state == CatalogueItemState.LATE:
        return qs.filter(posted_on__gt=F("due_on"))
    if state == CatalogueItemState.MISSED:
        return qs.filter(missed_q(today))
    return qs.filter(posted_on__isnull=True, due_on__gte=today)


class PostingFilters(UnionListFilters):
    kind = choice("栏目", PostingKind.choices)
    category = choice("公开类别", PostingCategory.choices)
    status = choice("状态", PostingStatus.choices)
    approved_start, approved_end = date_range("approved_on", "审批日期自")
    q = contains("标题", "title")

    Meta = filters_meta(Posting)


class ItemFilters(UnionListFilters):
    year = YearFilter(label="年度", field_name="year")
    category = choice("公开类别", PostingCategory.choices)
    state = choice("公开情况", CatalogueItemState.choices, method=lambda qs, name, state: item_state(qs, state))

    Meta = filters_meta(CatalogueItem)


def _answered(qs: QuerySet, name: str, value: str) -> QuerySet:
    return qs.exclude(answer="") if value == "yes" else qs.filter(answer="")


class CommentFilters(UnionListFilters):
    kind = choice("类型", CommentKind.choices)
    answered = choice("答复情况", (("no", "未答复"), ("yes", "已答复")), method=_answered)
    q = contains("公开事项标题", "posting__title")

    Meta = filters_meta(Comment)
