"""Every read of the outreach app, scoped through `visible()`. None of these records is sensitive."""

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.urls import reverse

from gonghui.core.figures import figure_get, figure_records
from gonghui.core.periods import Period
from gonghui.core.scoping import get_visible_or_404, visible
from gonghui.org.models import Enterprise, Union

from .filters import CourseFilters, GiftFilters, MerchantFilters, OrderFilters, SurveyFilters
from .models import Course, CourseOrder, Gift, Merchant, OrderState, Survey

# The ledger's Activity, named through the order's link: the ledger is a sibling app, not imported.
Activity = CourseOrder._meta.get_field("activity").related_model


def _scoped(model, user, *related: str) -> QuerySet:
    return visible(model.objects.select_related("union", *related), user)


def survey_list(*, user, filters: Mapping | None = None) -> QuerySet[Survey]:
    return SurveyFilters.narrow(_scoped(Survey, user, "enterprise"), filters).order_by("-surveyed_on", "-id")


def survey_get(*, user, pk) -> Survey:
    return get_visible_or_404(_scoped(Survey, user, "enterprise"), user, pk=pk)


def gift_list(*, user, filters: Mapping | None = None) -> QuerySet[Gift]:
    return GiftFilters.narrow(_scoped(Gift, user, "enterprise"), filters).order_by("-given_on", "-id")


def gift_get(*, user, pk) -> Gift:
    return get_visible_or_404(_scoped(Gift, user, "enterprise"), user, pk=pk)


def merchant_list(*, user, filters: Mapping | None = None) -> QuerySet[Merchant]:
    return MerchantFilters.narrow(_scoped(Merchant, user), filters).order_by("-contracted_on", "-id")


def merchant_get(*, user, pk) -> Merchant:
    return get_visible_or_404(_scoped(Merchant, user), user, pk=pk)


def course_list(*, user, filters: Mapping | None = None) -> QuerySet[Course]:
    return CourseFilters.narrow(_scoped(Course, user), filters).order_by("series", "title", "id")


def course_get(*, user, pk) -> Course:
    return get_visible_or_404(_scoped(Course, user), user, pk=pk)


def order_list(*, user, filters: Mapping | None = None) -> QuerySet[CourseOrder]:
    qs = _scoped(CourseOrder, user, "enterprise", "course", "activity")
    return OrderFilters.narrow(qs, filters).order_by("-ordered_on", "-id")


def order_get(*, user, pk) -> CourseOrder:
    return get_visible_or_404(_scoped(CourseOrder, user, "enterprise", "course", "activity"), user, pk=pk)


# What a form may pick ---------------------------------------------------------------------------

def enterprise_choices(*, user) -> QuerySet[Enterprise]:
    return visible(Enterprise.objects.select_related("union"), user).order_by("name", "id")


def course_choices(*, user) -> QuerySet[Course]:
    return course_list(user=user)


def activity_choices(*, user) -> QuerySet:
    """The ledger's activities a delivered order may name: the user's, newest first."""
    return visible(Activity.objects.select_related("union"), user).order_by("-date", "-id")


# Sessions delivered per series ------------------------------------------------------------------

@dataclass(frozen=True)
class SeriesCount:
    series: str
    delivered: int
    url: str  # the orders list of the series, delivered in the period

    @property
    def sentence(self) -> str:
        # The source summaries' "已经开展102期一小时讲堂活动".
        return f"开展{self.delivered}期{self.series}活动"


def series_delivered(*, user, union: Union, period: Period) -> list[SeriesCount]:
    """The registry's 送课 records, counted per series: the rows add up to the figure."""
    records = figure_records(figure_get("outreach.courses_delivered"), user=user, union=union, period=period)
    rows = records.order_by().values("course__series").annotate(n=Count("id")).order_by("-n", "course__series")
    return [SeriesCount(series=row["course__series"], delivered=row["n"],
                        url=_delivered_url(row["course__series"], union=union, period=period)) for row in rows]


def _delivered_url(series: str, *, union: Union, period: Period) -> str:
    query = {"union": union.pk, "state": OrderState.DELIVERED, "series": series,
             "delivered_start": period.start.isoformat(), "delivered_end": period.end.isoformat()}
    return reverse("outreach:orders") + "?" + urlencode(query)
