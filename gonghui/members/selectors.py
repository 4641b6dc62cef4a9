from django.db.models import Count, QuerySet
from django.http import Http404, QueryDict

from gonghui.core.scoping import get_visible_or_404, visible
from gonghui.org.models import UnionLevel, Union
from gonghui.org.selectors import group_list, union_list

from .choices import MemberStatus, TransferStatus
from .filters import MemberFilter
from .models import Member, MemberEvent, Transfer


def member_filter(*, user, params) -> MemberFilter:
    """The member list's filters bound to query parameters; `.qs` is the list, `.form` what the page shows."""
    members = visible(Member.objects.select_related("union", "group"), user)
    return MemberFilter(params, queryset=members, unions=union_list(user=user),
                        groups_of=lambda union: group_list(user=user, union=union))


def member_list(*, user, params=None) -> QuerySet[Member]:
    """The member list as the user may see it, searched, filtered and sorted as the parameters say."""
    return member_filter(user=user, params=params or QueryDict()).qs


def member_get(*, user, pk) -> Member:
    return get_visible_or_404(Member.objects.select_related("union", "group"), user, pk=pk)


def member_by_id_number(*, user, id_number: str) -> Member | None:
    """The member another app's form names by ID number, if the user may see them (forms never list a county's
    members); a person who left and rejoined has several records: the active one is meant, else the latest."""
    same_person = visible(Member.objects.select_related("union"), user).filter(id_number=id_number)
    return same_person.filter(status=MemberStatus.ACTIVE).first() or same_person.order_by("-id").first()


def member_find(*, user, pk) -> Member | None:
    """The member an API payload names, or None: the API reports it at the field rather than as a 404."""
    return visible(Member.objects.select_related("union"), user).filter(pk=pk).first()


def member_events(*, member: Member) -> QuerySet[MemberEvent]:
    return member.events.select_related("union", "other_union", "by")


def transfers_outgoing(*, user) -> QuerySet[Transfer]:
    return visible(Transfer.objects.select_related("member", "from_union", "to_union"), user).order_by("-id")


def transfers_incoming(*, user) -> QuerySet[Transfer]:
    qs = Transfer.objects.select_related("member", "from_union", "to_union").filter(status=TransferStatus.PENDING)
    return visible(qs, user, path_field="to_union__path").order_by("-id")


def transfers_incoming_count(*, user) -> int:
    """The home page's to-do: transfers waiting for a union of the user's subtree to accept them."""
    return transfers_incoming(user=user).count()


def transfer_get(*, user, pk) -> Transfer:
    """A transfer is visible to both sides: the sending subtree and the receiving one."""
    qs = Transfer.objects.select_related("member", "from_union", "to_union")
    for path_field in (None, "to_union__path"):
        found = visible(qs, user, path_field=path_field).filter(pk=pk).first()
        if found:
            return found
    raise Http404


def transfer_targets(*, user) -> QuerySet[Union]:
    """The one deliberate look outside the subtree: a member may move to any grassroots
    union of the county, so the sender sees those unions' names (nothing else of them)."""
    if not getattr(user, "union_id", None):
        return Union.objects.none()
    return Union.objects.filter(tenant_id=user.union.tenant_id, level=UnionLevel.GRASSROOTS).order_by("path").only("id", "name")


# --- counts org's pages show (registered in MembersConfig.ready(): org sits below members) -----------------


def active_count_by_union(*, user) -> dict[int, int]:
    """Active members the user may see, per union they belong to directly."""
    qs = visible(Member.objects.filter(status=MemberStatus.ACTIVE), user)
    return dict(qs.values_list("union_id").annotate(n=Count("id")).values_list("union_id", "n"))


def active_count_within(*, tenant_id: int, union_ids: list[int]) -> int:
    """Active members of the given unions, which the caller has already scoped."""
    return Member.objects.filter(tenant_id=tenant_id, union_id__in=union_ids, status=MemberStatus.ACTIVE).count()
