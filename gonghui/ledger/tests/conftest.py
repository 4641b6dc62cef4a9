import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


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

