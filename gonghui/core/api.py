"""Shared pieces of the JSON API."""

from typing import Annotated, Generic, TypeVar

from ninja import Schema
from pydantic import Field

from .pages import FIRST_YEAR, LAST_YEAR

T = TypeVar("T")

# Refused at the door with a message at the parameter, before a date or an OFFSET is built from them.
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
PageNumber = Annotated[int, Field(ge=1, le=1_000_000)]
# An id in a list the API looks up with IN (...): SQLite cannot even bind a number beyond its 64 bits.
RecordId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class Page(Schema, Generic[T]):
    """One page of a list: `response=Page[MemberOut]`."""

    count: int
    page: int
    results: list[T]


def page_of(qs, *, page: int, per_page: int = 50) -> dict:
    """A page of a queryset as {count, page, results}; the total comes from the same scoped query."""
    start = (page - 1) * per_page
    return {"count": qs.count(), "page": page, "results": list(qs[start:start + per_page])}
