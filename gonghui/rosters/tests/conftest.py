from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def immediate_jobs(settings, tmp_path):
    """Jobs run at once in the test; files land in a throwaway media folder."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def fixture_file():
    def make(name: str, *, as_name: str | None = None) -> SimpleUploadedFile:
        return SimpleUploadedFile(as_name or name, (FIXTURES / name).read_bytes())

    return make
