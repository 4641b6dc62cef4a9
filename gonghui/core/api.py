"""Shared pieces of the JSON API."""

from typing import Generic, TypeVar

from ninja import Schema

T = TypeVar("T")


class Page(Schema, Generic[T]):
    """One page of a list: `response=Page[MemberOut]`."""

    count: int
    page: int
    results: list[T]


def page_of(qs, *, page: int, per_page: int = 50) -> dict:
    """A page of a queryset as {count, page, results}; the total comes from the same scoped query."""
    page = max(page, 1)
    start = (page - 1) * per_page
    return {"count": qs.count(), "page": page, "results": list(qs[start:start + per_page])}
