from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list_page, name="list"),
    path("export.xlsx", views.plan_export_page, name="export"),
    path("missing.xlsx", views.missing_export_page, name="missing_export"),
    path("year/", views.year_view_page, name="year"),
    path("new/<int:union_pk>/", views.plan_create_page, name="create"),
    path("<int:pk>/", views.plan_detail_page, name="detail"),
    path("<int:pk>/edit/", views.plan_edit_page, name="edit"),
    path("<int:pk>/file/", views.plan_file_page, name="file"),
    path("<int:pk>/calendar/", views.plan_calendar_page, name="calendar"),
    path("<int:pk>/export.xlsx", views.plan_items_export_page, name="items_export"),
    path("<int:pk>/items/new/", views.item_create_page, name="item_create"),
    path("items/<int:pk>/edit/", views.item_edit_page, name="item_edit"),
    path("items/<int:pk>/delete/", views.item_delete_page, name="item_delete"),
    path("templates/", views.template_list_page, name="templates"),
    path("templates/new/<int:union_pk>/", views.template_create_page, name="template_create"),
    path("templates/<int:pk>/", views.template_detail_page, name="template"),
    path("templates/<int:pk>/edit/", views.template_edit_page, name="template_edit"),
    path("templates/<int:pk>/delete/", views.template_delete_page, name="template_delete"),
    path("templates/<int:pk>/items/new/", views.template_item_create_page, name="template_item_create"),
    path("templates/items/<int:pk>/edit/", views.template_item_edit_page, name="template_item_edit"),
    path("templates/items/<int:pk>/delete/", views.template_item_delete_page, name="template_item_delete"),
]
