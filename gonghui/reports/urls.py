from django.urls import path

from . import dashboard, records

app_name = "reports"
urlpatterns = [
    # The dashboard and the list behind every figure (records.py, dashboard.py)
    path("", dashboard.dashboard_page, name="dashboard"),
    path("sections/<str:section>/", dashboard.dashboard_section_page, name="dashboard_section"),
    path("figures/<str:key>/", records.figure_records_page, name="figure_records"),
    path("figures/<str:key>/export/", records.figure_export_page, name="figure_export"),
]
