from django import template
from django.urls import reverse

from gonghui.core.identifiers import mask_id_number, mask_mobile

register = template.Library()

register.filter("mask_id", mask_id_number)
register.filter("mask_phone", mask_mobile)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced: pagination and sorting keep the filters."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()


@register.simple_tag
def history_url(obj) -> str:
    return reverse("core:history", args=[obj._meta.label_lower, obj.pk])
