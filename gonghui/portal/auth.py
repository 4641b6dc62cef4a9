"""A member's sign-in to the portal. Members are not staff users: the session holds the member's portal
account apart from Django's login, so a member reaches only /m/ and a staff login never opens it."""

from functools import wraps

from django.shortcuts import redirect
from django.urls import reverse

from gonghui.members.choices import MemberStatus

from .models import MemberAccount

SESSION_KEY = "portal_account"


def member_sign_in(request, account: MemberAccount) -> None:
    request.session.cycle_key()
    request.session[SESSION_KEY] = account.pk


def member_sign_out(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()


def signed_in(request) -> MemberAccount | None:
    pk = request.session.get(SESSION_KEY)
    if pk is None:
        return None
    try:
        # get(), not first(): a key names one row, and first()'s ORDER BY was a fifth of a page's ORM work.
        return (MemberAccount.objects.select_related("member__union", "member__group")
                .get(pk=pk, closed_at__isnull=True, member__status=MemberStatus.ACTIVE))
    except MemberAccount.DoesNotExist:
        request.session.pop(SESSION_KEY, None)
        return None


def member_required(view=None, *, consent: bool = True):
    """The signed-in member as `request.account` and `request.member`, else the sign-in page; before the
    privacy notice is agreed to, the notice."""
    def wrap(view):
        @wraps(view)
        def inner(request, *args, **kwargs):
            account = signed_in(request)
            if account is None:
                return redirect(f"{reverse('m:login')}?next={request.path}")
            if consent and account.consented_at is None:
                return redirect("m:consent")
            request.account, request.member = account, account.member
            return view(request, *args, **kwargs)
        return inner
    return wrap(view) if view else wrap
