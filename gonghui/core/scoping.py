"""The one place where union data is limited to what a user may see.

Every selector passes its queryset through `visible()`. A user bound to a
node sees that node's subtree within its tenant; anyone else sees nothing.
Models marked CARE_GRANT_REQUIRED (hardship files, aid, disputes, petitions)
are seen only by users granted may_access_care, wherever they are shown.
Missing and not-yours look the same: both are a 404.
"""

from django.db.models import Model, QuerySet
from django.http import Http404


def visible(qs: QuerySet, user, *, path_field: str | None = None) -> QuerySet:
    node = getattr(user, "union", None) if getattr(user, "is_authenticated", False) else None
    if node is None:
        return qs.none()
    if getattr(qs.model, "CARE_GRANT_REQUIRED", False) and not getattr(user, "may_access_care", False):
        return qs.none()
    field = path_field or qs.model.SCOPE_PATH
    return qs.filter(tenant_id=node.tenant_id, **{f"{field}__startswith": node.path})


def get_visible_or_404(qs: QuerySet, user, *, path_field: str | None = None, **lookup) -> Model:
    try:
        return visible(qs, user, path_field=path_field).get(**lookup)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def is_within(user, union) -> bool:
    node = getattr(user, "union", None)
    return bool(node and union and union.tenant_id == node.tenant_id and union.path.startswith(node.path))
