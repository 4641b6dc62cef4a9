"""View helpers the plan and ledger pages share."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone

from gonghui.core.pages import FIRST_YEAR, LAST_YEAR


def year_from(request) -> int:
    """The ?year= of a yearly page; anything unreadable or outside FIRST_YEAR-LAST_YEAR means this year."""
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and FIRST_YEAR <= int(raw) <= LAST_YEAR else timezone.localdate().year


def post_and_back(request, action: Callable[[], object], *, back: str, done: str):
    """A one-button write (delete, file): run it, say how it went, go back."""
    try:
        action()
        messages.success(request, done)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    except PermissionDenied as exc:
        messages.error(request, str(exc) or "没有权限")
    return redirect(back)
