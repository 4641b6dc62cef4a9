from django.db.models import QuerySet

from gonghui.core.scoping import get_visible_or_404, visible

from .models import RosterExport, RosterImport


def import_list(*, user) -> QuerySet[RosterImport]:
    return visible(RosterImport.objects.select_related("union", "created_by"), user)


def import_get(*, user, pk) -> RosterImport:
    return get_visible_or_404(RosterImport.objects.select_related("union", "created_by"), user, pk=pk)


def export_list(*, user) -> QuerySet[RosterExport]:
    return visible(RosterExport.objects.select_related("union", "created_by"), user)


def export_get(*, user, pk) -> RosterExport:
    return get_visible_or_404(RosterExport.objects.select_related("union", "created_by"), user, pk=pk)
