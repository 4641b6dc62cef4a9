from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("export.xlsx", views.plan_export, name="export"),
    path("missing.xlsx", views.missing_export, name="missing_export"),
    path("year/", views.year_view, name="year"),
    path("new/<int:union_pk>/", views.plan_create, name="create"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/edit/", views.plan_edit, name="edit"),
    path("<int:pk>/file/", views.plan_file, name="file"),
    path("<int:pk>/calendar/", views.plan_calendar, name="calendar"),
    path("<int:pk>/export.xlsx", views.plan_items_export, name="items_export"),
    path("<int:pk>/items/new/", views.item_create, name="item_create"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/delete/", views.item_delete, name="item_delete"),
    path("templates/", views.template_list, name="templates"),
    path("templates/new/<int:union_pk>/", views.template_create, name="template_create"),
    path("templates/<int:pk>/", views.template_detail, name="template"),
    path("templates/<int:pk>/edit/", views.template_edit, name="template_edit"),
    path("templates/<int:pk>/delete/", views.template_delete, name="template_delete"),
    path("templates/<int:pk>/items/new/", views.template_item_create, name="template_item_create"),
    path("templates/items/<int:pk>/edit/", views.template_item_edit, name="template_item_edit"),
    path("templates/items/<int:pk>/delete/", views.template_item_delete, name="template_item_delete"),
]
