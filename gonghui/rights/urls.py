from django.urls import path

from . import views

app_name = "rights"
urlpatterns = [
    path("", views.statistics_page, name="statistics"),
    path("disputes/", views.dispute_list_page, name="disputes"),
    path("disputes/export.xlsx", views.dispute_export_page, name="dispute_export"),
    path("disputes/new/<int:union_pk>/", views.dispute_create_page, name="dispute_create"),
    path("disputes/<int:pk>/", views.dispute_detail_page, name="dispute_detail"),
    path("disputes/<int:pk>/edit/", views.dispute_edit_page, name="dispute_edit"),
    path("disputes/<int:pk>/steps/new/", views.dispute_step_page, name="dispute_step"),
    path("disputes/<int:pk>/close/", views.dispute_close_page, name="dispute_close"),
    path("petitions/", views.petition_list_page, name="petitions"),
    path("petitions/export.xlsx", views.petition_export_page, name="petition_export"),
    path("petitions/new/<int:union_pk>/", views.petition_create_page, name="petition_create"),
    path("petitions/<int:pk>/", views.petition_detail_page, name="petition_detail"),
    path("petitions/<int:pk>/edit/", views.petition_edit_page, name="petition_edit"),
    path("bodies/", views.body_list_page, name="bodies"),
    path("bodies/export.xlsx", views.body_export_page, name="body_export"),
    path("bodies/new/<int:union_pk>/", views.body_create_page, name="body_create"),
    path("bodies/<int:pk>/", views.body_detail_page, name="body_detail"),
    path("bodies/<int:pk>/mediators/new/", views.mediator_create_page, name="mediator_create"),
    path("mediators/<int:pk>/edit/", views.mediator_edit_page, name="mediator_edit"),
    path("contracts/", views.contract_list_page, name="contracts"),
    path("contracts/export.xlsx", views.contract_export_page, name="contract_export"),
    path("contracts/new/<int:union_pk>/", views.contract_create_page, name="contract_create"),
    path("contracts/<int:pk>/", views.contract_detail_page, name="contract_detail"),
    path("contracts/<int:pk>/edit/", views.contract_edit_page, name="contract_edit"),
]
