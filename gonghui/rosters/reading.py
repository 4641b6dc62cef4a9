"""Opening what offices send: sniff the real type, refuse what must not be read, then yield rows.

The content decides the type, never the file name. Nothing here evaluates a
formula: calamine hands back the value Excel last computed.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

from django.conf import settings
from python_calamine import CalamineWorkbook, SheetTypeEnum

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# A VBA project inside an old .xls is a storage named _VBA_PROJECT_CUR (UTF-16 in the OLE2 directory).
XLS_VBA_MARK = "_VBA_PROJECT_CUR".encode("utf-16-le")
DIMENSION_RE = re.compile(rb'<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')
MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TEXT_SUFFIXES = (".csv", ".txt")
# A workbook's XML deflates some 5-20 times (a sheet of blank styled cells perhaps 100); a run of one
# byte deflates about 1,000 times. Small members are left alone: their ratio says nothing.
MAX_RATIO = 200
RATIO_FLOOR = 1 << 20
UNCOMPRESSED_CEILING = 1 << 30


class RosterRefused(ValueError):
    """A file Gonghui will not read, with the reason in Chinese."""


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: int | None  # None when the file does not say and the reader will count


def limits() -> tuple[int, int]:
    return settings.GONGHUI["ROSTER_MAX_BYTES"], settings.GONGHUI["ROSTER_MAX_ROWS"]


def uncompressed_limit() -> int:
    """How large an .xlsx may become once inflated: ROSTER_MAX_UNCOMPRESSED_BYTES, else 20 times the
    upload limit and never above 1 GB."""
    found = settings.GONGHUI.get("ROSTER_MAX_UNCOMPRESSED_BYTES")
    return found if found is not None else min(20 * limits()[0], UNCOMPRESSED_CEILING)


def check_inflation(zf: zipfile.ZipFile) -> None:
    """Refuse a zip bomb from its central directory, before calamine inflates it whole (in the request
    and again in the worker)."""
    members = zf.infolist()
    total = sum(m.file_size for m in members)
    if total > uncompressed_limit():
        raise RosterRefused(f"文件解压后为 {total / 1048576:,.0f} MB，超过上限 {uncompressed_limit() / 1048576:,.0f} MB，"
                            "请拆分后分批导入")
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise RosterRefused("文件内容的压缩比异常（可能是恶意构造的压缩包），不予导入；请在 Excel 中重新另存为 .xlsx 后再上传")


def check_size(size: int) -> None:
    max_bytes, _ = limits()
    if size > max_bytes:
        raise RosterRefused(f"文件大小 {size / 1048576:.1f} MB，超过上限 {max_bytes / 1048576:.0f} MB，请拆分后分批导入")


def sniff(data: bytes, *, name: str) -> str:
    """The real kind of a file ("xlsx", "xls" or "csv"), or RosterRefused."""
    check_size(len(data))
    if not data:
        raise RosterRefused("文件是空的")
    if data.startswith(ZIP_MAGIC):
        return _sniff_zip(data)
    if data.startswith(OLE2_MAGIC):
        if XLS_VBA_MARK in data:
            raise RosterRefused("该 .xls 文件含有宏，不予导入；请在 Excel 中另存为不含宏的 .xlsx 后再上传")
        return "xls"
    if b"\x00" not in data[:65536] and decode_text(data) is not None:
        if name.lower().endswith(TEXT_SUFFIXES):
            return "csv"
        raise RosterRefused(f"“{name}”的内容是纯文本，不是 Excel 表格；如是 CSV 文件，请使用 .csv 扩展名")
    raise RosterRefused(f"“{name}”不是电子表格（只接受 .xlsx、.xls 和 .csv），请检查文件")


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_inflation(zf)
            names = set(zf.namelist())
            content_types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except zipfile.BadZipFile:
        raise RosterRefused("文件已损坏，无法作为 Excel 表格打开") from None
    if "xl/vbaProject.bin" in names or b"macroEnabled" in content_types:
        raise RosterRefused("启用宏的工作簿（.xlsm）不予导入；请在 Excel 中另存为 .xlsx 后再上传")
    if "xl/workbook.xml" not in names:
        raise RosterRefused("这是一个压缩包或其他 Office 文档，不是 Excel 表格")
    return "xlsx"


def decode_text(data: bytes) -> str | None:
    """UTF-8 (with or without BOM) or, failing that, GB18030 — what Excel on Chinese Windows saves."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def list_sheets(data: bytes, kind: str) -> list[Sheet]:
    """Sheet names with their row counts where the file states them, read without reading any row."""
    if kind == "csv":
        return [Sheet("CSV", data.count(b"\n") + (0 if data.endswith(b"\n") else 1))]
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    names = [m.name for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    if kind == "xlsx":
        declared = _xlsx_dimensions(data)
        return [Sheet(n, declared.get(n)) for n in names]
    # An .xls sheet holds at most 65,536 rows; calamine sizes it without handing rows to Python.
    return [Sheet(n, _last_row(workbook.get_sheet_by_name(n))) for n in names]


def _last_row(sheet) -> int:
    """The number Excel shows on the sheet's last used row."""
    return sheet.end[0] + 1 if sheet.end else 0


def _xlsx_dimensions(data: bytes) -> dict[str, int]:
    """Rows per sheet from each worksheet's <dimension ref="A1:L1000001"/>, a few bytes into its XML."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        try:
            book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        except (KeyError, ElementTree.ParseError):
            return found
        targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{PKG_REL_NS}Relationship")}
        for sheet in book.iter(f"{MAIN_NS}sheet"):
            target = targets.get(sheet.get(f"{REL_NS}id"), "")
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            try:
                with zf.open(path) as fh:
                    match = DIMENSION_RE.search(fh.read(4096))
            except KeyError:
                continue
            if match:
                found[sheet.get("name")] = int(match.group(1) or 1)
    return found


def check_row_limit(sheet: Sheet) -> None:
    _, max_rows = limits()
    if sheet.rows is not None and sheet.rows > max_rows + 1:
        raise RosterRefused(f"工作表“{sheet.name}”有 {sheet.rows:,} 行，超过上限 {max_rows:,} 行，请拆分后分批导入")


def iter_rows(data: bytes, kind: str, sheet: str) -> Iterator[list]:
    """Every row of the sheet from the first, so index + 1 is the row number Excel shows."""
    _, max_rows = limits()
    rows = _csv_rows(data) if kind == "csv" else \
        CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(sheet).iter_rows()
    for index, row in enumerate(rows):
        if index > max_rows:
            raise RosterRefused(f"工作表“{sheet}”超过 {max_rows:,} 行的上限，请拆分后分批导入")
        yield row


def _csv_rows(data: bytes) -> Iterator[list]:
    text = decode_text(data)
    if text is None:
        raise RosterRefused("CSV 文件的编码无法识别（应为 UTF-8 或 GBK）")
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
