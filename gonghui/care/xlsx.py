"""A small .xlsx writer for the care lists (gonghui/rosters/ had no shared writer when this was written).

XlsxWriter in constant_memory mode writes each row as it arrives, so a list
streamed from `.iterator()` never sits in memory; the finished workbook is a
temporary file handed to the response.
"""

import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

import xlsxwriter
from django.http import FileResponse

# A cell beginning with one of these would run as a formula in Excel or WPS.
FORMULA_STARTS = ("=", "+", "-", "@")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def xlsx_response(*, filename: str, headers: Sequence[tuple[str, int]], rows: Iterable[Sequence]) -> FileResponse:
    """headers: (Chinese header, column width); rows: str, int, Decimal, date, bool or None per cell."""
    handle = tempfile.TemporaryFile()
    book = xlsxwriter.Workbook(handle, {"constant_memory": True})
    sheet = book.add_worksheet()
    bold = book.add_format({"bold": True})
    formats = {date: book.add_format({"num_format": "yyyy-mm-dd"}), Decimal: book.add_format({"num_format": "0.00"})}
    for col, (header, width) in enumerate(headers):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, header, bold)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            _write(sheet, r, col, value, formats)
    book.close()
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def _write(sheet, row: int, col: int, value, formats: dict) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否")
    elif isinstance(value, Decimal):
        sheet.write_number(row, col, float(value), formats[Decimal])
    elif isinstance(value, int):
        sheet.write_number(row, col, value)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, value, formats[date])
    else:
        sheet.write_string(row, col, neutralise(str(value)))
