from django.urls import path

from . import views

app_name = "congress"
urlpatterns = [
    path("", views.index_page, name="index"),
    path("new/<int:union_pk>/", views.congress_create_page, name="congress_create"),
    path("<int:pk>/", views.congress_detail_page, name="congress_detail"),
    path("<int:pk>/edit/", views.congress_edit_page, name="congress_edit"),
    path("<int:pk>/constituencies/new/", views.constituency_create_page, name="constituency_create"),
    path("<int:pk>/delegates/new/", views.delegate_elect_page, name="delegate_elect"),
    path("<int:pk>/sessions/new/", views.session_create_page, name="session_create"),
    path("<int:pk>/requests/new/", views.request_create_page, name="request_create"),
    path("delegates/", views.delegates_page, name="delegates"),
    path("delegates/export.xlsx", views.delegates_export_page, name="delegates_export"),
    path("delegates/<int:pk>/leave/", views.delegate_leave_page, name="delegate_leave"),
    path("sessions/<int:pk>/", views.session_detail_page, name="session_detail"),
    path("sessions/<int:pk>/attendance/", views.attendance_page, name="attendance"),
    path("sessions/<int:pk>/agenda/new/", views.agenda_add_page, name="agenda_add"),
    path("sessions/<int:pk>/resolutions/new/", views.resolution_record_page, name="resolution_record"),
    path("sessions/<int:pk>/evaluations/new/", views.evaluation_create_page, name="evaluation_create"),
    path("agenda/<int:pk>/documents/new/", views.document_add_page, name="document_add"),
    path("documents/<int:pk>/", views.document_page, name="document"),
    path("resolutions/", views.resolutions_page, name="resolutions"),
    path("evaluations/<int:pk>/", views.evaluation_detail_page, name="evaluation_detail"),
    path("evaluations/<int:pk>/ballot/", views.ballot_page, name="ballot"),
]
