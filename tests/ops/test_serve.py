"""The production server: gunicorn with whitenoise, as `make serve` starts it."""

import http.client
import re
import socket
import subprocess
import sys
import time

import pytest

from .conftest import ROOT, manage, production_env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, **headers) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Host": "gonghui.example.org", **headers})
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


@pytest.fixture
def gunicorn(tmp_path):
    # Production's storage also writes .gz/.br copies: a minute of CPU that tests whitenoise, not us.
    env = production_env(tmp_path, GUNICORN_WORKERS="1",
                         DJANGO_STATICFILES_STORAGE="django.contrib.staticfiles.storage.ManifestStaticFilesStorage")
    collected = manage("collectstatic", "--noinput", "-v", "0", env=env)
    assert collected.returncode == 0, collected.stderr
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py",
                               "--bind", f"127.0.0.1:{port}", "config.wsgi"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            if server.poll() is not None:
                pytest.fail(f"gunicorn stopped: {server.stderr.read().decode()}")
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_gunicorn_serves_the_login_page_over_the_proxy_and_static_files_through_whitenoise(gunicorn):
    plain = _get(gunicorn, "/accounts/login/")
    assert plain.status == 301 and plain.getheader("Location") == "https://gonghui.example.org/accounts/login/"
    login = _get(gunicorn, "/accounts/login/", **{"X-Forwarded-Proto": "https"})
    assert login.status == 200 and "登录" in login.body.decode()
    assert "max-age=31536000" in login.getheader("Strict-Transport-Security")
    stylesheet = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', login.body.decode()).group(1)
    css = _get(gunicorn, stylesheet, **{"X-Forwarded-Proto": "https"})
    assert css.status == 200 and "immutable" in css.getheader("Cache-Control") and css.body
