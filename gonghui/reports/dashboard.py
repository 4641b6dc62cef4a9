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

from gonghui.core.figures import (
    Figure,
    FigureValue,
    Section,
    figure_months,
    figure_ranking,
    figure_readable,
    figure_url,
    figure_value,
    figures_all,
    format_value,
)
from gonghui.core.formatting import percent
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
    tiles = [Tile(now=figure_value(f, user=user, union=union, period=period),
                  before=figure_value(f, user=user, union=union, period=before),
                  url=figure_url(f.key, union=union, period=period)) for f in figures]
    if not any(tile.now.value or tile.before.value for tile in tiles):
        return HttpResponse("")  # a section with no records is left out
    return render(request, "reports/_section.html", {
        "section": section, "chart_id": f"trend-{section.name}", "union": union, "period": period, "before": before, "tiles": tiles,
        "trend": _trend(figures, user=user, union=union, period=period),
        "rankings": [(figure, figure_ranking(figure, user=user, union=union, period=period))
                     for figure in figures if figure.ranked],
    })


def _trend(figures, *, user, union, period) -> dict | None:
    """The ECharts data of a section's monthly trend: one series per figure with a month field."""
    series = []
    months = []
    for figure in figures:
        by_month = figure_months(figure, user=user, union=union, period=period)
        if by_month is None:
            continue
        months = [f"{month.year}年{month.month}月" for month, _ in by_month]
        series.append({"name": f"{figure.label}（{figure.unit}）" if figure.unit else figure.label,
                       "money": figure.total is not None,
                       "data": [float(value) if isinstance(value, Decimal) else value for _, value in by_month]})
    return {"months": months, "series": series} if series else None
