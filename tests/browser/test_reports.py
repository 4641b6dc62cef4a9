"""A county officer opens the dashboard, clicks a figure and lands on the list behind it, showing the same number."""

from datetime import date

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_figure_on_the_dashboard_leads_to_its_list_with_the_same_number(page, login, cast, live_server):
    for union, day in ((cast.union_a1, date(2025, 3, 1)), (cast.union_a2, date(2025, 6, 1)),
                       (cast.union_b1, date(2024, 4, 1))):
        union.founded_on = day
        union.save(update_fields=["founded_on"])
    login(cast.county_admin)
    page.get_by_role("link", name="统计看板").click()
    page.wait_for_url("**/reports/")
    page.fill("input[name=year]", "2025")
    page.select_option("select[name=span]", "year")
    with page.expect_navigation():
        page.click("main form.filters button[type=submit]")
    tile = page.locator('.tile[data-key="org.unions_founded"]')
    assert tile.locator(".tile-value").inner_text() == "2"
    assert "上年同期 1" in tile.inner_text()
    assert page.locator('.ranking[data-key="org.unions_founded"] tbody tr').first.inner_text().startswith("1")
    with page.expect_navigation():
        tile.locator("a.tile-link").click()
    assert "/reports/figures/org.unions_founded/" in page.url
    assert page.locator("#records-total").inner_text() == "2"
    assert page.locator("#figure-value").inner_text() == "今年完成基层单建工会2家"
    assert page.locator("#records tbody tr").count() == 2
