"""Pages of congresses: the overview of its figures and the congresses, a congress with its composition check,
delegates, sessions with agenda, attendance and resolutions, extra-session requests and democratic evaluation.
Each page shapes the request, then calls one selector or service."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from gonghui.core.figures import Column
from gonghui.core.pages import form_page, list_download, paginate
from gonghui.core.uploads import stored_file_response
from gonghui.core.links import record_link
from gonghui.org.pages import overview
from gonghui.org.selectors import union_get

from . import selectors, services
from .figures import FIGURES
from .filters import DelegateFilters, ResolutionFilters
from .forms import (
    AgendaForm,
    AttendanceForm,
    BallotForm,
    CongressForm,
    ConstituencyForm,
    DelegateForm,
    DocumentForm,
    EvaluationForm,
    LeaveForm,
    RequestForm,
    ResolutionForm,
    SessionForm,
)
from .models import Delegate


_detail = record_link("congress:congress_detail")
_session_url = record_link("congress:session_detail")


@login_required
def index_page(request):
    context = overview(request, FIGURES)
    page = paginate(request, selectors.congress_list(user=request.user, filters={"union": context["union"]}))
    in_office = selectors.in_office_counts(list(page))
    return render(request, "congress/index.html", {
        **context, "page": page, "rows": [(congress, in_office.get(congress.pk, 0)) for congress in page]})


# Congresses -------------------------------------------------------------------------------------

@login_required
def congress_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=CongressForm, title=f"登记职代会（教代会）：{union.name}",
                     cancel_url=reverse("congress:index"), success=_detail,
                     service=lambda data: services.congress_create(actor=request.user, union=union, **data))


@login_required
def congress_edit_page(request, pk: int):
    congress = selectors.congress_get(user=request.user, pk=pk)
    return form_page(request, form_class=CongressForm, title=f"修改：{congress.union.name}{congress}",
                     cancel_url=_detail(congress), success=_detail,
                     initial={name: getattr(congress, name) for name in services.CONGRESS_FIELDS},
                     service=lambda data: services.congress_update(actor=request.user, congress=congress, **data))


@login_required
def congress_detail_page(request, pk: int):
    congress = selectors.congress_get(user=request.user, pk=pk)
    return render(request, "congress/congress_detail.html", {
        "congress": congress, "composition": selectors.composition(congress),
        "in_office": selectors.active_delegates(congress).count(),
        "constituencies": congress.constituencies.all(), "sessions": selectors.sessions_of(congress),
        "requests": selectors.request_list(user=request.user).filter(congress=congress)})


@login_required
def constituency_create_page(request, pk: int):
    congress = selectors.congress_get(user=request.user, pk=pk)
    return form_page(request, form_class=ConstituencyForm, title=f"新增代表团（选区）：{congress}",
                     cancel_url=_detail(congress), success=lambda saved: _detail(congress),
                     service=lambda data: services.constituency_create(actor=request.user, congress=congress, **data))


# Delegates --------------------------------------------------------------------------------------

@login_required
def delegate_elect_page(request, pk: int):
    congress = selectors.congress_get(user=request.user, pk=pk)
    vacancies = selectors.vacancies(congress)
    return form_page(request, form_class=DelegateForm, title=f"登记当选代表：{congress.union.name}{congress}",
                     cancel_url=_detail(congress), success=lambda saved: _detail(congress),
                     initial={"elected_on": timezone.localdate()},
                     form_kwargs={"user": request.user, "constituencies": congress.constituencies.all(),
                                  "vacancies": vacancies},
                     service=lambda data: services.delegate_elect(actor=request.user, congress=congress, **data))


@login_required
def delegate_leave_page(request, pk: int):
    delegate = selectors.delegate_get(user=request.user, pk=pk)
    return form_page(request, form_class=LeaveForm, title=f"代表离任：{delegate}", initial={
        "left_on": timezone.localdate()}, cancel_url=reverse("congress:delegates"),
        success=lambda saved: reverse("congress:delegates") + f"?congress={delegate.congress_id}",
        service=lambda data: services.delegate_leave(actor=request.user, delegate=delegate, **data))


DELEGATE_COLUMNS = (Column("工会", "union.name"), Column("职代会", "congress"), Column("代表团（选区）", "constituency.name"),
                    Column("姓名", "member.name"), Column("性别", "member.get_gender_display"),
                    Column("代表类别", "get_occupation_display"), Column("当选日期", "elected_on"),
                    Column("状态", lambda d: state_label(d)), Column("补选接替", "replaces.member.name"))


def state_label(delegate: Delegate) -> str:
    if delegate.status == "left":
        return "已离任"
    return "在任" if delegate.member.status == "active" else "已离开本工会，待补选"


@login_required
def delegates_page(request):
    filters = DelegateFilters.from_page(request)
    page = paginate(request, selectors.delegate_list(user=request.user, filters=filters.values))
    return render(request, "congress/delegates.html", {
        "form": filters.form, "page": page, "rows": [(d, state_label(d)) for d in page]})


def _cell(value):
    # Dates as 2025-03-31, not a spreadsheet serial number; a record by its name; a missing one as an empty cell.
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value if isinstance(value, (int, str)) else str(value)


@login_required
def delegates_export_page(request):
    return list_download(request, DelegateFilters, selectors.delegate_list, filename="职工代表名单.xlsx",
                         columns=DELEGATE_COLUMNS, cell=_cell)


# Sessions ---------------------------------------------------------------------------------------

@login_required
def session_create_page(request, pk: int):
    congress = selectors.congress_get(user=request.user, pk=pk)
    return form_page(request, form_class=SessionForm, title=f"登记会议：{congress.union.name}{congress}",
                     cancel_url=_detail(congress), success=_session_url,
                     initial={"number": congress.sessions.count() + 1},
                     service=lambda data: services.session_create(actor=request.user, congress=congress, **data))


@login_required
def session_detail_page(request, pk: int):
    session = selectors.session_get(user=request.user, pk=pk)
    return render(request, "congress/session_detail.html", {
        "session": session, "congress": session.congress, "agenda": session.agenda.prefetch_related("documents"),
        "resolutions": session.resolutions.select_related("agenda_item"),
        "quorum": services.quorum_needed(session) if session.delegates_present is not None else None,
        "evaluations": session.evaluations.all()})


def _session_form(request, pk: int, *, form_class, title: str, service, **kwargs):
    session = selectors.session_get(user=request.user, pk=pk)
    return form_page(request, form_class=form_class, title=f"{title}：{session}", cancel_url=_session_url(session),
                     success=lambda saved: _session_url(session),
                     service=lambda data: service(actor=request.user, session=session, **data),
                     **{key: value(session) for key, value in kwargs.items()})


@login_required
def attendance_page(request, pk: int):
    return _session_form(request, pk, form_class=AttendanceForm, title="登记到会代表",
                         service=services.session_attendance,
                         initial=lambda session: {"delegates_present": session.delegates_present})


@login_required
def agenda_add_page(request, pk: int):
    return _session_form(request, pk, form_class=AgendaForm, title="新增议程", service=services.agenda_item_add)


@login_required
def document_add_page(request, pk: int):
    item = selectors.agenda_item_get(user=request.user, pk=pk)
    back = _session_url(item.session)
    return form_page(request, form_class=DocumentForm, title=f"上传会议文件：{item}", cancel_url=back,
                     service=lambda data: services.document_add(actor=request.user, item=item, **data),
                     success=lambda document: back, submit_label="上传", done_message="已上传")


@login_required
def document_page(request, pk: int):
    document = selectors.document_get(user=request.user, pk=pk)
    return stored_file_response(document)


@login_required
def resolution_record_page(request, pk: int):
    return _session_form(request, pk, form_class=ResolutionForm, title="登记表决结果",
                         service=services.resolution_record,
                         form_kwargs=lambda session: {"agenda": session.agenda.all()})


@login_required
def resolutions_page(request):
    filters = ResolutionFilters.from_page(request)
    return render(request, "congress/resolutions.html", {
        "form": filters.form, "page": paginate(request, selectors.resolution_list(user=request.user,
                                                                                  filters=filters.values))})


@login_required
def request_create_page(request, pk: int):
    congress = selectors.congress_get(user=request.user, pk=pk)
    return form_page(request, form_class=RequestForm, title=f"代表联名提议召开临时会议：{congress}",
                     cancel_url=_detail(congress), success=lambda saved: _detail(congress),
                     form_kwargs={"delegates": selectors.active_delegates(congress).select_related("member")},
                     service=lambda data: services.session_request_create(actor=request.user, congress=congress,
                                                                          **data))


# Democratic evaluation --------------------------------------------------------------------------

@login_required
def evaluation_create_page(request, pk: int):
    return _session_form(request, pk, form_class=EvaluationForm, title="组织民主评议",
                         service=services.evaluation_create)


@login_required
def evaluation_detail_page(request, pk: int):
    evaluation = selectors.evaluation_get(user=request.user, pk=pk)
    return render(request, "congress/evaluation_detail.html", {
        "evaluation": evaluation, "subjects": evaluation.subjects.all(), "voted": evaluation.voters.count()})


@login_required
def ballot_page(request, pk: int):
    evaluation = selectors.evaluation_get(user=request.user, pk=pk)
    back = reverse("congress:evaluation_detail", args=[evaluation.pk])
    delegates = selectors.active_delegates(evaluation.session.congress).select_related("member").exclude(
        pk__in=evaluation.voters.values("delegate_id"))

    def cast(data):
        marks = {int(name[1:]): value for name, value in data.items() if name.startswith("s") and name[1:].isdigit()}
        services.ballot_cast(actor=request.user, evaluation=evaluation, delegate=data["delegate"], marks=marks)
        return evaluation

    return form_page(request, form_class=BallotForm, title=f"登记评议票：{evaluation}", cancel_url=back,
                     form_kwargs={"evaluation": evaluation, "delegates": delegates}, service=cast,
                     success=lambda saved: back, submit_label="投票", done_message="已登记，评价内容不与投票人关联")
