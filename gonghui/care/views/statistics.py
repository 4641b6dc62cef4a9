"""The care overview and the statistics page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from gonghui.core.periods import Period
from gonghui.core.routers import reporting
from gonghui.core.scoping import may_access_care
from gonghui.org.selectors import union_get, union_list

from .. import selectors
from ..forms.statistics import StatisticsForm, year_start


@login_required
def index_page(request):
    today = timezone.localdate()
    figures = selectors.care_statistics(user=request.user, union=request.user.union,
                                        period=Period(start=year_start(today), end=today), chart=False)
    watch = None
    if may_access_care(request.user):
        watch = {"review_due": selectors.files_review_due(user=request.user, today=today).count(),
                 "never_helped": selectors.files_never_helped(user=request.user).count()}
    return render(request, "care/index.html", {"figures": figures, "watch": watch})


@login_required
@reporting
def statistics_page(request):
    unions = union_list(user=request.user)
    today = timezone.localdate()
    union_pk = request.GET.get("union")
    union = union_get(user=request.user, pk=union_pk) if union_pk else request.user.union
    params = {"union": union.pk, "start": request.GET.get("start") or year_start(today),
              "end": request.GET.get("end") or today, "period": request.GET.get("period", "")}
    form = StatisticsForm(params, unions=unions)
    figures = None
    if form.is_valid():
        figures = selectors.care_statistics(user=request.user, union=union, period=form.chosen_period())
    return render(request, "care/statistics.html", {
        "form": form, "union": union, "figures": figures}, status=200 if figures else 400)
