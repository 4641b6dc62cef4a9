"""Every page a browser test visits is checked with axe-core (npm's `axe-core`, installed by `make browser`)
against WCAG 2.0/2.1 A and AA, without the test asking for it.

`Checked` wraps the test's page (and each locator taken from it): every Playwright call first lets
`Accessibility` check what changed since the last check, a document load or an htmx swap. The check so
runs on a settled page, before the test acts on it again, and never races the test's own navigation.
"""

from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# Only what the report needs crosses back to Python.
AXE_RUN = """options => axe.run(document, options).then(result => result.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(" "))})))"""
# htmx swaps a part of the page in without a load event; the page tells the test through this binding.
SWAP_BINDING = "gonghuiPageSwapped"
SWAP_LISTENER = f"document.addEventListener('htmx:afterSettle', () => window.{SWAP_BINDING}())"
# Calls after which the document the test waited for has loaded: it is checked right there, so that
# a violation is reported at the line that opened the page.
LOADING_CALLS = {"goto", "reload", "go_back", "go_forward", "wait_for_url", "wait_for_load_state"}
# What Playwright says when the document under check went away because the test navigated on.
NAVIGATED_AWAY = ("Execution context was destroyed", "Cannot find context with specified id")
SHOWN_TARGETS = 8


class Accessibility:
    """Runs axe-core on the page once per change (a load or an htmx swap) and fails on any violation."""

    def __init__(self, page):
        self.page = page
        self.changes = 0  # loads and swaps seen
        self.checked = 0  # changes the last check covered
        self.loading = False  # a new document has been committed, its load event has not come yet
        page.on("framenavigated", self._committed)
        page.on("load", self._loaded)
        page.expose_binding(SWAP_BINDING, self._changed)
        page.add_init_script(SWAP_LISTENER)

    def _committed(self, frame):
        if frame == self.page.main_frame:
            self.loading = True

    def _loaded(self, _page):
        self.loading = False
        self._changed()

    def _changed(self, *_source):
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
        lines.extend(f"    {target}" for target in v["targets"][:SHOWN_TARGETS])
        if len(v["targets"]) > SHOWN_TARGETS:
            lines.append(f"    ... and {len(v['targets']) - SHOWN_TARGETS} more")
    return "\n".join(lines)


class Checked:
    """A Playwright page or locator whose every call first checks what changed on the page.

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
