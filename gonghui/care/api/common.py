"""What every care API section shares: the members and enterprises a payload names, and a page of a list."""

from django.core.exceptions import ValidationError
from ninja import Schema

from gonghui.core.api import page_of
from gonghui.org.selectors import enterprise_list

from .. import selectors
from ..filters import CareFilter, api_filter
from ..rules import ENTERPRISE_NOT_YOURS, NOT_YOURS


def member_named(request, pk: int):
    """Payloads name members by id in `member`, so an error about one comes back under the same key."""
    member = selectors.care_member_get(user=request.user, pk=pk)
    if member is None:
        raise ValidationError({"member": NOT_YOURS})
    return member


def enterprise_named(request, pk: int | None):
    if pk is None:
        return None
    enterprise = enterprise_list(user=request.user).filter(pk=pk).first()
    if enterprise is None:
        raise ValidationError({"enterprise": ENTERPRISE_NOT_YOURS})
    return enterprise


def list_page(request, query: Schema, filterset: type[CareFilter], select) -> dict:
    """One page of a list, filtered as its page filters it."""
    return page_of(api_filter(filterset, request, query, select(user=request.user)), page=query.page)
