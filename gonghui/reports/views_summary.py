"""The year-end summary's pages: pick a union and period, edit the draft, download it as .docx or PDF,
start next year's plan from its headings."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from gonghui.core.files import private_file_response
from gonghui.core.forms import call_service
from gonghui.core.pages import post_and_back, report_outcome
from gonghui.core.periods import Period, period_parse
from gonghui.core.services import require_writer
from gonghui.org.models import UnionLevel
from gonghui.org.selectors import union_get, union_list

from . import summary_selectors, summary_services
from .document import summary_docx
from .summary import Block, Rendered, summary_render
from .summary_forms import SummaryForm

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _period(request) -> tuple[Period | None, str]:
    """The period of `?period=` (this year by default), or the error to show at the picker's field."""
    code = request.GET.get("period") or str(timezone.localdate().year)
    try:
        return period_parse(code), ""
    except ValidationError as error:
        return None, error.messages[0]


def _union(request):
    return union_get(user=request.user, pk=request.GET.get("union") or request.user.union_id)


def _query(union, period: Period) -> str:
    return "?" + urlencode({"union": union.pk, **period.params})


def _picker_unions(user, union):
    """The federations the user sees, with the user's own union and the chosen one (a county has thousands of
    grassroots unions: they are chosen by link, `?union=`, not from a list)."""
    unions = union_list(user=user)
    return unions.exclude(level=UnionLevel.GRASSROOTS) | unions.filter(pk__in=[user.union_id, union.pk])


def _rendered(request, union, period: Period) -> tuple[Rendered, object]:
    summary, draft = summary_selectors.summary_get(user=request.user, union=union, period=period,
                                                   today=timezone.localdate())
    return summary_render(summary, user=request.user), draft


# Not @reporting: the page reads back the draft it has just saved, which a replica may not have yet.
@login_required
def summary_page(request):
    union = _union(request)
    period, period_error = _period(request)
    context = {"union": union, "period": period, "period_error": period_error,
               "period_code": request.GET.get("period") or str(timezone.localdate().year),
               "unions": _picker_unions(request.user, union)}
    if period is None:
        return render(request, "reports/summary.html", context, status=400)
    rendered, draft = _rendered(request, union, period)
    form = SummaryForm(request.POST or None, summary=rendered.summary, figures=rendered.values)
    if request.method == "POST":
        require_writer(request.user)
        if form.is_valid() and call_service(form, lambda: summary_services.summary_draft_save(
                actor=request.user, union=union, period=period, title=form.cleaned_data["title"],
                blocks=form.blocks(), edited=form.edited())):
            messages.success(request, "总结已保存")
            return redirect(reverse("reports:summary") + _query(union, period))
    context.update({"rendered": rendered, "draft": draft, "form": form, "query": _query(union, period),
                    "can_write": request.user.can_write, "preview": _preview(rendered),
                    "appendix": rendered.appendix(), "token_example": "{{figure:…}}"})
    return render(request, "reports/summary.html", context, status=400 if form.errors else 200)


def _preview(rendered: Rendered) -> list:
    """Each block with its number and its pieces; a figure's piece carries the link to its records."""
    return [(block, number, [(text, key, rendered.url(key) if key else "")
                             for text, key in rendered.pieces(block.text)])
            for block, number in rendered.numbered()]


def _file_name(union, period: Period, suffix: str) -> str:
    # The union's name and the period: nothing about a person.
    return f"{union.name}{period.label}工作总结.{suffix}"


def _download(content: bytes, *, content_type: str, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=file_name)
    return response


@login_required
def summary_docx_page(request):
    union = _union(request)
    period, error = _period(request)
    if period is None:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    rendered, _ = _rendered(request, union, period)
    return _download(summary_docx(rendered), content_type=DOCX, file_name=_file_name(union, period, "docx"))


@login_required
@require_POST
def summary_plan_page(request):
    """Start next year's plan from this summary's headings; on to the new plan, or back with the refusal."""
    union = _union(request)
    period, error = _period(request)
    back = reverse("reports:summary") + (_query(union, period) if period else "")
    if period is None:
        messages.error(request, error)
        return redirect(back)
    rendered, _ = _rendered(request, union, period)
    started = []
    report_outcome(request, lambda: started.append(summary_services.summary_plan_start(
        actor=request.user, union=union, period=period,
        blocks=[Block(b.level, rendered.plain(b.text), b.section) for b in rendered.summary.blocks])),
        done=f"已按本总结的标题新建{period.end.year + 1}年工作计划")
    return redirect(reverse("plans:detail", args=[started[0].pk]) if started else back)


def _summary_post(view):
    """A button under the summary: the union and period it names go to the view; an unreadable period is
    said as a message, back on the summary page."""

    @login_required
    @require_POST
    @wraps(view)
    def wrapper(request):
        union = _union(request)
        period, error = _period(request)
        if period is None:
            messages.error(request, error)
            return redirect(reverse("reports:summary"))
        return view(request, union, period)

    return wrapper


@_summary_post
def summary_reset_page(request, union, period: Period):
    """Start again from the figures: the saved text of this union and period is dropped."""
    draft = summary_selectors.summary_draft_get(user=request.user, union=union, period=period)
    if draft is None:
        raise Http404("没有已保存的稿件")
    return post_and_back(request, lambda: summary_services.summary_draft_delete(actor=request.user, draft=draft),
                         back=reverse("reports:summary") + _query(union, period), done="已按最新统计数据重新生成")


@_summary_post
def summary_pdf_page(request, union, period: Period):
    """Queue the PDF of the summary as the user sees it; on to the page that follows its conversion."""
    rendered, _ = _rendered(request, union, period)
    job = summary_services.summary_pdf_create(actor=request.user, union=union, title=rendered.summary.title,
                                              docx=summary_docx(rendered, for_libreoffice=True))
    return redirect("reports:summary_pdf_job", pk=job.pk)


@login_required
def summary_pdf_job_page(request, pk: int):
    """The conversion's progress; htmx asks again each second while it runs (the fragment alone)."""
    job = summary_selectors.summary_pdf_get(user=request.user, pk=pk)
    template = "reports/summary_pdf_status.html" if request.headers.get("HX-Request") else "reports/summary_pdf.html"
    return render(request, template, {"job": job})


@login_required
def summary_pdf_download_page(request, pk: int):
    job = summary_selectors.summary_pdf_get(user=request.user, pk=pk)
    if not job.pdf:
        raise Http404("PDF尚未生成")
    return private_file_response(job.pdf, filename=f"{job.title}.pdf", content_type="application/pdf")
