from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gonghui.core.files import private_file_response
from gonghui.core.forms import call_service
from gonghui.core.pages import form_page, paginate, report_outcome
from gonghui.core.services import require_writer
from gonghui.core.links import record_link
from gonghui.members.selectors import member_filter

from . import selectors, services
from .forms import ExportForm, MappingForm, SheetForm, StartForm, UploadForm


_detail = record_link("rosters:import_detail")


@login_required
def import_list_page(request):
    page = paginate(request, selectors.import_list(user=request.user))
    exports = selectors.export_list(user=request.user)[:10]
    return render(request, "rosters/index.html", {"page": page, "exports": exports})


@login_required
def import_create_page(request):
    return form_page(request, form_class=UploadForm, title="花名册导入：上传文件",
                     service=lambda d: services.roster_import_create(actor=request.user, upload=d["file"]),
                     success=_detail, cancel_url=reverse("rosters:index"), submit_label="上传并检查",
                     done_message="文件已收到；写入之前会先逐行检查")


def _import(request, pk: int):
    """The import as it stands; one whose job lost its process is settled first, so the page can go on."""
    return services.roster_import_settle(roster=selectors.import_get(user=request.user, pk=pk))


def _export(request, pk: int):
    return services.roster_export_settle(export=selectors.export_get(user=request.user, pk=pk))


@login_required
def import_detail_page(request, pk: int):
    roster = _import(request, pk)
    return render(request, "rosters/import_detail.html", {"roster": roster, "start_form": StartForm()})


def _progress_page(template: str, job_get, name: str):
    """Polled by htmx while a job runs; when it stops, the whole page reloads to show the next step."""

    @login_required
    def page(request, pk: int):
        job = job_get(request, pk)
        response = render(request, template, {name: job})
        if not job.is_running and request.headers.get("HX-Request"):
            response["HX-Refresh"] = "true"
        return response

    return page


import_progress_page = _progress_page("rosters/_import_progress.html", _import, "roster")


@login_required
def import_sheet_page(request, pk: int):
    roster = selectors.import_get(user=request.user, pk=pk)
    return form_page(request, form_class=SheetForm, title=f"选择工作表：{roster.original_name}",
                     service=lambda d: services.roster_import_choose_sheet(actor=request.user, roster=roster, **d),
                     success=_detail, cancel_url=_detail(roster), form_kwargs={"roster": roster},
                     submit_label="检查该工作表", done_message="正在检查（不会写入任何数据）")


@login_required
def import_mapping_page(request, pk: int):
    roster = selectors.import_get(user=request.user, pk=pk)
    return form_page(request, form_class=MappingForm, title=f"确认各列含义：{roster.original_name}",
                     service=lambda d: services.roster_import_map(actor=request.user, roster=roster, mapping=d),
                     success=_detail, cancel_url=_detail(roster), form_kwargs={"roster": roster},
                     submit_label="按此对应重新检查", done_message="正在按您指定的列检查（不会写入任何数据）")


@login_required
@require_POST
def import_start_page(request, pk: int):
    roster = selectors.import_get(user=request.user, pk=pk)
    require_writer(request.user)  # before the form's own message: a read-only account gets the 403 page
    form = StartForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择导入方式")
        return redirect(_detail(roster))
    report_outcome(request, lambda: services.roster_import_start(actor=request.user, roster=roster,
                                                                 **form.cleaned_data), done="已开始导入")
    return redirect(_detail(roster))


@login_required
@require_POST
def import_cancel_page(request, pk: int):
    roster = selectors.import_get(user=request.user, pk=pk)
    report_outcome(request, lambda: services.roster_import_cancel(actor=request.user, roster=roster),
                   done="已请求取消，正在停止")
    return redirect(_detail(roster))


def _job_file(file, record_download, *, filename: str):
    """A job's file (an import's error list, an export) once its download is logged; none yet is a 404."""
    if not file:
        raise Http404
    record_download()
    return private_file_response(file, filename=filename)


@login_required
def import_errors_page(request, pk: int):
    roster = selectors.import_get(user=request.user, pk=pk)
    return _job_file(roster.error_file,
                     lambda: services.error_file_download_record(actor=request.user, roster=roster),
                     filename=roster.original_name.rsplit(".", 1)[0] + "-错误清单.xlsx")


def _export_query(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@login_required
def export_create_page(request):
    """The member list's current filters arrive in the query string; the export writes exactly that list.

    Exporting is a read (auditors may do it too), so this page does not go through form_page.
    """
    filter_form = member_filter(user=request.user, params=request.GET).form
    query = _export_query(request)
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        export = call_service(form, lambda: services.roster_export_create(
            actor=request.user, query=query, fmt=form.cleaned_data["format"]))
        if export is not None:
            return redirect("rosters:export_detail", pk=export.pk)
    return render(request, "rosters/export.html", {
        "form": form, "filter_form": filter_form, "query": query,
        "list_url": reverse("members:list") + (f"?{query}" if query else ""),
    }, status=400 if request.method == "POST" else 200)


@login_required
def export_detail_page(request, pk: int):
    export = _export(request, pk)
    return render(request, "rosters/export_detail.html", {"export": export})


export_progress_page = _progress_page("rosters/_export_progress.html", _export, "export")


@login_required
def export_download_page(request, pk: int):
    export = selectors.export_get(user=request.user, pk=pk)
    return _job_file(export.file, lambda: services.export_download_record(actor=request.user, export=export),
                     filename=f"会员花名册-{export.pk}.{export.format}")


@login_required
@require_POST
def export_cancel_page(request, pk: int):
    export = selectors.export_get(user=request.user, pk=pk)
    report_outcome(request, lambda: services.roster_export_cancel(actor=request.user, export=export), done="已请求取消")
    return redirect("rosters:export_detail", pk=export.pk)
