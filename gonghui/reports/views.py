"""The list behind a figure: exactly the records it counts, for the union and period of the link."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone

from gonghui.core.figures import Ratio, figure_get, figure_records, figure_value, measure
from gonghui.core.pages import paginate
from gonghui.core.periods import period_from
from gonghui.core.routers import reporting
from gonghui.org.selectors import union_get


@login_required
@reporting
def figure_records_page(request, key):
    figure = figure_get(key)
    if isinstance(figure, Ratio):
        figure = figure_get(figure.numerator)
    union = union_get(user=request.user, pk=request.GET.get("union") or request.user.union_id)
    try:
        period = period_from(request.GET, today=timezone.localdate())
    except ValidationError as error:
        return render(request, "reports/figure_records.html", {"figure": figure, "errors": error.messages},
                      status=400)
    records = figure_records(figure, user=request.user, union=union, period=period)
    value = figure_value(figure, user=request.user, union=union, period=period)
    page = paginate(request, records.order_by("pk"))
    rows = [[column.read(record) for column in figure.columns] for record in page]
    return render(request, "reports/figure_records.html", {
        "figure": figure, "union": union, "period": period, "value": value, "page": page, "rows": rows,
        "total": measure(figure, records),
    })
