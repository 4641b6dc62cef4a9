from django.urls import path

from . import views

app_name = "openaffairs"
urlpatterns = [
    path("", views.index_page, name="index"),
    path("postings/", views.postings_page, name="postings"),
    path("postings/export.xlsx", views.export_page, {"name": "postings"}, name="postings_export"),
    path("postings/new/<int:union_pk>/", views.posting_create_page, name="posting_create"),
    path("postings/<int:pk>/", views.posting_detail_page, name="posting_detail"),
    path("postings/<int:pk>/edit/", views.posting_edit_page, name="posting_edit"),
    path("postings/<int:pk>/approve/", views.posting_approve_page, name="posting_approve"),
    path("postings/<int:pk>/attachments/new/", views.attachment_add_page, name="attachment_add"),
    path("attachments/<int:pk>/", views.attachment_page, name="attachment"),
    path("catalogue/", views.catalogue_page, name="catalogue"),
    path("catalogue/export.xlsx", views.export_page, {"name": "catalogue"}, name="catalogue_export"),
    path("catalogue/new/<int:union_pk>/", views.item_create_page, name="item_create"),
    path("catalogue/<int:pk>/edit/", views.item_edit_page, name="item_edit"),
    path("comments/", views.comments_page, name="comments"),
    path("comments/export.xlsx", views.export_page, {"name": "comments"}, name="comments_export"),
    path("comments/<int:pk>/answer/", views.comment_answer_page, name="comment_answer"),
]
