from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from gonghui.core.forms import call_service
from gonghui.core.pages import form_page, paginate
from gonghui.core.routers import reporting
from gonghui.core.services import access_log_record, require_writer
from gonghui.core.xlsx import xlsx_download
from gonghui.org.selectors import enterprise_list, union_get, union_list

from . import forms as f
from . import selectors, services, tables
from .rules import require_care_access

# ---------------------------------------------------------------- lists and their exports


@dataclass(frozen=True)
class ListPage:
    """A filtered, paginated list and its .xlsx export, built from one selector and one table."""

    title: str
    table: tables.Table
    filter_form: type
    select: Callable[..., QuerySet]
    export: str
    filename: str
    # Sensitive exports (hardship files, aid) are written to the access log.
    sensitive: bool = False
    create: tuple[tuple[str, str], ...] = ()


def _filters(request, page: ListPage):
    form = page.filter_form(request.GET or None, unions=union_list(user=request.user))
    data = form.cleaned_data if form.is_valid() else {}
    return form, {k: v for k, v in data.items() if v not in (None, "")}


def _list_view(page: ListPage):
    @login_required
    def view(request):
        form, filters = _filters(request, page)
        rows = paginate(request, page.select(user=request.user, **filters))
        creates = [(label, reverse(name)) for label, name in page.create]
        return render(request, "care/list.html", {"spec": page, "form": form, "page": rows,
                                                  "cells": page.table.cells(rows), "creates": creates})
    return view


def _export_view(page: ListPage):
    @login_required
    def view(request):
        _, filters = _filters(request, page)
        qs = page.select(user=request.user, **filters)
        if page.sensitive:
            access_log_record(user=request.user, obj=request.user.union, action="export_care_list",
                              detail=page.title)
        rows = (page.table.values(obj) for obj in qs.iterator(chunk_size=2000))
        return xlsx_download(filename=page.filename, headers=page.table.headers, rows=rows)
    return view


LISTS = {
    "files": ListPage("困难职工档案", tables.FILES, f.FileFilterForm, selectors.hardship_file_list, "care:files_export",
                      "困难职工档案.xlsx", sensitive=True, create=(("建档申请", "care:file_apply"),)),
    "aid": ListPage("帮扶救助发放", tables.AID, f.AidFilterForm, selectors.aid_list, "care:aid_export",
                    "帮扶救助发放.xlsx", sensitive=True),
    "funds": ListPage("企业帮困基金", tables.FUNDS, f.FundFilterForm, selectors.fund_list, "care:funds_export",
                      "企业帮困基金.xlsx", create=(("建立帮困基金", "care:fund_create"),)),
    "visits": ListPage("慰问", tables.VISITS, f.VisitFilterForm, selectors.visit_list, "care:visits_export",
                       "慰问.xlsx", create=(("登记慰问", "care:visit_create"),)),
    "grants": ListPage("金秋助学", tables.GRANTS, f.GrantFilterForm, selectors.schooling_grant_list,
                       "care:grants_export", "金秋助学.xlsx", create=(("登记助学", "care:grant_create"),)),
    "units": ListPage("医疗互助参保单位", tables.UNITS, f.UnitFilterForm, selectors.medical_unit_list,
                      "care:units_export", "医疗互助参保单位.xlsx", create=(("单位参保", "care:unit_create"),)),
    "enrolments": ListPage("医疗互助参保人员", tables.ENROLMENTS, f.EnrolmentFilterForm,
                           selectors.medical_enrolment_list, "care:enrolments_export", "医疗互助参保人员.xlsx"),
    "cards": ListPage("服务卡", tables.CARDS, f.CardFilterForm, selectors.service_card_list, "care:cards_export",
                      "服务卡.xlsx", create=(("采集信息", "care:card_collect"),)),
}
list_pages = {name: _list_view(page) for name, page in LISTS.items()}
export_pages = {name: _export_view(page) for name, page in LISTS.items()}


# ---------------------------------------------------------------- overview and statistics


def _today():
    return timezone.localdate()


@login_required
def index_page(request):
    today = _today()
    figures = selectors.care_statistics(user=request.user, union=request.user.union, start=f.year_start(today),
                                        end=today, chart=False)
    watch = None
    if request.user.may_access_care:
        watch = {"review_due": selectors.files_review_due(user=request.user, today=today).count(),
                 "never_helped": selectors.files_never_helped(user=request.user).count()}
    return render(request, "care/index.html", {"figures": figures, "watch": watch})


@login_required
@reporting
def statistics_page(request):
    unions = union_list(user=request.user)
    today = _today()
    union_pk = request.GET.get("union")
    union = union_get(user=request.user, pk=union_pk) if union_pk else request.user.union
    params = {"union": union.pk, "start": request.GET.get("start") or f.year_start(today),
              "end": request.GET.get("end") or today}
    form = f.StatisticsForm(params, unions=unions)
    figures = None
    if form.is_valid():
        data = form.cleaned_data
        figures = selectors.care_statistics(user=request.user, union=union, start=data["start"], end=data["end"])
    return render(request, "care/statistics.html", {
        "form": form, "union": union, "figures": figures}, status=200 if figures else 400)


# ---------------------------------------------------------------- hardship files


def _require_care_writer(user) -> None:
    require_writer(user)
    require_care_access(user)


def _application_page(request, *, form_class, title: str, service, done: str, cancel_url: str, initial: dict,
                      household=(), file=None, form_kwargs: dict | None = None):
    """The application form with its household rows, for filing and for correcting; one service saves both."""
    data = (request.POST,) if request.method == "POST" else ()
    form = form_class(*data, initial=initial, **(form_kwargs or {}))
    rows = f.HouseholdFormSet(*data, prefix="household", initial=list(household))
    if request.method == "POST" and form.is_valid() and rows.is_valid():
        people = [row for row in (h.row() for h in rows.forms) if row]
        saved = call_service(form, lambda: service(form.service_data(), people))
        if saved is not None:
            messages.success(request, done)
            return redirect(tables.file_url(saved))
    return render(request, "care/file_apply.html", {
        "form": form, "household": rows, "title": title, "file": file, "cancel_url": cancel_url,
        "submit_label": "提交申请" if file is None else "保存修改",
    }, status=400 if request.method == "POST" else 200)


@login_required
def file_apply_page(request):
    _require_care_writer(request.user)
    return _application_page(
        request, form_class=f.HardshipApplyForm, form_kwargs={"user": request.user},
        initial={"applied_on": _today()}, title="困难职工建档申请", done="建档申请已提交，等待工会初审",
        cancel_url=reverse("care:files"),
        service=lambda d, people: services.hardship_file_apply(actor=request.user, household=people, **d))


@login_required
def file_edit_page(request, pk: int):
    file = selectors.hardship_file_get(user=request.user, pk=pk)
    _require_care_writer(request.user)
    if request.method == "GET":
        # The form shows the file's incomes and household as the detail page does: a reading like any other.
        services.hardship_file_read_log(actor=request.user, file=file)
    initial, household = f.application_initial(file)
    return _application_page(
        request, form_class=f.HardshipFileForm, initial=initial, household=household, file=file,
        title=f"修改建档申请：{file.member.name}", done="申请已修改", cancel_url=tables.file_url(file),
        service=lambda d, people: services.hardship_file_update(actor=request.user, file=file, household=people,
                                                                **d))


@login_required
def file_detail_page(request, pk: int):
    file = selectors.hardship_file_get(user=request.user, pk=pk)
    services.hardship_file_read_log(actor=request.user, file=file)
    return render(request, "care/file_detail.html", {
        "file": file, "household": file.household.all(), "reviews": selectors.hardship_file_reviews(file=file),
        "aid": selectors.hardship_file_aid(file=file),
    })


def _file_form(request, pk: int, *, form_class, title: str, service, done: str, initial: dict | None = None):
    file = selectors.hardship_file_get(user=request.user, pk=pk)
    return form_page(request, form_class=form_class, title=f"{title}：{file.member.name}",
                     service=lambda d: service(file, d), success=lambda _: tables.file_url(file),
                     cancel_url=tables.file_url(file), initial={"on_date": _today(), **(initial or {})},
                     submit_label=title, done_message=done)


@login_required
def file_union_review_page(request, pk: int):
    def review(file, d):
        return services.hardship_file_union_review(actor=request.user, file=file, approve=d["decision"] == "approve",
                                                   on_date=d["on_date"], note=d["note"])
    return _file_form(request, pk, form_class=f.UnionReviewForm, title="工会初审", service=review, done="初审已办理")


@login_required
def file_federation_review_page(request, pk: int):
    def review(file, d):
        return services.hardship_file_federation_review(
            actor=request.user, file=file, approve=d["decision"] == "approve", level=d["level"],
            on_date=d["on_date"], note=d["note"])
    return _file_form(request, pk, form_class=f.FederationReviewForm, title="总工会审核", service=review,
                      done="审核已办理")


@login_required
def file_yearly_review_page(request, pk: int):
    def review(file, d):
        return services.hardship_file_yearly_review(actor=request.user, file=file, **d)
    return _file_form(request, pk, form_class=f.YearlyReviewForm, title="年度复核", service=review, done="复核已办理")


@login_required
def file_aid_page(request, pk: int):
    def pay(file, d):
        return services.aid_payment_create(actor=request.user, file=file, **d)
    return _file_form(request, pk, form_class=f.AidForm, title="发放救助", service=pay, done="救助已登记",
                      initial={"paid_on": _today()})


@login_required
def watch_page(request):
    """What a federation follows up: files not reviewed for a year, files never helped."""
    today = _today()
    due = selectors.files_review_due(user=request.user, today=today)
    never = selectors.files_never_helped(user=request.user)
    return render(request, "care/watch.html", {
        "due": tables.FILES.cells(due[:200]), "due_count": due.count(),
        "never": tables.FILES.cells(never[:200]), "never_count": never.count(), "table": tables.FILES,
    })


# ---------------------------------------------------------------- funds


def _fund_url(fund) -> str:
    return reverse("care:fund_detail", args=[fund.pk])


@login_required
def fund_create_page(request):
    return form_page(request, form_class=f.FundForm, title="建立企业帮困基金",
                     service=lambda d: services.fund_create(actor=request.user, **d), success=_fund_url,
                     cancel_url=reverse("care:funds"), initial={"established_on": _today()},
                     form_kwargs={"enterprises": selectors.fund_enterprises(user=request.user)})


@login_required
def fund_detail_page(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    payouts = selectors.fund_payouts(user=request.user, fund=fund) if request.user.may_access_care else None
    return render(request, "care/fund_detail.html", {
        "fund": fund, "contributions": selectors.fund_contributions(fund=fund)[:100],
        "payouts": tables.PAYOUTS.cells(payouts[:100]) if payouts is not None else None, "payout_table": tables.PAYOUTS,
    })


@login_required
def fund_contribute_page(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    return form_page(request, form_class=f.ContributionForm, title=f"基金筹集：{fund.enterprise.name}",
                     service=lambda d: services.fund_contribute(actor=request.user, fund=fund, **d),
                     success=lambda _: _fund_url(fund), cancel_url=_fund_url(fund), initial={"on_date": _today()})


@login_required
def fund_payout_page(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    require_care_access(request.user)
    return form_page(request, form_class=f.PayoutForm, title=f"基金救助：{fund.enterprise.name}",
                     service=lambda d: services.fund_payout(actor=request.user, fund=fund, **d),
                     success=lambda _: _fund_url(fund), cancel_url=_fund_url(fund), initial={"paid_on": _today()},
                     form_kwargs={"user": request.user})


# ---------------------------------------------------------------- visits, schooling aid


@login_required
def visit_create_page(request):
    return form_page(request, form_class=f.VisitForm, title="登记慰问",
                     service=lambda d: services.visit_create(actor=request.user, **d),
                     success=lambda _: reverse("care:visits"), cancel_url=reverse("care:visits"),
                     initial={"visited_on": _today()},
                     form_kwargs={"user": request.user, "enterprises": selectors.visit_enterprises(user=request.user)})


@login_required
def grant_create_page(request):
    return form_page(request, form_class=f.SchoolingGrantForm, title="登记金秋助学",
                     service=lambda d: services.schooling_grant_create(actor=request.user, **d),
                     success=lambda _: reverse("care:grants"), cancel_url=reverse("care:grants"),
                     initial={"granted_on": _today()}, form_kwargs={"user": request.user})


# ---------------------------------------------------------------- mutual medical aid and service cards


def _unit_url(unit) -> str:
    return reverse("care:medical_unit", args=[unit.pk])


@login_required
def unit_create_page(request):
    return form_page(request, form_class=f.MedicalUnitForm, title="医疗互助单位参保",
                     service=lambda d: services.medical_unit_enrol(actor=request.user, **d), success=_unit_url,
                     cancel_url=reverse("care:units"), initial={"year": _today().year},
                     form_kwargs={"unions": selectors.medical_units_for_form(user=request.user),
                                  "enterprises": enterprise_list(user=request.user)})


@login_required
def unit_detail_page(request, pk: int):
    unit = selectors.medical_unit_get(user=request.user, pk=pk)
    page = paginate(request, selectors.medical_enrolment_list(user=request.user, unit=unit))
    return render(request, "care/unit_detail.html", {"unit": unit, "page": page,
                                                     "cells": tables.ENROLMENTS.cells(page),
                                                     "table": tables.ENROLMENTS})


@login_required
def unit_enrol_page(request, pk: int):
    unit = selectors.medical_unit_get(user=request.user, pk=pk)
    return form_page(request, form_class=f.EnrolForm, title=f"会员参保：{unit.name}（{unit.year}年度）",
                     service=lambda d: services.medical_member_enrol(actor=request.user, unit=unit, **d),
                     success=lambda _: _unit_url(unit), cancel_url=_unit_url(unit),
                     initial={"enrolled_on": _today()}, form_kwargs={"user": request.user})


@login_required
def unit_enrol_all_page(request, pk: int):
    unit = selectors.medical_unit_get(user=request.user, pk=pk)
    return form_page(request, form_class=f.EnrolWholeUnitForm, title=f"全员参保：{unit.name}（{unit.year}年度）",
                     service=lambda d: services.medical_enrol_whole_unit(actor=request.user, unit=unit, **d),
                     success=lambda _: _unit_url(unit), cancel_url=_unit_url(unit),
                     initial={"enrolled_on": _today()}, submit_label="全员参保", done_message="已登记全员参保")


def _enrolment_url(enrolment) -> str:
    return reverse("care:enrolment_detail", args=[enrolment.pk])


@login_required
def enrolment_detail_page(request, pk: int):
    enrolment = selectors.medical_enrolment_get(user=request.user, pk=pk)
    return render(request, "care/enrolment_detail.html", {"enrolment": enrolment,
                                                          "claims": selectors.medical_claims(enrolment=enrolment)})


@login_required
def enrolment_claim_page(request, pk: int):
    enrolment = selectors.medical_enrolment_get(user=request.user, pk=pk)
    return form_page(request, form_class=f.ClaimForm, title=f"医疗互助赔付：{enrolment.member.name}",
                     service=lambda d: services.medical_claim_create(actor=request.user, enrolment=enrolment, **d),
                     success=lambda _: _enrolment_url(enrolment), cancel_url=_enrolment_url(enrolment),
                     initial={"paid_on": _today()})


@login_required
def card_collect_page(request):
    return form_page(request, form_class=f.CardCollectForm, title="服务卡信息采集",
                     service=lambda d: services.service_card_collect(actor=request.user, **d),
                     success=lambda _: reverse("care:cards"), cancel_url=reverse("care:cards"),
                     initial={"collected_on": _today()}, form_kwargs={"user": request.user})


@login_required
def card_issue_page(request, pk: int):
    card = selectors.service_card_get(user=request.user, pk=pk)
    return form_page(request, form_class=f.CardIssueForm, title=f"制卡：{card.member.name}",
                     service=lambda d: services.service_card_issue(actor=request.user, card=card, **d),
                     success=lambda _: reverse("care:cards"), cancel_url=reverse("care:cards"),
                     initial={"issued_on": _today()})
