"""Visits and 金秋助学 schooling grants: their lists and the forms that register them."""

from gonghui.core.pages import new_record_view, the_user, today_as

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


visit_create_page = new_record_view(
    services.visit_create, form_class=VisitForm, title="登记慰问", back="care:visits", initial=today_as("visited_on"),
    form_kwargs=lambda request: {"user": request.user, "enterprises": selectors.visit_enterprises(user=request.user)})
grant_create_page = new_record_view(
    services.schooling_grant_create, form_class=SchoolingGrantForm, title="登记金秋助学", back="care:grants",
    initial=today_as("granted_on"), form_kwargs=the_user)
