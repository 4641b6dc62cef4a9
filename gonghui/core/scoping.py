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

from django.db.models import Model, QuerySet
from django.http import Http404


def may_access_care(user) -> bool:
    """The grant to hardship, dispute and petition records: the one test, for hiding records and for 403s."""
    return bool(getattr(user, "may_access_care", False))


def visible(qs: QuerySet, user, *, path_field: str | None = None) -> QuerySet:
    node = getattr(user, "union", None) if getattr(user, "is_authenticated", False) else None
    if node is None:
        return qs.none()
    if getattr(qs.model, "CARE_GRANT_REQUIRED", False) and not may_access_care(user):
        return qs.none()
    field = path_field or qs.model.SCOPE_PATH
    if field == "path":
        return qs.filter(tenant_id=node.tenant_id, path__startswith=node.path)
    relation = field.removesuffix("__path")
    return qs.filter(tenant_id=node.tenant_id, **{f"{relation}__in": subtree_ids(node)})


def subtree_ids(node) -> list[int]:
    from gonghui.org.models import Union

    return list(Union.objects.filter(tenant_id=node.tenant_id, path__startswith=node.path).values_list("id", flat=True))


def get_visible_or_404(qs: QuerySet, user, *, path_field: str | None = None, **lookup) -> Model:
    try:
        return visible(qs, user, path_field=path_field).get(**lookup)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def is_within(user, union) -> bool:
    node = getattr(user, "union", None)
    return bool(node and union and union.tenant_id == node.tenant_id and union.path.startswith(node.path))
