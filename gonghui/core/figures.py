"""The registry of figures: every number the system states, declared once, with the records behind it.

An app declares its figures in `<app>/figures.py` and registers them from its AppConfig.ready()
(`figure_register`). Statistics pages, the dashboard, the API, the Excel export and the year-end
document all read values through `figure_value`, and every figure links (`figure_url`) to the list of
exactly the records it counts: the list's count, or its total row for a sum, equals the figure,
because both come from the same queryset.

A figure's `records(period)` returns the unscoped queryset of what it counts; the registry narrows it
to what the user may see of the chosen union's subtree (`visible`, then `within`), so a figure cannot
forget its scope. To count people rather than rows (a member enrolled in two categories is one 参保人),
`records` returns the people: `Member.objects.filter(pk__in=…)`.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .figure_cache import remembered
from .formatting import ZERO, percent, wan, yuan
from .periods import Period, period_months, year_period
from .scoping import may_access_care, visible, within


class Section(Enum):
    """The chapters of a union's year-end summary, in the order the source summaries write them."""

    ORGANISATION = "组织建设"
    RIGHTS = "维权"
    CARE = "帮扶"
    QUALITY = "职工素质"
    CULTURE = "文体活动"
    DEMOCRACY = "民主管理"
    CHECKS = "考核与竞赛"
    FINANCE = "财务"

    @property
    def label(self) -> str:
        return self.value


class Style(Enum):
    """How a value is written in a sentence."""

    COUNT = "count"  # 27
    YUAN = "yuan"  # 1200 or 1200.50
    WAN = "wan"  # 4.9 (万元)
    PERCENT = "percent"  # 97.3% (ratios only)


@dataclass(frozen=True)
class Column:
    """One column of a figure's record list: a heading and the record's attribute (dotted) or a callable."""

    label: str
    value: str | Callable[[Any], Any]

    def read(self, record) -> Any:
        if callable(self.value):
            return self.value(record)
        for part in self.value.split("."):
            record = getattr(record, part, None) if record is not None else None
        return record() if callable(record) else record


@dataclass(frozen=True)
class Figure:
    key: str  # "<app>.<name>", stable: links, the API and the document's appendix use it
    label: str  # 调处劳动纠纷
    sentence: str  # "调处劳动纠纷{value}起": the source summaries' own phrasing, {value} the figure
    definition: str  # 口径, printed beside the figure
    section: Section
    records: Callable[[Period], QuerySet]  # unscoped; the registry scopes it
    unit: str = ""  # 起, 人, 家, 元, 万元
    total: str | None = None  # the field summed; None counts the records
    style: Style = Style.COUNT
    columns: tuple[Column, ...] = ()
    # Hidden (None) without the care grant, beyond models marked CARE_GRANT_REQUIRED themselves.
    care: bool = False
    # The records' date field for monthly trends on the dashboard; None: no trend.
    month_field: str | None = None
    # Ranked among the unions below on the dashboard.
    ranked: bool = False
    # The record's own page, linked from the list; None: no link.
    record_url: Callable[[Any], str] | None = None
    # Said instead of `sentence` when the value is 0 and that is the news ("规模以上企业帮困基金实现全覆盖").
    zero_sentence: str = ""


@dataclass(frozen=True)
class Ratio:
    """A rate of two registered figures ("调处率100%"); it links to both lists."""

    key: str
    label: str
    sentence: str
    definition: str
    section: Section
    numerator: str
    denominator: str
    style: Style = Style.PERCENT
    ranked: bool = False


@dataclass
class FigureValue:
    figure: Figure | Ratio
    value: int | Decimal | None  # None: the user may not read these records
    url: str  # the list behind it ("" for a ratio: see `parts`)
    parts: list["FigureValue"] = field(default_factory=list)  # a ratio's numerator and denominator

    @property
    def text(self) -> str:
        if self.value is None:
            return "—"
        if isinstance(self.figure, Ratio):
            numerator, denominator = (part.value for part in self.parts)
            return percent(numerator or 0, denominator or 0)
        return format_value(self.value, self.figure.style)

    @property
    def sentence(self) -> str:
        if self.value == 0 and getattr(self.figure, "zero_sentence", ""):
            return self.figure.zero_sentence
        return self.figure.sentence.format(value=self.text)

    @property
    def link(self) -> SafeString:
        """The value as a link to its list; a ratio's (or a hidden value's) text as it is: its parts link."""
        if not self.url or self.value is None:
            return conditional_escape(self.text)
        return format_html('<a class="figure-link" href="{}">{}</a>', self.url, self.text)

    @property
    def linked_sentence(self) -> SafeString:
        """The sentence with its value linked, for pages ("共调处劳动纠纷<a>27</a>起")."""
        return mark_safe(conditional_escape(self.figure.sentence).format(value=self.link))


def format_value(value, style: Style) -> str:
    if style is Style.WAN:
        return wan(value)
    if style is Style.YUAN:
        return yuan(value)
    return str(value)


_figures: dict[str, Figure | Ratio] = {}
_models: dict[str, type] = {}
# Any period: only the queryset's model is read from it.
_ANY = year_period(2000)


def figure_register(*figures: Figure | Ratio) -> None:
    for figure in figures:
        if figure.key in _figures and _figures[figure.key] is not figure:
            raise ImproperlyConfigured(f"figure {figure.key!r} is registered twice")
        _figures[figure.key] = figure


def figure_get(key: str) -> Figure | Ratio:
    """The figure of a key; a 404 for a key no app registered (a link from an old page)."""
    try:
        return _figures[key]
    except KeyError:
        raise Http404("没有这个统计指标") from None


def figures_all(section: Section | None = None) -> list[Figure | Ratio]:
    """Registered figures in registration order (INSTALLED_APPS, then each app's own order)."""
    return [f for f in _figures.values() if section is None or f.section is section]


def may_read(figure: Figure, user, records: QuerySet | None = None) -> bool:
    """Care figures, and figures of records marked CARE_GRANT_REQUIRED, need the care grant: without it
    they are shown as hidden (None), never as the zeros that scoping would make of them."""
    model = records.model if records is not None else _model(figure)
    if figure.care or getattr(model, "CARE_GRANT_REQUIRED", False):
        return may_access_care(user)
    return True


def _model(figure: Figure):
    # Building a figure's queryset only to learn its model cost 0.2 ms a figure, 230 times a statistics page.
    if figure.key not in _models:
        _models[figure.key] = figure.records(_ANY).model
    return _models[figure.key]


def figure_records(figure: Figure, *, user, union, period: Period) -> QuerySet:
    """Exactly the records a figure counts, as the user may see them of `union`'s subtree.

    `union` must come from a scoped selector (a union the user may see).
    """
    qs = figure.records(period)
    if not may_read(figure, user, qs):
        return qs.none()
    return within(visible(qs, user), union)


def figure_value(figure: Figure | Ratio, *, user, union, period: Period) -> FigureValue:
    if isinstance(figure, Ratio):
        parts = [figure_value(figure_get(key), user=user, union=union, period=period)
                 for key in (figure.numerator, figure.denominator)]
        hidden = any(part.value is None for part in parts)
        return FigureValue(figure=figure, value=None if hidden else parts[0].value, url="", parts=parts)
    url = figure_url(figure.key, union=union, period=period)
    records = figure.records(period)
    if not may_read(figure, user, records):
        return FigureValue(figure=figure, value=None, url=url)
    value = remembered(figure.key, user=user, union=union, period=period,
                       compute=lambda: measure(figure, within(visible(records, user), union)))
    return FigureValue(figure=figure, value=value, url=url)


def figure_values(figures: Iterable[Figure | Ratio], *, user, union, period: Period) -> list[FigureValue]:
    """The figures' values in their order, figures of one table read together (`figures_together`)."""
    from .figures_together import figure_values_together  # it builds on this module's figure_value

    figures = list(figures)
    values = figure_values_together(figures, user=user, union=union, period=period)
    return [values[figure.key] for figure in figures]


def measure(figure: Figure, records: QuerySet) -> int | Decimal:
    """The figure of a queryset: its count, or the sum of `total` (the list's total row)."""
    if figure.total is None:
        return records.count()
    return records.aggregate(total=Sum(figure.total))["total"] or ZERO


def figure_readable(figure: Figure | Ratio, user) -> bool:
    """Whether the user may read a figure at all (a ratio: both its parts); the pages answer 403 otherwise."""
    if isinstance(figure, Ratio):
        return all(figure_readable(figure_get(key), user) for key in (figure.numerator, figure.denominator))
    return may_read(figure, user)


@dataclass(frozen=True)
class Row:
    """One record of a figure's list: its cells (as the columns), its own page, and its share of a sum."""

    record: Any
    cells: list
    url: str
    amount: Any = None


def figure_listed(figure: Figure, records: QuerySet) -> QuerySet:
    """The records in list order, newest first (by the figure's date, then id: stable pages), with the
    related records its columns read fetched in the same query.

    By date, not by id alone: a period's rows of a ledger kept day by day sit together in the date index,
    where walking the id index from either end to reach them reads millions of rows of other years.
    """
    related = _related_paths(records.model, figure.columns)
    order = (f"-{figure.month_field}", "-pk") if figure.month_field else ("-pk",)
    return (records.select_related(*related) if related else records).order_by(*order)


def figure_rows(figure: Figure, records: Iterable) -> Iterator[Row]:
    """The list's rows, from `figure_listed` records (a page of them, or all)."""
    for record in records:
        yield Row(record=record, cells=[_cell(column.read(record)) for column in figure.columns],
                  url=figure.record_url(record) if figure.record_url else "",
                  amount=_lookup(record, figure.total) if figure.total else None)


def _related_paths(model, columns: Iterable[Column]) -> list[str]:
    """"union.name" reads the union: select_related("union"), so twenty rows are one query, not twenty-one."""
    paths = set()
    for column in columns:
        if callable(column.value):
            continue
        current, prefix = model, []
        for part in column.value.split(".")[:-1]:
            try:
                field_ = current._meta.get_field(part)
            except Exception:  # a property or method: nothing to join
                break
            if not (field_.many_to_one or field_.one_to_one) or not field_.concrete:
                break
            prefix.append(part)
            current = field_.related_model
        if prefix:
            paths.add("__".join(prefix))
    return sorted(paths)


def _lookup(record, path: str):
    for part in path.split("__"):
        record = getattr(record, part, None) if record is not None else None
    return record


def _cell(value):
    """A cell as the page, the export and the API show it: a related record ("fund") by its name."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return ""
    return str(value) if isinstance(value, models.Model) else value


@dataclass
class Breakdown:
    """A figure's value split by month and by the union each record belongs to, from one grouped query: the
    dashboard's tile, trend and ranking of a figure all come from the same scan of its records."""

    figure: Figure
    value: int | Decimal | None  # None: hidden without the care grant
    months: dict[date, int | Decimal] = field(default_factory=dict)  # by_month only
    unions: dict[int, int | Decimal] = field(default_factory=dict)  # by_union only: union id -> value

    def month_list(self, period: Period) -> list[tuple[date, int | Decimal]]:
        empty = 0 if self.figure.total is None else ZERO
        return [(month, self.months.get(month, empty)) for month in period_months(period)]


def figure_breakdown(figure: Figure, *, user, union, period: Period, by_month: bool = False,
                     by_union: bool = False) -> Breakdown:
    """The figure (as `figure_value` gives it: the groups add up to the same count or sum), grouped by month
    (`month_field`) and by union (the record's scope relation) as asked, in one query."""
    records = figure.records(period)
    if not may_read(figure, user, records):
        return Breakdown(figure=figure, value=None)
    value, months, unions = remembered(
        figure.key, user=user, union=union, period=period, variant=f"|by{by_month:d}{by_union:d}",
        compute=lambda: _grouped(figure, within(visible(records, user), union), by_month=by_month, by_union=by_union))
    return Breakdown(figure=figure, value=value, months=months, unions=unions)


def _grouped(figure: Figure, records: QuerySet, *, by_month: bool, by_union: bool) -> tuple:
    keys = {}
    if by_month and figure.month_field:
        records = records.annotate(trend_month=TruncMonth(figure.month_field))
        keys["month"] = "trend_month"
    if by_union:
        field_ = records.model.SCOPE_PATH
        keys["union"] = "pk" if field_ == "path" else field_.removesuffix("__path")
    if not keys:
        return measure(figure, records), {}, {}
    rows = records.order_by().values(*keys.values()).annotate(value=_aggregate(figure, records)).values_list(
        *keys.values(), "value")
    empty = 0 if figure.total is None else ZERO
    total, months, unions = empty, {}, {}
    for row in rows:
        group, value = dict(zip(keys, row[:-1])), row[-1] or empty
        total += value
        if "month" in group and group["month"] is not None:
            month = _month_start(group["month"])
            months[month] = months.get(month, empty) + value
        if "union" in group:
            unions[group["union"]] = unions.get(group["union"], empty) + value
    return total, months, unions


def _aggregate(figure: Figure, records: QuerySet):
    # A distinct queryset (records found through a join) counts each record once, as its count() does.
    return Count("pk", distinct=records.query.distinct) if figure.total is None else Sum(figure.total)


def figure_months(figure: Figure, *, user, union, period: Period) -> list[tuple[date, int | Decimal]] | None:
    """The figure month by month over the period (every month, empty ones as 0), from one grouped query of the
    same scoped records: the months add up to the figure. None for a figure without `month_field`, or hidden."""
    if not isinstance(figure, Figure) or not figure.month_field:
        return None
    breakdown = figure_breakdown(figure, user=user, union=union, period=period, by_month=True)
    return None if breakdown.value is None else breakdown.month_list(period)


def _month_start(day) -> date:
    day = day.date() if isinstance(day, datetime) else day
    return day.replace(day=1)


def figure_ranking(figure: Figure | Ratio, *, user, union, period: Period,
                   breakdowns: dict[str, Breakdown] | None = None) -> list[tuple[Any, FigureValue]] | None:
    """The figure of each union directly below `union` (its whole subtree), highest first; one grouped query
    per figure (a ratio: its two) unless `breakdowns` (by key, by_union) already hold it. None when hidden."""
    if not figure_readable(figure, user):
        return None
    children = list(type(union).objects.filter(tenant_id=union.tenant_id, path__startswith=union.path,
                                               depth=union.depth + 1).order_by("path"))
    if not children:
        return []
    child_of = _child_of(union, children)
    breakdowns = breakdowns or {}

    def by_child(key: str) -> dict:
        part = figure_get(key)
        breakdown = breakdowns.get(key)
        if breakdown is None or (breakdown.value and not breakdown.unions):
            breakdown = figure_breakdown(part, user=user, union=union, period=period, by_union=True)
        totals = dict.fromkeys(set(child_of.values()), 0 if part.total is None else ZERO)
        for union_id, value in breakdown.unions.items():
            if union_id in child_of:
                totals[child_of[union_id]] += value
        return totals

    keys = (figure.numerator, figure.denominator) if isinstance(figure, Ratio) else (figure.key,)
    values = [by_child(key) for key in keys]
    ranked = []
    for child in children:
        parts = [FigureValue(figure=figure_get(key), value=part[child.pk], url=figure_url(key, union=child,
                                                                                          period=period))
                 for key, part in zip(keys, values)]
        url = figure_url(figure.key, union=child, period=period)
        if isinstance(figure, Ratio):
            ranked.append((child, FigureValue(figure=figure, value=parts[0].value, url=url, parts=parts)))
        else:
            ranked.append((child, parts[0]))
    return sorted(ranked, key=lambda row: (-_order(row[1]), row[0].path))


def _order(value: FigureValue) -> Decimal:
    if not value.parts:
        return Decimal(value.value)
    numerator, denominator = (part.value for part in value.parts)
    return Decimal(numerator) / Decimal(denominator) if denominator else Decimal(-1)


def _child_of(union, children) -> dict[int, int]:
    """Each union of the subtree (the parent left out) to the child whose subtree holds it."""
    by_path = {child.path: child.pk for child in children}
    size = len(children[0].path)
    return {pk: by_path[path[:size]]
            for pk, path in type(union).objects.filter(tenant_id=union.tenant_id, path__startswith=union.path)
            .exclude(pk=union.pk).values_list("pk", "path")}


def figure_url(key: str, *, union, period: Period) -> str:
    """The list behind a figure, with the same union and period (the reports app serves it)."""
    return reverse("reports:figure_records", args=[key]) + "?" + urlencode({"union": union.pk, **period.params})
