"""The statistics page's, the overview's and the API's lines, read from the registry (gonghui.core.figures).

Nothing is counted here: every number is a registered figure's value, written into the summaries'
sentences (figures.LINES) as a link to the list of exactly the records it counts.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from gonghui.core.figures import FigureValue, figure_get, figure_months, figure_values
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


def _chart(user, union: Union, period: Period) -> dict:
    """Aid paid and files approved, month by month: the shape of the year behind the totals."""
    aid = figure_months(figure_get("care.hardship_aid"), user=user, union=union, period=period)
    new = figure_months(figure_get("care.hardship_new"), user=user, union=union, period=period)
    return {
        "months": [f"{month.year}-{month.month:02d}" for month, _ in aid],
        "aid": [float(value) for _, value in aid],
        "new_files": [value for _, value in new],
    }
