from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("history/<str:label>/<int:pk>/", views.history_page, name="history"),
]
