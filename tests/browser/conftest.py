"""Headless Chromium (Debian's package) driven by Playwright against Django's live server.

The `page` fixture checks every page the test visits with axe-core (tests/browser/accessibility.py).
"""

import os
import shutil
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

from gonghui.testing import PASSWORD

from .accessibility import AXE_JS, Accessibility, Checked

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Playwright's sync API runs an event loop in the test thread; the ORM calls
# the tests make around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class OneRequestAtATime(ThreadedWSGIServer):
    """The live server, answering one request at a time when its threads share the test's connection.

    On SQLite the test database lives in memory, so every server thread uses the test thread's one
    connection (Django's `connections_override`); a page that loads its parts at once (the dashboard's
    sections, htmx on load) would run their queries and transactions interleaved on it, which once hung
    a CI run for an hour. On PostgreSQL each thread has its own connection and requests stay concurrent.
    """

    def set_app(self, application):
        if not self.connections_override:
            return super().set_app(application)
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        return super().set_app(one_at_a_time)


LiveServerThread.server_class = OneRequestAtATime


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert AXE_JS.exists(), f"{AXE_JS} is missing: `make browser` installs it (npm ci)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    accessibility = Accessibility(page)
    yield Checked(page, accessibility)
    accessibility.check()  # the page the test ended on
    context.close()


@pytest.fixture
def login(page, live_server):
    def as_user(user):
        page.goto("/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.click("button[type=submit]")
        assert page.url == live_server.url + "/", page.url
        return page

    return as_user
