"""The statistics page's union and period."""

from datetime import date

from django import forms

from gonghui.core.forms import ListSelect

from .common import day


class StatisticsForm(forms.Form):
    union = forms.ModelChoiceField(label="统计范围（工会及下级）", queryset=None, widget=ListSelect)
    start = day("起始日期")
    end = day("截止日期")

    def __init__(self, *args, unions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "截止日期不能早于起始日期")
        return data


def year_start(today: date) -> date:
    return today.replace(month=1, day=1)
