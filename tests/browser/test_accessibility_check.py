"""The axe-core check that the `page` fixture runs: it fails on a violation, naming the rule, its impact,
the element and the page, after a load and after an htmx swap; an accessible page passes."""

import pytest

from .accessibility import Accessibility, Checked

pytestmark = pytest.mark.browser
ORIGIN = "http://a11y.test"  # served by the route below, never reached over the network
PAGE = """<!doctype html><html lang="zh-CN"><head><title>查询</title></head><body><main>
<h1>查询</h1><label for="q">姓名</label><input id="q" name="q">{extra}<div id="found"></div>
</main></body></html>"""
UNLABELLED = '<input name="phone">'


@pytest.fixture
def checked(browser):
    context = browser.new_context()
    page = context.new_page()

    def serve(route):
        body = PAGE.format(extra=UNLABELLED if "unlabelled" in route.request.url else "")
        route.fulfill(content_type="text/html; charset=utf-8", body=body)

    page.route(f"{ORIGIN}/**", serve)
    yield Checked(page, Accessibility(page))
    context.close()


def test_an_accessible_page_passes(checked):
    checked.goto(f"{ORIGIN}/fine")
    assert checked.locator("h1").inner_text() == "查询"


def test_a_violation_fails_the_navigation_that_showed_it(checked):
    with pytest.raises(AssertionError) as failure:
        checked.goto(f"{ORIGIN}/unlabelled")
    assert f"on {ORIGIN}/unlabelled" in str(failure.value)
    assert "- label (critical): Form elements must have labels" in str(failure.value)
    assert 'input[name="phone"]' in str(failure.value)


def test_a_violation_swapped_in_by_htmx_fails_the_next_call(checked):
    checked.goto(f"{ORIGIN}/fine")
    checked.evaluate(f"""() => {{
        document.querySelector('#found').innerHTML = '{UNLABELLED}';
        document.querySelector('#found').dispatchEvent(new Event('htmx:afterSettle', {{bubbles: true}}));
    }}""")
    with pytest.raises(AssertionError, match=r"label \(critical\)"):
        checked.locator("#found input").fill("13800000000")
