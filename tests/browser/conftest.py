"""Headless Chromium (Debian's package) driven by Playwright against Django's live server.

Every page a test visits is checked with axe-core (npm's `axe-core`, installed by `make browser`) against
WCAG 2.0/2.1 A and AA, without the test asking for it: the `page` fixture hands out a `CheckedPage`,
which notes each document load and each htmx swap and checks the page before the test next touches it
(and once more at the end of the test), so the check sees a settled page and never races the test's
own navigation.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator

from gonghui.testing import PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# Only what the report needs crosses back to Python.
AXE_RUN = """options => axe.run(document, options).then(result => result.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(" "))})))"""
# htmx swaps a part of the page in without a load event; the page tells the test through this binding.
SWAP_BINDING = "gonghuiPageSwapped"
SWAP_LISTENER = f"document.addEventListener('htmx:afterSettle', () => window.{SWAP_BINDING}())"
# Calls after which the document the test waited for has loaded: check it there, so that a violation
# is reported at the line that opened the page.
LOADING_CALLS = {"goto", "reload", "go_back", "go_forward", "wait_for_url", "wait_for_load_state"}
# What Playwright says when the document under check went away because the test navigated on.
NAVIGATED_AWAY = ("Execution context was destroyed", "Cannot find context with specified id")
# Playwright's sync API runs an event loop in the test thread; the ORM calls
# the tests make around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class Accessibility:
    """Runs axe-core on the page once per change (a load or an htmx swap) and fails on any violation."""

    def __init__(self, page):
        self.page = page
        self.changes = 0  # loads and swaps seen
        self.checked = 0  # changes the last check covered
        self.loading = False  # a new document has been committed, its load event has not come yet
        page.on("framenavigated", self._committed)
        page.on("load", self._loaded)

    def _committed(self, frame):
        if frame == self.page.main_frame:
            self.loading = True

    def _loaded(self, _page):
        self.loading = False
        self.changed()

    def changed(self, *_source):
        self.changes += 1

    def check(self):
        if self.loading:
            self.page.wait_for_load_state("load")
            self.loading = False
        if self.changes == self.checked:
            return
        seen = self.changes
        if self.page.url == "about:blank":  # the new tab before the first goto: not a page of ours
            self.checked = seen
            return
        try:
            violations = self._run()
        except PlaywrightError as error:
            if not any(gone in error.message for gone in NAVIGATED_AWAY):
                raise
            return  # the test navigated on meanwhile: the next document's load asks for its own check
        self.checked = seen
        if violations:
            raise AssertionError(report(self.page.url, violations))

    def _run(self):
        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            self.page.add_script_tag(path=str(AXE_JS))
        return self.page.evaluate(AXE_RUN, AXE_OPTIONS)


def report(url, violations):
    lines = [f"axe-core: {len(violations)} accessibility violation(s) (WCAG 2 A/AA) on {url}"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {target}" for target in v["targets"][:8])
        if len(v["targets"]) > 8:
            lines.append(f"    ... and {len(v['targets']) - 8} more")
    return "\n".join(lines)


class Checked:
    """A Playwright object whose every call first checks what changed on the page since the last check.

    It passes for the object it wraps (isinstance, `expect(...)`, as an argument to Playwright calls).
    """

    def __init__(self, target, accessibility):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_accessibility", accessibility)

    @property
    def __class__(self):
        return type(self._target)

    def __getattr__(self, name):
        if name.startswith("_"):
            return getattr(self._target, name)
        self._accessibility.check()
        value = getattr(self._target, name)
        if not callable(value):
            return self._wrap(value)

        def call(*args, **kwargs):
            result = self._wrap(value(*args, **kwargs))
            if name in LOADING_CALLS:
                self._accessibility.check()
            return result

        return call

    def __setattr__(self, name, value):
        setattr(self._target, name, value)

    def __repr__(self):
        return f"Checked({self._target!r})"

    def _wrap(self, value):
        return Checked(value, self._accessibility) if isinstance(value, Locator) else value


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
    page.expose_binding(SWAP_BINDING, accessibility.changed)
    page.add_init_script(SWAP_LISTENER)
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
