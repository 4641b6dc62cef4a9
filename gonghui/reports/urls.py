from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("figures/<str:key>/", views.figure_records_page, name="figure_records"),
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
