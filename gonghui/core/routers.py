"""Report reads go to the read replica when there is one; every write, and every other read, to the primary.

`reporting` marks the reads of a report (statistics pages and their API, list and roster exports):

    @login_required
    @reporting
    def statistics_page(request): ...

    with reporting:
        rows = list(qs)

Inside it, reads go to settings.REPORTING_DATABASE ("replica" when DATABASE_REPLICA_URL is set), unless
the primary is in a transaction: a report read in the middle of a write must see that write. A replica
runs a moment behind the primary, which a report can afford and a form that has just been saved cannot;
so nothing outside `reporting` ever reads from it. Migrations run only on the primary.
"""

from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

_depth: ContextVar[int] = ContextVar("reporting_depth", default=0)


class _Reporting:
    """A context manager and a decorator; nested use is fine, and each thread has its own depth."""

    def __enter__(self):
        _depth.set(_depth.get() + 1)

    def __exit__(self, *exc):
        _depth.set(_depth.get() - 1)

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwargs):
            with self:
                return func(*args, **kwargs)

        return inner


reporting = _Reporting()


def reporting_alias() -> str:
    """The alias a report reads from at this moment."""
    alias = settings.REPORTING_DATABASE
    if alias and _depth.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return alias
    return DEFAULT_DB_ALIAS


class ReportingRouter:
    def db_for_read(self, model, **hints):
        return reporting_alias()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
