"""The dashboard (统计看板): a union and its subtree over a period, section by section.

Each section (组织建设, 维权, 帮扶…) shows its registered figures as tiles, each a link to the list behind
it showing the same number, with 同比 (the same period a year before); the month-by-month trend of the
figures that have a `month_field`; and the ranking of the unions directly below for the figures marked
`ranked`. Every number comes from the registry (gonghui.core.figures).

The page itself only names the sections; each section is its own request (htmx, on load), so the page
is drawn at once and the sections' aggregates run side by side. A section with no records is left out.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from gonghui.core.figures import (Breakdown, Figure, FigureValue, Ratio, Section, figure_breakdown, figure_get,
                                  figure_ranking, figure_readable, figure_url, figure_value, figures_all, format_value)
from gonghui.core.formatting import percent
from gonghui.core.periods import period_months
from gonghui.core.routers import reporting

from .records import chosen, scope_query


@dataclass
class Tile:
    now: FigureValue
    before: FigureValue
    url: str  # the list behind the figure (a ratio: its page of numerator and denominator)

    @property
    def change(self) -> str:
        """The change on the same period last year: "+3（+12.5%）", "-1200", "持平"; "" for a ratio."""
        if not isinstance(self.now.figure, Figure) or self.now.value is None or self.before.value is None:
            return ""
        difference = self.now.value - self.before.value
        if not difference:
            return "持平"
        sign = "+" if difference > 0 else "-"
        text = sign + format_value(abs(difference), self.now.figure.style)
        return text + (f"（{sign}{percent(abs(difference), self.before.value)}）" if self.before.value else "")


def readable(section: Section, user) -> list:
    return [figure for figure in figures_all(section) if figure_readable(figure, user)]


@login_required
@reporting
def dashboard_page(request):
    form = chosen(request)
    if form.errors:
        return render(request, "reports/dashboard.html", {"form": form}, status=400)
    union, period = form.cleaned_data["union"], form.cleaned_data["period"]
    query = scope_query(union, period)
    sections = [(section, reverse("reports:dashboard_section", args=[section.name]) + "?" + query)
                for section in Section if readable(section, request.user)]
    return render(request, "reports/dashboard.html", {
        "form": form, "union": union, "period": period, "sections": sections, "scope_query": query})


@login_required
@reporting
def dashboard_section_page(request, section):
    try:
        section = Section[section]
    except KeyError:
        raise Http404("没有这个统计板块") from None
    form = chosen(request)
    if form.errors:
        return render(request, "reports/dashboard.html", {"form": form}, status=400)
    union, period = form.cleaned_data["union"], form.cleaned_data["period"]
    user, before = request.user, period.year_before()
    figures = readable(section, user)
    breakdowns = _breakdowns(figures, user=user, union=union, period=period)
    tiles = [Tile(now=_value(f, breakdowns, user=user, union=union, period=period),
                  before=figure_value(f, user=user, union=union, period=before),
                  url=figure_url(f.key, union=union, period=period)) for f in figures]
    if not any(tile.now.value or tile.before.value for tile in tiles):
        return HttpResponse("")  # a section with no records is left out
    return render(request, "reports/_section.html", {
        "section": section, "chart_id": f"trend-{section.name}", "union": union, "period": period,
        "before": before, "tiles": tiles, "trend": _trend(figures, breakdowns, period=period),
        "rankings": [(figure, figure_ranking(figure, user=user, union=union, period=period, breakdowns=breakdowns))
                     for figure in figures if figure.ranked],
    })


def _breakdowns(figures, *, user, union, period) -> dict[str, Breakdown]:
    """One grouped query per figure of the section (and per part of its ratios): its tile, its months and its
    ranking all read it."""
    ranked = {key for f in figures if isinstance(f, Ratio) and f.ranked for key in (f.numerator, f.denominator)}
    wanted = {f.key: f for f in figures if isinstance(f, Figure)}
    wanted |= {key: figure_get(key) for f in figures if isinstance(f, Ratio) for key in (f.numerator, f.denominator)}
    return {key: figure_breakdown(f, user=user, union=union, period=period, by_month=bool(f.month_field),
                                  by_union=f.ranked or key in ranked) for key, f in wanted.items()}


def _value(figure, breakdowns, *, user, union, period) -> FigureValue:
    url = figure_url(figure.key, union=union, period=period)
    if isinstance(figure, Ratio):
        parts = [_value(figure_get(key), breakdowns, user=user, union=union, period=period)
                 for key in (figure.numerator, figure.denominator)]
        hidden = any(part.value is None for part in parts)
        return FigureValue(figure=figure, value=None if hidden else parts[0].value, url="", parts=parts)
    return FigureValue(figure=figure, value=breakdowns[figure.key].value, url=url)


def _trend(figures, breakdowns, *, period) -> dict | None:
    """The ECharts data of a section's monthly trend: one series per figure with a month field."""
    series, months = [], [f"{month.year}年{month.month}月" for month in period_months(period)]
    for figure in figures:
        if not isinstance(figure, Figure) or not figure.month_field:
            continue
        by_month = breakdowns[figure.key].month_list(period)
        series.append({"name": f"{figure.label}（{figure.unit}）" if figure.unit else figure.label,
                       "money": figure.total is not None,
                       "data": [float(value) if isinstance(value, Decimal) else value for _, value in by_month]})
    return {"months": months, "series": series} if series else None
