"""The audit administrator's filters (django-filter): by user, by record, by a range of days.

A day is a whole local day, compared on the timestamp itself so the `-at` indexes serve it.
"""

from datetime import datetime, time, timedelta

import django_filters
from django.core.exceptions import ValidationError
from django.utils import timezone

from gonghui.core.forms import DateInput
from gonghui.core.pages import FIRST_YEAR, LAST_YEAR

from .audit import record_type_choices


def _within_years(day) -> None:
    # A day outside the years of union work is a typo, and 9999-12-31 has no next day to compare with.
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(f"日期须在{FIRST_YEAR}年至{LAST_YEAR}年之间")


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class DayRangeFilterSet(django_filters.FilterSet):
    """`start` and `end` (both included) on the field named by DATE_FIELD; `user` by user name."""

    DATE_FIELD = ""

    user = django_filters.CharFilter(label="用户名", method="filter_user")
    start = django_filters.DateFilter(label="起始日期", method="filter_start", widget=DateInput(),
                                      validators=[_within_years])
    end = django_filters.DateFilter(label="截止日期", method="filter_end", widget=DateInput(),
                                    validators=[_within_years])

    USER_FIELD = ""

    def filter_user(self, qs, name, value):
        return qs.filter(**{f"{self.USER_FIELD}__username": value.strip()})

    def filter_start(self, qs, name, value):
        return qs.filter(**{f"{self.DATE_FIELD}__gte": _day_start(value)})

    def filter_end(self, qs, name, value):
        return qs.filter(**{f"{self.DATE_FIELD}__lt": _day_start(value + timedelta(days=1))})


class AccessLogFilter(DayRangeFilterSet):
    DATE_FIELD = "at"
    USER_FIELD = "user"

    object_type = django_filters.ChoiceFilter(label="记录类型", choices=record_type_choices, empty_label="全部")
    object_id = django_filters.CharFilter(label="记录编号", method="filter_object_id")

    def filter_object_id(self, qs, name, value):
        return qs.filter(object_id=value.strip())
