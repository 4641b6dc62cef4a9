"""Pages of the rights app. Who may read what is decided in selectors.py (see its docstring)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from gonghui.core.identifiers import mask_mobile
from gonghui.core.pages import form_page, paginate
from gonghui.core.periods import Period, year_period
from gonghui.core.routers import reporting
from gonghui.core.scoping import may_access_care
from gonghui.core.xlsx import xlsx_download
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


def _list_page(request, *, template: str, form, qs, **extra):
    return render(request, template, {"form": form, "page": paginate(request, qs), **extra})


# Dispute cases ---------------------------------------------------------------------------------

def _case_url(case) -> str:
    return reverse("rights:dispute_detail", args=[case.pk])


def _case_form_kwargs(request, union) -> dict:
    return {"choices": {"enterprise": selectors.enterprise_choices(user=request.user, union=union),
                        "mediator": selectors.mediator_choices(user=request.user)}}


@care_required
def dispute_list_page(request):
    form, qs = _filtered(request, *DISPUTES)
    return _list_page(request, template="rights/disputes.html", form=form, qs=qs,
                      time_limit=selectors.dispute_time_limit_days())


@care_required
def dispute_export_page(request):
    _, qs = _filtered(request, *DISPUTES)
    services.record_export(actor=request.user, what="劳动争议案件", count=qs.count())
    return _spreadsheet(qs, name="劳动争议案件", columns=[
        ("受理日期", 12), ("受理工会", 22), ("涉及企业", 28), ("争议类型", 12), ("申请人", 12), ("涉及职工人数", 12),
        ("涉案金额（元）", 16), ("调解员", 12), ("处理结果", 12), ("结案日期", 12), ("是否超期", 10)],
        row=lambda c: [c.received_on, c.union.name, c.enterprise.name, c.get_kind_display(), c.applicant,
                       c.workers_involved, c.amount, c.mediator.name if c.mediator else "", c.get_outcome_display(),
                       c.closed_on, c.is_past_limit])


@care_required
def dispute_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=DisputeForm, title=f"登记劳动争议案件：{union.name}",
                     service=lambda d: services.dispute_create(actor=request.user, union=union, **d),
                     success=_case_url, cancel_url=reverse("rights:disputes"),
                     initial={"received_on": timezone.localdate(), "amount": 0},
                     form_kwargs=_case_form_kwargs(request, union))


@login_required
def dispute_detail_page(request, pk: int):
    case = selectors.dispute_get(user=request.user, pk=pk)
    services.record_read(actor=request.user, obj=case)
    return render(request, "rights/dispute_detail.html", {
        "case": case, "steps": selectors.case_steps(case=case), "time_limit": selectors.dispute_time_limit_days()})


@login_required
def dispute_edit_page(request, pk: int):
    case = selectors.dispute_get(user=request.user, pk=pk)
    return form_page(request, form_class=DisputeForm, title=f"编辑案件：{case}",
                     service=lambda d: services.dispute_update(actor=request.user, case=case, **d),
                     success=_case_url, cancel_url=_case_url(case),
                     initial={f: getattr(case, f) for f in services.CASE_FIELDS},
                     form_kwargs=_case_form_kwargs(request, case.union))


@login_required
def dispute_step_page(request, pk: int):
    case = selectors.dispute_get(user=request.user, pk=pk)
    return form_page(request, form_class=CaseStepForm, title=f"添加办理步骤：{case}",
                     service=lambda d: services.dispute_step_add(actor=request.user, case=case, **d),
                     success=lambda step: _case_url(case), cancel_url=_case_url(case),
                     initial={"on_date": timezone.localdate()}, submit_label="添加")


@login_required
def dispute_close_page(request, pk: int):
    case = selectors.dispute_get(user=request.user, pk=pk)
    return form_page(request, form_class=CloseForm, title=f"结案：{case}",
                     service=lambda d: services.dispute_close(actor=request.user, case=case, **d),
                     success=_case_url, cancel_url=_case_url(case), initial={"closed_on": timezone.localdate()},
                     submit_label="结案", done_message="案件已结案")


# Petitions -------------------------------------------------------------------------------------

def _petition_url(petition) -> str:
    return reverse("rights:petition_detail", args=[petition.pk])


@care_required
def petition_list_page(request):
    form, qs = _filtered(request, *PETITIONS)
    return _list_page(request, template="rights/petitions.html", form=form, qs=qs)


@care_required
def petition_export_page(request):
    _, qs = _filtered(request, *PETITIONS)
    services.record_export(actor=request.user, what="信访记录", count=qs.count())
    return _spreadsheet(qs, name="信访记录", columns=[
        ("接待日期", 12), ("接待工会", 22), ("信访方式", 10), ("信访人", 12), ("联系电话", 14), ("人数", 8),
        ("反映事项", 40), ("处理情况", 40), ("处理结果", 20), ("办结日期", 12)],
        row=lambda p: [p.received_on, p.union.name, p.get_channel_display(), p.petitioner, mask_mobile(p.phone),
                       p.people, p.matter, p.handling, p.result, p.closed_on])


@care_required
def petition_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=PetitionForm, title=f"登记信访：{union.name}",
                     service=lambda d: services.petition_create(actor=request.user, union=union, **d),
                     success=_petition_url, cancel_url=reverse("rights:petitions"),
                     initial={"received_on": timezone.localdate(), "people": 1})


@login_required
def petition_detail_page(request, pk: int):
    petition = selectors.petition_get(user=request.user, pk=pk)
    services.record_read(actor=request.user, obj=petition)
    return render(request, "rights/petition_detail.html", {"petition": petition})


@login_required
def petition_edit_page(request, pk: int):
    petition = selectors.petition_get(user=request.user, pk=pk)
    return form_page(request, form_class=PetitionEditForm, title=f"编辑信访：{petition}",
                     service=lambda d: services.petition_update(actor=request.user, petition=petition, **d),
                     success=_petition_url, cancel_url=_petition_url(petition),
                     initial={f: getattr(petition, f) for f in services.PETITION_FIELDS if f != "phone"},
                     form_kwargs={"stored": {"phone": mask_mobile(petition.phone)}})


# Mediation bodies and mediators ----------------------------------------------------------------

def _body_url(body) -> str:
    return reverse("rights:body_detail", args=[body.pk])


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


@login_required
def body_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=MediationBodyForm, title=f"新建调解组织：{union.name}",
                     service=lambda d: services.mediation_body_create(actor=request.user, union=union, **d),
                     success=_body_url, cancel_url=reverse("rights:bodies"),
                     form_kwargs={"choices": {"enterprise": selectors.enterprise_choices(user=request.user, union=union)}})


@login_required
def body_detail_page(request, pk: int):
    body = selectors.body_get(user=request.user, pk=pk)
    return render(request, "rights/body_detail.html", {
        "body": body, "mediators": selectors.mediator_list(user=request.user, body=body)})


@login_required
def mediator_create_page(request, pk: int):
    body = selectors.body_get(user=request.user, pk=pk)
    return form_page(request, form_class=MediatorForm, title=f"添加调解员：{body.name}",
                     service=lambda d: services.mediator_create(actor=request.user, body=body, **d),
                     success=lambda m: _body_url(body), cancel_url=_body_url(body))


@login_required
def mediator_edit_page(request, pk: int):
    mediator = selectors.mediator_get(user=request.user, pk=pk)
    return form_page(request, form_class=MediatorEditForm, title=f"编辑调解员：{mediator.name}",
                     service=lambda d: services.mediator_update(actor=request.user, mediator=mediator, **d),
                     success=lambda m: _body_url(mediator.body), cancel_url=_body_url(mediator.body),
                     initial={"name": mediator.name, "active": mediator.active},
                     form_kwargs={"stored": {"phone": mask_mobile(mediator.phone)}})


# Collective contracts --------------------------------------------------------------------------

def _contract_url(contract) -> str:
    return reverse("rights:contract_detail", args=[contract.pk])


def _contract_form_kwargs(request, union) -> dict:
    return {"choices": {"enterprises": selectors.enterprise_choices(user=request.user, union=union)}}


@login_required
def contract_list_page(request):
    form, qs = _filtered(request, *CONTRACTS)
    return _list_page(request, template="rights/contracts.html", form=form, qs=qs,
                      warning_days=selectors.contract_warning_days())


@login_required
def contract_export_page(request):
    _, qs = _filtered(request, *CONTRACTS)
    return _spreadsheet(qs, name="集体合同", chunk_size=500, columns=[
        ("合同名称", 30), ("签约工会", 22), ("合同层级", 10), ("合同类型", 22), ("覆盖企业", 40), ("签订日期", 12),
        ("期限起始", 12), ("到期日期", 12), ("工资增长幅度（%）", 14), ("覆盖职工人数", 12), ("备案日期", 12),
        ("即将到期", 10)],
        row=lambda c: [c.title, c.union.name, c.get_scope_display(), c.get_kind_display(),
                       "、".join(e.name for e in c.enterprises.all()), c.signed_on, c.term_start, c.term_end,
                       c.wage_increase_pct, c.workers_covered, c.filed_on, c.is_expiring])


@login_required
def contract_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=ContractForm, title=f"登记集体合同：{union.name}",
                     service=lambda d: services.contract_create(actor=request.user, union=union, **d),
                     success=_contract_url, cancel_url=reverse("rights:contracts"),
                     form_kwargs=_contract_form_kwargs(request, union))


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
