from django.db.models import QuerySet

from gonghui.core.scoping import get_visible_or_404, visible

from .models import ImportStatus, RosterExport, RosterImport

# An import stopped here waits for its uploader: to choose a sheet, confirm the columns, or start the write.
AWAITING_DECISION = (ImportStatus.NEEDS_SHEET, ImportStatus.NEEDS_MAPPING, ImportStatus.CHECKED)


def import_list(*, user) -> QuerySet[RosterImport]:
    return visible(RosterImport.objects.select_related("union", "created_by"), user)


def imports_awaiting_decision_count(*, user) -> int:
    """The home page's to-do: the user's own imports waiting for them to decide the next step."""
    return import_list(user=user).filter(created_by=user, status__in=AWAITING_DECISION).count()


def import_get(*, user, pk) -> RosterImport:
    return get_visible_or_404(RosterImport.objects.select_related("union", "created_by"), user, pk=pk)


def export_list(*, user) -> QuerySet[RosterExport]:
    return visible(RosterExport.objects.select_related("union", "created_by"), user)


def export_get(*, user, pk) -> RosterExport:
    return get_visible_or_404(RosterExport.objects.select_related("union", "created_by"), user, pk=pk)
