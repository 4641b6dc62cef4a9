"""The dashboard (统计看板): per section, the registered figures of a union's subtree for a period."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from gonghui.core.figures import Section, figure_readable, figure_values, figures_all
from gonghui.core.routers import reporting

from .records import chosen, scope_query


@login_required
@reporting
def dashboard_page(request):
    form = chosen(request)
    if form.errors:
        return render(request, "reports/dashboard.html", {"form": form}, status=400)
    union, period = form.cleaned_data["union"], form.cleaned_data["period"]
    sections = []
    for section in Section:
        figures = [f for f in figures_all(section) if figure_readable(f, request.user)]
        if figures:
            sections.append((section, figure_values(figures, user=request.user, union=union, period=period)))
    return render(request, "reports/dashboard.html", {
        "form": form, "union": union, "period": period, "sections": sections,
        "scope_query": scope_query(union, period)})


@login_required
@reporting
def dashboard_section_page(request, section):
    return dashboard_page(request)
