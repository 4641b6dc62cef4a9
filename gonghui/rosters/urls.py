from django.urls import path

from . import views

app_name = "rosters"
urlpatterns = [
    path("", views.import_list_page, name="index"),
    path("imports/new/", views.import_create_page, name="import_create"),
    path("imports/<int:pk>/", views.import_detail_page, name="import_detail"),
    path("imports/<int:pk>/progress/", views.import_progress_page, name="import_progress"),
    path("imports/<int:pk>/sheet/", views.import_sheet_page, name="import_sheet"),
    path("imports/<int:pk>/mapping/", views.import_mapping_page, name="import_mapping"),
    path("imports/<int:pk>/start/", views.import_start_page, name="import_start"),
    path("imports/<int:pk>/cancel/", views.import_cancel_page, name="import_cancel"),
    path("imports/<int:pk>/errors.xlsx", views.import_errors_page, name="import_errors"),
    path("export/", views.export_create_page, name="export"),
    path("exports/<int:pk>/", views.export_detail_page, name="export_detail"),
    path("exports/<int:pk>/progress/", views.export_progress_page, name="export_progress"),
    path("exports/<int:pk>/download/", views.export_download_page, name="export_download"),
    path("exports/<int:pk>/cancel/", views.export_cancel_page, name="export_cancel"),
]
