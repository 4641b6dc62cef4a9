"""A small .xlsx writer for the rights lists (no shared writer existed in gonghui/rosters/ when this was written).

XlsxWriter in constant_memory mode writes each row as it comes, so a list streamed from
`.iterator()` never sits in memory; the finished file is a temporary file sent as it is.
"""

import tempfile
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import xlsxwriter
from django.http import FileResponse

FORMULA_STARTS = ("=", "+", "-", "@")


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is kept as text with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_response(*, filename: str, sheet: str, columns: list[tuple[str, int]], rows: Iterable[list]) -> FileResponse:
    """columns: (Chinese header, width); rows: lists of str, int, Decimal, date or None."""
    handle = tempfile.TemporaryFile()
    book = xlsxwriter.Workbook(handle, {"constant_memory": True})
    writers = _writers(book)
    ws = book.add_worksheet(sheet)
    bold = book.add_format({"bold": True})
    for col, (header, width) in enumerate(columns):
        ws.set_column(col, col, width)
        ws.write_string(0, col, header, bold)
    for row_number, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            writers.get(type(value), _write_text)(ws, row_number, col, value)
    book.close()
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename,
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _write_text(ws, row: int, col: int, value: Any) -> None:
    if value is None or value == "":
        return
    ws.write_string(row, col, safe_cell(str(value)))


def _writers(book) -> dict[type, Callable]:
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    money_format = book.add_format({"num_format": "#,##0.00"})
    return {
        int: lambda ws, r, c, v: ws.write_number(r, c, v),
        Decimal: lambda ws, r, c, v: ws.write_number(r, c, float(v), money_format),
        date: lambda ws, r, c, v: ws.write_datetime(r, c, v, date_format),
        bool: lambda ws, r, c, v: ws.write_string(r, c, "是" if v else "否"),
    }
