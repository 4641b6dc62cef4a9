"""Writing spreadsheets the office opens safely: streamed .xlsx rows and formula-injection neutralising.

`xlsx_download` is what a list page's export returns; `write_xlsx` writes a file (rosters, jobs).
"""

import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

import xlsxwriter
from django.http import FileResponse

from gonghui.core.routers import reporting

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A cell starting with one of these is run as a formula by Excel or WPS when edited or opened from CSV.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def neutralise(text: str) -> str:
    """'=HYPERLINK(…)' becomes "'=HYPERLINK(…)": shown as typed, never evaluated."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_xlsx(path: str, headers: Sequence[str], rows: Iterable[Sequence], *, sheet_name: str = "Sheet1",
               widths: Sequence[float] = (), fast: bool = False) -> int:
    """Rows to an .xlsx file in constant memory (each row goes to disk as written); returns the row count.

    Text is neutralised, dates get a date format, numbers stay numbers. XlsxWriter writes about
    70,000 cells a second; `fast=True` hands the same rows to rustpy-xlsxwriter (rust_xlsxwriter,
    also constant memory), several times faster, for exports of hundreds of thousands of rows.
    The headers must then be distinct, as they become the keys of each row.
    """
    if fast:
        return _write_fast(path, headers, rows, sheet_name=sheet_name, widths=widths)
    return write_xlsx_sheets(path, [(sheet_name, headers, rows, widths)])


Sheet = tuple[str, Sequence[str], Iterable[Sequence], Sequence[float]]  # name, headers, rows, widths


def write_xlsx_sheets(path: str, sheets: Iterable[Sheet]) -> int:
    """Several sheets, each (name, headers, rows, widths) written as `write_xlsx` writes one, in one workbook;
    returns the row count of them all. Each sheet is written to the end before the next is begun (constant
    memory)."""
    workbook = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_numbers": False,
                                         "strings_to_formulas": False, "strings_to_urls": False})
    try:
        formats = {"bold": workbook.add_format({"bold": True, "bg_color": "#F2F2F2"}),
                   "date": workbook.add_format({"num_format": DATE_FORMAT}),
                   "datetime": workbook.add_format({"num_format": DATETIME_FORMAT})}
        return sum(_write_sheet(workbook.add_worksheet(name[:31]), formats, headers, rows, widths)
                   for name, headers, rows, widths in sheets)
    finally:
        workbook.close()


def _write_sheet(sheet, formats: dict, headers: Sequence[str], rows: Iterable[Sequence],
                 widths: Sequence[float]) -> int:
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    for col, header in enumerate(headers):
        sheet.write_string(0, col, str(header), formats["bold"])
    sheet.freeze_panes(1, 0)
    count = 0
    for count, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                sheet.write_string(count, col, neutralise(value))
            elif isinstance(value, datetime):
                sheet.write_datetime(count, col, value.replace(tzinfo=None), formats["datetime"])
            elif isinstance(value, date):
                sheet.write_datetime(count, col, value, formats["date"])
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(count, col, value)
            else:
                sheet.write_string(count, col, neutralise(str(value)))
    return count


def _write_fast(path: str, headers: Sequence[str], rows: Iterable[Sequence], *, sheet_name: str,
                widths: Sequence[float]) -> int:
    import rustpy_xlsxwriter

    if len(set(headers)) != len(headers):
        raise ValueError("write_xlsx(fast=True) needs distinct headers")
    count = 0

    def records():
        nonlocal count
        for count, row in enumerate(rows, start=1):  # noqa: B007 - the count is read after the writer is done
            yield {h: (neutralise(v) if isinstance(v, str) else v) for h, v in zip(headers, row)}

    rustpy_xlsxwriter.write_worksheet(records(), path, sheet_name=sheet_name[:31], bold_headers=True, freeze_row=1,
                                      column_widths=list(widths) or None, datetime_format=DATE_FORMAT)
    return count


def _cell(value):
    # Money stays a number the sheet can add up; yes/no reads in Chinese.
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return float(value)
    return value


@reporting
def xlsx_download(*, filename: str, headers: Sequence[str | tuple[str, float]], rows: Iterable[Sequence],
                  sheet_name: str = "") -> FileResponse:
    """A list as an .xlsx download; a header may carry its column width as (header, width)."""
    name = sheet_name or filename.removesuffix(".xlsx")
    return xlsx_book_download(filename=filename, sheets=[(name, headers, rows)])


def xlsx_book_download(*, filename: str, sheets: Iterable[tuple[str, Sequence[str | tuple[str, float]],
                                                              Iterable[Sequence]]]) -> FileResponse:
    """Sheets, each (name, headers, rows) as `xlsx_download` takes one, as one .xlsx download.

    Rows go to a temporary file in constant memory; its name is unlinked at once and the open
    handle keeps the data until the response has been sent.
    """
    def sheet(name, headers, rows):
        names = [h[0] if isinstance(h, tuple) else h for h in headers]
        widths = [h[1] if isinstance(h, tuple) else 12 for h in headers]
        return name, names, ([_cell(v) for v in row] for row in rows), widths

    fd, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(fd)
    try:
        write_xlsx_sheets(path, (sheet(*one) for one in sheets))
        handle = open(path, "rb")  # noqa: SIM115 - FileResponse closes it when the download ends
    finally:
        os.unlink(path)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
