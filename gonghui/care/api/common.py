"""What every care API section shares: the members and enterprises a payload names."""

from django.core.exceptions import ValidationError

from gonghui.org.selectors import enterprise_list

from .. import selectors
from ..rules import ENTERPRISE_NOT_YOURS, NOT_YOURS


def member_named(request, pk: int | None):
    """Payloads name members by id in `member`, so an error about one comes back under the same key."""
    if pk is None:
        return None
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



NAMED = {"member": member_named, "enterprise": enterprise_named}


def payload_named(request, payload) -> dict:
    """A payload's fields, the member and the enterprise it names (by id) looked up among the user's."""
    data = payload.dict()
    for field, lookup in NAMED.items():
        if field in data:
            data[field] = lookup(request, data[field])
    return data
