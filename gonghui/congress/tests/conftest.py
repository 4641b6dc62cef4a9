import pytest


@pytest.fixture(autouse=True)
def _memory_storage(settings):
    """Documents go to Django's in-memory storage: nothing is left on disk by the tests."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
