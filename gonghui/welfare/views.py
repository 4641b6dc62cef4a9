"""Pages of the welfare app: for each record type (kinds.KINDS) a list with filters, its Excel export, a record's
page, and forms to create, edit and delete; one view each, handed the record type by urls.py."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from gonghui.core.pages import form_page, paginate, post_and_back
from gonghui.core.xlsx import xlsx_download
from gonghui.org.selectors import union_get

from . import selectors
from .kinds import KINDS, Kind


def _detail_url(kind: Kind, record) -> str:
    return kind.url("detail", record.pk)


def _shown(value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "—" if value in (None, "") else str(value)


def _rows(request, kind: Kind):
    filters = kind.filters.from_page(request)
    return filters.form, selectors.welfare_list(user=request.user, model=kind.model, filters=filters.values)


def _cells(kind: Kind, record) -> list:
    return [column.read(record) for column in kind.columns]


@login_required
def list_page(request, *, kind: Kind):
    form, qs = _rows(request, kind)
    page = paginate(request, qs)
    return render(request, "welfare/list.html", {
        "kind": kind, "kinds": KINDS, "form": form, "page": page, "headers": [c.label for c in kind.columns],
        "list_url": kind.list_url, "export_url": kind.url("export"),
        "create_url": kind.url("create", request.user.union_id) if request.user.union_id else "",
        "rows": [(_detail_url(kind, record), [_shown(c) for c in _cells(kind, record)]) for record in page]})


@login_required
def export_page(request, *, kind: Kind):
    _, qs = _rows(request, kind)
    rows = (_cells(kind, record) for record in qs.iterator(chunk_size=2000))
    return xlsx_download(filename=f"{kind.title}.xlsx", sheet_name=kind.title,
                         headers=[(c.label, 16) for c in kind.columns], rows=rows)


@login_required
def detail_page(request, pk: int, *, kind: Kind):
    record = selectors.welfare_get(user=request.user, model=kind.model, pk=pk)
    return render(request, "welfare/detail.html", {
        "kind": kind, "kinds": KINDS, "record": record,
        "edit_url": kind.url("edit", pk), "delete_url": kind.url("delete", pk), "list_url": kind.list_url,
        "cells": [(c.label, _shown(value)) for c, value in zip(kind.columns, _cells(kind, record))]})


@login_required
def create_page(request, union_pk: int, *, kind: Kind):
    union = union_get(user=request.user, pk=union_pk)
    return form_page(request, form_class=kind.form, title=f"登记{kind.title}：{union.name}",
                     service=lambda data: kind.create(actor=request.user, union=union, **data),
                     success=lambda record: _detail_url(kind, record), cancel_url=kind.list_url,
                     form_kwargs={"user": request.user})


@login_required
def edit_page(request, pk: int, *, kind: Kind):
    record = selectors.welfare_get(user=request.user, model=kind.model, pk=pk)
    return form_page(request, form_class=kind.edit_form, title=f"修改{kind.title}",
                     service=lambda data: kind.change(record, actor=request.user, **data),
                     success=lambda record: _detail_url(kind, record), cancel_url=_detail_url(kind, record),
                     initial=kind.initial(record), form_kwargs={"user": request.user})


@login_required
@require_POST
def delete_page(request, pk: int, *, kind: Kind):
    record = selectors.welfare_get(user=request.user, model=kind.model, pk=pk)
    return post_and_back(request, lambda: kind.remove(record, actor=request.user), back=kind.list_url,
                         done="已删除")
