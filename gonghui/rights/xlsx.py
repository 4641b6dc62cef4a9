"""The rights lists as .xlsx downloads, written by the shared writer of gonghui/rosters/xlsx.py.

That writer streams rows in constant memory and neutralises text that would run as a formula;
this module only turns the values it does not know (Decimal, bool) into cells and sends the file.
"""

import os
import tempfile
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.http import FileResponse

from gonghui.rosters.xlsx import write_xlsx

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return float(value)
    return value


def xlsx_response(*, filename: str, sheet: str, columns: list[tuple[str, int]], rows: Iterable[list]) -> FileResponse:
    """columns: (Chinese header, width); rows: lists of str, int, Decimal, bool, date or None."""
    fd, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(fd)
    try:
        write_xlsx(path, [header for header, _ in columns], ([_cell(v) for v in row] for row in rows),
                   sheet_name=sheet, widths=[width for _, width in columns])
        handle = open(path, "rb")
    finally:
        # The open handle keeps the file readable; the name goes now, the data when the response closes.
        os.unlink(path)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
