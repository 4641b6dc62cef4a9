"""The statistics page's, the overview's and the API's lines, read from the registry (gonghui.core.figures).

Nothing is counted here: every number is a registered figure's value, written into the summaries'
sentences (figures.LINES) as a link to the list of exactly the records it counts.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from gonghui.core.figures import FigureValue, figure_get, figure_records, figure_values
from gonghui.core.periods import Period
from gonghui.org.models import Union

from ..figures import FIGURES, LINES, NEEDS_GRANT, Line

# "{care.visits}" or a list "{care.visits_illness,care.visits_childbirth}".
_PLACE = re.compile(r"\{([\w.,]+)\}")


@dataclass
class LineValue:
    key: str
    heading: str
    text: str  # the sentence as plain text (the API, the document)
    html: SafeString  # the same, each number a link to its list
    figures: list[FigureValue]

    @property
    def definition(self) -> str:
        return "；".join(f"{value.figure.label}：{value.figure.definition}" for value in self.figures)


@dataclass
class CareStatistics:
    period: Period
    lines: list[LineValue]
    values: dict[str, FigureValue]
    chart: dict = field(default_factory=dict)

    def line(self, key: str) -> LineValue:
        return next(line for line in self.lines if line.key == key)


def care_statistics(*, user, union: Union, period: Period, chart: bool = True) -> CareStatistics:
    """The summaries' lines for a node's subtree and a period; `union` must come from a scoped selector.

    Without the care grant, a line with a figure read from hardship files, aid or fund payouts says so
    (NEEDS_GRANT) rather than showing the zeros that scoping would make of it.
    """
    values = {value.figure.key: value for value in figure_values(FIGURES, user=user, union=union, period=period)}
    hidden = values["care.hardship_aid"].value is None
    return CareStatistics(period=period, lines=[_line(line, values) for line in LINES], values=values,
                          chart={} if hidden or not chart else _chart(user, union, period))


def _line(line: Line, values: dict[str, FigureValue]) -> LineValue:
    used = [values[key] for group in _PLACE.findall(line.text) for key in group.split(",")]
    if any(value.value is None for value in used):
        return LineValue(line.key, line.heading, NEEDS_GRANT, escape(NEEDS_GRANT), used)
    texts, links, start = [], [], 0
    for place in _PLACE.finditer(line.text):
        literal = line.text[start:place.start()]
        group = [values[key] for key in place[1].split(",")]
        if len(group) > 1:  # a list: what is not zero, or 无
            group = [value for value in group if value.value]
        texts.append(literal + ("，".join(value.sentence for value in group) if group else "无"))
        links.append(escape(literal) + (mark_safe("，".join(_linked(value) for value in group)) if group else "无"))
        start = place.end()
    texts.append(line.text[start:])
    links.append(escape(line.text[start:]))
    return LineValue(line.key, line.heading, "".join(texts), mark_safe("".join(links)), used)


def _linked(value: FigureValue) -> SafeString:
    """The figure's sentence with its number a link to its list (a ratio: its numerator's list)."""
    url = value.url or value.parts[0].url
    if value.value == 0 and getattr(value.figure, "zero_sentence", ""):  # said in words ("实现全覆盖")
        return format_html('<a href="{}">{}</a>', url, value.sentence)
    before, _, after = value.figure.sentence.partition("{value}")
    return format_html('{}<a href="{}">{}</a>{}', before, url, value.text, after)


def _figure_months(key: str, *, user, union: Union, period: Period) -> dict[date, object]:
    """A figure month by month (its month_field), from its own records.

    Private until core.figures has its own helper (the reports work adds one).
    """
    figure = figure_get(key)
    measure = Count("pk") if figure.total is None else Sum(figure.total)
    rows = (figure_records(figure, user=user, union=union, period=period).order_by()
            .annotate(month=TruncMonth(figure.month_field)).values("month").annotate(value=measure)
            .values_list("month", "value"))
    return dict(rows)


def _months(period: Period) -> list[date]:
    months, day = [], period.start.replace(day=1)
    while day <= period.end:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def _chart(user, union: Union, period: Period) -> dict:
    """Aid paid and files approved, month by month: the shape of the year behind the totals."""
    aid = _figure_months("care.hardship_aid", user=user, union=union, period=period)
    new = _figure_months("care.hardship_new", user=user, union=union, period=period)
    months = _months(period)
    return {
        "months": [f"{m.year}-{m.month:02d}" for m in months],
        "aid": [float(aid.get(m) or 0) for m in months],
        "new_files": [new.get(m, 0) for m in months],
    }
