from django.urls import path

from . import views

app_name = "checks"
urlpatterns = [
    path("", views.index_page, name="index"),
    path("rubrics/", views.list_page, {"name": "rubrics"}, name="rubrics"),
    path("rubrics/export.xlsx", views.export_page, {"name": "rubrics"}, name="rubrics_export"),
    path("rubrics/new/", views.rubric_create_page, name="rubric_create"),
    path("rubrics/import/", views.rubric_import_page, name="rubric_import"),
    path("rubrics/<int:pk>/", views.rubric_detail_page, name="rubric_detail"),
    path("rubrics/<int:pk>/rubric.xlsx", views.rubric_export_page, name="rubric_export"),
    path("rubrics/<int:pk>/items/new/", views.rubric_item_add_page, name="rubric_item_add"),
    path("campaigns/", views.list_page, {"name": "campaigns"}, name="campaigns"),
    path("campaigns/export.xlsx", views.export_page, {"name": "campaigns"}, name="campaigns_export"),
    path("campaigns/new/", views.campaign_create_page, name="campaign_create"),
    path("campaigns/<int:pk>/", views.campaign_detail_page, name="campaign_detail"),
    path("campaigns/<int:pk>/score/", views.campaign_score_page, name="campaign_score"),
    path("assessments/", views.list_page, {"name": "assessments"}, name="assessments"),
    path("assessments/export.xlsx", views.export_page, {"name": "assessments"}, name="assessments_export"),
    path("assessments/<int:pk>/", views.assessment_detail_page, name="assessment_detail"),
    path("assessments/<int:pk>/submit/", views.assessment_step_page, {"step": "submit"}, name="assessment_submit"),
    path("assessments/<int:pk>/conclude/", views.assessment_step_page, {"step": "conclude"},
         name="assessment_conclude"),
    path("assessments/<int:pk>/publicise/", views.assessment_step_page, {"step": "publicise"},
         name="assessment_publicise"),
    path("assessments/<int:pk>/name/", views.assessment_step_page, {"step": "name"}, name="assessment_name"),
    path("assessments/<int:pk>/recheck/", views.assessment_recheck_page, name="assessment_recheck"),
    path("assessments/<int:pk>/evidence/new/", views.evidence_add_page, name="evidence_add"),
    path("assessments/<int:pk>/objections/new/", views.objection_add_page, name="objection_add"),
    path("scores/<int:pk>/self/", views.score_self_page, name="score_self"),
    path("scores/<int:pk>/review/", views.score_review_page, name="score_review"),
    path("evidence/<int:pk>/", views.evidence_page, name="evidence"),
    path("objections/<int:pk>/answer/", views.objection_answer_page, name="objection_answer"),
]
