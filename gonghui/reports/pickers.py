"""The union and period pickers of every report page: a union the user may see, and a period as the
summaries name it (a year, 1—N月, a quarter or free dates).

Links between reports carry the period as `period=2025-M11` (or `start`/`end`), the way
`Period.params` writes it; the form reads those as well as its own fields, so a link and the
form choose the same days.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from gonghui.core.forms import DateInput, ListedChoiceField
from gonghui.core.pages import FIRST_YEAR, LAST_YEAR
from gonghui.core.periods import QUARTERS, Period, months_period, period_parse, quarter_period, year_period

YEAR, DATES = "year", "dates"
SPANS = [(YEAR, "全年"), *((f"M{n}", "1月" if n == 1 else f"1—{n}月") for n in range(1, 13)),
         *((f"Q{n}", f"第{QUARTERS[n - 1]}季度") for n in range(1, 5)), (DATES, "自定义日期")]


class PeriodForm(forms.Form):
    union = ListedChoiceField(label="统计范围（工会及下级）", queryset=None, required=False,
                                   error_messages={"invalid_choice": "请选择您管辖范围内的工会"})
    year = forms.IntegerField(label="年度", min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False,
                              error_messages={"min_value": f"年度应在{FIRST_YEAR}到{LAST_YEAR}之间",
                                              "max_value": f"年度应在{FIRST_YEAR}到{LAST_YEAR}之间",
                                              "invalid": "年度应为四位数字"})
    span = forms.ChoiceField(label="期间", choices=SPANS, required=False,
                             error_messages={"invalid_choice": "请选择全年、1—N月、季度或自定义日期"})
    start = forms.DateField(label="起始日期", widget=DateInput(), required=False,
                            error_messages={"invalid": "日期应写作“2025-01-31”"})
    end = forms.DateField(label="截止日期", widget=DateInput(), required=False,
                          error_messages={"invalid": "日期应写作“2025-01-31”"})

    def __init__(self, params, *, unions, default_union, today: date):
        super().__init__(_form_data(params, default_union=default_union, today=today))
        self.fields["union"].queryset = unions
        self.default_union = default_union

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        data["union"] = data.get("union") or self.default_union
        try:
            data["period"] = self._period(data)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else "span", messages)
        return data

    @staticmethod
    def _period(data) -> Period:
        span = data.get("span") or YEAR
        if span == DATES:
            if not data.get("start"):
                raise ValidationError({"start": "请填写起始日期"})
            if not data.get("end"):
                raise ValidationError({"end": "请填写截止日期"})
            return Period(start=data["start"], end=data["end"])
        year = data.get("year")
        if year is None:
            raise ValidationError({"year": "请填写年度"})
        if span == YEAR:
            return year_period(year)
        if span.startswith("M"):
            return months_period(year, int(span[1:]))
        return quarter_period(year, int(span[1:]))


def _form_data(params, *, default_union, today: date) -> dict:
    """The form's fields from a request: its own fields, else a link's `period` code or dates, else this
    year 1—N月 up to this month."""
    data = {"union": params.get("union") or (default_union.pk if default_union else "")}
    if "span" in params or "year" in params:
        return data | {name: params.get(name, "") for name in ("year", "span", "start", "end")}
    if params.get("period"):
        return data | _code_fields(params["period"])
    if params.get("start") or params.get("end"):
        return data | {"span": DATES, "start": params.get("start", ""), "end": params.get("end", "")}
    return data | {"year": today.year, "span": f"M{today.month}"}


def _code_fields(code: str) -> dict:
    try:
        period = period_parse(code)
    except ValidationError:
        return {"span": "?"}  # refused at the field with the choice's message
    year, _, rest = period.code.partition("-")
    return {"year": year, "span": rest or YEAR}
