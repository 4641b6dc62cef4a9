from django.urls import path

from . import views
from .kinds import KINDS

app_name = "outreach"
urlpatterns = [
    path("", views.index_page, name="index"),
    *(path(f"{kind.plural}/{suffix}", view, name=name)
      for kind in KINDS for suffix, view, name in views.kind_views(kind)),
]
