"""Pages of checks: the overview of its figures, rubrics (with their Excel import and export), campaigns
and each assessment from self-assessment to naming. Each page shapes the request, then calls one service."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gonghui.core.files import private_file_response
from gonghui.core.pages import (button_page, columns, fields_of, form_page, list_download, own_union_form_view,
                                paginate, post_and_back, record_form_view, record_page, render_list, this_year_as,
                                today_as)
from gonghui.core.xlsx import xlsx_download
from gonghui.core.links import record_link
from gonghui.org.pages import overview_page

from . import selectors, services
from .figures import FIGURES
from .filters import AssessmentFilters, CampaignFilters, NoticeFilters, RubricFilters
from .forms import (
    CampaignForm,
    EvidenceForm,
    ItemForm,
    NoticeAnswerForm,
    NoticeForm,
    ObjectionAnswerForm,
    ObjectionForm,
    RecheckForm,
    ReviewForm,
    RubricForm,
    RubricImportForm,
    SelfScoreForm,
    levels_text,
)
from .models import AssessmentStatus
from .rubric_sheet import HEADERS, item_cells
from .uploads import EVIDENCE_TYPES


index_page = overview_page("checks/index.html", FIGURES, levels=selectors.assessed_by_level)


LISTS = {
    "rubrics": (RubricFilters, selectors.rubric_list, "考核细则.xlsx", columns(
        ("制定单位", "union.name"), ("细则名称", "name"), ("版本", "version"), ("考核类别", "get_kind_display"),
        ("等次", "levels_text"))),
    "campaigns": (CampaignFilters, selectors.campaign_list, "考核.xlsx", columns(
        ("组织单位", "union.name"), ("考核名称", "name"), ("年度", "year"), ("考核细则", "rubric.name"),
        ("考核期起", "starts_on"), ("考核期止", "ends_on"))),
    "assessments": (AssessmentFilters, selectors.assessment_list, "考核结果.xlsx", columns(
        ("考核", "campaign.name"), ("被考核单位", "union.name"), ("考核对象", "subject"),
        ("状态", "get_status_display"), ("自评得分", "self_total"), ("复核得分", "total"), ("等次", "level"),
        ("公示截止", "publicity_ends_on"), ("命名日期", "named_on"), ("摘牌日期", "withdrawn_on"))),
    "notices": (NoticeFilters, selectors.notice_list, "劳动法律监督意见书.xlsx", columns(
        ("被检查单位", "union.name"), ("检查", "assessment.campaign.name"), ("下达日期", "issued_on"),
        ("整改期限", "deadline"), ("状态", "get_status_display"), ("检查发现的问题", "findings"),
        ("企业答复", "answer"), ("复查日期", "closed_on"))),
}


@login_required
def export_page(request, *, name: str):
    filters_class, select, filename, listed = LISTS[name]
    return list_download(request, filters_class, select, filename=filename, columns=listed)


@login_required
def list_page(request, *, name: str):
    filters_class, select, _, _ = LISTS[name]
    return render_list(request, filters_class, select, f"checks/{name}.html")


# Rubrics ----------------------------------------------------------------------------------------

_rubric_back = record_link("checks:rubric_detail")


def _rubric_data(data: dict) -> dict:
    return {key: data[key] for key in ("kind", "name", "version", "levels")}


rubric_create_page = own_union_form_view(services.rubric_create, form_class=RubricForm, title="新建考核细则",
                                         back="checks:rubrics", success=_rubric_back)


@login_required
def rubric_import_page(request):
    union = request.user.union
    return form_page(request, form_class=RubricImportForm, title=f"从 Excel 导入考核细则：{union.name}",
                     cancel_url=reverse("checks:rubrics"), submit_label="导入", done_message="已导入",
                     service=lambda data: services.rubric_import(actor=request.user, union=union,
                                                                 upload=data["file"], **_rubric_data(data)),
                     success=_rubric_back)


@login_required
def rubric_detail_page(request, pk: int):
    rubric = selectors.rubric_get(user=request.user, pk=pk)
    return render(request, "checks/rubric_detail.html", {
        "rubric": rubric, "items": selectors.rubric_items(rubric=rubric), "levels": levels_text(rubric.levels),
        "may_edit": request.user.can_write and not rubric.campaigns.exists()
        and rubric.union.path.startswith(request.user.union.path)})


@login_required
def rubric_export_page(request, pk: int):
    rubric = selectors.rubric_get(user=request.user, pk=pk)
    return xlsx_download(filename=f"{rubric.name}（第{rubric.version}版）.xlsx",
                         headers=[(header, 30 if header == "考核内容" else 12) for header in HEADERS],
                         rows=(item_cells(item) for item in selectors.rubric_items(rubric=rubric)),
                         sheet_name="考核细则")


rubric_item_add_page = record_form_view(
    selectors.rubric_owned_get, services.rubric_item_add, "rubric", form_class=ItemForm,
    title=lambda rubric: f"添加考核内容：{rubric}", back=_rubric_back)


@login_required
def rubric_item_edit_page(request, pk: int):
    item = selectors.rubric_item_owned_get(user=request.user, pk=pk)
    back = _rubric_back(item.rubric)
    initial = {"section": item.section.title, **{name: getattr(item, name) for name in services.ITEM_FIELDS}}
    return form_page(request, form_class=ItemForm, title=f"修改考核内容：{item.rubric}", cancel_url=back,
                     service=lambda data: services.rubric_item_update(actor=request.user, item=item, **data),
                     success=lambda saved: back, initial=initial)


rubric_item_delete_page = button_page(select=selectors.rubric_item_owned_get, service=services.rubric_item_delete,
                                      record="item", back=lambda item: _rubric_back(item.rubric),
                                      done=lambda item: f"已删除考核内容“{item.text}”")


# Campaigns -------------------------------------------------------------------------------------

def _campaign_choices(request) -> dict:
    user = request.user
    return {"rubrics": selectors.campaign_rubrics(user=user, union=user.union),
            "unions": selectors.assessed_unions(user=user, union=user.union)}


campaign_create_page = own_union_form_view(
    services.campaign_create, form_class=CampaignForm, title="发起考核", back="checks:campaigns",
    success=record_link("checks:campaign_detail"), initial=this_year_as("year"), form_kwargs=_campaign_choices)


@login_required
def campaign_detail_page(request, pk: int):
    campaign = selectors.campaign_get(user=request.user, pk=pk)
    assessments = selectors.assessment_list(user=request.user, filters={"campaign": campaign.pk})
    return render(request, "checks/campaign_detail.html", {"campaign": campaign,
                                                           "page": paginate(request, assessments)})


campaign_score_page = button_page(select=selectors.campaign_get, service=services.campaign_score, record="campaign",
                                  back=record_link("checks:campaign_detail"),
                                  done="已对复核完毕的考核对象评定结果")


# One assessment ---------------------------------------------------------------------------------

_back = record_link("checks:assessment_detail")


assessment_detail_page = record_page(
    selectors.assessment_get, "checks/assessment_detail.html", "assessment", lambda request, assessment: {
        "scores": selectors.assessment_scores(assessment=assessment),
        "evidence": selectors.evidence_of(assessment=assessment), "objections": assessment.objections.all(),
        "reviewer": selectors.may_review(request.user, assessment), "today": timezone.localdate(),
        "self_writer": request.user.can_write and assessment.status == AssessmentStatus.SELF})


@login_required
def score_self_page(request, pk: int):
    row = selectors.score_get(user=request.user, pk=pk)
    assessment = row.assessment
    return form_page(request, form_class=SelfScoreForm, title=f"自评：{row.item.text}（{row.item.max_score}分）",
                     cancel_url=_back(assessment), initial={"self_score": row.self_score, "self_note": row.self_note},
                     service=lambda data: services.self_score_set(actor=request.user, assessment=assessment,
                                                                  item=row.item, **data),
                     success=lambda saved: _back(assessment))


@login_required
def score_review_page(request, pk: int):
    row = selectors.score_get(user=request.user, pk=pk)
    assessment = row.assessment
    return form_page(request, form_class=ReviewForm, title=f"复核评分：{row.item.text}（{row.item.max_score}分）",
                     cancel_url=_back(assessment),
                     initial={"score": row.score if row.score is not None else row.self_score, "comment": row.comment},
                     service=lambda data: services.review_score_set(actor=request.user, assessment=assessment,
                                                                    item=row.item, **data),
                     success=lambda saved: _back(assessment))


STEPS = {
    "submit": (services.assessment_submit, "自评已报送，等待复核"),
    "conclude": (services.assessment_conclude, "已评定考核结果"),
    "publicise": (services.assessment_publicise, "考核结果已公示"),
    "name": (services.assessment_name, "已命名"),
}


@login_required
@require_POST
def assessment_step_page(request, pk: int, *, step: str):
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    service, done = STEPS[step]
    return post_and_back(request, lambda: service(actor=request.user, assessment=assessment),
                         back=_back(assessment), done=done)


evidence_add_page = record_form_view(
    selectors.assessment_get, services.evidence_add, "assessment", form_class=EvidenceForm,
    title=lambda assessment: f"上传佐证材料：{assessment}", back=_back, submit_label="上传", done_message="已上传",
    form_kwargs=lambda request, assessment: {"items": assessment.campaign.rubric.items.select_related("section"),
                                             "activities": selectors.ledger_records(assessment=assessment)})


@login_required
def evidence_page(request, pk: int):
    evidence = selectors.evidence_get(user=request.user, pk=pk)
    if not evidence.file:
        raise Http404
    return private_file_response(evidence.file, filename=evidence.name, as_attachment=True,
                                 content_type=EVIDENCE_TYPES[evidence.file_type][1])


objection_add_page = record_form_view(
    selectors.assessment_get, services.objection_add, "assessment", form_class=ObjectionForm,
    title=lambda assessment: f"登记公示异议：{assessment}", back=_back, initial=today_as("raised_on"))
objection_answer_page = record_form_view(
    selectors.objection_get, services.objection_answer, "objection", form_class=ObjectionAnswerForm,
    title=lambda objection: f"处理异议：{objection.text}", back=lambda objection: _back(objection.assessment),
    initial=fields_of(("answer",)))
assessment_recheck_page = record_form_view(
    selectors.assessment_get, services.assessment_recheck, "assessment", form_class=RecheckForm,
    title=lambda assessment: f"复查：{assessment}", back=_back, initial=today_as("on"))


# Labour-law supervision notices -----------------------------------------------------------------

_notice_back = record_link("checks:notice_detail")


notice_issue_page = record_form_view(
    selectors.assessment_get, services.notice_issue, "assessment", form_class=NoticeForm,
    title=lambda assessment: f"下达劳动法律监督意见书：{assessment}", back=_back, success=_notice_back, submit_label="下达")


notice_detail_page = record_page(selectors.notice_get, "checks/notice_detail.html", "notice", lambda request, notice: {
    "reviewer": selectors.may_review(request.user, notice.assessment)})


notice_answer_page = record_form_view(
    selectors.notice_get, services.notice_answer, "notice", form_class=NoticeAnswerForm,
    title=lambda notice: f"企业答复：{notice}", back=_notice_back, initial=fields_of(("answer",)))


notice_close_page = button_page(select=selectors.notice_get, service=services.notice_close, record="notice",
                                back=_notice_back, done="复查合格，监督意见书已销号")
