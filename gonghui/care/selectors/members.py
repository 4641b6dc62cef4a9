"""The members a care form or payload names, among those the user may see (gonghui.members.selectors)."""

from gonghui.members.models import Member
from gonghui.members.selectors import member_by_id_number, member_find


def care_member_by_id_number(*, user, id_number: str) -> Member | None:
    return member_by_id_number(user=user, id_number=id_number)


def care_member_get(*, user, pk) -> Member | None:
    return member_find(user=user, pk=pk)
