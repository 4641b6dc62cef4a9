from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from gonghui.core.identifiers import mask_id_number, mask_mobile
from gonghui.core.scoping import get_visible_or_404, may_access_care
from gonghui.core.services import access_log_record


def _identity_mask(model, field: str):
    """The mask for a field holding an ID number or phone, or None: the history is not a reveal path.

    A model names its own such fields in PII_FIELDS; otherwise id_number, phone and *_phone are.
    """
    listed = getattr(model, "PII_FIELDS", None)
    if listed is not None and field not in listed:
        return None
    if listed is None and field not in ("id_number", "phone") and not field.endswith("_phone"):
        return None
    return mask_mobile if "phone" in field else mask_id_number


def _shown(mask, value):
    return mask(str(value)) if mask and value else value


def _history_rows(obj):
    """Each saved version with the fields it changed, newest first; identity fields masked for everyone."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    model = type(obj)
    rows = []
    for newer, older in zip(records, records[1:] + [None]):
        changes = []
        if older is not None:
            for c in newer.diff_against(older).changes:
                mask = _identity_mask(model, c.field)
                changes.append((model._meta.get_field(c.field).verbose_name, _shown(mask, c.old), _shown(mask, c.new)))
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
    # A record open to all whose changes are not (a hardship fund's balance drops with each payout).
    if getattr(model, "HISTORY_CARE_GRANT_REQUIRED", False) and not may_access_care(request.user):
        raise Http404
    obj = get_visible_or_404(model.objects.all(), request.user, pk=pk)
    if getattr(model, "CARE_GRANT_REQUIRED", False):
        # Care and rights records are sensitive reads wherever they are shown, their history included.
        access_log_record(user=request.user, obj=obj, action="view_history", detail=str(obj))
    return render(request, "core/history.html", {"obj": obj, "rows": _history_rows(obj)})
