"""/api/care/statistics: the statistics page's sentences and figures, read from the registry."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema

from gonghui.core.figures import FigureValue
from gonghui.core.periods import Period
from gonghui.core.routers import reporting
from gonghui.org.selectors import union_get

from .. import selectors

router = Router()


class SentenceOut(Schema):
    key: str
    heading: str
    sentence: str
    definition: str
    figures: list[str]  # the keys of the figures in it


class FigureOut(Schema):
    label: str
    # An integer count, or money as a string of yuan (no cent lost to floating point); None: needs the care grant.
    value: int | str | None
    text: str  # as the sentence writes it: "4.9" (万元), "97.3%"
    unit: str
    definition: str
    url: str  # the list of exactly the records counted


class StatisticsOut(Schema):
    union_id: int
    start: date
    end: date
    sentences: list[SentenceOut]
    figures: dict[str, FigureOut]


class StatisticsQuery(Schema):
    union_id: int
    start: date
    end: date


@router.get("/statistics", response=StatisticsOut, summary="帮扶服务统计：某工会及下级、某期间的各项数字")
@reporting
def statistics(request, query: Query[StatisticsQuery]):
    union = union_get(user=request.user, pk=query.union_id)
    if query.start > query.end:
        raise ValidationError({"end": "截止日期不能早于起始日期"})
    figures = selectors.care_statistics(user=request.user, union=union,
                                        period=Period(start=query.start, end=query.end), chart=False)
    return {"union_id": union.pk, "start": query.start, "end": query.end,
            "sentences": [{"key": line.key, "heading": line.heading, "sentence": line.text,
                           "definition": line.definition, "figures": [v.figure.key for v in line.figures]}
                          for line in figures.lines],
            "figures": {key: _figure(value) for key, value in figures.values.items()}}


def _figure(value: FigureValue) -> dict:
    number = value.value
    if value.parts:  # a ratio: its value is the rate as written
        number = None if number is None else value.text
    return {"label": value.figure.label, "value": str(number) if isinstance(number, Decimal) else number,
            "text": value.text, "unit": getattr(value.figure, "unit", ""), "definition": value.figure.definition,
            "url": value.url or value.parts[0].url}
