"""What an attachment may be: documents and pictures, recognised by their first bytes as well as their name
(open affairs' postings, a congress's agenda documents)."""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class FileType:
    label: str
    mime: str
    magic: bytes
    part: str = ""  # an Office Open XML file is a zip; this part tells a document from a workbook


TYPES = {
    "pdf": FileType("PDF 文档", "application/pdf", b"%PDF-"),
    "docx": FileType("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     b"PK\x03\x04", "word/document.xml"),
    "xlsx": FileType("Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     b"PK\x03\x04", "xl/workbook.xml"),
    "jpg": FileType("JPEG 图片", "image/jpeg", b"\xff\xd8\xff"),
    "png": FileType("PNG 图片", "image/png", b"\x89PNG\r\n\x1a\n"),
}
SAME_AS = {"jpeg": "jpg"}


def _zip_holds(upload, part: str) -> bool:
    try:
        # Only the zip's directory is read, nothing is unpacked.
        with zipfile.ZipFile(upload) as archive:
            return part in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _is(upload, kind: FileType) -> bool:
    upload.seek(0)
    try:
        return upload.read(len(kind.magic)) == kind.magic and (not kind.part or _zip_holds(upload, kind.part))
    finally:
        upload.seek(0)


def upload_type(upload) -> str:
    """The upload's type (a key of TYPES), or a ValidationError at `file` saying what is wrong."""
    limit = settings.GONGHUI["ATTACHMENT_MAX_BYTES"]
    if upload is None or not upload.size:
        raise ValidationError({"file": "请选择要上传的文件（文件不能为空）"})
    if upload.size > limit:
        raise ValidationError({"file": f"文件过大，每个附件不能超过 {limit // 1048576} MB"})
    ext = PurePath(upload.name or "").suffix.lower().lstrip(".")
    ext = SAME_AS.get(ext, ext)
    if ext not in TYPES:
        raise ValidationError({"file": "只能上传文档或图片：" + "、".join(t.label for t in TYPES.values())})
    if not _is(upload, TYPES[ext]):
        raise ValidationError({"file": f"文件内容不是有效的{TYPES[ext].label}"})
    return ext
