"""Reads of the welfare records, scoped to what the user may see (gonghui.core.scoping)."""

from django.db.models import Model, QuerySet

from gonghui.core.scoping import get_visible_or_404, visible

from .filters import FILTERS


def welfare_list(*, user, model: type[Model], filters: dict | None = None) -> QuerySet:
    """A list of one record type, newest first, narrowed by its filters (page, export and API alike)."""
    qs = visible(model.objects.select_related("union"), user)
    return FILTERS[model].narrow(qs, filters, user=user).order_by(f"-{model.DATE_FIELD}", "-id")


def welfare_get(*, user, model: type[Model], pk) -> Model:
    return get_visible_or_404(model.objects.select_related("union"), user, pk=pk)
