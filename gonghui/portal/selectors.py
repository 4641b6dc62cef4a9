"""Reads of the member portal. A member's reads take the member and return only the member's own records (or
what the member's union offers them); the union's reads take the user and are scoped by core.scoping."""

from collections.abc import Mapping

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from gonghui.care.models import (
    AidPayment,
    HardshipFile,
    MedicalAidClaim,
    MedicalAidEnrolment,
    SchoolingGrant,
    ServiceCard,
    Visit,
)
from gonghui.core.scoping import ancestor_paths, visible
from gonghui.ledger.models import ActivityParticipant, Honour
from gonghui.members.models import Member
from gonghui.openaffairs import selectors as openaffairs
from gonghui.org.models import Union, UnionLevel

from .filters import AidRequestFilters, JoinRequestFilters, OfferFilters, TransferAskFilters
from .models import AidRequest, JoinRequest, MemberAccount, Offer, RequestStatus, SignUp, SignUpStatus, TransferAsk


# The member's side ------------------------------------------------------------------------------

def offers_for_member(*, member: Member) -> QuerySet[Offer]:
    """Offers the member may sign up for now: of the member's union, or of a union above that opened it to
    its subtree; for the member's category."""
    union = member.union
    return (Offer.objects.select_related("union")
            .filter(tenant_id=member.tenant_id, deadline__gte=timezone.now())
            .filter(Q(union_id=union.pk) | Q(subtree=True, union__path__in=ancestor_paths(union)))
            .filter(Q(categories="") | Q(categories__contains=f",{member.category},"))
            .order_by("held_on", "id"))


def offer_for_member(*, member: Member, pk) -> Offer:
    """An offer the member may see: one open to them now, or one they signed up for. One read by its key and
    the rule in memory (the sign-up's POST reads it before queueing for the offer's lock)."""
    offer = _own(Offer.objects.select_related("union").filter(tenant_id=member.tenant_id), pk)
    if offer.open_to(member) and offer.deadline >= timezone.now():
        return offer
    if SignUp.objects.filter(member=member, offer=offer).exists():
        return offer
    raise Http404


def signups_of(*, member: Member) -> QuerySet[SignUp]:
    return SignUp.objects.select_related("offer__union").filter(member=member).order_by("-created_at")


def signup_of(*, member: Member, pk) -> SignUp:
    return _own(signups_of(member=member), pk)


def waiting_place(signup: SignUp) -> int:
    """The place on the waiting list, 1 for the next to move up."""
    return SignUp.objects.filter(offer_id=signup.offer_id, status=SignUpStatus.WAITING).filter(
        Q(created_at__lt=signup.created_at) | Q(created_at=signup.created_at, id__lte=signup.id)).count()


def _own(qs: QuerySet, pk):
    # Another member's record id is a 404, as a missing one is.
    try:
        return qs.get(pk=pk)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def aid_requests_of(*, member: Member) -> QuerySet[AidRequest]:
    return AidRequest.objects.select_related("hardship_file", "grant").filter(member=member).order_by("-created_at")


def aid_request_of(*, member: Member, pk) -> AidRequest:
    return _own(aid_requests_of(member=member).prefetch_related("documents"), pk)


def transfer_asks_of(*, member: Member) -> QuerySet[TransferAsk]:
    return TransferAsk.objects.select_related("to_union", "transfer").filter(member=member).order_by("-created_at")


def transfer_unions(*, member: Member) -> QuerySet[Union]:
    return (Union.objects.filter(tenant_id=member.tenant_id, level=UnionLevel.GRASSROOTS)
            .exclude(pk=member.union_id).order_by("path"))


def postings_for_member(*, member: Member):
    return openaffairs.postings_for_member(member=member)


def posting_for_member(*, member: Member, pk):
    return _own(postings_for_member(member=member).prefetch_related("attachments"), pk)


def member_records(*, member: Member) -> dict:
    """Everything the portal shows the member about themself, each list the member's own."""
    return {
        "card": ServiceCard.objects.filter(member=member).order_by("-id").first(),
        "enrolments": MedicalAidEnrolment.objects.select_related("unit").filter(member=member).order_by("-id"),
        "claims": MedicalAidClaim.objects.filter(enrolment__member=member).order_by("-id"),
        "aid": AidPayment.objects.filter(file__member=member).order_by("-paid_on"),
        "files": HardshipFile.objects.filter(member=member).order_by("-applied_on"),
        "grants": SchoolingGrant.objects.filter(member=member).order_by("-granted_on"),
        "visits": Visit.objects.filter(member=member).order_by("-visited_on"),
        "honours": Honour.objects.filter(member=member).order_by("-date"),
        "attended": ActivityParticipant.objects.select_related("activity").filter(member=member, attended=True)
                    .order_by("-activity__date"),
    }


# The union's side -------------------------------------------------------------------------------

def offer_list(*, user, filters: Mapping | None = None) -> QuerySet[Offer]:
    qs = visible(Offer.objects.select_related("union", "activity"), user)
    return OfferFilters.narrow(qs, filters).order_by("-held_on", "-id")


def offer_get(*, user, pk) -> Offer:
    return _own(offer_list(user=user), pk)


def offer_signups(*, offer: Offer) -> QuerySet[SignUp]:
    return (offer.signups.select_related("member__union").exclude(status=SignUpStatus.CANCELLED)
            .order_by("-status", "created_at", "id"))


def aid_request_list(*, user, filters: Mapping | None = None) -> QuerySet[AidRequest]:
    qs = visible(AidRequest.objects.select_related("union", "member"), user)
    return AidRequestFilters.narrow(qs, filters).order_by("-sent_on", "-id")


def aid_request_get(*, user, pk) -> AidRequest:
    return _own(aid_request_list(user=user).prefetch_related("documents"), pk)


def transfer_ask_list(*, user, filters: Mapping | None = None) -> QuerySet[TransferAsk]:
    qs = visible(TransferAsk.objects.select_related("union", "member", "to_union"), user)
    return TransferAskFilters.narrow(qs, filters).order_by("-created_at", "-id")


def transfer_ask_get(*, user, pk) -> TransferAsk:
    return _own(transfer_ask_list(user=user), pk)


def join_streets() -> QuerySet[Union]:
    """The street federations a worker may apply through (every county's: the worker is not signed in)."""
    return Union.objects.filter(level=UnionLevel.STREET).order_by("tenant_id", "path")


def join_request_list(*, user, filters: Mapping | None = None) -> QuerySet[JoinRequest]:
    qs = visible(JoinRequest.objects.select_related("union"), user)
    return JoinRequestFilters.narrow(qs, filters).order_by("-created_at", "-id")


def join_request_get(*, user, pk) -> JoinRequest:
    return _own(join_request_list(user=user), pk)


def join_unions(*, user, join: JoinRequest) -> QuerySet[Union]:
    return visible(Union.objects.filter(level=UnionLevel.GRASSROOTS, path__startswith=join.union.path),
                   user, path_field="path").order_by("path")


def closure_list(*, user) -> QuerySet[MemberAccount]:
    return (visible(MemberAccount.objects.select_related("member__union"), user)
            .filter(closure_requested_at__isnull=False, closed_at__isnull=True).order_by("closure_requested_at"))


def closure_get(*, user, pk) -> MemberAccount:
    return _own(closure_list(user=user), pk)


def portal_member_get(*, user, pk) -> Member:
    return _own(visible(Member.objects.select_related("union"), user), pk)


def portal_todo(*, user) -> dict:
    sent = {"status": RequestStatus.SENT}
    return {"aid": aid_request_list(user=user, filters=sent).count(),
            "transfers": transfer_ask_list(user=user, filters=sent).count(),
            "closures": closure_list(user=user).count(),
            "joins": join_request_list(user=user, filters=sent).count()}
