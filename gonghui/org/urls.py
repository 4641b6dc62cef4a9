from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("<int:pk>/", views.union_detail, name="detail"),
    path("<int:pk>/new/", views.union_create, name="create"),
    path("<int:pk>/edit/", views.union_edit, name="edit"),
    path("<int:pk>/move/", views.union_move, name="move"),
    path("<int:pk>/groups/new/", views.group_create, name="group_create"),
    path("<int:pk>/seats/new/", views.seat_create, name="seat_create"),
    path("<int:pk>/enterprises/new/", views.enterprise_create, name="enterprise_create"),
    path("enterprises/", views.enterprise_list, name="enterprises"),
    path("enterprises/<int:pk>/edit/", views.enterprise_edit, name="enterprise_edit"),
]
