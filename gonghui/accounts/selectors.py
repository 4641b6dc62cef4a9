"""Reads of the three administrators; each checks the reader's duty first (a 403 for anyone else)."""

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from django.apps import apps
from django.conf import settings
from django.db.models import CharField, F, Max, Q, QuerySet, Sum, Value
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.core.models import AccessLog
from gonghui.org.models import Union

from .audit import HISTORY_TYPES, record_type_label
from .filters import AccessLogFilter, DayRangeFilterSet
from .models import Duty, User
from .services import require_duty

LOCKOUT_KINDS = {"username": "用户名", "ip_address": "地址"}


def account_list(*, user, q: str = "") -> QuerySet[User]:
    """Union accounts, for the system administrator (to manage) and the security administrator (to grant)."""
    if user.duty != Duty.SECURITY:
        require_duty(user, Duty.SYSTEM)
    qs = User.objects.filter(duty="").select_related("union").order_by("username")
    if q := q.strip():
        qs = qs.filter(Q(username__icontains=q) | Q(full_name__icontains=q) | Q(union__name__icontains=q))
    return qs


def account_get(*, user, pk: int) -> User:
    return get_object_or_404(account_list(user=user), pk=pk)


def union_choices(*, user) -> QuerySet[Union]:
    """Every union a new account may be bound to: the system administrator serves the whole installation."""
    require_duty(user, Duty.SYSTEM)
    return Union.objects.order_by("path")


@dataclass(frozen=True)
class Lockout:
    kind: str
    value: str
    failures: int
    last_at: datetime

    @property
    def kind_label(self) -> str:
        return LOCKOUT_KINDS[self.kind]


def lockout_list(*, user) -> list[Lockout]:
    """User names and addresses past the failure limit within the cool-off time, as django-axes counts them."""
    require_duty(user, Duty.SECURITY)
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    kinds = [p for p in settings.AXES_LOCKOUT_PARAMETERS if isinstance(p, str)]
    return [
        Lockout(kind, row[kind], row["failures"], row["last_at"])
        for kind in kinds
        for row in recent.values(kind).annotate(failures=Sum("failures_since_start"), last_at=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT).order_by("-last_at")
    ]


def access_log_list(*, user, params) -> tuple[AccessLogFilter, QuerySet[AccessLog]]:
    """The access log across tenants, newest first, narrowed by the filters in `params` (a bad one is dropped)."""
    require_duty(user, Duty.AUDIT)
    filters = AccessLogFilter(params, queryset=AccessLog.objects.select_related("user").order_by("-at", "-pk"))
    return filters, filters.qs


class HistoryFilter(DayRangeFilterSet):
    DATE_FIELD = "history_date"
    USER_FIELD = "history_user"


def tracked_models() -> list:
    return [m for m in apps.get_models() if getattr(m._meta, "simple_history_manager_attribute", None)]


def history_list(*, user, params) -> tuple[HistoryFilter, QuerySet]:
    """Every saved version of every tracked model, newest first: when, who, which record; never its values.

    One UNION ALL of the historical tables, each filtered on its own (each has a history_date index).
    """
    require_duty(user, Duty.AUDIT)
    models = tracked_models()
    parts = [model.history.all() for model in models]
    filters = HistoryFilter(params, queryset=parts[0])
    filters.is_valid()  # a bad filter is dropped on its own; the valid ones apply to every table
    rows = [
        filters.filter_queryset(part.order_by())
        .annotate(record_type=Value(model._meta.label, output_field=CharField()), record_id=F("id"))
        .values("history_id", "history_date", "history_type", "history_user_id", "record_type", "record_id")
        for model, part in zip(models, parts)
    ]
    return filters, rows[0].union(*rows[1:], all=True).order_by("-history_date", "-history_id")


def history_rows(*, user, versions) -> list[dict]:
    """A page of versions with who made them and what kind of record, in Chinese."""
    require_duty(user, Duty.AUDIT)
    versions = list(versions)
    names = dict(User.objects.filter(pk__in={v["history_user_id"] for v in versions}).values_list("pk", "username"))
    return [{**v, "username": names.get(v["history_user_id"], "系统"), "type": HISTORY_TYPES[v["history_type"]],
             "record_type_label": record_type_label(v["record_type"])} for v in versions]
