"""Pages of the outreach app: the overview of its figures, and for each kind (kinds.py) its list, export,
new and edit forms and delete button, all built the same way."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from gonghui.core.figures import figure_get
from gonghui.core.pages import form_page, paginate, post_and_back
from gonghui.core.xlsx import xlsx_download
from gonghui.org.pages import overview
from gonghui.org.selectors import union_get

from . import selectors
from .kinds import KINDS, Kind, form_choices

FIGURES = tuple(key for kind in KINDS for key in kind.figures)


@login_required
def index_page(request):
    context = overview(request, [figure_get(key) for key in FIGURES])
    return render(request, "outreach/index.html", {**context, "kinds": KINDS, "series": selectors.series_delivered(
        user=request.user, union=context["union"], period=context["period"])})


def _rows(kind: Kind, records) -> list:
    return [(record, [column.read(record) for column in kind.columns]) for record in records]


def list_page(request, *, kind: Kind):
    filters, qs = kind.filters.listed(request, kind.select)
    page = paginate(request, qs)
    return render(request, "outreach/list.html", {
        "kind": kind, "form": filters.form, "page": page, "rows": _rows(kind, page)})


def export_page(request, *, kind: Kind):
    _, qs = kind.filters.listed(request, kind.select)
    headers = [("工会", 22), *((column.label, 16) for column in kind.columns)]
    rows = ([record.union.name, *(column.read(record) for column in kind.columns)]
            for record in qs.iterator(chunk_size=2000))
    return xlsx_download(filename=f"{kind.title}.xlsx", headers=headers, rows=rows)


def detail_page(request, pk: int, *, kind: Kind):
    record = kind.get(user=request.user, pk=pk)
    return render(request, "outreach/detail.html", {
        "kind": kind, "record": record, "fields": [(column.label, column.read(record)) for column in kind.columns]})


def _list_url(kind: Kind) -> str:
    return reverse(f"outreach:{kind.plural}")


def create_page(request, union_pk: int | None = None, *, kind: Kind):
    union = union_get(user=request.user, pk=union_pk) if kind.by_union else None
    title = f"登记{kind.noun}" + (f"：{union.name}" if union else "")
    return form_page(request, form_class=kind.form, title=title,
                     service=lambda data: kind.create(request.user, union, data),
                     success=lambda record: _list_url(kind), cancel_url=_list_url(kind),
                     form_kwargs=_form_kwargs(kind, request.user))


def edit_page(request, pk: int, *, kind: Kind):
    record = kind.get(user=request.user, pk=pk)
    return form_page(request, form_class=kind.form, title=f"编辑{kind.noun}：{record}",
                     service=lambda data: kind.update(request.user, record, data),
                     success=lambda saved: _list_url(kind), cancel_url=_list_url(kind),
                     initial={name: getattr(record, name) for name in kind.fields},
                     form_kwargs=_form_kwargs(kind, request.user))


def delete_page(request, pk: int, *, kind: Kind):
    record = kind.get(user=request.user, pk=pk)
    return post_and_back(request, lambda: kind.delete(request.user, record), back=_list_url(kind),
                         done=f"已删除{kind.noun}：{record}")


def _form_kwargs(kind: Kind, user) -> dict:
    choices = form_choices(kind, user)
    return {"choices": choices} if choices else {}


# Each kind's pages, for urls.py: (suffix, view, name) with the kind bound.
def kind_views(kind: Kind) -> list[tuple[str, object, str]]:
    def bound(view):
        return login_required(lambda request, **kwargs: view(request, kind=kind, **kwargs))

    new = "new/<int:union_pk>/" if kind.by_union else "new/"
    return [
        ("", bound(list_page), kind.plural),
        ("export.xlsx", bound(export_page), f"{kind.name}_export"),
        (new, bound(create_page), f"{kind.name}_create"),
        ("<int:pk>/", bound(detail_page), f"{kind.name}_detail"),
        ("<int:pk>/edit/", bound(edit_page), f"{kind.name}_edit"),
        ("<int:pk>/delete/", bound(delete_page), f"{kind.name}_delete"),
    ]
