"""Reads of visits and 金秋助学 schooling grants."""

from django.db.models import QuerySet

from gonghui.core.scoping import visible
from gonghui.org.models import Enterprise

from ..models import SchoolingGrant, Visit


def visit_list(*, user) -> QuerySet[Visit]:
    """Latest visit first; `filters.VisitFilter` narrows it."""
    qs = visible(Visit.objects.select_related("member", "enterprise", "union"), user)
    return qs.order_by("-visited_on", "-id")


def visit_enterprises(*, user) -> QuerySet[Enterprise]:
    return visible(Enterprise.objects.all(), user).order_by("name")


def schooling_grant_list(*, user) -> QuerySet[SchoolingGrant]:
    """Latest grant first; `filters.GrantFilter` narrows it."""
    return visible(SchoolingGrant.objects.select_related("member", "union"), user).order_by("-granted_on", "-id")
