from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.member_list, name="list"),
    path("new/<int:union_pk>/", views.member_create, name="create"),
    path("<int:pk>/", views.member_detail, name="detail"),
    path("<int:pk>/edit/", views.member_edit, name="edit"),
    path("<int:pk>/reveal/", views.member_reveal, name="reveal"),
    path("<int:pk>/lifecycle/", views.member_lifecycle, name="lifecycle"),
    path("<int:pk>/transfer/", views.transfer_create, name="transfer"),
    path("transfers/", views.transfers, name="transfers"),
    path("transfers/<int:pk>/<str:decision>/", views.transfer_decide, name="transfer_decide"),
]
