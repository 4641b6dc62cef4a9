"""An officer records an activity in the ledger with its cost, accepts the voucher it suggests (50102 文体活动支出
from the bank), cannot post it themself; another officer posts it, and the union's 工会02表 shows the spending."""

import pytest
from django.utils import timezone

from .forms import log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_activity_becomes_a_posted_voucher_and_shows_in_the_report(page, login, cast):
    today = timezone.localdate()
    login(cast.officer)
    page.goto(f"/ledger/new/activity/{cast.union_a1.pk}/")
    page.select_option("select[name=kind]", "culture_sports")
    page.fill("input[name=title]", "职工篮球联赛")
    page.fill("input[name=date]", today.isoformat())
    page.fill("input[name=participant_count]", "48")
    page.fill("input[name=cost]", "3650.50")
    page.click("main button[type=submit]")
    page.wait_for_url("**/ledger/*/")

    page.get_by_role("link", name="工会财务", exact=True).click()
    page.get_by_role("link", name="待生成凭证", exact=True).click()
    row = page.locator('[data-testid="suggestions"] tbody tr', has_text="职工篮球联赛")
    assert "3650.50" in row.inner_text() and "50102" in row.inner_text()
    row.get_by_role("button").click()
    page.wait_for_url("**/finance/vouchers/*/")
    voucher_url = page.url
    assert page.locator('[data-testid="status"]').inner_text() == "待审核"
    assert "文体活动支出" in page.locator('[data-testid="lines"]').inner_text()
    assert page.get_by_role("button", name="审批记账").count() == 0  # the preparer may not post it
    log_out(page)

    login(cast.officer_no_care)
    page.goto(voucher_url)
    page.get_by_role("button", name="审批记账").click()
    page.wait_for_url(voucher_url)
    assert page.locator('[data-testid="status"]').inner_text() == "已记账"
    page.get_by_role("link", name="收入支出表", exact=True).click()
    report = page.locator('[data-testid="statement"]')
    spending = report.locator("tr", has_text="二、支出合计").inner_text()
    activities = report.locator("tr", has_text="职工活动支出").inner_text()
    assert "3650.50" in spending and "3650.50" in activities
    page.goto(voucher_url)
    page.get_by_role("link", name="活动台帐：职工篮球联赛活动经费").first.click()
    page.wait_for_url("**/ledger/*/")
    assert "已记账" in page.locator('[data-testid="vouchers"]').inner_text()
