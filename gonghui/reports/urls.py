from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("figures/<str:key>/", views.figure_records_page, name="figure_records"),
]
