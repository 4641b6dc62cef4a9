from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.index_page, name="index"),
    path("offers/", views.offers_page, name="offers"),
    path("unions/<int:union_pk>/offers/new/", views.offer_create_page, name="offer_create"),
    path("offers/<int:pk>/", views.offer_page, name="offer"),
    path("offers/<int:pk>/record/", views.offer_record_page, name="offer_record"),
    path("aid/", views.aid_requests_page, name="aid_requests"),
    path("aid/<int:pk>/", views.aid_request_page, name="aid_request"),
    path("aid/<int:pk>/accept/", views.aid_accept_page, name="aid_accept"),
    path("aid/<int:pk>/decline/", views.aid_decline_page, name="aid_decline"),
    path("aid/<int:pk>/documents/<int:doc>/", views.aid_document_page, name="aid_document"),
    path("transfers/", views.transfer_asks_page, name="transfer_asks"),
    path("transfers/<int:pk>/accept/", views.transfer_accept_page, name="transfer_accept"),
    path("transfers/<int:pk>/decline/", views.transfer_decline_page, name="transfer_decline"),
    path("joins/", views.joins_page, name="joins"),
    path("joins/<int:pk>/assign/", views.join_assign_page, name="join_assign"),
    path("closures/", views.closures_page, name="closures"),
    path("closures/<int:pk>/close/", views.closure_close_page, name="closure_close"),
    path("members/<int:pk>/activation/", views.activation_page, name="activation"),
]
