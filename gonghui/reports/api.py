"""/api/reports/: the registry's figures and the records behind each, as the pages show them.

The same union and period as the pages (`period=2025-M11`, or `start`/`end`; this year 1—N月 when
neither is given), the same scope, and the same 403 for a care figure without the grant.
"""

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from gonghui.core.api import PageNumber, RecordId
from gonghui.core.figures import (Ratio, Section, figure_get, figure_listed, figure_readable, figure_records,
                                  figure_rows, figure_url, figure_values, figures_all, measure)
from gonghui.core.pages import FIRST_YEAR, LAST_YEAR
from gonghui.core.periods import Period, period_from
from gonghui.core.routers import reporting
from gonghui.org.selectors import union_get

from .records import CARE_REFUSED

router = Router(tags=["reports"])
PER_PAGE = 50

SectionName = Enum("SectionName", {section.name: section.name for section in Section}, type=str)
PeriodCode = Annotated[str, Field(max_length=10)]


class ScopeQuery(Schema):
    union: RecordId | None = None
    period: PeriodCode | None = None
    start: date | None = None
    end: date | None = None


class FiguresQuery(ScopeQuery):
    section: SectionName | None = None


class RecordsQuery(ScopeQuery):
    page: PageNumber = 1


class FigureOut(Schema):
    key: str
    label: str
    value: int | Decimal | None  # None: hidden without the care grant; a ratio: the percentage
    text: str
    sentence: str
    definition: str
    url: str
    section: str
    section_label: str


class RowOut(Schema):
    cells: list[Any]
    url: str
    amount: Decimal | None  # a sum figure: the row's share of the total


class RecordsOut(Schema):
    key: str
    label: str
    period: str
    columns: list[str]
    rows: list[RowOut]
    count: int
    page: int
    total: int | Decimal


def _scope(request, query: ScopeQuery):
    union = union_get(user=request.user, pk=query.union or request.user.union_id)
    for field in ("start", "end"):
        day = getattr(query, field)
        if day and not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ValidationError({field: f"日期应在{FIRST_YEAR}年到{LAST_YEAR}年之间"})
    params = {name: getattr(query, name) for name in ("period", "start", "end") if getattr(query, name)}
    return union, period_from(params, today=timezone.localdate())


def _ratio_percent(value) -> Decimal | None:
    numerator, denominator = (part.value for part in value.parts)
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"))


def _figure_out(value, *, union, period: Period) -> FigureOut:
    figure = value.figure
    ratio = isinstance(figure, Ratio)
    return FigureOut(
        key=figure.key, label=figure.label, value=_ratio_percent(value) if ratio else value.value, text=value.text,
        sentence=value.sentence, definition=figure.definition,
        url=figure_url(figure.key, union=union, period=period), section=figure.section.name,
        section_label=figure.section.label,
    )


@router.get("/figures", response=list[FigureOut],
            summary="统计指标：本工会及下级工会在期间内的数值、表述和口径，每项附其记录清单的链接（无帮扶档案授权时帮扶类指标为空）")
@reporting
def figures(request, query: Query[FiguresQuery]):
    union, period = _scope(request, query)
    section = Section[query.section.value] if query.section else None
    values = figure_values(figures_all(section), user=request.user, union=union, period=period)
    return [_figure_out(value, union=union, period=period) for value in values]


@router.get("/figures/{key}/records", response=RecordsOut,
            summary="指标背后的记录：与页面相同的范围和期间，每页50条；total 为记录数（合计类指标为合计值）")
@reporting
def figure_records_list(request, key: str, query: Query[RecordsQuery]):
    figure = figure_get(key)
    if not figure_readable(figure, request.user):
        raise PermissionDenied(CARE_REFUSED)
    if isinstance(figure, Ratio):
        raise ValidationError({"key": f"比率没有自己的记录清单：请分别查询分子 {figure.numerator} 和分母 {figure.denominator}"})
    union, period = _scope(request, query)
    records = figure_records(figure, user=request.user, union=union, period=period)
    start = (query.page - 1) * PER_PAGE
    rows = figure_rows(figure, figure_listed(figure, records)[start:start + PER_PAGE])
    total = measure(figure, records)
    return RecordsOut(
        key=figure.key, label=figure.label, period=period.label, columns=[column.label for column in figure.columns],
        rows=[RowOut(cells=row.cells, url=row.url, amount=row.amount) for row in rows],
        count=total if figure.total is None else records.count(), page=query.page, total=total,
    )
