from django.urls import path

from . import member_views as views
from . import proposal_views

app_name = "m"
urlpatterns = [
    path("", views.home_page, name="home"),
    path("login/", views.login_page, name="login"),
    path("login/code/", views.code_page, name="code"),
    path("activate/<str:token>/", views.activate_page, name="activate"),
    path("logout/", views.logout_page, name="logout"),
    path("consent/", views.consent_page, name="consent"),
    path("manifest.webmanifest", views.manifest_page, name="manifest"),
    path("me/", views.me_page, name="me"),
    path("me/data/", views.data_page, name="data"),
    path("me/data.xlsx", views.data_xlsx_page, name="data_xlsx"),
    path("me/close/", views.close_page, name="close"),
    path("activities/", views.offers_page, name="offers"),
    path("activities/<int:pk>/", views.offer_page, name="offer"),
    path("signups/<int:pk>/cancel/", views.signup_cancel_page, name="signup_cancel"),
    path("aid/", views.aid_list_page, name="aid_list"),
    path("aid/new/", views.aid_create_page, name="aid_create"),
    path("aid/<int:pk>/", views.aid_page, name="aid"),
    path("aid/<int:pk>/documents/<int:doc>/", views.aid_document_page, name="aid_document"),
    path("postings/", views.postings_page, name="postings"),
    path("postings/<int:pk>/", views.posting_page, name="posting"),
    path("transfer/", views.transfer_page, name="transfer"),
    path("join/", views.join_page, name="join"),
    path("proposals/", proposal_views.proposals_page, name="proposals"),
    path("proposals/new/", proposal_views.proposal_create_page, name="proposal_create"),
    path("proposals/<int:pk>/", proposal_views.proposal_page, name="proposal"),
    path("proposals/<int:pk>/<slug:action>/", proposal_views.proposal_move_page, name="proposal_move"),
]
