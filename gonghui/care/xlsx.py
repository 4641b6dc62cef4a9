"""The care lists as .xlsx, through the shared writer (gonghui.rosters.xlsx: constant memory, formulas neutralised).

Rows stream from `.iterator()` into a temporary file; the response sends that file, which is
unlinked at once so that nothing is left behind once the download ends.
"""

import os
import tempfile
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import FileResponse

from gonghui.rosters.xlsx import write_xlsx

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value):
    # Money stays a number the sheet can add up; yes/no reads in Chinese.
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return float(value)
    return value


def xlsx_response(*, filename: str, headers: Sequence[tuple[str, int]], rows: Iterable[Sequence]) -> FileResponse:
    """headers: (Chinese header, column width); rows: str, int, Decimal, date, bool or None per cell."""
    fd, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(fd)
    try:
        write_xlsx(path, [h for h, _ in headers], ([_cell(v) for v in row] for row in rows),
                   sheet_name=filename.removesuffix(".xlsx"), widths=[w for _, w in headers])
        handle = open(path, "rb")  # noqa: SIM115 - FileResponse closes it when the download ends
    finally:
        os.unlink(path)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
