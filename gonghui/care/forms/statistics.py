"""The statistics page's union and period."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from gonghui.core.periods import Period, period_parse

from gonghui.core.forms import ListedChoiceField, RecordChoicesForm

from .common import day


class StatisticsForm(RecordChoicesForm):
    union = ListedChoiceField(label="统计范围（工会及下级）", queryset=None)
    start = day("起始日期")
    end = day("截止日期")
    # A named period, as the summaries and the reports' links name one; it overrides the dates.
    period = forms.CharField(label="或按期间（如2025、2025-M11、2025-Q3）", required=False, max_length=10)

    record_choices = {"union": "unions"}

    def clean(self):
        data = super().clean()
        if data.get("period"):
            try:
                named = period_parse(data["period"])
            except ValidationError as error:
                self.add_error("period", error.message_dict["period"])
            else:
                data.update(start=named.start, end=named.end, named=named)
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "截止日期不能早于起始日期")
        return data

    def chosen_period(self) -> Period:
        data = self.cleaned_data
        return data.get("named") or Period(start=data["start"], end=data["end"])


def year_start(today: date) -> date:
    return today.replace(month=1, day=1)
