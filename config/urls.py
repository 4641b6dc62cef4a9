from django.contrib import admin
from django.urls import include, path

from .api import api

urlpatterns = [
    path("", include("gonghui.home.urls")),
    path("", include("gonghui.core.urls")),
    path("accounts/", include("gonghui.accounts.urls")),
    path("org/", include("gonghui.org.urls")),
    path("members/", include("gonghui.members.urls")),
    path("rosters/", include("gonghui.rosters.urls")),
    path("plans/", include("gonghui.plans.urls")),
    path("ledger/", include("gonghui.ledger.urls")),
    path("care/", include("gonghui.care.urls")),
    path("rights/", include("gonghui.rights.urls")),
    path("welfare/", include("gonghui.welfare.urls")),
    path("outreach/", include("gonghui.outreach.urls")),
    path("openaffairs/", include("gonghui.openaffairs.urls")),
    path("congress/", include("gonghui.congress.urls")),
    path("proposals/", include("gonghui.proposals.urls")),
    path("checks/", include("gonghui.checks.urls")),
    path("competitions/", include("gonghui.competitions.urls")),
    path("finance/", include("gonghui.finance.urls")),
    path("portal/", include("gonghui.portal.urls")),
    path("m/", include("gonghui.portal.member_urls")),
    path("reports/", include("gonghui.reports.urls")),
    path("api/", api.urls),
    # Django's admin is for system administrators only (is_staff); union
    # users never get is_staff, so it is not a second way around scoping.
    path("sysadmin/", admin.site.urls),
]
# No route serves MEDIA_ROOT, in any mode: uploaded files are read only through views that check
# access (gonghui.core.files.private_file_response).
