from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gonghui.core.identifiers import mask_id_number, mask_mobile
from gonghui.core.pages import form_page, paginate, post_and_back, record_page
from gonghui.core.links import record_link
from gonghui.org.selectors import group_list, grassroots_list, union_get

from . import selectors, services
from .forms import LifecycleForm, MemberEditForm, MemberForm, TransferForm

# ID number and phone are not sent back to the browser in full: the edit form shows them masked.
EDIT_FIELDS = ("name", "ethnicity", "education", "political_status", "category", "group", "join_date", "card_number")


@login_required
def member_list_page(request):
    filters = selectors.member_filter(user=request.user, params=request.GET)
    page = paginate(request, filters.qs)
    return render(request, "members/list.html", {"form": filters.form, "page": page,
                                                 "create_unions": grassroots_list(user=request.user)[:2]})


member_detail_page = record_page(selectors.member_get, "members/detail.html", "member", lambda request, member: {
    "events": selectors.member_events(member=member)})


@login_required
@require_POST
def member_reveal_page(request, pk: int):
    member = selectors.member_get(user=request.user, pk=pk)
    return render(request, "members/_identity.html", services.identity_reveal(actor=request.user, member=member))


_detail_url = record_link("members:detail")


@login_required
def member_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=MemberForm, title=f"新增会员：{union.name}",
                     service=lambda d: services.member_create(actor=request.user, union=union, **d),
                     success=_detail_url, cancel_url=reverse("members:list"),
                     form_kwargs={"groups": group_list(user=request.user, union=union)})


@login_required
def member_edit_page(request, pk: int):
    member = selectors.member_get(user=request.user, pk=pk)
    stored = {"id_number": mask_id_number(member.id_number), "phone": mask_mobile(member.phone)}
    return form_page(request, form_class=MemberEditForm, title=f"编辑会员：{member.name}",
                     service=lambda d: services.member_update(actor=request.user, member=member, **d),
                     success=_detail_url, cancel_url=_detail_url(member),
                     initial={f: getattr(member, f) for f in EDIT_FIELDS},
                     form_kwargs={"groups": group_list(user=request.user, union=member.union), "stored": stored})


def _lifecycle(actor, member, data):
    if data["kind"] == "retire":
        return services.member_retire(actor=actor, member=member, on_date=data["on_date"])
    return services.member_end(actor=actor, member=member, **data)


@login_required
def member_lifecycle_page(request, pk: int):
    member = selectors.member_get(user=request.user, pk=pk)
    return form_page(request, form_class=LifecycleForm, title=f"会籍变动：{member.name}",
                     service=lambda d: _lifecycle(request.user, member, d),
                     success=_detail_url, cancel_url=_detail_url(member), submit_label="办理")


@login_required
def transfer_create_page(request, pk: int):
    member = selectors.member_get(user=request.user, pk=pk)
    return form_page(request, form_class=TransferForm, title=f"转会：{member.name}",
                     service=lambda d: services.transfer_request(actor=request.user, member=member, **d),
                     success=lambda t: reverse("members:transfers"), cancel_url=_detail_url(member),
                     form_kwargs={"targets": selectors.transfer_targets(user=request.user)}, submit_label="发起转会",
                     done_message="转会已发出，等待转入工会接收")


@login_required
def transfers_page(request):
    return render(request, "members/transfers.html", {
        "incoming": selectors.transfers_incoming(user=request.user),
        "outgoing": selectors.transfers_outgoing(user=request.user)[:100],
    })


DECISIONS = {"accept": services.transfer_accept, "reject": services.transfer_reject, "cancel": services.transfer_cancel}


@login_required
@require_POST
def transfer_decide_page(request, pk: int, decision: str):
    if decision not in DECISIONS:
        raise Http404
    transfer = selectors.transfer_get(user=request.user, pk=pk)
    return post_and_back(request, lambda: DECISIONS[decision](actor=request.user, transfer=transfer),
                         back=reverse("members:transfers"), done="已处理")
