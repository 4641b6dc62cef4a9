"""View helpers that read the union tree: the union a page asks about, and an app's overview page."""

from collections.abc import Callable, Sequence
from typing import Any

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from gonghui.core.figures import figure_values
from gonghui.core.pages import period_asked

from .selectors import union_get


def union_asked(request):
    """The union a page's ?union= names (a 404 when it is not the user's), the user's own otherwise."""
    return union_get(user=request.user, pk=request.GET.get("union") or request.user.union_id)


def overview(request, figures: Sequence) -> dict:
    """An app's overview page's context: the union and the period asked for (and what was wrong with the
    period), and the values of the app's figures there."""
    union = union_asked(request)
    period, error = period_asked(request)
    return {"union": union, "period": period, "period_error": error,
            "values": figure_values(figures, user=request.user, union=union, period=period)}


def overview_page(template: str, figures: Sequence, **reads: Callable[..., Any]):
    """An app's overview page: `overview`, and each of `reads` (a selector of the user, union and period) under
    its name: `overview_page("checks/index.html", FIGURES, levels=selectors.assessed_by_level)`."""

    @login_required
    def page(request):
        context = overview(request, figures)
        return render(request, template, {**context, **{
            name: read(user=request.user, union=context["union"], period=context["period"])
            for name, read in reads.items()}})

    return page
