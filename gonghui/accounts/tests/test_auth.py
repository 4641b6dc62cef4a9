import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gonghui.testing import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password},
                       REMOTE_ADDR="10.1.2.3")


@pytest.mark.argon2
def test_passwords_are_hashed_with_argon2(cast):
    cast.officer.set_password("a-long-enough-password")
    assert cast.officer.password.startswith("argon2$")


def test_passwords_shorter_than_twelve_characters_are_refused():
    with pytest.raises(ValidationError, match="12"):
        validate_password("short-pw1")


def test_login_lands_on_the_home_page_of_the_users_union(client, cast):
    response = login(client, "officer", PASSWORD)
    assert response.status_code == 302
    assert cast.union_a1.name in client.get("/").content.decode()


def test_repeated_failures_lock_the_account_even_with_the_right_password(client, cast):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = login(client, "officer", "wrong-password-123")
        assert "用户名或密码不正确" in response.content.decode()
    login(client, "officer", "wrong-password-123")
    response = login(client, "officer", PASSWORD)
    assert response.status_code == 429
    assert "锁定" in response.content.decode()
    # The lock is keyed on user name and address: the same user from elsewhere may still log in.
    other = client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD},
                        REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


def test_an_idle_session_expires(client, cast):
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_SAVE_EVERY_REQUEST
    client.force_login(cast.officer)
    assert client.get(reverse("members:list")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("members:list"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_union_users_cannot_use_the_system_admin(client, cast):
    client.force_login(cast.county_admin)
    response = client.get("/sysadmin/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_pages_need_login(client, cast):
    response = client.get(reverse("members:detail", args=[cast.member_a1.pk]))
    assert response.status_code == 302


def _settings_in_subprocess(**env):
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup()"
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env
    return subprocess.run([sys.executable, "-c", code], env=full_env, capture_output=True, text=True,
                          cwd=settings.BASE_DIR)


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings_in_subprocess(DJANGO_ENV="production", DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr
    result = _settings_in_subprocess(DJANGO_ENV="production", DJANGO_ALLOWED_HOSTS="example.org",
                                     DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
