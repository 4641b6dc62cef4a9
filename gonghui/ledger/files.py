"""What an uploaded attachment really is, by its first bytes, not by its name."""

import zipfile
from pathlib import PurePath

ALLOWED = {
    "jpg": "JPEG 图片",
    "png": "PNG 图片",
    "pdf": "PDF 文档",
    "docx": "Word 文档（docx）",
    "xlsx": "Excel 表格（xlsx）",
}
ALIASES = {"jpeg": "jpg"}
CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# An Office Open XML file is a zip holding this part; the part tells a document from a workbook.
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def extension_of(name: str) -> str:
    ext = PurePath(name or "").suffix.lower().lstrip(".")
    return ALIASES.get(ext, ext)


def _ooxml_part(upload, part: str) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            # Only the directory is read: nothing is decompressed, so a zip bomb costs nothing here.
            return part in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def content_matches(upload, ext: str) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if ext == "jpg":
        return head[:3] == b"\xff\xd8\xff"
    if ext == "png":
        return head == b"\x89PNG\r\n\x1a\n"
    if ext == "pdf":
        return head[:5] == b"%PDF-"
    if ext in OOXML_PARTS:
        return head[:4] == b"PK\x03\x04" and _ooxml_part(upload, OOXML_PARTS[ext])
    return False
