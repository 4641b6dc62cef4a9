"""Heavy figures (a federation's coverage, its care statistics) kept for a short while in Django's cache.

A county's figures count a million members and a year of aid: 100–500 ms of database time, the same for
every user who opens the home page or the statistics of that union and period (issue 11). They are kept
per union and period under a generation of their kind and tenant:

- every write the figures read bumps the generation (`forget_on_write` connects the models' post_save and
  post_delete; set-based writes that bypass signals, such as a roster import, call `figures_forget`), at
  once and again when the transaction commits, so the next reader computes afresh and nobody reads
  figures older than their own write;
- the generation is a timestamp, not a counter, so a generation lost from the cache (culled, restarted)
  can never come back as an older one, and an entry lives FIGURES_CACHE_SECONDS at most whatever happens
  (writes outside the ORM and outside the bumping services: a restore, SQL by hand).

The cache must be shared by the server's processes for a write in one to reach the others: production
uses Redis when REDIS_URL is set, else a file cache on the host (config/settings.py, CACHES).
"""

import time
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")


def _generation_key(kind: str, tenant_id: int) -> str:
    return f"figures-generation:{kind}:{tenant_id}"


def _generation(kind: str, tenant_id: int) -> int:
    key = _generation_key(kind, tenant_id)
    found = cache.get(key)
    if found is None:
        cache.add(key, time.time_ns(), timeout=None)
        found = cache.get(key)
    return found


def figures_cached(kind: str, *, union, parts: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """`compute()`'s figures for this union (by id and path: a moved union is counted again) and `parts`
    (dates, flags: whatever else they depend on, each written into the key with str())."""
    seconds = settings.GONGHUI["FIGURES_CACHE_SECONDS"]
    if seconds <= 0:
        return compute()
    key = ":".join(map(str, ("figures", kind, union.tenant_id, _generation(kind, union.tenant_id), union.pk,
                             union.path, *parts)))
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, timeout=seconds)
    return found


def figures_forget(kind: str, *, tenant_id: int) -> None:
    """Every figure of this kind of the tenant is read afresh: now, and once the writing transaction commits."""
    def bump():
        cache.set(_generation_key(kind, tenant_id), time.time_ns(), timeout=None)

    bump()
    transaction.on_commit(bump)


def forget_on_write(kind: str, *models) -> None:
    """Each save or delete of these tenant models forgets the kind's figures of the record's tenant."""
    def forget(sender, instance, **kwargs):
        if instance.tenant_id is not None:
            figures_forget(kind, tenant_id=instance.tenant_id)

    for model in models:
        post_save.connect(forget, sender=model, weak=False, dispatch_uid=f"figures-{kind}-{model._meta.label}")
        post_delete.connect(forget, sender=model, weak=False, dispatch_uid=f"figures-{kind}-{model._meta.label}-del")
