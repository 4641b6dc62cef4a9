from django.urls import path

from . import views

app_name = "proposals"
urlpatterns = [
    path("", views.index_page, name="index"),
    path("list/", views.proposals_page, name="proposals"),
    path("list/export.xlsx", views.export_page, name="proposals_export"),
    path("new/<int:session_pk>/", views.proposal_create_page, name="proposal_create"),
    path("<int:pk>/", views.proposal_detail_page, name="proposal_detail"),
    path("<int:pk>/edit/", views.proposal_edit_page, name="proposal_edit"),
    path("<int:pk>/<slug:action>/", views.proposal_move_page, name="proposal_move"),
    path("departments/", views.departments_page, name="departments"),
    path("departments/new/<int:union_pk>/", views.department_create_page, name="department_create"),
    path("committee/", views.committee_page, name="committee"),
    path("committee/new/<int:congress_pk>/", views.committee_add_page, name="committee_add"),
    path("committee/seats/<int:pk>/remove/", views.committee_remove_page, name="committee_remove"),
]
