from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("history/<str:label>/<int:pk>/", views.history, name="history"),
]
