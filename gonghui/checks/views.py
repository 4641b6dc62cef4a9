"""Pages of checks: the overview of its figures, rubrics (with their Excel import and export), campaigns
and each assessment from self-assessment to naming. Each page shapes the request, then calls one service."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gonghui.core.figures import Column, figure_values
from gonghui.core.files import private_file_response
from gonghui.core.pages import button_page, form_page, paginate, period_asked, post_and_back
from gonghui.core.xlsx import xlsx_download
from gonghui.org.selectors import union_get

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


@login_required
def index_page(request):
    union = union_get(user=request.user, pk=request.GET.get("union") or request.user.union_id)
    period, error = period_asked(request)
    return render(request, "checks/index.html", {
        "union": union, "period": period, "period_error": error,
        "values": figure_values(FIGURES, user=request.user, union=union, period=period),
        "levels": selectors.assessed_by_level(user=request.user, union=union, period=period)})


def _cell(value):
    return value.isoformat() if hasattr(value, "isoformat") else ("" if value is None else value)


def _columns(*pairs) -> tuple[Column, ...]:
    return tuple(Column(label, path) for label, path in pairs)


LISTS = {
    "rubrics": (RubricFilters, selectors.rubric_list, "考核细则.xlsx", _columns(
        ("制定单位", "union.name"), ("细则名称", "name"), ("版本", "version"), ("考核类别", "get_kind_display"),
        ("等次", "levels_text"))),
    "campaigns": (CampaignFilters, selectors.campaign_list, "考核.xlsx", _columns(
        ("组织单位", "union.name"), ("考核名称", "name"), ("年度", "year"), ("考核细则", "rubric.name"),
        ("考核期起", "starts_on"), ("考核期止", "ends_on"))),
    "assessments": (AssessmentFilters, selectors.assessment_list, "考核结果.xlsx", _columns(
        ("考核", "campaign.name"), ("被考核单位", "union.name"), ("考核对象", "subject"),
        ("状态", "get_status_display"), ("自评得分", "self_total"), ("复核得分", "total"), ("等次", "level"),
        ("公示截止", "publicity_ends_on"), ("命名日期", "named_on"), ("摘牌日期", "withdrawn_on"))),
    "notices": (NoticeFilters, selectors.notice_list, "劳动法律监督意见书.xlsx", _columns(
        ("被检查单位", "union.name"), ("检查", "assessment.campaign.name"), ("下达日期", "issued_on"),
        ("整改期限", "deadline"), ("状态", "get_status_display"), ("检查发现的问题", "findings"),
        ("企业答复", "answer"), ("复查日期", "closed_on"))),
}


@login_required
def export_page(request, *, name: str):
    filters_class, select, filename, columns = LISTS[name]
    records = select(user=request.user, filters=filters_class.from_page(request).values).iterator(chunk_size=2000)
    return xlsx_download(filename=filename, headers=[(column.label, 18) for column in columns],
                         rows=([_cell(column.read(record)) for column in columns] for record in records))


@login_required
def list_page(request, *, name: str):
    filters_class, select, _, _ = LISTS[name]
    filters = filters_class.from_page(request)
    page = paginate(request, select(user=request.user, filters=filters.values))
    return render(request, f"checks/{name}.html", {"form": filters.form, "page": page})


# Rubrics ----------------------------------------------------------------------------------------

def _rubric_data(data: dict) -> dict:
    return {key: data[key] for key in ("kind", "name", "version", "levels")}


@login_required
def rubric_create_page(request):
    union = request.user.union
    return form_page(request, form_class=RubricForm, title=f"新建考核细则：{union.name}",
                     cancel_url=reverse("checks:rubrics"),
                     service=lambda data: services.rubric_create(actor=request.user, union=union, **data),
                     success=lambda rubric: reverse("checks:rubric_detail", args=[rubric.pk]))


@login_required
def rubric_import_page(request):
    union = request.user.union
    return form_page(request, form_class=RubricImportForm, title=f"从 Excel 导入考核细则：{union.name}",
                     cancel_url=reverse("checks:rubrics"), submit_label="导入", done_message="已导入",
                     service=lambda data: services.rubric_import(actor=request.user, union=union,
                                                                 upload=data["file"], **_rubric_data(data)),
                     success=lambda rubric: reverse("checks:rubric_detail", args=[rubric.pk]))


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


def _rubric_back(rubric) -> str:
    return reverse("checks:rubric_detail", args=[rubric.pk])


@login_required
def rubric_item_add_page(request, pk: int):
    rubric = selectors.rubric_owned_get(user=request.user, pk=pk)
    back = _rubric_back(rubric)
    return form_page(request, form_class=ItemForm, title=f"添加考核内容：{rubric}", cancel_url=back,
                     service=lambda data: services.rubric_item_add(actor=request.user, rubric=rubric, **data),
                     success=lambda item: back)


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

@login_required
def campaign_create_page(request):
    union = request.user.union
    year = timezone.localdate().year
    return form_page(
        request, form_class=CampaignForm, title=f"发起考核：{union.name}", cancel_url=reverse("checks:campaigns"),
        initial={"year": year}, form_kwargs={"rubrics": selectors.campaign_rubrics(user=request.user, union=union),
                                             "unions": selectors.assessed_unions(user=request.user, union=union)},
        service=lambda data: services.campaign_create(actor=request.user, union=union, **data),
        success=lambda campaign: reverse("checks:campaign_detail", args=[campaign.pk]))


@login_required
def campaign_detail_page(request, pk: int):
    campaign = selectors.campaign_get(user=request.user, pk=pk)
    assessments = selectors.assessment_list(user=request.user, filters={"campaign": campaign.pk})
    return render(request, "checks/campaign_detail.html", {"campaign": campaign,
                                                           "page": paginate(request, assessments)})


campaign_score_page = button_page(select=selectors.campaign_get, service=services.campaign_score, record="campaign",
                                  back=lambda campaign: reverse("checks:campaign_detail", args=[campaign.pk]),
                                  done="已对复核完毕的考核对象评定结果")


# One assessment ---------------------------------------------------------------------------------

def _back(assessment) -> str:
    return reverse("checks:assessment_detail", args=[assessment.pk])


@login_required
def assessment_detail_page(request, pk: int):
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    return render(request, "checks/assessment_detail.html", {
        "assessment": assessment, "scores": selectors.assessment_scores(assessment=assessment),
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


@login_required
def evidence_add_page(request, pk: int):
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    items = assessment.campaign.rubric.items.select_related("section")
    return form_page(request, form_class=EvidenceForm, title=f"上传佐证材料：{assessment}", cancel_url=_back(assessment),
                     form_kwargs={"items": items, "activities": selectors.ledger_records(assessment=assessment)},
                     service=lambda data: services.evidence_add(actor=request.user, assessment=assessment, **data),
                     success=lambda saved: _back(assessment), submit_label="上传", done_message="已上传")


@login_required
def evidence_page(request, pk: int):
    evidence = selectors.evidence_get(user=request.user, pk=pk)
    if not evidence.file:
        raise Http404
    return private_file_response(evidence.file, filename=evidence.name, as_attachment=True,
                                 content_type=EVIDENCE_TYPES[evidence.file_type][1])


@login_required
def objection_add_page(request, pk: int):
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    return form_page(request, form_class=ObjectionForm, title=f"登记公示异议：{assessment}",
                     cancel_url=_back(assessment), initial={"raised_on": timezone.localdate()},
                     service=lambda data: services.objection_add(actor=request.user, assessment=assessment, **data),
                     success=lambda saved: _back(assessment))


@login_required
def objection_answer_page(request, pk: int):
    objection = selectors.objection_get(user=request.user, pk=pk)
    back = _back(objection.assessment)
    return form_page(request, form_class=ObjectionAnswerForm, title=f"处理异议：{objection.text}", cancel_url=back,
                     initial={"answer": objection.answer},
                     service=lambda data: services.objection_answer(actor=request.user, objection=objection, **data),
                     success=lambda saved: back)


@login_required
def assessment_recheck_page(request, pk: int):
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    return form_page(request, form_class=RecheckForm, title=f"复查：{assessment}", cancel_url=_back(assessment),
                     initial={"on": timezone.localdate()},
                     service=lambda data: services.assessment_recheck(actor=request.user, assessment=assessment,
                                                                      **data),
                     success=lambda saved: _back(assessment))


# Labour-law supervision notices -----------------------------------------------------------------

def _notice_back(notice) -> str:
    return reverse("checks:notice_detail", args=[notice.pk])


@login_required
def notice_issue_page(request, pk: int):
    assessment = selectors.assessment_get(user=request.user, pk=pk)
    return form_page(request, form_class=NoticeForm, title=f"下达劳动法律监督意见书：{assessment}",
                     cancel_url=_back(assessment), submit_label="下达",
                     service=lambda data: services.notice_issue(actor=request.user, assessment=assessment, **data),
                     success=_notice_back)


@login_required
def notice_detail_page(request, pk: int):
    notice = selectors.notice_get(user=request.user, pk=pk)
    return render(request, "checks/notice_detail.html", {
        "notice": notice, "reviewer": selectors.may_review(request.user, notice.assessment)})


@login_required
def notice_answer_page(request, pk: int):
    notice = selectors.notice_get(user=request.user, pk=pk)
    return form_page(request, form_class=NoticeAnswerForm, title=f"企业答复：{notice}", cancel_url=_notice_back(notice),
                     initial={"answer": notice.answer},
                     service=lambda data: services.notice_answer(actor=request.user, notice=notice, **data),
                     success=_notice_back)


notice_close_page = button_page(select=selectors.notice_get, service=services.notice_close, record="notice",
                                back=_notice_back, done="复查合格，监督意见书已销号")
