from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gonghui.core.pages import delete_page, form_page, paginate, post_and_back, year_from
from gonghui.core.routers import reporting
from gonghui.core.scoping import is_within
from gonghui.core.xlsx import xlsx_download
from gonghui.core.links import record_link
from gonghui.org.pages import union_asked
from gonghui.org.selectors import union_get

from . import selectors, services
from .filters import PlanFilters
from .forms import (BLANK, PREVIOUS, ItemForm, PlanCreateForm, PlanEditForm, PlanItemForm, TemplateCreateForm,
                    TemplateForm)
from .models import WorkArea
from .services import ITEM_FIELDS


def _filters(request) -> tuple:
    """The list's filter form and values, this year's plans unless the query string says otherwise."""
    filters = PlanFilters.from_page(request, year=str(timezone.localdate().year))
    return filters.form, filters.values


def _node(request, filters: dict):
    return filters.get("union") or request.user.union


# --- plans -------------------------------------------------------------------------------------------------


@login_required
def plan_list_page(request):
    form, filters = _filters(request)
    node, year = _node(request, filters), filters.get("year")
    missing = selectors.missing_plans(user=request.user, union=node, year=year) if year and node.is_federation else []
    return render(request, "plans/list.html", {
        "form": form, "page": paginate(request, selectors.plan_list(user=request.user, filters=filters)),
        "missing": missing, "year": year, "node": node})


@login_required
def plan_export_page(request):
    _, filters = _filters(request)
    rows = ((p.year, p.union.name, p.get_status_display(), p.item_count, p.source,
             timezone.localtime(p.filed_at) if p.filed_at else None)
            for p in selectors.plan_list(user=request.user, filters=filters).iterator(chunk_size=2000))
    return xlsx_download(filename="工作计划.xlsx", sheet_name="工作计划", rows=rows,
                         headers=("年度", "工会", "状态", "事项数", "来源", "报送时间"))


@login_required
def missing_export_page(request):
    _, filters = _filters(request)
    node = _node(request, filters)
    year = filters.get("year") or timezone.localdate().year
    rows = ((year, row.union.name, row.union.get_level_display(), "草稿未报送" if row.plan else "未制定")
            for row in selectors.missing_plans(user=request.user, union=node, year=year))
    return xlsx_download(filename=f"未报送{year}年计划的工会.xlsx", sheet_name="未报送计划", rows=rows,
                         headers=("年度", "工会", "层级", "情况"))


_plan_url = record_link("plans:detail")


def _start_plan(actor, union, data, templates):
    source, year = data["source"], data["year"]
    if source == PREVIOUS:
        return services.plan_copy_from_previous(actor=actor, union=union, year=year)
    if source == BLANK:
        return services.plan_create(actor=actor, union=union, year=year)
    template = templates.get(pk=source.removeprefix("template:"))
    return services.plan_create_from_template(actor=actor, union=union, year=year, template=template)


@login_required
def plan_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    templates = selectors.templates_for(user=request.user, union=union)
    return form_page(request, form_class=PlanCreateForm, title=f"新建年度工作计划：{union.name}",
                     service=lambda d: _start_plan(request.user, union, d, templates),
                     success=_plan_url, cancel_url=reverse("plans:list"), submit_label="创建计划",
                     initial={"year": timezone.localdate().year}, form_kwargs={"templates": templates})


@login_required
def plan_detail_page(request, pk: int):
    plan = selectors.plan_get(user=request.user, pk=pk)
    progress = selectors.plan_progress(plan=plan, as_of=timezone.localdate())
    return render(request, "plans/detail.html", {
        "plan": plan, "groups": selectors.grouped_by_area(progress),
        "overdue": [row for row in progress if row.overdue], "complete": sum(1 for row in progress if row.complete),
        "total": len(progress)})


@login_required
def plan_calendar_page(request, pk: int):
    plan = selectors.plan_get(user=request.user, pk=pk)
    progress = selectors.plan_progress(plan=plan, as_of=timezone.localdate())
    return render(request, "plans/calendar.html", {
        "plan": plan, "months": selectors.plan_calendar(progress=progress),
        "whole_year": selectors.grouped_by_area(selectors.whole_year_rows(progress))})


@login_required
def plan_items_export_page(request, pk: int):
    plan = selectors.plan_get(user=request.user, pk=pk)
    progress = selectors.plan_progress(plan=plan, as_of=timezone.localdate())
    rows = ((WorkArea(r.item.area).label, r.item.title, r.item.months_label, r.item.owner, r.item.target_count,
             r.item.target_unit, r.done, r.item.get_status_display(), "逾期" if r.overdue else "") for r in progress)
    return xlsx_download(filename=f"{plan}.xlsx", sheet_name=f"{plan.year}年计划", rows=rows,
                         headers=("工作领域", "工作事项", "安排月份", "责任人", "目标数量", "单位", "已完成",
                                  "状态", "进度"))


@login_required
def plan_edit_page(request, pk: int):
    plan = selectors.plan_get(user=request.user, pk=pk)
    return form_page(request, form_class=PlanEditForm, title=f"编辑：{plan}",
                     service=lambda d: services.plan_update(actor=request.user, plan=plan, **d),
                     success=_plan_url, cancel_url=_plan_url(plan),
                     initial={"guiding_ideas": plan.guiding_ideas, "key_tasks": plan.key_tasks})


@login_required
@require_POST
def plan_file_page(request, pk: int):
    plan = selectors.plan_get(user=request.user, pk=pk)
    return post_and_back(request, lambda: services.plan_file(actor=request.user, plan=plan), back=_plan_url(plan),
                          done="计划已报送")


def _item_initial(item) -> dict:
    initial = {f: getattr(item, f) for f in ITEM_FIELDS if f != "position"}
    initial["months"] = item.month_list
    return initial


@login_required
def item_create_page(request, pk: int):
    plan = selectors.plan_get(user=request.user, pk=pk)
    return form_page(request, form_class=ItemForm, title=f"添加工作事项：{plan}",
                     service=lambda d: services.plan_item_create(actor=request.user, plan=plan, **_shape(d)),
                     success=lambda item: _plan_url(plan), cancel_url=_plan_url(plan))


@login_required
def item_edit_page(request, pk: int):
    item = selectors.plan_item_get(user=request.user, pk=pk)
    initial = _item_initial(item) | {"status": item.status}
    return form_page(request, form_class=PlanItemForm, title=f"编辑工作事项：{item.title}",
                     service=lambda d: services.plan_item_update(actor=request.user, item=item, **_shape(d)),
                     success=lambda i: _plan_url(item.plan), cancel_url=_plan_url(item.plan), initial=initial)


def _shape(data: dict) -> dict:
    """Unticked months mean none chosen; the service says so at the field."""
    return {**data, "months": data.get("months") or []}


item_delete_page = delete_page(selectors.plan_item_get, services.plan_item_delete, "item",
                               back=lambda item: _plan_url(item.plan))


# --- the year at a glance ----------------------------------------------------------------------------------


@login_required
@reporting
def year_view_page(request):
    union = union_asked(request)
    glance = selectors.year_glance(user=request.user, union=union, year=year_from(request),
                                   as_of=timezone.localdate())
    return render(request, "plans/year.html", {
        "glance": glance, "groups": selectors.grouped_by_area(glance.progress),
        "chart": {"labels": [label for _, label, _ in glance.kinds], "values": [n for _, _, n in glance.kinds]},
        "years": range(glance.year + 1, glance.year - 5, -1)})


# --- templates ---------------------------------------------------------------------------------------------


_template_url = record_link("plans:template")


@login_required
def template_list_page(request):
    node = request.user.union
    return render(request, "plans/templates.html", {"templates": selectors.template_list(user=request.user),
                                                    "node": node})


@login_required
def template_detail_page(request, pk: int):
    template = selectors.template_get(user=request.user, pk=pk)
    return render(request, "plans/template.html", {
        "template": template, "groups": selectors.grouped_by_area(template.items.all()),
        "editable": not template.is_shipped and request.user.can_write and is_within(request.user, template.union)})


def _template_source(request, value: str):
    kind, _, pk = (value or "").partition(":")
    if kind == "template":
        return selectors.template_get(user=request.user, pk=pk)
    if kind == "plan":
        return selectors.plan_get(user=request.user, pk=pk)
    return None


@login_required
def template_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    plans = selectors.plan_list(user=request.user).filter(union=union)[:10]

    def create(data):
        source = _template_source(request, data.pop("source"))
        return services.template_create(actor=request.user, union=union, source=source, **data)

    return form_page(request, form_class=TemplateCreateForm, title=f"新建计划模板：{union.name}", service=create,
                     success=_template_url, cancel_url=reverse("plans:templates"),
                     form_kwargs={"templates": selectors.templates_for(user=request.user, union=union), "plans": plans})


@login_required
def template_edit_page(request, pk: int):
    template = selectors.template_owned_get(user=request.user, pk=pk)
    fields = ("name", "suited_for", "guiding_ideas", "key_tasks")
    return form_page(request, form_class=TemplateForm, title=f"编辑模板：{template.name}",
                     service=lambda d: services.template_update(actor=request.user, template=template, **d),
                     success=_template_url, cancel_url=_template_url(template),
                     initial={f: getattr(template, f) for f in fields})


template_delete_page = delete_page(selectors.template_owned_get, services.template_delete, "template",
                                   back=lambda _: reverse("plans:templates"), done="模板已删除")


@login_required
def template_item_create_page(request, pk: int):
    template = selectors.template_owned_get(user=request.user, pk=pk)
    return form_page(request, form_class=ItemForm, title=f"添加模板事项：{template.name}",
                     service=lambda d: services.template_item_create(actor=request.user, template=template,
                                                                     **_shape(d)),
                     success=lambda item: _template_url(template), cancel_url=_template_url(template))


@login_required
def template_item_edit_page(request, pk: int):
    item = selectors.template_item_owned_get(user=request.user, pk=pk)
    return form_page(request, form_class=ItemForm, title=f"编辑模板事项：{item.title}",
                     service=lambda d: services.template_item_update(actor=request.user, item=item, **_shape(d)),
                     success=lambda i: _template_url(item.template), cancel_url=_template_url(item.template),
                     initial=_item_initial(item))


template_item_delete_page = delete_page(selectors.template_item_owned_get, services.template_item_delete, "item",
                                        back=lambda item: _template_url(item.template))
