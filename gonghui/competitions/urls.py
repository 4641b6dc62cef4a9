from django.urls import path

from . import views

app_name = "competitions"
urlpatterns = [
    path("", views.index_page, name="index"),
    *(route for name in views.LISTS for route in (
        path(f"{name}/", views.list_page, {"name": name}, name=name),
        path(f"{name}/export.xlsx", views.export_page, {"name": name}, name=f"{name}_export"))),
    path("teams/new/", views.team_create_page, name="team_create"),
    path("teams/<int:pk>/", views.team_detail_page, name="team_detail"),
    path("teams/<int:pk>/edit/", views.team_edit_page, name="team_edit"),
    path("teams/<int:pk>/leader/", views.team_leader_page, name="team_leader"),
    path("teams/<int:pk>/members/new/", views.team_member_add_page, name="team_member_add"),
    path("team-members/<int:pk>/remove/", views.team_member_remove_page, name="team_member_remove"),
    path("teams/<int:pk>/grade/", views.team_grade_page, name="team_grade"),
    path("teams/<int:pk>/plans/new/", views.team_plan_create_page, name="team_plan_create"),
    path("teams/<int:pk>/innovations/new/", views.innovation_create_page, name="innovation_create"),
    path("plans/<int:pk>/advance/", views.team_plan_advance_page, name="team_plan_advance"),
    path("plans/<int:pk>/targets/", views.team_target_page, name="team_target"),
    path("competitions/new/", views.competition_create_page, name="competition_create"),
    path("competitions/<int:pk>/", views.competition_detail_page, name="competition_detail"),
    path("competitions/<int:pk>/indicators/new/", views.indicator_add_page, name="indicator_add"),
    path("competitions/<int:pk>/entries/new/", views.entry_add_page, name="entry_add"),
    path("competitions/<int:pk>/monthly/", views.monthly_values_page, name="monthly_values"),
    path("competitions/<int:pk>/red-flags/new/", views.red_flag_award_page, name="red_flag_award"),
    path("competitions/<int:pk>/rank/", views.competition_rank_page, name="competition_rank"),
    path("entries/<int:pk>/score/", views.entry_score_page, name="entry_score"),
    path("suggestions/new/", views.suggestion_create_page, name="suggestion_create"),
    path("accidents/new/", views.accident_create_page, name="accident_create"),
    path("nominations/new/", views.nomination_create_page, name="nomination_create"),
    path("nominations/<int:pk>/", views.nomination_detail_page, name="nomination_detail"),
    path("nominations/<int:pk>/advance/", views.nomination_advance_page, name="nomination_advance"),
    path("pairs/new/", views.pair_create_page, name="pair_create"),
    path("pairs/<int:pk>/", views.pair_detail_page, name="pair_detail"),
    path("pairs/<int:pk>/activities/new/", views.pair_activity_add_page, name="pair_activity_add"),
]
