"""Reading what the pages and exports of plans and ledger return."""

import io
import re
import zipfile

from python_calamine import CalamineWorkbook

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def ooxml(part: str) -> bytes:
    """A minimal Office Open XML zip holding `part` (word/document.xml or xl/workbook.xml)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


def error_at(html: str, field: str) -> str:
    """The error text shown in one field's row of includes/form.html ('' when the row has none)."""
    match = re.search(rf'<div class="form-row has-error" data-field="{field}">(.*?)</ul>', html, re.DOTALL)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


def sheet_rows(response) -> list[list]:
    """The first sheet of a streamed .xlsx download, as rows of values."""
    body = b"".join(response.streaming_content)
    return CalamineWorkbook.from_filelike(io.BytesIO(body)).get_sheet_by_index(0).to_python()
