"""The member a care payload names, among those the user may see (gonghui.members.selectors)."""

from gonghui.members.models import Member
from gonghui.members.selectors import member_find


def care_member_get(*, user, pk) -> Member | None:
    return member_find(user=user, pk=pk)
