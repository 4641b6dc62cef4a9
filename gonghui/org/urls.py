from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("", views.tree_page, name="tree"),
    path("<int:pk>/", views.union_detail_page, name="detail"),
    path("<int:pk>/new/", views.union_create_page, name="create"),
    path("<int:pk>/edit/", views.union_edit_page, name="edit"),
    path("<int:pk>/move/", views.union_move_page, name="move"),
    path("<int:pk>/groups/new/", views.group_create_page, name="group_create"),
    path("<int:pk>/seats/new/", views.seat_create_page, name="seat_create"),
    path("<int:pk>/enterprises/new/", views.enterprise_create_page, name="enterprise_create"),
    path("enterprises/", views.enterprise_list_page, name="enterprises"),
    path("enterprises/<int:pk>/edit/", views.enterprise_edit_page, name="enterprise_edit"),
]
