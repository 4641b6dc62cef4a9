"""View helpers: the pages that every app builds the same way."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import cached_property
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from .figure_cache import remembered_query
from .figures import Column
from .forms import call_service
from .periods import Period, period_from
from .services import require_writer
from .xlsx import xlsx_download

# The years a yearly page or API call may ask about; anything else is a typo, not a year of union work.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def year_from(request) -> int:
    """The ?year= of a yearly page; anything unreadable or outside FIRST_YEAR-LAST_YEAR means this year."""
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and FIRST_YEAR <= int(raw) <= LAST_YEAR else timezone.localdate().year


def period_asked(request) -> tuple[Period, str]:
    """The period a page's ?period= (or ?start=&end=) asks for, this year so far otherwise; and its error."""
    today = timezone.localdate()
    try:
        return period_from(request.GET, today=today), ""
    except ValidationError as error:
        return period_from({}, today=today), "；".join(error.messages)


def form_page(request, *, form_class, title: str, service: Callable[[dict], Any], success: Callable[[Any], str],
              cancel_url: str = "", initial: dict | None = None, form_kwargs: dict | None = None,
              submit_label: str = "保存", done_message: str = "已保存", union_writer: bool = True):
    """GET shows the form; POST checks its shape, calls one service, and lands errors at their fields.

    `union_writer=False` is for the administrators' pages (no union): the page has checked the duty.
    """
    if union_writer:
        require_writer(request.user)
    data = (request.POST, request.FILES) if request.method == "POST" else ()
    form = form_class(*data, initial=initial, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        result = call_service(form, lambda: service(form.cleaned_data))
        if result is not None:
            messages.success(request, done_message)
            return redirect(success(result))
    status = 400 if request.method == "POST" else 200
    return render(request, "includes/form_page.html",
                  {"form": form, "title": title, "cancel_url": cancel_url, "submit_label": submit_label},
                  status=status)


class CappedPaginator(Paginator):
    """Counting a million rows costs far more than showing twenty: past CAP the list says "more than".

    Nobody pages through ten thousand members; they search or filter. Exact totals
    are on the coverage and statistics pages, which count on purpose.
    """

    CAP = 10_000

    @cached_property
    def count(self) -> int:
        capped = self.object_list.order_by()[: self.CAP + 1]
        return remembered_query(capped, capped.count)

    @property
    def capped(self) -> bool:
        return self.count > self.CAP


def paginate(request, qs, *, per_page: int = 20):
    return CappedPaginator(qs, per_page).get_page(request.GET.get("page"))


def render_list(request, filters_class, select, template: str, **context):
    """A list's page: its filters read from the query string (as its export reads them), a page of the rows
    its selector leaves for them (`form` and `page`), and what else the template is given."""
    filters, qs = filters_class.listed(request, select)
    return render(request, template, {"form": filters.form, "page": paginate(request, qs), **context})


def columns(*pairs) -> tuple[Column, ...]:
    """A list's columns from (heading, attribute path or function of the record) pairs."""
    return tuple(Column(label, value) for label, value in pairs)


def export_cell(value):
    """A cell of a list's export: a date as 2025-03-31, not a spreadsheet serial number; nothing as empty."""
    return value.isoformat() if hasattr(value, "isoformat") else ("" if value is None else value)


def list_download(request, filters_class, select, *, filename: str, columns: tuple[Column, ...],
                  cell: Callable[[Any], Any] = export_cell):
    """A list's .xlsx export: every row its page lists for the same query string, a column each."""
    records = filters_class.listed(request, select)[1].iterator(chunk_size=2000)
    return xlsx_download(filename=filename, headers=[(column.label, 18) for column in columns],
                         rows=([cell(column.read(record)) for column in columns] for record in records))


def record_page(get: Callable[..., Any], template: str, record: str, context: Callable[..., dict] | None = None):
    """A record's page: the record `get(user=, pk=)` finds (a 404 alike for missing and not-yours) under the
    name `record`, and `context(request, record)`, what else its template shows."""

    @login_required
    def page(request, pk: int):
        found = get(user=request.user, pk=pk)
        return render(request, template, {record: found, **(context(request, found) if context else {})})

    return page


def report_outcome(request, action: Callable[[], object], *, done: str, union_writer: bool = True) -> None:
    """A one-button write: run it and say how it went; a refusal from the service is a message, not a page.

    A read-only account is refused first (403), whatever the view checks before calling this;
    `union_writer=False` as in form_page, for the administrators' pages.
    """
    if union_writer:
        require_writer(request.user)
    try:
        action()
        messages.success(request, done)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))


def post_and_back(request, action: Callable[[], object], *, back: str, done: str, union_writer: bool = True):
    """report_outcome, then back to the page the button was on.

    "Not allowed" (a read-only account, a missing grant) is the 403 page, as a form's is, never a redirect
    that looks like the button worked.
    """
    report_outcome(request, action, done=done, union_writer=union_writer)
    return redirect(back)


def button_page(*, select: Callable, service: Callable, record: str, back: Callable[[Any], str],
                done: str | Callable[[Any], str]):
    """The page behind a one-button write on a record's page (a POST only): the record read through its scoped
    selector (404 when not the user's), one service called with it as `record`, the outcome reported, back.

    `done` is the message, or a callable of the record for one that names it; `back(record)` is worked out
    before the service runs (a deleted record has nowhere of its own to go back to)."""

    @login_required
    @require_POST
    def page(request, pk: int):
        target = select(user=request.user, pk=pk)
        message = done(target) if callable(done) else done
        return post_and_back(request, lambda: service(actor=request.user, **{record: target}), back=back(target),
                             done=message)

    return page


def delete_page(get: Callable[..., Any], delete: Callable[..., Any], record: str, *, back: Callable[[Any], str],
                done: str = "已删除"):
    """The view behind a record's delete button: `delete(actor=…, <record>=…)` on the record `get` finds."""
    return button_page(select=get, service=delete, record=record, back=back, done=done)


def record_form_view(get: Callable[..., Any], save: Callable[..., Any], record: str, *, form_class,
                     title: Callable[[Any], str], back: Callable[[Any], str],
                     success: Callable[[Any], str] | None = None, initial: Callable[..., dict] | None = None,
                     form_kwargs: Callable[..., dict] | None = None, decorator=login_required, key: str = "pk",
                     **options):
    """The view of a form about one record found by the URL's `key`: editing it, or adding something to it.

    The record is `get(user=, pk=)` (a 404 alike for missing and not-yours); the form's data goes to
    `save(actor=…, <record>=…, **data)`. Cancel leads to `back(record)`, and so does saving unless
    `success(saved)` says where. `initial` and `form_kwargs` are functions of (request, record); the rest
    (`submit_label`, `done_message`) is form_page's.
    """

    def page(request, **url):
        found = get(user=request.user, pk=url[key])
        return form_page(request, form_class=form_class, title=title(found),
                         service=lambda d: save(actor=request.user, **{record: found}, **d),
                         success=success or (lambda _: back(found)), cancel_url=back(found),
                         initial=initial(request, found) if initial else None,
                         form_kwargs=form_kwargs(request, found) if form_kwargs else None, **options)

    return decorator(page)


def new_record_view(save: Callable[..., Any], *, form_class, title: str, back: str,
                    success: Callable[[Any], str] | None = None, initial: Callable[..., dict] | None = None,
                    form_kwargs: Callable[..., dict] | None = None, **options):
    """The view of a form that makes a record with no parent in the URL: `save(actor=…, **data)`.

    Cancel leads to the URL named `back`, and so does saving unless `success(saved)` says where;
    `initial` and `form_kwargs` are functions of the request, as in record_form_view.
    """

    @login_required
    def page(request):
        return form_page(request, form_class=form_class, title=title, service=lambda d: save(actor=request.user, **d),
                         success=success or (lambda _: reverse(back)), cancel_url=reverse(back),
                         initial=initial(request) if initial else None,
                         form_kwargs=form_kwargs(request) if form_kwargs else None, **options)

    return page


def own_union_form_view(save: Callable[..., Any], *, form_class, title: str, back: str,
                         success: Callable[[Any], str] | None = None, initial: Callable[..., dict] | None = None,
                         form_kwargs: Callable[..., dict] | None = None, **options):
    """new_record_view for a record of the user's own union: `save(actor=…, union=…, **data)`, the title
    naming the union (`新增班组：某某工会`); `initial` and `form_kwargs` are functions of the request."""

    @login_required
    def page(request):
        union = request.user.union
        return form_page(request, form_class=form_class, title=f"{title}：{union.name}",
                         service=lambda d: save(actor=request.user, union=union, **d),
                         success=success or (lambda _: reverse(back)), cancel_url=reverse(back),
                         initial=initial(request) if initial else None,
                         form_kwargs=form_kwargs(request) if form_kwargs else None, **options)

    return page


def today_as(*fields: str) -> Callable[..., dict]:
    """A form view's `initial` for a form whose date fields start at today."""
    return lambda *_: dict.fromkeys(fields, timezone.localdate())


def this_year_as(*fields: str) -> Callable[..., dict]:
    """A form view's `initial` for a form whose year fields start at this year."""
    return lambda *_: dict.fromkeys(fields, timezone.localdate().year)


def the_user(request, *_) -> dict:
    """A form view's `form_kwargs` for a form whose choices are what the user sees."""
    return {"user": request.user}


def fields_of(fields) -> Callable[..., dict]:
    """record_form_view's `initial` for an edit form: the record's own values of `fields`."""
    return lambda request, record: {f: getattr(record, f) for f in fields}
