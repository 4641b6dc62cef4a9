"""What an attachment may be: documents and pictures, recognised by their first bytes as well as their name
(open affairs' postings, finance's vouchers, a congress's agenda documents); the abstract record of one
stored file (`StoredFile`), how it is added and how it is served after the caller's access check."""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .files import private_file_response, random_file_name, stored_with
from .models import TenantModel, user_field
from .services import save_with_history


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


def stored_file_path(instance, filename: str) -> str:
    """`<app>/<tenant>/<random>.<ext>`: the app's own folder, nothing of the file's name."""
    return random_file_name(f"{instance._meta.app_label}/{instance.tenant_id}", filename)


class StoredFile(TenantModel):
    """A document or picture attached to a record (the subclass names the record), stored under a random name
    and served only through a view that checks access first (`stored_file_response`)."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="+", verbose_name=_("工会"))
    file = models.FileField(_("文件"), upload_to=stored_file_path, max_length=200)
    name = models.CharField(_("文件名"), max_length=200)
    file_type = models.CharField(_("类型"), max_length=8)
    size = models.PositiveIntegerField(_("大小（字节）"))
    uploaded_by = user_field(_("上传人"))
    uploaded_at = models.DateTimeField(_("上传时间"))

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return self.file_type in ("jpg", "png")


def stored_file_add(model: type[StoredFile], upload, *, actor, owner, **record) -> StoredFile:
    """The upload checked (`upload_type`), stored and saved with history as a `model` of `owner`'s union; the
    caller has checked the writer and the owner's reach. `record` names what it is attached to."""
    ext = upload_type(upload)
    stored = model(tenant_id=owner.tenant_id, union_id=owner.union_id, name=(upload.name or "")[-200:],
                   file_type=ext, size=upload.size, uploaded_by=actor, uploaded_at=timezone.now(), **record)
    stored_with(stored.file, f"upload.{ext}", upload, lambda: save_with_history(stored, actor=actor))
    return stored


def stored_file_response(stored: StoredFile):
    """The file itself, for a record the caller has read through a scoped selector: pictures shown, documents
    downloaded under their own name."""
    return private_file_response(stored.file, filename=stored.name, as_attachment=not stored.is_image,
                                 content_type=TYPES[stored.file_type].mime)
