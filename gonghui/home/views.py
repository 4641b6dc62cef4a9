from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from gonghui.org.selectors import coverage_for

from .todo import todo_lines


def _today():
    return timezone.localdate()


@login_required
def home_page(request):
    if request.user.duty:
        return redirect("accounts:duty_home")
    if request.user.union_id is None:
        return redirect("admin:index") if request.user.is_staff else render(request, "home/no_union.html")
    node = request.user.union
    return render(request, "home/home.html", {"node": node, "coverage": coverage_for(user=request.user, union=node),
                                              "todo": todo_lines(user=request.user, today=_today())})
