"""The three administrators' pages; each page admits one duty and is a 403 for every other user."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gonghui.core.pages import form_page, paginate, post_and_back
from gonghui.core.xlsx import xlsx_download

from . import selectors, services
from .audit import access_log_row
from .forms import AccountSearchForm, GrantForm, UserCreateForm
from .models import Duty, User

DUTY_HOMES = {Duty.SYSTEM: "accounts:users", Duty.SECURITY: "accounts:grants", Duty.AUDIT: "accounts:access_log"}


def duty_required(duty: Duty):
    def decorate(view):
        @login_required
        @wraps(view)
        def checked(request, *args, **kwargs):
            services.require_duty(request.user, duty)
            return view(request, *args, **kwargs)

        return checked

    return decorate


@login_required
def duty_home_page(request):
    """Where the home page sends an administrator: the first page of its duty."""
    return redirect(DUTY_HOMES.get(request.user.duty, "home:index"))


def _account_page(request, template: str):
    form = AccountSearchForm(request.GET)
    form.is_valid()
    page = paginate(request, selectors.account_list(user=request.user, q=form.cleaned_data.get("q", "")))
    return render(request, template, {"form": form, "page": page})


@duty_required(Duty.SYSTEM)
def user_list_page(request):
    return _account_page(request, "accounts/users.html")


@duty_required(Duty.SYSTEM)
def user_create_page(request):
    return form_page(request, form_class=UserCreateForm, title="新建账号", union_writer=False,
                     service=lambda d: services.user_create(actor=request.user, **d),
                     success=lambda u: reverse("accounts:users"), cancel_url=reverse("accounts:users"),
                     form_kwargs={"unions": selectors.union_choices(user=request.user)},
                     done_message="账号已建立；查看敏感信息的权限由安全管理员设置")


@duty_required(Duty.SYSTEM)
@require_POST
def user_active_page(request, pk: int, active: bool):
    account = selectors.account_get(user=request.user, pk=pk)
    service = services.user_activate if active else services.user_deactivate
    return post_and_back(request, lambda: service(actor=request.user, user=account),
                         back=reverse("accounts:users"), done=f"账号 {account.username} 已{'启用' if active else '停用'}",
                         union_writer=False)


@duty_required(Duty.SECURITY)
def grant_list_page(request):
    return _account_page(request, "accounts/grants.html")


@duty_required(Duty.SECURITY)
def grant_edit_page(request, pk: int):
    account: User = selectors.account_get(user=request.user, pk=pk)
    return form_page(request, form_class=GrantForm, title=f"设置权限：{account.display_name()}（{account.username}）",
                     union_writer=False,
                     service=lambda d: services.grant_set(actor=request.user, user=account, **d),
                     success=lambda u: reverse("accounts:grants"), cancel_url=reverse("accounts:grants"),
                     initial={"may_reveal_identity": account.may_reveal_identity,
                              "may_access_care": account.may_access_care})


@duty_required(Duty.SECURITY)
def lockout_list_page(request):
    return render(request, "accounts/lockouts.html", {"lockouts": selectors.lockout_list(user=request.user)})


@duty_required(Duty.SECURITY)
@require_POST
def lockout_clear_page(request):
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "")
    target = {"username": value} if kind == "username" else {"ip_address": value} if kind == "ip_address" else {}
    return post_and_back(request, lambda: services.lockout_clear(actor=request.user, **target),
                         back=reverse("accounts:lockouts"), done=f"已解除对 {value} 的锁定", union_writer=False)


@duty_required(Duty.AUDIT)
def access_log_page(request):
    filters, entries = selectors.access_log_list(user=request.user, params=request.GET)
    page = paginate(request, entries, per_page=50)
    return render(request, "accounts/access_log.html", {
        "form": filters.form, "page": page, "rows": [access_log_row(e) for e in page]})


ACCESS_LOG_HEADERS = [("时间", 18), ("用户名", 14), ("姓名", 10), ("操作", 22), ("记录类型", 14), ("记录编号", 10),
                      ("说明", 40)]


@duty_required(Duty.AUDIT)
def access_log_export_page(request):
    _, entries = selectors.access_log_list(user=request.user, params=request.GET)
    rows = (list(access_log_row(e).values()) for e in entries.iterator(chunk_size=2000))
    return xlsx_download(filename="访问日志.xlsx", headers=ACCESS_LOG_HEADERS, rows=rows)


@duty_required(Duty.AUDIT)
def history_list_page(request):
    filters, versions = selectors.history_list(user=request.user, params=request.GET)
    page = paginate(request, versions, per_page=50)
    rows = selectors.history_rows(user=request.user, versions=page)
    return render(request, "accounts/history.html", {"form": filters.form, "page": page, "rows": rows})
