from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from gonghui.core.scoping import get_visible_or_404


def _history_rows(obj):
    """Each saved version with the fields it changed, newest first."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    rows = []
    for newer, older in zip(records, records[1:] + [None]):
        changes = []
        if older is not None:
            delta = newer.diff_against(older)
            changes = [(obj._meta.get_field(c.field).verbose_name, c.old, c.new) for c in delta.changes]
        rows.append({"record": newer, "changes": changes})
    return rows


@login_required
def history_page(request, label: str, pk: int):
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise Http404 from None
    if not hasattr(model, "history") or not hasattr(model, "SCOPE_PATH"):
        raise Http404
    obj = get_visible_or_404(model.objects.all(), request.user, pk=pk)
    return render(request, "core/history.html", {"obj": obj, "rows": _history_rows(obj)})
