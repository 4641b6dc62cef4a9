"""What an aid application may carry: photos of documents or PDFs, recognised by their first bytes (a renamed
file of another kind is refused whatever its name says)."""

from django.conf import settings
from django.core.exceptions import ValidationError

MAGIC = {"jpg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}
MIME = {"jpg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}
NOT_ALLOWED = "只能上传照片（JPG、PNG）或 PDF 文件"


def upload_type(upload) -> str:
    limit = settings.GONGHUI["ATTACHMENT_MAX_BYTES"]
    if not upload.size:
        raise ValidationError("文件是空的")
    if upload.size > limit:
        raise ValidationError(f"文件过大，不能超过 {limit // 1048576} MB")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    for kind, magic in MAGIC.items():
        if head.startswith(magic):
            return kind
    raise ValidationError(NOT_ALLOWED)
