"""/api/care/statistics: the statistics page's sentences and figures."""

from dataclasses import asdict
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema

from gonghui.core.routers import reporting
from gonghui.org.selectors import union_get

from .. import selectors

router = Router()


class SentenceOut(Schema):
    key: str
    heading: str
    sentence: str
    definition: str


class StatisticsOut(Schema):
    union_id: int
    start: date
    end: date
    sentences: list[SentenceOut]
    figures: dict


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
    figures = selectors.care_statistics(user=request.user, union=union, start=query.start, end=query.end,
                                        chart=False)
    sections = ("hardship", "funds", "winter", "summer", "schooling", "visits", "medical", "cards")
    return {"union_id": union.pk, "start": query.start, "end": query.end,
            "sentences": [line._asdict() for line in figures.sentences()],
            "figures": {name: _section(getattr(figures, name)) for name in sections}}


def _section(section) -> dict | None:
    """None for a section the user may not read (hardship figures without the care grant)."""
    return _plain(asdict(section)) if section is not None else None


def _plain(value):
    """Figures as JSON: money as strings of yuan, so no cent is lost to floating point."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
