"""The union's pages of the member portal (/portal/): the activities opened for sign-up and their lists, what
members sent (aid applications, transfer requests, requests to close their account), and the one-time
activation link for a member without a phone on record."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from gonghui.care.rules import require_care_access
from gonghui.core.files import private_file_response
from gonghui.core.pages import button_page, form_page, record_form_view, record_page, render_list
from gonghui.core.services import require_writer
from gonghui.core.links import record_link
from gonghui.org.selectors import union_get

from . import selectors, services
from .filters import AidRequestFilters, JoinRequestFilters, OfferFilters, TransferAskFilters
from .forms import AcceptSchoolingForm, DeclineForm, EmptyForm, JoinAssignForm, OfferForm, TransferAcceptForm
from .models import AidRequestKind
from .qr import qr_svg


@login_required
def index_page(request):
    return render(request, "portal/index.html", {"todo": selectors.portal_todo(user=request.user)})


# Activities open for sign-up --------------------------------------------------------------------

@login_required
def offers_page(request):
    return render_list(request, OfferFilters, selectors.offer_list, "portal/offers.html")


@login_required
def offer_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=OfferForm, title=f"发布活动报名 · {union.name}",
                     service=lambda data: services.offer_create(actor=request.user, union=union, **data),
                     success=record_link("portal:offer"),
                     cancel_url=reverse("portal:offers"), submit_label="发布", done_message="已发布")


offer_page = record_page(selectors.offer_get, "portal/offer.html", "offer", lambda request, offer: {
    "signups": selectors.offer_signups(offer=offer)})


offer_record_page = button_page(
    select=selectors.offer_get, service=services.offer_record_attendance, record="offer",
    back=record_link("portal:offer"), done="已记入台帐")


# Aid applications -------------------------------------------------------------------------------

_aid_url = record_link("portal:aid_request")


@login_required
def aid_requests_page(request):
    require_care_access(request.user)
    return render_list(request, AidRequestFilters, selectors.aid_request_list, "portal/aid_requests.html")


aid_request_page = record_page(selectors.aid_request_get, "portal/aid_request.html", "aid")


@login_required
def aid_document_page(request, pk: int, doc: int):
    aid = selectors.aid_request_get(user=request.user, pk=pk)
    document = aid.documents.filter(pk=doc).first()
    if document is None:
        raise Http404
    return private_file_response(document.file, filename=document.name)


@login_required
def aid_accept_page(request, pk: int):
    aid = selectors.aid_request_get(user=request.user, pk=pk)
    schooling = aid.kind == AidRequestKind.SCHOOLING
    return form_page(request, form_class=AcceptSchoolingForm if schooling else EmptyForm,
                     title=f"受理{aid.get_kind_display()}申请 · {aid.member.name}",
                     service=lambda data: services.aid_request_accept(actor=request.user, request=aid, **data),
                     success=lambda done: _aid_url(aid), cancel_url=_aid_url(aid),
                     submit_label="受理并建档" if not schooling else "受理并发放", done_message="已受理")


aid_decline_page = record_form_view(
    selectors.aid_request_get, services.aid_request_decline, "request", form_class=DeclineForm,
    title=lambda aid: f"不予受理 · {aid.member.name}", back=_aid_url, submit_label="不予受理")


# Transfer requests ------------------------------------------------------------------------------

@login_required
def transfer_asks_page(request):
    return render_list(request, TransferAskFilters, selectors.transfer_ask_list, "portal/transfer_asks.html")


transfer_accept_page = record_form_view(
    selectors.transfer_ask_get, services.transfer_ask_accept, "ask", form_class=TransferAcceptForm,
    title=lambda ask: f"办理转会 · {ask.member.name} → {ask.to_union.name}",
    back=lambda _: reverse("portal:transfer_asks"), submit_label="发起转会", done_message="已发起转会")


transfer_decline_page = button_page(
    select=selectors.transfer_ask_get, service=services.transfer_ask_decline, record="ask",
    back=lambda _: reverse("portal:transfer_asks"), done="已退回")


# Accounts ---------------------------------------------------------------------------------------

@login_required
def closures_page(request):
    return render(request, "portal/closures.html", {"accounts": selectors.closure_list(user=request.user)})


closure_close_page = button_page(
    select=selectors.closure_get, service=services.account_close, record="account",
    back=lambda _: reverse("portal:closures"), done="已注销")


@login_required
@never_cache
def activation_page(request, pk: int):
    """The link and its QR code are shown once, on the printable page that made them, to be handed to the
    member; the page is never cached (it carries the token) and no other page shows the token again."""
    require_writer(request.user)
    member = selectors.portal_member_get(user=request.user, pk=pk)
    if request.method != "POST":
        return render(request, "portal/activation.html", {"member": member})
    token, activation = services.activation_link_create(actor=request.user, member=member)
    link = request.build_absolute_uri(reverse("m:activate", args=[token]))
    return render(request, "portal/activation_print.html", {
        "member": member, "link": link, "expires_at": activation.expires_at,
        "qr": qr_svg(link, label=f"{member.name}的会员服务开通二维码")})


# Join applications ------------------------------------------------------------------------------

@login_required
def joins_page(request):
    return render_list(request, JoinRequestFilters, selectors.join_request_list, "portal/joins.html")


join_assign_page = record_form_view(
    selectors.join_request_get, services.join_request_assign, "join", form_class=JoinAssignForm,
    title=lambda join: f"分配入会申请 · {join.name}（{join.employer}）", back=lambda _: reverse("portal:joins"),
    form_kwargs=lambda request, join: {"unions": selectors.join_unions(user=request.user, join=join)},
    submit_label="分配", done_message="已分配")
