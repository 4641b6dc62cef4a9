"""Pages of the rights app. Who may read what is decided in selectors.py (see its docstring)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from gonghui.core.identifiers import mask_mobile
from gonghui.core.pages import fields_of, form_page, paginate, record_form_view, today_as
from gonghui.core.periods import Period, year_period
from gonghui.core.routers import reporting
from gonghui.core.scoping import may_access_care
from gonghui.core.xlsx import xlsx_download
from gonghui.core.links import record_link
from gonghui.org.selectors import union_get, union_list

from . import selectors, services
from .filters import BodyFilters, ContractFilters, DisputeFilters, PetitionFilters
from .forms import (CaseStepForm, CloseForm, ContractForm, DisputeForm, MediationBodyForm, MediatorEditForm,
                    MediatorForm, PetitionEditForm, PetitionForm, StatisticsForm)


def care_required(view):
    """Lists and new-record pages of disputes and petitions: without the grant, a 403 page that says why."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_access_care(request.user):
            return render(request, "rights/no_grant.html", {"message": selectors.CARE_DENIED}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _union_param(request):
    """?union= narrows a list to a subtree; a union that is not the user's is a 404, as anywhere else."""
    raw = request.GET.get("union", "")
    return union_get(user=request.user, pk=raw) if raw else None


def _filtered(request, filters_class, select) -> tuple:
    """A list's filter form and the selector's rows for it; the list's export takes the same rows."""
    filters, qs = filters_class.listed(request, select)
    return filters.form, qs


# Each filtered list, for its page and its export: its filters and its selector.
DISPUTES = (DisputeFilters, selectors.dispute_list)
PETITIONS = (PetitionFilters, selectors.petition_list)
CONTRACTS = (ContractFilters, selectors.contract_list)


def _spreadsheet(qs, *, name: str, columns, row, sheet_name: str = "", chunk_size: int = 2000):
    """A list's export: one spreadsheet row per record, read in chunks."""
    return xlsx_download(filename=f"{name}.xlsx", sheet_name=sheet_name or name, headers=columns,
                         rows=(row(record) for record in qs.iterator(chunk_size=chunk_size)))


def _list_export(request, listing: tuple, *, logged: bool = False, **sheet):
    """A filtered list's export: the rows on screen; a care list's (`logged`) is written to the access log."""
    _, qs = _filtered(request, *listing)
    if logged:
        services.record_export(actor=request.user, what=sheet["name"], count=qs.count())
    return _spreadsheet(qs, **sheet)


def _list_page(request, listing: tuple, template: str, **extra):
    form, qs = _filtered(request, *listing)
    return render(request, template, {"form": form, "page": paginate(request, qs), **extra})


# Dispute cases ---------------------------------------------------------------------------------

_case_url = record_link("rights:dispute_detail")


def _case_form_kwargs(request, union) -> dict:
    return {"choices": {"enterprise": selectors.enterprise_choices(user=request.user, union=union),
                        "mediator": selectors.mediator_choices(user=request.user)}}


@care_required
def dispute_list_page(request):
    return _list_page(request, DISPUTES, "rights/disputes.html", time_limit=selectors.dispute_time_limit_days())


@care_required
def dispute_export_page(request):
    return _list_export(request, DISPUTES, logged=True, name="劳动争议案件", columns=[
        ("受理日期", 12), ("受理工会", 22), ("涉及企业", 28), ("争议类型", 12), ("申请人", 12), ("涉及职工人数", 12),
        ("涉案金额（元）", 16), ("调解员", 12), ("处理结果", 12), ("结案日期", 12), ("是否超期", 10)],
        row=lambda c: [c.received_on, c.union.name, c.enterprise.name, c.get_kind_display(), c.applicant,
                       c.workers_involved, c.amount, c.mediator.name if c.mediator else "", c.get_outcome_display(),
                       c.closed_on, c.is_past_limit])


dispute_create_page = record_form_view(
    union_get, services.dispute_create, "union", key="union_pk", decorator=care_required, form_class=DisputeForm,
    title=lambda union: f"登记劳动争议案件：{union.name}", back=lambda _: reverse("rights:disputes"),
    success=_case_url, initial=lambda request, union: {"received_on": timezone.localdate(), "amount": 0},
    form_kwargs=_case_form_kwargs)


@login_required
def dispute_detail_page(request, pk: int):
    case = selectors.dispute_get(user=request.user, pk=pk)
    services.record_read(actor=request.user, obj=case)
    return render(request, "rights/dispute_detail.html", {
        "case": case, "steps": selectors.case_steps(case=case), "time_limit": selectors.dispute_time_limit_days()})


dispute_edit_page = record_form_view(
    selectors.dispute_get, services.dispute_update, "case", form_class=DisputeForm,
    title=lambda case: f"编辑案件：{case}", back=_case_url, success=_case_url,
    initial=fields_of(services.CASE_FIELDS), form_kwargs=lambda request, case: _case_form_kwargs(request, case.union))
dispute_step_page = record_form_view(
    selectors.dispute_get, services.dispute_step_add, "case", form_class=CaseStepForm,
    title=lambda case: f"添加办理步骤：{case}", back=_case_url, initial=today_as("on_date"), submit_label="添加")
dispute_close_page = record_form_view(
    selectors.dispute_get, services.dispute_close, "case", form_class=CloseForm, title=lambda case: f"结案：{case}",
    back=_case_url, success=_case_url, initial=today_as("closed_on"), submit_label="结案", done_message="案件已结案")


# Petitions -------------------------------------------------------------------------------------

_petition_url = record_link("rights:petition_detail")


@care_required
def petition_list_page(request):
    return _list_page(request, PETITIONS, "rights/petitions.html")


@care_required
def petition_export_page(request):
    return _list_export(request, PETITIONS, logged=True, name="信访记录", columns=[
        ("接待日期", 12), ("接待工会", 22), ("信访方式", 10), ("信访人", 12), ("联系电话", 14), ("人数", 8),
        ("反映事项", 40), ("处理情况", 40), ("处理结果", 20), ("办结日期", 12)],
        row=lambda p: [p.received_on, p.union.name, p.get_channel_display(), p.petitioner, mask_mobile(p.phone),
                       p.people, p.matter, p.handling, p.result, p.closed_on])


petition_create_page = record_form_view(
    union_get, services.petition_create, "union", key="union_pk", decorator=care_required, form_class=PetitionForm,
    title=lambda union: f"登记信访：{union.name}", back=lambda _: reverse("rights:petitions"), success=_petition_url,
    initial=lambda request, union: {"received_on": timezone.localdate(), "people": 1})


@login_required
def petition_detail_page(request, pk: int):
    petition = selectors.petition_get(user=request.user, pk=pk)
    services.record_read(actor=request.user, obj=petition)
    return render(request, "rights/petition_detail.html", {"petition": petition})


petition_edit_page = record_form_view(
    selectors.petition_get, services.petition_update, "petition", form_class=PetitionEditForm,
    title=lambda petition: f"编辑信访：{petition}", back=_petition_url, success=_petition_url,
    initial=fields_of([f for f in services.PETITION_FIELDS if f != "phone"]),
    form_kwargs=lambda request, petition: {"stored": {"phone": mask_mobile(petition.phone)}})


# Mediation bodies and mediators ----------------------------------------------------------------

_body_url = record_link("rights:body_detail")


@login_required
def body_list_page(request):
    filters = BodyFilters.from_page(request)
    node = filters.values.get("union") or request.user.union
    qs = selectors.body_list(user=request.user, filters=filters.values)
    return render(request, "rights/bodies.html", {
        "form": filters.form, "page": paginate(request, qs), "node": node,
        "coverage": selectors.mediation_coverage(user=request.user, union=node)})


@login_required
def body_export_page(request):
    union = BodyFilters.from_page(request).values.get("union")
    qs = selectors.mediator_list(user=request.user, union=union).order_by("union__path", "body", "name")
    return _spreadsheet(qs, name="调解组织与调解员", sheet_name="调解员",
                        columns=[("调解组织", 28), ("所属工会", 22), ("调解员", 12), ("手机号码", 14), ("在任", 8)],
                        row=lambda m: [m.body.name, m.union.name, m.name, mask_mobile(m.phone), m.active])


body_create_page = record_form_view(
    union_get, services.mediation_body_create, "union", key="union_pk", form_class=MediationBodyForm,
    title=lambda union: f"新建调解组织：{union.name}", back=lambda _: reverse("rights:bodies"), success=_body_url,
    form_kwargs=lambda request, union: {
        "choices": {"enterprise": selectors.enterprise_choices(user=request.user, union=union)}})


@login_required
def body_detail_page(request, pk: int):
    body = selectors.body_get(user=request.user, pk=pk)
    return render(request, "rights/body_detail.html", {
        "body": body, "mediators": selectors.mediator_list(user=request.user, body=body)})


mediator_create_page = record_form_view(
    selectors.body_get, services.mediator_create, "body", form_class=MediatorForm,
    title=lambda body: f"添加调解员：{body.name}", back=_body_url)
mediator_edit_page = record_form_view(
    selectors.mediator_get, services.mediator_update, "mediator", form_class=MediatorEditForm,
    title=lambda mediator: f"编辑调解员：{mediator.name}", back=lambda mediator: _body_url(mediator.body),
    initial=fields_of(("name", "active")),
    form_kwargs=lambda request, mediator: {"stored": {"phone": mask_mobile(mediator.phone)}})


# Collective contracts --------------------------------------------------------------------------

_contract_url = record_link("rights:contract_detail")


def _contract_form_kwargs(request, union) -> dict:
    return {"choices": {"enterprises": selectors.enterprise_choices(user=request.user, union=union)}}


@login_required
def contract_list_page(request):
    return _list_page(request, CONTRACTS, "rights/contracts.html", warning_days=selectors.contract_warning_days())


@login_required
def contract_export_page(request):
    return _list_export(request, CONTRACTS, name="集体合同", chunk_size=500, columns=[
        ("合同名称", 30), ("签约工会", 22), ("合同层级", 10), ("合同类型", 22), ("覆盖企业", 40), ("签订日期", 12),
        ("期限起始", 12), ("到期日期", 12), ("工资增长幅度（%）", 14), ("覆盖职工人数", 12), ("备案日期", 12),
        ("即将到期", 10)],
        row=lambda c: [c.title, c.union.name, c.get_scope_display(), c.get_kind_display(),
                       "、".join(e.name for e in c.enterprises.all()), c.signed_on, c.term_start, c.term_end,
                       c.wage_increase_pct, c.workers_covered, c.filed_on, c.is_expiring])


contract_create_page = record_form_view(
    union_get, services.contract_create, "union", key="union_pk", form_class=ContractForm,
    title=lambda union: f"登记集体合同：{union.name}", back=lambda _: reverse("rights:contracts"),
    success=_contract_url, form_kwargs=_contract_form_kwargs)


@login_required
def contract_detail_page(request, pk: int):
    contract = selectors.contract_get(user=request.user, pk=pk)
    return render(request, "rights/contract_detail.html", {"contract": contract})


@login_required
def contract_edit_page(request, pk: int):
    contract = selectors.contract_get(user=request.user, pk=pk)
    initial = {f: getattr(contract, f) for f in services.CONTRACT_FIELDS}
    initial["enterprises"] = list(contract.enterprises.all())
    return form_page(request, form_class=ContractForm, title=f"编辑集体合同：{contract.title}",
                     service=lambda d: services.contract_update(actor=request.user, contract=contract, **d),
                     success=_contract_url, cancel_url=_contract_url(contract), initial=initial,
                     form_kwargs=_contract_form_kwargs(request, contract.union))


# Statistics ------------------------------------------------------------------------------------

def _period(request) -> tuple[StatisticsForm, Period]:
    """The chosen period, the current calendar year unless the query says otherwise."""
    year = timezone.localdate().year
    params = request.GET.copy()
    params.setdefault("start", f"{year}-01-01")
    params.setdefault("end", f"{year}-12-31")
    form = StatisticsForm(params, choices={"union": union_list(user=request.user)})
    if form.is_valid():
        return form, Period(start=form.cleaned_data["start"], end=form.cleaned_data["end"])
    return form, year_period(year)


@login_required
@reporting
def statistics_page(request):
    """Every figure from the registry (rights/figures.py), each a link to the list of what it counts."""
    node = _union_param(request) or request.user.union
    form, period = _period(request)
    context = {
        "form": form, "node": node, "period": period,
        "mediation": selectors.mediation_coverage(user=request.user, union=node, period=period),
        "contracts": selectors.contract_coverage(user=request.user, union=node, period=period),
    }
    if may_access_care(request.user):
        figures = selectors.dispute_figures(user=request.user, union=node, period=period)
        rows = figures.kind_rows()
        context["figures"] = figures
        context["chart"] = {"labels": [label for _, label, _ in rows], "values": [n for _, _, n in rows]}
    return render(request, "rights/statistics.html", context)
