import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def ooxml(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _memory_storage(settings):
    """Attachments go to Django's in-memory storage: nothing is left on disk by the tests."""
    settings.STORAGES = {**settings.STORAGES,
                         "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def upload():
    def make(name: str, content: bytes) -> SimpleUploadedFile:
        return SimpleUploadedFile(name, content)

    return make


def error_at(html: str, field: str) -> str:
    """The error text shown in one field's row of includes/form.html ('' when the row has none)."""
    match = re.search(rf'<div class="form-row has-error" data-field="{field}">(.*?)</ul>', html, re.DOTALL)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""
