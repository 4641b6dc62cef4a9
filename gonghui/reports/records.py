"""The list behind a figure: exactly the records it counts, for the union and period of the link, with
its total row, its definition, the pickers to change union and period, and the same list in Excel.

A ratio has no list of its own: its page shows the numerator and the denominator, each a link to its list.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from gonghui.core.figures import (Ratio, figure_get, figure_listed, figure_readable, figure_records,
                                  figure_rows, figure_value, format_value, measure)
from gonghui.core.pages import CappedPaginator
from gonghui.core.routers import reporting
from gonghui.core.xlsx import xlsx_download
from gonghui.org.selectors import union_get, union_list

from .pickers import PeriodForm

CARE_REFUSED = "此统计指标依据帮扶与维权档案统计，您的账号没有查看这些档案的授权。"


def chosen(request) -> PeriodForm:
    """The union and period a report page was asked for; a union the user may not see is a 404, as for
    any record, before the form is read."""
    union = union_get(user=request.user, pk=request.GET.get("union") or request.user.union_id)
    form = PeriodForm(request.GET, unions=union_list(user=request.user), default_union=union,
                      today=timezone.localdate())
    form.is_valid()
    return form


def scope_query(union, period) -> str:
    """The query string that chooses this union and period again."""
    return urlencode({"union": union.pk, **period.params})


def readable_figure(request, key):
    figure = figure_get(key)
    if not figure_readable(figure, request.user):
        raise PermissionDenied(CARE_REFUSED)
    return figure


@login_required
@reporting
def figure_records_page(request, key):
    figure = readable_figure(request, key)
    form = chosen(request)
    context = {"figure": figure, "form": form}
    if form.errors:
        return render(request, "reports/figure_records.html", context, status=400)
    union, period = form.cleaned_data["union"], form.cleaned_data["period"]
    context |= {"union": union, "period": period, "scope_query": scope_query(union, period)}
    if isinstance(figure, Ratio):
        value = figure_value(figure, user=request.user, union=union, period=period)
        return render(request, "reports/figure_ratio.html", context | {"value": value})
    records = figure_records(figure, user=request.user, union=union, period=period)
    # The registry's value (kept by the figure cache until a write) is the list's total and its count.
    value = figure_value(figure, user=request.user, union=union, period=period)
    total = value.value
    page = _page(request, figure, figure_listed(figure, records), total)
    return render(request, "reports/figure_records.html", context | {
        "value": value,
        "page": page, "rows": list(figure_rows(figure, page.object_list)),
        "total": total, "total_text": format_value(total, figure.style),
        "export_query": request.GET.urlencode(),
    })


def _page(request, figure, records, total):
    """A page of the list; a count figure's total is the list's count, so the pager does not count again."""
    paginator = CappedPaginator(records, 20)
    if figure.total is None:
        paginator.count = min(total, CappedPaginator.CAP + 1)
    return paginator.get_page(request.GET.get("page"))


@login_required
@reporting
def figure_export_page(request, key):
    """The same list as an .xlsx, every row, with the total row; named after the figure and the period
    (never a person)."""
    figure = readable_figure(request, key)
    if isinstance(figure, Ratio):
        figure = figure_get(figure.numerator)
    form = chosen(request)
    if form.errors:
        return render(request, "reports/figure_records.html", {"figure": figure, "form": form}, status=400)
    union, period = form.cleaned_data["union"], form.cleaned_data["period"]
    records = figure_records(figure, user=request.user, union=union, period=period)
    total = measure(figure, records)
    records = figure_listed(figure, records)
    headers = [(column.label, 18) for column in figure.columns] or ["记录"]
    return xlsx_download(
        filename=f"{figure.label}（{union.name}，{period.label}）.xlsx", sheet_name=figure.label, headers=headers,
        rows=_with_total(figure, records.iterator(chunk_size=2000), total, width=len(headers)))


def _with_total(figure, records, total, *, width: int):
    yield from (row.cells or [str(row.record)] for row in figure_rows(figure, records))
    yield ["合计"] + [""] * (width - 2) + [total] if width > 1 else [total]
