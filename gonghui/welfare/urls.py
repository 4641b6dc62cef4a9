from django.urls import path

from . import views
from .kinds import KINDS

app_name = "welfare"


def _patterns(kind):
    at, name, extra = kind.path, kind.name, {"kind": kind}
    return [
        path(f"{at}/", views.list_page, extra, name=f"{name}_list"),
        path(f"{at}/export.xlsx", views.export_page, extra, name=f"{name}_export"),
        path(f"{at}/new/<int:union_pk>/", views.create_page, extra, name=f"{name}_create"),
        path(f"{at}/<int:pk>/", views.detail_page, extra, name=f"{name}_detail"),
        path(f"{at}/<int:pk>/edit/", views.edit_page, extra, name=f"{name}_edit"),
        path(f"{at}/<int:pk>/delete/", views.delete_page, extra, name=f"{name}_delete"),
    ]


urlpatterns = [pattern for kind in KINDS for pattern in _patterns(kind)]
