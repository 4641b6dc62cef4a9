"""Figure values kept between requests, and forgotten the moment a tenant's records change.

A statistics page or the home card counts the same figures over a county's million rows on every
request (docs/benchmarks.md, Load: the care statistics were 435 ms a request in a worker). The
values change only when a record is written, so they are kept in Django's cache under
(generation, figure, union, period), where the generation is the tenant's `FigureGeneration`
number. Every committed write to a tenant's tables bumps it:

- a model saved or deleted through the ORM (signals, bumped once per transaction, on commit: a
  rolled-back write bumps nothing, and a bump is never seen before the write it announces);
- any write request (POST, PUT, PATCH, DELETE) of a user of that tenant, which also covers
  `QuerySet.update()` and `bulk_create`, which send no signal;
- `figures_changed(tenant_id)`, which bulk writes outside a request (the roster import's COPY) call.

A value counted on the read replica (reports read it) is kept only once the tenant's last write is
REPLICA_SETTLE_SECONDS old, so a replica a moment behind cannot pin a value from before the write.

The kept value is the one any user of the union's subtree would count: `visible()` narrows only to
the user's own subtree and the care grant, and the grant is checked before the cache is read. A union
outside the user's subtree is never looked up here. `GONGHUI["FIGURE_CACHE_SECONDS"]` bounds how long a
value is kept (0: not at all, as in tests unless they ask for it).
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F, signals
from django.utils import timezone

from .models import FigureGeneration, TenantModel
from .periods import Period
from .routers import reporting_alias
from .scoping import contains

UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# A streaming replica replays within a second or two; values counted on it are kept only after this.
REPLICA_SETTLE_SECONDS = 10
# Generations read once per request: a page of thirty figures asks the database once per tenant.
_generations: ContextVar[dict | None] = ContextVar("figure_generations", default=None)
_request: ContextVar[object | None] = ContextVar("figure_request", default=None)


def seconds() -> int:
    return settings.GONGHUI.get("FIGURE_CACHE_SECONDS", 0)


def usable(user, union) -> bool:
    return seconds() > 0 and union is not None and contains(getattr(user, "union", None), union)


def generation(tenant_id: int) -> int:
    return _generation(tenant_id)[0]


def _generation(tenant_id: int) -> tuple[int, datetime | None]:
    memo = _generations.get()
    if memo is not None and tenant_id in memo:
        return memo[tenant_id]
    # Always the primary: a replica's lag would pair an old number with a new write.
    row = (FigureGeneration.objects.using(DEFAULT_DB_ALIAS).filter(tenant_id=tenant_id)
           .values_list("number", "changed_at").first()) or (0, None)
    if memo is not None:
        memo[tenant_id] = row
    return row


def _settled(tenant_id: int) -> bool:
    """Whether a value counted now may be kept: on the replica (reports read it), only once the tenant's last
    write is old enough to have reached it; else a value counted a moment too early would outlive the write."""
    if reporting_alias() == DEFAULT_DB_ALIAS:
        return True
    changed_at = _generation(tenant_id)[1]
    return changed_at is None or timezone.now() - changed_at > timedelta(seconds=REPLICA_SETTLE_SECONDS)


def counted(model) -> bool:
    """Union records, which figures count: an access-log line or a history row is written on reads too."""
    return issubclass(model, TenantModel) or getattr(model, "FIGURES_COUNT_IT", False)


def _key(tenant_id: int, *parts) -> str:
    return ":".join(str(part) for part in (tenant_id, generation(tenant_id), *parts))


def cache_key(figure_key: str, union, period: Period) -> str:
    return _key(union.tenant_id, "figure", figure_key, union.pk, period.start, period.end)


def kept(keys: dict[str, str]) -> dict[str, object]:
    """figure key -> kept value, for the cache keys (figure key -> cache key) found in the cache."""
    found = cache.get_many(list(keys.values()))
    return {figure_key: found[key] for figure_key, key in keys.items() if key in found}


def keep(values: dict[str, object], *, tenant_id: int) -> None:
    """Keep a tenant's values (cache key -> value); a hidden (None) value is never kept: the grant decides it."""
    if _settled(tenant_id):
        cache.set_many({key: value for key, value in values.items() if value is not None}, timeout=seconds())


_MISSING = object()


def remembered(figure_key: str, *, user, union, period: Period, compute, variant: str = ""):
    """compute(), or the value kept for the figure (and variant: a breakdown's grouping) of union and period."""
    if not usable(user, union):
        return compute()
    return _through(union.tenant_id, cache_key(figure_key + variant, union, period), compute)


def remembered_for_user(name: str, *, user, day, compute):
    """compute(), or what it gave this user today under the tenant's generation: counts that depend on the
    user's own grants and role (the home page's to-do card), forgotten like the figures on a write."""
    union = getattr(user, "union", None)
    if seconds() <= 0 or union is None:
        return compute()
    return _through(union.tenant_id, _key(union.tenant_id, "user", name, user.pk, day), compute)


def remembered_query(qs, compute):
    """compute() of a queryset of union records (a list's capped count, a picker's unions), kept under the
    exact SQL and the generation of the requesting user's tenant: the SQL holds the user's scope, and a
    write to the tenant's records forgets it. Outside a request, or for other tables, compute() alone."""
    request = _request.get()
    union = getattr(getattr(request, "user", None), "union", None) if request is not None else None
    if seconds() <= 0 or union is None or not counted(qs.model):
        return compute()
    try:
        sql, params = qs.query.sql_with_params()
    except EmptyResultSet:  # .none(): nothing to keep, and nothing to count
        return compute()
    digest = hashlib.sha1(repr((sql, params)).encode()).hexdigest()
    return _through(union.tenant_id, _key(union.tenant_id, "query", digest), compute)


def _through(tenant_id: int, key: str, compute):
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        keep({key: value}, tenant_id=tenant_id)
    return value


def _transaction_to_wait_for(tenant_id: int):
    """The connection whose transaction a bump belongs to, or None when there is nothing left to do: the cache
    is off (nothing kept, nothing to bump), or no transaction is open (bumped at once)."""
    if seconds() <= 0:
        return None
    connection = connections[DEFAULT_DB_ALIAS]
    if not connection.in_atomic_block:
        _bump({tenant_id})
        return None
    return connection


def figures_changed(tenant_id: int) -> None:
    """The tenant's figures may have changed: bump its generation (now, or on commit inside a transaction).

    With the cache off nothing is kept, so nothing is bumped: a county built record by record (the demo,
    the tests' fixtures) would otherwise pay an UPDATE and a commit for each of its thousands of writes.
    """
    connection = _transaction_to_wait_for(tenant_id)
    if connection is None:
        return
    pending = getattr(connection, "_figure_tenants", None)
    # A set whose on-commit flush was dropped (its transaction or savepoint rolled back) is started anew.
    # A rollback removes the callbacks registered within the savepoint, and every one registered before the
    # flush stays if the flush stays, so the flush is still there exactly when it is still at its index.
    waiting = connection.run_on_commit
    if pending is None or len(waiting) <= pending.index or waiting[pending.index][1] is not pending.flush:
        pending = _Pending()
        pending.index = len(waiting)
        connection._figure_tenants = pending
        transaction.on_commit(pending.flush)
    pending.add(tenant_id)


def figures_changed_now(tenant_id: int) -> None:
    """figures_changed, bumped inside the caller's transaction rather than after it, as its last write: it then
    commits with the write it announces (a rollback takes both), and the transaction's commit is the bump's.
    For a write that queues on a lock of its own (a sign-up's offer row) and so is already one at a time: the
    bump adds no commit of its own behind it. Writes that follow in the same transaction bump again on commit."""
    connection = _transaction_to_wait_for(tenant_id)
    if connection is None:
        return
    pending = getattr(connection, "_figure_tenants", None)
    if pending is not None:
        pending.discard(tenant_id)
    _bump({tenant_id})


class _Pending(set):
    index = 0  # where its flush sits in the connection's on-commit list

    def flush(self) -> None:
        _bump(set(self))
        self.clear()


def _bump(tenant_ids: set[int]) -> None:
    for tenant_id in tenant_ids:
        now = timezone.now()
        updated = FigureGeneration.objects.filter(tenant_id=tenant_id).update(number=F("number") + 1, changed_at=now)
        if not updated:
            FigureGeneration.objects.get_or_create(tenant_id=tenant_id, defaults={"number": 1, "changed_at": now})
    memo = _generations.get()
    if memo is not None:
        for tenant_id in tenant_ids:
            memo.pop(tenant_id, None)


def _on_write(sender, instance=None, **kwargs) -> None:
    # A tree's root is saved once before it is its own tenant.
    if counted(type(instance)) and instance.tenant_id is not None and not kwargs.get("raw"):
        figures_changed(instance.tenant_id)


def connect_signals() -> None:
    for signal in (signals.post_save, signals.post_delete, signals.m2m_changed):
        signal.connect(_on_write, dispatch_uid=f"figure_cache_{signal}")


@contextmanager
def generations_once():
    token = _generations.set({})
    try:
        yield
    finally:
        _generations.reset(token)


@contextmanager
def serving(request):
    """What the middleware sets around a request: its user for `remembered_query`, generations read once."""
    token = _request.set(request)
    try:
        with generations_once():
            yield
    finally:
        _request.reset(token)


class FigureCacheMiddleware:
    """Generations read once per request; a write request bumps its user's tenant when it is done."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with serving(request):
            response = self.get_response(request)
        union = getattr(getattr(request, "user", None), "union", None)
        if request.method in UNSAFE_METHODS and union is not None:
            figures_changed(union.tenant_id)
        return response
