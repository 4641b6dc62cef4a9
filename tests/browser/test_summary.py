"""A street federation's officer opens the year-end summary of 2025, rewrites a paragraph around its figures,
types one figure over by hand, saves, and finds the paragraph still linked, the figure marked in the
appendix, and the Word download ready."""

import pytest

from gonghui.reports.tests.summary_helpers import build_street_year, summary_figures  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_edits_the_summary_and_downloads_it(page, login, cast, summary_figures):  # noqa: F811
    build_street_year(cast)
    login(cast.street_admin)
    page.goto(f"/reports/summary/?union={cast.street_a.pk}&period=2025")
    preview = page.locator(".summary-preview")
    assert "今年完成基层单建工会2家，" in preview.inner_text() and "覆盖企业2家" in preview.inner_text()

    box = page.locator("textarea", has_text="{{figure:org.unions_founded}}")
    box.fill("通过行政手段和舆论监督力量，今年完成基层单建工会{{figure:org.unions_founded}}家，"
             "覆盖企业{{figure:org.enterprises_covered}}家。")
    page.get_by_label("覆盖企业（系统统计：2）").fill("368")
    page.get_by_role("button", name="保存总结").click()
    page.wait_for_url("**/reports/summary/?union=*")
    assert "总结已保存" in page.locator(".messages").inner_text()

    paragraph = preview.locator("p", has_text="通过行政手段和舆论监督力量")
    assert paragraph.inner_text() == "通过行政手段和舆论监督力量，今年完成基层单建工会2家，覆盖企业368家。"
    founded = paragraph.locator('a[data-figure="org.unions_founded"]')
    assert founded.inner_text() == "2"
    edited = page.locator('tr[data-figure="org.enterprises_covered"]')
    assert "已手工修改" in edited.inner_text() and "系统统计：2" in edited.inner_text()

    with page.expect_download() as download:
        page.get_by_test_id("docx-link").click()
    assert download.value.suggested_filename == "甲街道总工会2025年工作总结.docx"

    founded.click()
    page.wait_for_url("**/reports/figures/org.unions_founded/**")
    assert page.locator("#records-total").inner_text() == "2"
