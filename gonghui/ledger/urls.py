from django.urls import path

from . import views

app_name = "ledger"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("export.xlsx", views.activity_export, name="export"),
    path("new/<str:kind>/", views.create_for, name="create_for"),
    path("new/activity/<int:union_pk>/", views.activity_create, name="create"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/edit/", views.activity_edit, name="edit"),
    path("<int:pk>/delete/", views.activity_delete, name="delete"),
    path("<int:pk>/attendance/", views.activity_attendance, name="attendance"),
    path("<int:pk>/results/new/", views.result_add, name="result_add"),
    path("results/<int:pk>/delete/", views.result_delete, name="result_delete"),
    path("roster/<int:union_pk>/", views.roster_search, name="roster_search"),
    path("honours/", views.honour_list, name="honours"),
    path("honours/export.xlsx", views.honour_export, name="honour_export"),
    path("new/honour/<int:union_pk>/", views.honour_create, name="honour_create"),
    path("honours/<int:pk>/", views.honour_detail, name="honour_detail"),
    path("honours/<int:pk>/edit/", views.honour_edit, name="honour_edit"),
    path("honours/<int:pk>/delete/", views.honour_delete, name="honour_delete"),
    path("news/", views.news_list, name="news"),
    path("news/export.xlsx", views.news_export, name="news_export"),
    path("news/tally/", views.news_tally, name="news_tally"),
    path("new/news/<int:union_pk>/", views.news_create, name="news_create"),
    path("news/<int:pk>/", views.news_detail, name="news_detail"),
    path("news/<int:pk>/edit/", views.news_edit, name="news_edit"),
    path("news/<int:pk>/delete/", views.news_delete, name="news_delete"),
    path("rewards/<int:union_pk>/", views.rewards, name="rewards"),
    path("rewards/rule/<int:pk>/delete/", views.reward_delete, name="reward_delete"),
    path("attachments/<str:label>/<int:pk>/new/", views.attachment_add, name="attachment_add"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("attachments/<int:pk>/delete/", views.attachment_delete, name="attachment_delete"),
    path("members/<int:pk>/", views.member_ledger, name="member"),
]
