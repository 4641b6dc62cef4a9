"""Visits and 金秋助学 schooling grants: their lists and the forms that register them."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils import timezone

from gonghui.core.pages import form_page

from .. import selectors, services
from ..filters import GrantFilters, VisitFilters
from ..forms.visits import SchoolingGrantForm, VisitForm
from ..tables import GRANTS, VISITS
from .lists import ListPage

VISIT_LIST = ListPage("慰问", VISITS, VisitFilters, selectors.visit_list, "care:visits_export", "慰问.xlsx",
                      create=(("登记慰问", "care:visit_create"),), paid=True)
GRANT_LIST = ListPage("金秋助学", GRANTS, GrantFilters, selectors.schooling_grant_list, "care:grants_export",
                      "金秋助学.xlsx", create=(("登记助学", "care:grant_create"),), paid=True)
visits_page, visits_export_page = VISIT_LIST.views()
grants_page, grants_export_page = GRANT_LIST.views()


@login_required
def visit_create_page(request):
    return form_page(request, form_class=VisitForm, title="登记慰问",
                     service=lambda d: services.visit_create(actor=request.user, **d),
                     success=lambda _: reverse("care:visits"), cancel_url=reverse("care:visits"),
                     initial={"visited_on": timezone.localdate()},
                     form_kwargs={"user": request.user, "enterprises": selectors.visit_enterprises(user=request.user)})


@login_required
def grant_create_page(request):
    return form_page(request, form_class=SchoolingGrantForm, title="登记金秋助学",
                     service=lambda d: services.schooling_grant_create(actor=request.user, **d),
                     success=lambda _: reverse("care:grants"), cancel_url=reverse("care:grants"),
                     initial={"granted_on": timezone.localdate()}, form_kwargs={"user": request.user})
