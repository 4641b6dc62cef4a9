from django.urls import path

from . import views

app_name = "ledger"
urlpatterns = [
    path("", views.activity_list_page, name="list"),
    path("export.xlsx", views.activity_export_page, name="export"),
    path("new/<str:kind>/", views.create_for_page, name="create_for"),
    path("new/activity/<int:union_pk>/", views.activity_create_page, name="create"),
    path("<int:pk>/", views.activity_detail_page, name="detail"),
    path("<int:pk>/edit/", views.activity_edit_page, name="edit"),
    path("<int:pk>/delete/", views.activity_delete_page, name="delete"),
    path("<int:pk>/attendance/", views.activity_attendance_page, name="attendance"),
    path("<int:pk>/results/new/", views.result_add_page, name="result_add"),
    path("results/<int:pk>/delete/", views.result_delete_page, name="result_delete"),
    path("roster/<int:union_pk>/", views.roster_search_page, name="roster_search"),
    path("honours/", views.honour_list_page, name="honours"),
    path("honours/export.xlsx", views.honour_export_page, name="honour_export"),
    path("new/honour/<int:union_pk>/", views.honour_create_page, name="honour_create"),
    path("honours/<int:pk>/", views.honour_detail_page, name="honour_detail"),
    path("honours/<int:pk>/edit/", views.honour_edit_page, name="honour_edit"),
    path("honours/<int:pk>/delete/", views.honour_delete_page, name="honour_delete"),
    path("news/", views.news_list_page, name="news"),
    path("news/export.xlsx", views.news_export_page, name="news_export"),
    path("news/tally/", views.news_tally_page, name="news_tally"),
    path("new/news/<int:union_pk>/", views.news_create_page, name="news_create"),
    path("news/<int:pk>/", views.news_detail_page, name="news_detail"),
    path("news/<int:pk>/edit/", views.news_edit_page, name="news_edit"),
    path("news/<int:pk>/delete/", views.news_delete_page, name="news_delete"),
    path("rewards/<int:union_pk>/", views.rewards_page, name="rewards"),
    path("rewards/rule/<int:pk>/delete/", views.reward_delete_page, name="reward_delete"),
    path("attachments/<str:label>/<int:pk>/new/", views.attachment_add_page, name="attachment_add"),
    path("attachments/<int:pk>/", views.attachment_download_page, name="attachment"),
    path("attachments/<int:pk>/delete/", views.attachment_delete_page, name="attachment_delete"),
    path("members/<int:pk>/", views.member_ledger_page, name="member"),
]
