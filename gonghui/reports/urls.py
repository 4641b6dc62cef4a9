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

# The year-end summary (gonghui.reports.views_summary).
from . import views_summary  # noqa: E402

urlpatterns += [
    path("summary/", views_summary.summary_page, name="summary"),
    path("summary/docx/", views_summary.summary_docx_page, name="summary_docx"),
    path("summary/plan/", views_summary.summary_plan_page, name="summary_plan"),
    path("summary/reset/", views_summary.summary_reset_page, name="summary_reset"),
    path("summary/pdf/", views_summary.summary_pdf_page, name="summary_pdf"),
    path("summary/pdf/<int:pk>/", views_summary.summary_pdf_job_page, name="summary_pdf_job"),
    path("summary/pdf/<int:pk>/download/", views_summary.summary_pdf_download_page, name="summary_pdf_download"),
]
