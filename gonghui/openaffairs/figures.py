"""The open-affairs figures in the registry (gonghui.core.figures), under 民主管理 where the source summaries
write 厂务公开 ("把厂务公开、民主管理与公司党政的中心工作……有机结合").

A catalogue item counts in the period that holds its due day: posted on time, or missed once the day has
passed without it (posted late, or not at all). Postings count when approved (the day they went up).
"""

from django.db.models import QuerySet
from django.utils import timezone

from gonghui.core.figures import Column, Figure, Section
from gonghui.core.periods import Period
from gonghui.core.links import record_link

from .filters import missed_q, on_time_q
from .models import CatalogueItem, Comment, Posting, PostingStatus


def _postings(period: Period) -> QuerySet:
    return Posting.objects.select_related("union", "approved_by").filter(
        status=PostingStatus.APPROVED, approved_on__range=period.span)


def _items(period: Period) -> QuerySet:
    return CatalogueItem.objects.select_related("union").filter(due_on__range=period.span)


def _on_time(period: Period) -> QuerySet:
    return _items(period).filter(on_time_q())


def _missed(period: Period) -> QuerySet:
    # Missed is "its day has passed": the figure of a period still running grows as its days pass.
    return _items(period).filter(missed_q(timezone.localdate()))


def _asked(period: Period) -> QuerySet:
    return Comment.objects.select_related("union", "posting").filter(asked_on__range=period.span)


def _answered(period: Period) -> QuerySet:
    return Comment.objects.select_related("union", "posting").exclude(answer="").filter(
        answered_on__range=period.span)


_posting_url = record_link("openaffairs:posting_detail")
_comment_url = record_link("openaffairs:posting_detail", "posting_id")


UNION = Column("工会", "union.name")
ITEM = (UNION, Column("年度", "year"), Column("公开类别", "get_category_display"), Column("公开事项", "title"),
        Column("应公开日期", "due_on"), Column("职代会表决日期", "vote_on"), Column("公开日期", "posted_on"))
COMMENT = (UNION, Column("公开事项", "posting.title"), Column("类型", "get_kind_display"), Column("提出日期", "asked_on"))

FIGURES = (
    Figure(
        key="openaffairs.postings", label="厂务公开事项", sentence="公开事项{value}项", unit="项",
        definition="期内审批公开（审批日期在期间内）的公开事项，含员工活动园地的讨论话题和征文启事。",
        section=Section.DEMOCRACY, records=_postings, month_field="approved_on", ranked=True,
        record_url=_posting_url,
        columns=(UNION, Column("标题", "title"), Column("栏目", "get_kind_display"),
                 Column("公开类别", "get_category_display"), Column("审批日期", "approved_on"),
                 Column("审批人", "approved_by.full_name")),
    ),
    Figure(
        key="openaffairs.items_on_time", label="按时公开目录事项", sentence="按公开目录按时公开{value}项", unit="项",
        definition="应公开日期在期间内、在应公开日期当天或之前已公开的公开目录事项。",
        section=Section.DEMOCRACY, records=_on_time, month_field="due_on", columns=ITEM,
    ),
    Figure(
        key="openaffairs.items_missed", label="未按时公开目录事项", sentence="未按时公开{value}项", unit="项",
        definition="应公开日期在期间内且已过、到期未公开（逾期公开或至今未公开）的公开目录事项。",
        section=Section.DEMOCRACY, records=_missed, month_field="due_on", columns=ITEM,
        zero_sentence="公开目录事项均按时公开",
    ),
    Figure(
        key="openaffairs.comments_received", label="职工提问和意见", sentence="收到职工提问和意见{value}条",
        unit="条", definition="期内（提出日期）会员对公开事项提出的提问和意见建议。",
        section=Section.DEMOCRACY, records=_asked, month_field="asked_on", record_url=_comment_url, columns=COMMENT,
    ),
    Figure(
        key="openaffairs.comments_answered", label="答复职工提问和意见", sentence="答复{value}条", unit="条",
        definition="期内（答复日期）工会已答复的会员提问和意见建议。",
        section=Section.DEMOCRACY, records=_answered, month_field="answered_on", record_url=_comment_url,
        columns=(*COMMENT, Column("答复日期", "answered_on")),
    ),
)
