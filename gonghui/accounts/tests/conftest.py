import pytest

from gonghui.accounts.testing import build_admins


@pytest.fixture
def admins(db):
    return build_admins()
