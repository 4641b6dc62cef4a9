"""Shared pieces of the JSON API."""

import inspect
from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from ninja import Schema, Status
from pydantic import BeforeValidator, Field

from .identifiers import mask_id_number, mask_mobile
from .pages import FIRST_YEAR, LAST_YEAR

T = TypeVar("T")

# Refused at the door with a message at the parameter, before a date or an OFFSET is built from them.
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
PageNumber = Annotated[int, Field(ge=1, le=1_000_000)]
# An id in a list the API looks up with IN (...): SQLite cannot even bind a number beyond its 64 bits.
RecordId = Annotated[int, Field(ge=1, le=2**63 - 1)]
# A number the API only ever shows masked, read from the field its alias names:
# `phone_masked: MaskedMobile = Field(alias="phone")`.
MaskedMobile = Annotated[str, BeforeValidator(mask_mobile)]
MaskedIdNumber = Annotated[str, BeforeValidator(mask_id_number)]


class Page(Schema, Generic[T]):
    """One page of a list: `response=Page[MemberOut]`."""

    count: int
    page: int
    results: list[T]


def page_of(qs, *, page: int, per_page: int = 50) -> dict:
    """A page of a queryset as {count, page, results}; the total comes from the same scoped query."""
    start = (page - 1) * per_page
    return {"count": qs.count(), "page": page, "results": list(qs[start:start + per_page])}


def one_of(qs, pk, field: str, message: str):
    """The record `pk` names among `qs` (None when no pk was given), else the field's error (a 422): a payload's
    reference to a record outside what the user may choose is told at its field, not as a 404."""
    record = qs.filter(pk=pk).first() if pk else None
    if pk and record is None:
        raise ValidationError({field: message})
    return record


def created(request, create: Callable[..., Any], **fields) -> Status:
    """A POST that makes a record: the service's record (the caller is its actor), answered 201."""
    return Status(201, create(actor=request.user, **fields))


def deleted(request, delete: Callable[..., Any], **record) -> Status:
    """A DELETE: the service removes the record (the caller is its actor); answered 204 with no body."""
    delete(actor=request.user, **record)
    return Status(204, None)


def route_params(**annotations) -> inspect.Signature:
    """`(request, <name>: <type>, …)`: what ninja reads a route function's parameters from."""
    plain = inspect.Parameter.POSITIONAL_OR_KEYWORD
    return inspect.Signature([inspect.Parameter("request", plain),
                              *(inspect.Parameter(name, plain, annotation=kind) for name, kind in annotations.items())])


def route_named(function: Callable, module: str, name: str, signature: inspect.Signature) -> Callable:
    """A generated route function named and placed as a hand-written one: ninja's operation id is
    `<module>_<name>`, its summary (when none is given) and URL name come from the name, its parameters from
    the signature."""
    function.__name__ = function.__qualname__ = name
    function.__module__ = module
    function.__signature__ = signature
    return function
