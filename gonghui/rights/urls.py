from django.urls import path

from . import views

app_name = "rights"
urlpatterns = [
    path("", views.statistics, name="statistics"),
    path("disputes/", views.dispute_list, name="disputes"),
    path("disputes/export.xlsx", views.dispute_export, name="dispute_export"),
    path("disputes/new/<int:union_pk>/", views.dispute_create, name="dispute_create"),
    path("disputes/<int:pk>/", views.dispute_detail, name="dispute_detail"),
    path("disputes/<int:pk>/edit/", views.dispute_edit, name="dispute_edit"),
    path("disputes/<int:pk>/steps/new/", views.dispute_step, name="dispute_step"),
    path("disputes/<int:pk>/close/", views.dispute_close, name="dispute_close"),
    path("petitions/", views.petition_list, name="petitions"),
    path("petitions/export.xlsx", views.petition_export, name="petition_export"),
    path("petitions/new/<int:union_pk>/", views.petition_create, name="petition_create"),
    path("petitions/<int:pk>/", views.petition_detail, name="petition_detail"),
    path("petitions/<int:pk>/edit/", views.petition_edit, name="petition_edit"),
    path("bodies/", views.body_list, name="bodies"),
    path("bodies/export.xlsx", views.body_export, name="body_export"),
    path("bodies/new/<int:union_pk>/", views.body_create, name="body_create"),
    path("bodies/<int:pk>/", views.body_detail, name="body_detail"),
    path("bodies/<int:pk>/mediators/new/", views.mediator_create, name="mediator_create"),
    path("mediators/<int:pk>/edit/", views.mediator_edit, name="mediator_edit"),
    path("contracts/", views.contract_list, name="contracts"),
    path("contracts/export.xlsx", views.contract_export, name="contract_export"),
    path("contracts/new/<int:union_pk>/", views.contract_create, name="contract_create"),
    path("contracts/<int:pk>/", views.contract_detail, name="contract_detail"),
    path("contracts/<int:pk>/edit/", views.contract_edit, name="contract_edit"),
]
