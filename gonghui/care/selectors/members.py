"""The members a care form or payload names, among those the user may see."""

from gonghui.core.scoping import visible
from gonghui.members.choices import Status as MemberStatus
from gonghui.members.models import Member


def care_member_by_id_number(*, user, id_number: str) -> Member | None:
    """The member a form names by ID number, if the user may see them; forms never list a county's members."""
    same_person = visible(Member.objects.select_related("union"), user).filter(id_number=id_number)
    # A person who left and rejoined has several records; the active one is meant, else the latest.
    return same_person.filter(status=MemberStatus.ACTIVE).first() or same_person.order_by("-id").first()


def care_member_get(*, user, pk) -> Member | None:
    """The member an API payload names, or None: the API reports it at the field rather than as a 404."""
    return visible(Member.objects.select_related("union"), user).filter(pk=pk).first()
