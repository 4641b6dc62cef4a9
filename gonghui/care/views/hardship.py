"""Hardship files: the lists, the application and its correction, the reviews, aid, and the watch list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from gonghui.core.forms import call_service
from gonghui.core.pages import form_page
from gonghui.core.services import require_writer

from .. import selectors, services
from ..filters import AidFilters, FileFilters
from ..forms.hardship import (AidForm, FederationReviewForm, HardshipApplyForm, HardshipFileForm, HouseholdFormSet,
                              UnionReviewForm, YearlyReviewForm, application_initial)
from ..rules import require_care_access
from ..tables import AID, FILES, file_url, voucher_column
from .lists import ListPage

FILE_LIST = ListPage("困难职工档案", FILES, FileFilters, selectors.hardship_file_list, "care:files_export",
                     "困难职工档案.xlsx", sensitive=True, create=(("建档申请", "care:file_apply"),))
AID_LIST = ListPage("帮扶救助发放", AID, AidFilters, selectors.aid_list, "care:aid_export", "帮扶救助发放.xlsx",
                    sensitive=True, paid=True)
files_page, files_export_page = FILE_LIST.views()
aid_page, aid_export_page = AID_LIST.views()


def _require_care_writer(user) -> None:
    require_writer(user)
    require_care_access(user)


def _application_page(request, *, form_class, title: str, service, done: str, cancel_url: str, initial: dict,
                      household=(), file=None, form_kwargs: dict | None = None):
    """The application form with its household rows, for filing and for correcting; one service saves both."""
    data = (request.POST,) if request.method == "POST" else ()
    form = form_class(*data, initial=initial, **(form_kwargs or {}))
    rows = HouseholdFormSet(*data, prefix="household", initial=list(household))
    if request.method == "POST" and form.is_valid() and rows.is_valid():
        people = [row for row in (h.row() for h in rows.forms) if row]
        saved = call_service(form, lambda: service(form.service_data(), people))
        if saved is not None:
            messages.success(request, done)
            return redirect(file_url(saved))
    return render(request, "care/file_apply.html", {
        "form": form, "household": rows, "title": title, "file": file, "cancel_url": cancel_url,
        "submit_label": "提交申请" if file is None else "保存修改",
    }, status=400 if request.method == "POST" else 200)


@login_required
def file_apply_page(request):
    _require_care_writer(request.user)
    return _application_page(
        request, form_class=HardshipApplyForm, form_kwargs={"user": request.user},
        initial={"applied_on": timezone.localdate()}, title="困难职工建档申请", done="建档申请已提交，等待工会初审",
        cancel_url=reverse("care:files"),
        service=lambda d, people: services.hardship_file_apply(actor=request.user, household=people, **d))


@login_required
def file_edit_page(request, pk: int):
    file = selectors.hardship_file_get(user=request.user, pk=pk)
    _require_care_writer(request.user)
    if request.method == "GET":
        # The form shows the file's incomes and household as the detail page does: a reading like any other.
        services.hardship_file_read_log(actor=request.user, file=file)
    initial, household = application_initial(file)
    return _application_page(
        request, form_class=HardshipFileForm, initial=initial, household=household, file=file,
        title=f"修改建档申请：{file.member.name}", done="申请已修改", cancel_url=file_url(file),
        service=lambda d, people: services.hardship_file_update(actor=request.user, file=file, household=people,
                                                                **d))


@login_required
def file_detail_page(request, pk: int):
    file = selectors.hardship_file_get(user=request.user, pk=pk)
    services.hardship_file_read_log(actor=request.user, file=file)
    return render(request, "care/file_detail.html", {
        "file": file, "household": file.household.all(), "reviews": selectors.hardship_file_reviews(file=file),
        "aid": _with_vouchers(request.user, list(selectors.hardship_file_aid(file=file))),
    })


def _with_vouchers(user, records: list) -> list[tuple]:
    """(record, voucher text, voucher link) for a table written by hand."""
    column = voucher_column(user, records)
    return [(record, column.value(record), column.link(record)) for record in records]


def _file_form(request, pk: int, *, form_class, title: str, service, done: str, initial: dict | None = None):
    file = selectors.hardship_file_get(user=request.user, pk=pk)
    return form_page(request, form_class=form_class, title=f"{title}：{file.member.name}",
                     service=lambda d: service(file, d), success=lambda _: file_url(file),
                     cancel_url=file_url(file), initial={"on_date": timezone.localdate(), **(initial or {})},
                     submit_label=title, done_message=done)


@login_required
def file_union_review_page(request, pk: int):
    def review(file, d):
        return services.hardship_file_union_review(actor=request.user, file=file, approve=d["decision"] == "approve",
                                                   on_date=d["on_date"], note=d["note"])
    return _file_form(request, pk, form_class=UnionReviewForm, title="工会初审", service=review, done="初审已办理")


@login_required
def file_federation_review_page(request, pk: int):
    def review(file, d):
        return services.hardship_file_federation_review(
            actor=request.user, file=file, approve=d["decision"] == "approve", level=d["level"],
            on_date=d["on_date"], note=d["note"])
    return _file_form(request, pk, form_class=FederationReviewForm, title="总工会审核", service=review,
                      done="审核已办理")


@login_required
def file_yearly_review_page(request, pk: int):
    def review(file, d):
        return services.hardship_file_yearly_review(actor=request.user, file=file, **d)
    return _file_form(request, pk, form_class=YearlyReviewForm, title="年度复核", service=review, done="复核已办理")


@login_required
def file_aid_page(request, pk: int):
    def pay(file, d):
        return services.aid_payment_create(actor=request.user, file=file, **d)
    return _file_form(request, pk, form_class=AidForm, title="发放救助", service=pay, done="救助已登记",
                      initial={"paid_on": timezone.localdate()})


@login_required
def watch_page(request):
    """What a federation follows up: files not reviewed for a year, files never helped."""
    today = timezone.localdate()
    due = selectors.files_review_due(user=request.user, today=today)
    never = selectors.files_never_helped(user=request.user)
    return render(request, "care/watch.html", {
        "due": FILES.cells(due[:200]), "due_count": due.count(),
        "never": FILES.cells(never[:200]), "never_count": never.count(), "table": FILES,
    })
