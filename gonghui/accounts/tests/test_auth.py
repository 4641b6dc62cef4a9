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

from gonghui.accounts.sessions import REFRESHED
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
    # The lock is on the user name: the same user from elsewhere is refused too, until it runs out or is cleared.
    other = client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD},
                        REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 429


def test_an_idle_session_expires(client, cast):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client.force_login(cast.officer)
    assert client.get(reverse("members:list")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("members:list"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_session_in_use_is_pushed_forward_at_most_once_a_minute(client, cast):
    client.force_login(cast.officer)
    assert client.get(reverse("members:list")).status_code == 200
    pushed = Session.objects.get().expire_date
    assert pushed > timezone.now() + timedelta(minutes=29)
    assert client.get(reverse("members:list")).status_code == 200
    assert Session.objects.get().expire_date == pushed  # within the minute: the row is not written again
    session = client.session
    session[REFRESHED] -= 60
    session.save()
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=5))
    assert client.get(reverse("members:list")).status_code == 200
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=29)


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


def _fail(client, username, address, **headers):
    return client.post(reverse("accounts:login"), {"username": username, "password": "wrong-password-123"},
                       REMOTE_ADDR=address, **headers)


def test_one_address_guessing_many_names_is_locked(client, cast):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _fail(client, f"guess{n}", "10.4.4.4").status_code == 200
    _fail(client, "guess-last", "10.4.4.4")
    # A real user with the right password, from that address, waits too; from elsewhere they come in.
    response = client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD},
                           REMOTE_ADDR="10.4.4.4")
    assert response.status_code == 429 and "锁定" in response.content.decode()
    assert login(client, "officer", PASSWORD).status_code == 302


def test_one_name_guessed_from_many_addresses_is_locked(client, cast):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _fail(client, "officer", f"10.5.0.{n}").status_code == 200
    _fail(client, "officer", "10.5.1.1")
    response = client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD},
                           REMOTE_ADDR="10.5.9.9")
    assert response.status_code == 429
    assert login(client, "sibling_officer", PASSWORD).status_code == 302


def test_a_known_account_does_not_wipe_its_addresses_count(client, cast):
    """Guessing between logins to one's own account still adds up for the address."""
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        _fail(client, f"guess{n}", "10.6.6.6")
        assert client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD},
                           REMOTE_ADDR="10.6.6.6").status_code == 302
        client.logout()
    _fail(client, "guess-last", "10.6.6.6")
    assert client.post(reverse("accounts:login"), {"username": "other_officer", "password": PASSWORD},
                       REMOTE_ADDR="10.6.6.6").status_code == 429


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(client, cast, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    # The proxy is always 10.0.0.1; each caller types its own X-Forwarded-For prefix, the proxy appends the truth.
    for n in range(settings.AXES_FAILURE_LIMIT):
        _fail(client, f"guess{n}", "10.0.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 203.0.113.7")
    locked = client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD},
                         REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert locked.status_code == 429
    # Another client behind the same proxy is not locked by the first one's guesses.
    other = client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD},
                        REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert other.status_code == 302


def test_a_password_like_the_user_name_is_refused_in_chinese(cast):
    with pytest.raises(ValidationError, match="密码跟 用户名 太相似了"):
        validate_password("officer12345", user=cast.officer)
