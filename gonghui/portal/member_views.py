"""The members' pages (/m/): sign-in by code, the privacy notice, the member's own records and data, sign-ups,
aid applications, open-affairs postings and transfer requests. Each reads only what belongs to the signed-in
member (another member's record id is a 404) and writes through one service."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from gonghui.accounts.addresses import client_ip
from gonghui.core.files import private_file_response
from gonghui.core.forms import call_service
from gonghui.core.xlsx import xlsx_book_download
from gonghui.openaffairs import services as openaffairs
from gonghui.proposals import selectors as proposal_selectors

from . import selectors, services
from .auth import member_required, member_sign_in, member_sign_out
from .data import data_file_name, member_data, member_workbook_sheets
from .forms import AidRequestForm, CodeForm, CommentForm, JoinForm, PhoneForm, TransferAskForm
from .models import SignUpStatus

PHONE_KEY = "portal_phone_digest"
SENT = "如果该号码登记在您的会员档案中，验证码已通过短信发送，5分钟内有效"


def _form(request, form_class, **kwargs):
    return form_class(request.POST, request.FILES, **kwargs) if request.method == "POST" else form_class(**kwargs)


def _next(request) -> str:
    wanted = request.GET.get("next", "")
    ok = wanted.startswith("/m/") and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()})
    return wanted if ok else reverse("m:home")


def login_page(request):
    form = _form(request, PhoneForm)
    if request.method == "POST" and form.is_valid():
        phone = form.cleaned_data["phone"]
        digest = call_service(form, lambda: services.sign_in_code_send(phone=phone, address=client_ip(request)))
        if digest:
            # Only the number's digest waits in the session for the code: never the number, nor in the page.
            request.session[PHONE_KEY] = digest
            messages.info(request, SENT)
            return redirect(f"{reverse('m:code')}?next={_next(request)}")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/m/login.html", {"form": form}, status=status)


def code_page(request):
    digest = request.session.get(PHONE_KEY)
    if not digest:
        return redirect("m:login")
    form = _form(request, CodeForm)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        account = call_service(form, lambda: services.sign_in_code_check(phone_digest=digest, code=code))
        if account is not None:
            member_sign_in(request, account)
            request.session.pop(PHONE_KEY, None)
            return redirect(_next(request) if account.consented_at else "m:consent")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/m/code.html", {"form": form}, status=status)


def activate_page(request, token: str):
    error = ""
    if request.method == "POST":
        try:
            account = services.activation_link_use(token=token)
        except ValidationError as exc:
            error = "；".join(exc.messages)
        else:
            member_sign_in(request, account)
            return redirect("m:consent" if account.consented_at is None else "m:home")
    return render(request, "portal/m/activate.html", {"error": error}, status=400 if error else 200)


@require_POST
def logout_page(request):
    member_sign_out(request)
    return redirect("m:login")


@member_required(consent=False)
def consent_page(request):
    if request.method == "POST":
        if request.POST.get("agree") != "yes":
            return render(request, "portal/m/consent.html", {"error": "请阅读并勾选同意后继续"}, status=400)
        services.account_consent(account=request.account)
        return redirect("m:home")
    return render(request, "portal/m/consent.html", {})


def manifest_page(request):
    return JsonResponse({
        "name": "工会会员服务", "short_name": "会员服务", "lang": "zh-CN", "start_url": reverse("m:home"),
        "scope": "/m/", "display": "standalone", "background_color": "#ffffff", "theme_color": "#b71c1c",
        "icons": [{"src": "/static/portal/icon.svg", "sizes": "any", "type": "image/svg+xml"}],
    }, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


@member_required
def home_page(request):
    return render(request, "portal/m/home.html", {
        "signups": selectors.signups_of(member=request.member).exclude(status=SignUpStatus.CANCELLED)[:3],
        "offers": selectors.offers_for_member(member=request.member)[:3],
        "is_delegate": proposal_selectors.is_delegate(member=request.member)})


@member_required
def me_page(request):
    return render(request, "portal/m/me.html", selectors.member_records(member=request.member))


@member_required
def data_page(request):
    """The member's own data (PIPL art. 45) as a JSON file, identifiers masked as on the pages."""
    body = json.dumps(member_data(request.member), ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{data_file_name("json")}"'
    return response


@member_required
def data_xlsx_page(request):
    """The same data as an Excel workbook, a sheet per section, for a member who reads it in WPS or Excel."""
    return xlsx_book_download(filename=data_file_name("xlsx"), sheets=member_workbook_sheets(request.member))


@member_required
def close_page(request):
    if request.method == "POST":
        services.account_close_request(account=request.account)
        messages.success(request, "注销申请已提交，工会办理后您将不能再登录会员服务")
        return redirect("m:home")
    return render(request, "portal/m/close.html", {})


# Activities ---------------------------------------------------------------------------------------

@member_required
def offers_page(request):
    mine = selectors.signups_of(member=request.member).exclude(status=SignUpStatus.CANCELLED)
    return render(request, "portal/m/offers.html", {
        "offers": selectors.offers_for_member(member=request.member),
        "signups": [(s, selectors.waiting_place(s) if s.status == SignUpStatus.WAITING else None) for s in mine]})


@member_required
def offer_page(request, pk: int):
    offer = selectors.offer_for_member(member=request.member, pk=pk)
    mine = selectors.signups_of(member=request.member).filter(offer=offer).exclude(
        status=SignUpStatus.CANCELLED).first()
    error = ""
    if request.method == "POST":
        try:
            signup = services.signup_create(member=request.member, offer=offer)
        except ValidationError as exc:
            error = "；".join(exc.messages)
        else:
            messages.success(request, "报名成功" if signup.status == SignUpStatus.TAKEN
                             else "名额已满，您已进入候补名单，有人取消时按顺序递补")
            return redirect("m:offer", pk=offer.pk)
    return render(request, "portal/m/offer.html", {
        "offer": offer, "mine": mine, "error": error, "closed": timezone.now() > offer.deadline,
        "waiting": selectors.waiting_place(mine) if mine and mine.status == SignUpStatus.WAITING else None},
        # htmx (the boosted button) swaps in only a 2xx answer: the refusal is shown in place all the same.
        status=400 if error and not request.headers.get("HX-Request") else 200)


@member_required
@require_POST
def signup_cancel_page(request, pk: int):
    signup = selectors.signup_of(member=request.member, pk=pk)
    try:
        services.signup_cancel(member=request.member, signup=signup)
        messages.success(request, "已取消报名")
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    return redirect("m:offer", pk=signup.offer_id)


# Aid applications ---------------------------------------------------------------------------------

@member_required
def aid_list_page(request):
    return render(request, "portal/m/aid_list.html", {"requests": selectors.aid_requests_of(member=request.member)})


@member_required
def aid_create_page(request):
    form = _form(request, AidRequestForm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = call_service(form, lambda: services.aid_request_create(
            member=request.member, kind=data["kind"], note=data["note"], causes=data["causes"],
            applicant_income=data["applicant_income"], student_name=data["student_name"],
            school_level=data["school_level"], school_name=data["school_name"], documents=data["documents"]))
        if created is not None:
            messages.success(request, "申请已提交，工会受理后会更新办理状态")
            return redirect("m:aid", pk=created.pk)
    return render(request, "portal/m/form.html", {"form": form, "title": "申请帮扶", "submit_label": "提交申请",
                                                  "back": reverse("m:aid_list")},
                  status=400 if request.method == "POST" else 200)


@member_required
def aid_page(request, pk: int):
    return render(request, "portal/m/aid.html", {"request_": selectors.aid_request_of(member=request.member, pk=pk)})


@member_required
def aid_document_page(request, pk: int, doc: int):
    document = selectors.aid_request_of(member=request.member, pk=pk).documents.filter(pk=doc).first()
    if document is None:
        raise Http404
    return private_file_response(document.file, filename=document.name)


# Open affairs -------------------------------------------------------------------------------------

@member_required
def postings_page(request):
    return render(request, "portal/m/postings.html",
                  {"postings": selectors.postings_for_member(member=request.member)[:50]})


@member_required
def posting_page(request, pk: int):
    posting = selectors.posting_for_member(member=request.member, pk=pk)
    form = _form(request, CommentForm)
    if request.method == "POST" and form.is_valid():
        done = call_service(form, lambda: openaffairs.posting_comment_create(
            member=request.member, posting=posting, text=form.cleaned_data["text"], kind=form.cleaned_data["kind"]))
        if done is not None:
            messages.success(request, "已提交，工会答复后可在此查看")
            return redirect("m:posting", pk=posting.pk)
    comments = posting.comments.filter(member=request.member).order_by("-asked_on", "-id")
    return render(request, "portal/m/posting.html", {"posting": posting, "form": form, "comments": comments},
                  status=400 if request.method == "POST" else 200)


# Transfers ----------------------------------------------------------------------------------------

@member_required
def transfer_page(request):
    form = _form(request, TransferAskForm, unions=selectors.transfer_unions(member=request.member))
    if request.method == "POST" and form.is_valid():
        done = call_service(form, lambda: services.transfer_ask_create(
            member=request.member, to_union=form.cleaned_data["to_union"], reason=form.cleaned_data["reason"]))
        if done is not None:
            messages.success(request, "转会申请已提交，由所在工会办理")
            return redirect("m:transfer")
    return render(request, "portal/m/transfer.html", {
        "form": form, "asks": selectors.transfer_asks_of(member=request.member)},
        status=400 if request.method == "POST" else 200)



# Joining (no sign-in: the worker is not a member yet) ------------------------------------------------

def join_page(request):
    form = _form(request, JoinForm, streets=selectors.join_streets())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = call_service(form, lambda: services.join_request_create(
            street=data["street"], name=data["name"], phone=data["phone"], employer=data["employer"],
            note=data["note"], address=client_ip(request)))
        if done is not None:
            return render(request, "portal/m/join_done.html", {"street": data["street"]})
    return render(request, "portal/m/form.html", {"form": form, "title": "申请入会", "submit_label": "提交入会申请",
                                                  "intro": "所在单位尚未建立工会的职工，可向所在街道（乡镇）总工会申请入会，"
                                                           "由街道（乡镇）总工会安排到区域性工会或联合工会。"},
                  status=400 if request.method == "POST" else 200)
