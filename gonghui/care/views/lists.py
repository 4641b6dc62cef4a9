"""A care list page and its .xlsx export, built from one selector, its list's filters and one table."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.shortcuts import render
from django.urls import reverse

from gonghui.core.pages import paginate
from gonghui.core.services import access_log_record
from gonghui.core.xlsx import xlsx_download
from gonghui.org.union_filter import UnionListFilters

from ..tables import Table, voucher_column


@dataclass(frozen=True)
class ListPage:
    title: str
    table: Table
    filters: type[UnionListFilters]
    select: Callable[..., QuerySet]
    export: str
    filename: str
    # Sensitive exports (hardship files, aid) are written to the access log.
    sensitive: bool = False
    create: tuple[tuple[str, str], ...] = ()
    # Money paid out: the page shows the voucher that paid each record (not the export: a page's worth is read).
    paid: bool = False

    def _rows(self, request) -> tuple[UnionListFilters, QuerySet]:
        """The filters of the page's query string and the rows they leave: the page and its export alike."""
        return self.filters.listed(request, self.select)

    def views(self):
        """The list page and its export, as the urls mount them."""
        return self.page_view(), self.export_view()

    def page_view(self):
        @login_required
        def view(request):
            filters, qs = self._rows(request)
            rows = paginate(request, qs)
            table = self.table.for_user(request.user)
            if self.paid:
                table = table.plus(voucher_column(request.user, rows.object_list))
            creates = [(label, reverse(name)) for label, name in self.create]
            return render(request, "care/list.html", {"spec": self, "table": table, "form": filters.form,
                                                      "page": rows, "cells": table.cells(rows), "creates": creates})
        return view

    def export_view(self):
        @login_required
        def view(request):
            _, qs = self._rows(request)
            if self.sensitive:
                access_log_record(user=request.user, obj=request.user.union, action="export_care_list",
                                  detail=self.title)
            table = self.table.for_user(request.user)
            rows = (table.values(obj) for obj in qs.iterator(chunk_size=2000))
            return xlsx_download(filename=self.filename, headers=table.headers, rows=rows)
        return view
