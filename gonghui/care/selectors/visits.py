"""Reads of visits and 金秋助学 schooling grants."""

from collections.abc import Mapping

from django.db.models import QuerySet

from gonghui.core.scoping import visible
from gonghui.org.models import Enterprise

from ..filters import GrantFilters, VisitFilters
from ..models import SchoolingGrant, Visit


def visit_list(*, user, filters: Mapping | None = None) -> QuerySet[Visit]:
    """Latest visit first."""
    qs = visible(Visit.objects.select_related("member", "enterprise", "union"), user)
    return VisitFilters.narrow(qs, filters).order_by("-visited_on", "-id")


def visit_enterprises(*, user) -> QuerySet[Enterprise]:
    return visible(Enterprise.objects.all(), user).order_by("name")


def schooling_grant_list(*, user, filters: Mapping | None = None) -> QuerySet[SchoolingGrant]:
    """Latest grant first."""
    qs = visible(SchoolingGrant.objects.select_related("member", "union"), user)
    return GrantFilters.narrow(qs, filters).order_by("-granted_on", "-id")
