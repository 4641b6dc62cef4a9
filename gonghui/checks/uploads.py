"""Evidence files: documents and pictures, told by their first bytes (a renamed program is refused)."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError

# ext -> (what the screen calls it, MIME type, leading bytes); docx and xlsx are zips.
EVIDENCE_TYPES = {
    "pdf": ("PDF", "application/pdf", b"%PDF-"),
    "jpg": ("JPEG 图片", "image/jpeg", b"\xff\xd8\xff"),
    "png": ("PNG 图片", "image/png", b"\x89PNG"),
    "docx": ("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    "xlsx": ("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
}


def evidence_type(upload) -> str:
    if upload is None or not upload.size:
        raise ValidationError({"file": "请选择要上传的文件（文件不能为空）"})
    if upload.size > settings.GONGHUI["ATTACHMENT_MAX_BYTES"]:
        raise ValidationError({"file": "文件过大"})
    ext = PurePath(upload.name or "").suffix.lower().lstrip(".").replace("jpeg", "jpg")
    if ext not in EVIDENCE_TYPES:
        raise ValidationError({"file": "佐证材料只能是 PDF、Word、Excel 文档或 JPEG、PNG 图片"})
    label, _, magic = EVIDENCE_TYPES[ext]
    upload.seek(0)
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic:
        raise ValidationError({"file": f"文件内容不是有效的{label}文件"})
    return ext
