from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.member_list_page, name="list"),
    path("new/<int:union_pk>/", views.member_create_page, name="create"),
    path("<int:pk>/", views.member_detail_page, name="detail"),
    path("<int:pk>/edit/", views.member_edit_page, name="edit"),
    path("<int:pk>/reveal/", views.member_reveal_page, name="reveal"),
    path("<int:pk>/lifecycle/", views.member_lifecycle_page, name="lifecycle"),
    path("<int:pk>/transfer/", views.transfer_create_page, name="transfer"),
    path("transfers/", views.transfers_page, name="transfers"),
    path("transfers/<int:pk>/<str:decision>/", views.transfer_decide_page, name="transfer_decide"),
]
