"""Production is secure by default: `check --deploy` finds nothing to warn about."""

from .conftest import manage, production_env


def test_check_deploy_has_no_warnings_in_production(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env(tmp_path))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_trusts_the_proxy_header_and_sends_hsts(tmp_path):
    code = ("from django.conf import settings as s; "
            "print(s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0, s.DEBUG)")
    result = manage("shell", "--no-imports", "-c", code, env=production_env(tmp_path))
    assert result.stdout.split() == ["('HTTP_X_FORWARDED_PROTO',", "'https')", "True", "True", "False"], result.stderr


def test_debug_is_off_unless_development_is_asked_for(tmp_path):
    code = "from django.conf import settings as s; print(s.DEBUG)"
    unset = production_env(tmp_path)
    for key in ("DJANGO_ENV", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"):
        unset.pop(key)
    assert manage("shell", "--no-imports", "-c", code, env=unset).stdout.strip() == "False"
    assert manage("shell", "--no-imports", "-c", code, env={**unset, "DJANGO_ENV": "development"}).stdout.strip() == "True"
