"""The one place where union data is limited to what a user may see.

Every selector passes its queryset through `visible()`. A user bound to a
node sees that node's subtree within its tenant; anyone else sees nothing.
Models marked CARE_GRANT_REQUIRED (hardship files, aid, disputes, petitions)
are seen only by users granted may_access_care, wherever they are shown.
Missing and not-yours look the same: both are a 404.

For tables that point at a union, the subtree is first read as a list of
union ids (hundreds in a county) and the filter becomes `union_id IN (...)`:
the planner then knows how many rows each union holds and can walk an
ordering index, where a join on `path LIKE` left it guessing.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Model, QuerySet
from django.http import Http404

# Subtree ids read once per request (or per `subtree_cache()` block), keyed by node and path so a
# moved node is read again. Outside such a block nothing is kept: a long-lived job must see unions
# created after it started.
_subtrees: ContextVar[dict | None] = ContextVar("subtrees", default=None)


def may_access_care(user) -> bool:
    """The grant to hardship, dispute and petition records: the one test, for hiding records and for 403s."""
    return bool(getattr(user, "may_access_care", False))


def visible(qs: QuerySet, user, *, path_field: str | None = None) -> QuerySet:
    node = getattr(user, "union", None) if getattr(user, "is_authenticated", False) else None
    if node is None:
        return qs.none()
    if getattr(qs.model, "CARE_GRANT_REQUIRED", False) and not may_access_care(user):
        return qs.none()
    return within(qs, node, path_field=path_field)


def within(qs: QuerySet, union, *, path_field: str | None = None) -> QuerySet:
    """Narrow a queryset to one union's subtree (its tenant included); `None` leaves it as it is.

    The only subtree filter: selectors pass a scoped queryset and the node a user chose.
    """
    if union is None:
        return qs
    field = path_field or qs.model.SCOPE_PATH
    if field == "path":
        return qs.filter(tenant_id=union.tenant_id, path__startswith=union.path)
    if union.pk == union.tenant_id:
        # The tenant's own root: its subtree is every union of the tenant, so the tenant key says it all.
        # A list of every union id (`= ANY` of hundreds) would cost the planner one index descent per id,
        # and it would scan whole tables instead of walking (tenant, date) indexes (docs/benchmarks.md).
        return qs.filter(tenant_id=union.tenant_id)
    relation = field.removesuffix("__path")
    return qs.filter(tenant_id=union.tenant_id, **{f"{relation}__in": subtree_ids(union)})


def subtree_ids(node) -> list[int]:
    cache = _subtrees.get()
    key = (node.pk, node.path)
    if cache is not None and key in cache:
        return cache[key]
    union_model = type(node)
    ids = list(union_model.objects.filter(tenant_id=node.tenant_id, path__startswith=node.path)
               .values_list("id", flat=True))
    if cache is not None:
        cache[key] = ids
    return ids


def ancestor_paths(node) -> list[str]:
    """The paths of the node and of every node above it, root first."""
    step = type(node).steplen
    return [node.path[:end] for end in range(step, len(node.path) + 1, step)]


def ancestor_rows(node, rows_by_path: dict) -> list:
    """The rows (keyed by path) of the node and of the nodes above it that are among them, root first:
    where a figure of one node adds to every total above it, read from rows already in memory."""
    return [rows_by_path[path] for path in ancestor_paths(node) if path in rows_by_path]


def subtree_cache_forget() -> None:
    """Called by the services that add or move a union: every cached subtree may have changed."""
    cache = _subtrees.get()
    if cache is not None:
        cache.clear()


@contextmanager
def subtree_cache():
    """Within this block each node's subtree ids are read from the database once."""
    token = _subtrees.set({})
    try:
        yield
    finally:
        _subtrees.reset(token)


class SubtreeCacheMiddleware:
    """One subtree read per node per request, however many selectors a page calls."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with subtree_cache():
            return self.get_response(request)


def get_or_404(qs: QuerySet, **lookup) -> Model:
    """The queryset's one record, else a 404: a key that is not a number is not found either."""
    try:
        return qs.get(**lookup)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_visible_or_404(qs: QuerySet, user, *, path_field: str | None = None, **lookup) -> Model:
    return get_or_404(visible(qs, user, path_field=path_field), **lookup)


def contains(outer, inner) -> bool:
    """Whether `inner` is `outer` or beneath it: the subtree test on unions already read."""
    return bool(outer and inner and inner.tenant_id == outer.tenant_id and inner.path.startswith(outer.path))


def is_within(user, union) -> bool:
    return contains(getattr(user, "union", None), union)
