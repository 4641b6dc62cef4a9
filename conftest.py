import pytest

from gonghui.testing import build_cast


@pytest.fixture
def cast(db):
    return build_cast()


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings, request):
    # Argon2 is the production hasher; tests that check it ask for it by name.
    if "argon2" not in request.keywords:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _reports_read_the_primary(settings, request):
    # A test's rows are on the primary only (uncommitted, or not replicated yet): reports read them there,
    # except in the tests of the replica itself (marker `replica`).
    if "replica" not in request.keywords:
        settings.REPORTING_DATABASE = None


@pytest.fixture(autouse=True)
def _figures_counted_afresh(settings, request):
    # A test's writes are never committed, so no generation is bumped: figures are counted each time,
    # except in the figure cache's own tests (marker `figure_cache`), which commit on purpose.
    if "figure_cache" not in request.keywords:
        settings.GONGHUI = {**settings.GONGHUI, "FIGURE_CACHE_SECONDS": 0}


@pytest.fixture
def client_for(client):
    """A logged-in test client for one user of the cast."""

    def login(user):
        client.force_login(user)
        return client

    return login
