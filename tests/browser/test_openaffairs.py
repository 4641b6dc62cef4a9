"""An officer drafts a posting (a period ending before it starts is refused at its field), cannot approve it
themself; the street's administrator approves it, finds it listed as up, and sees the catalogue item the union
let pass without posting."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gonghui.openaffairs.services import catalogue_item_create

from .forms import log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_posting_is_drafted_approved_by_another_officer_and_listed(page, login, cast):
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    catalogue_item_create(actor=cast.officer, union=cast.union_a1, year=yesterday.year, category="titles",
                          title="职称评审推荐名单", due_on=yesterday)
    login(cast.officer)
    page.get_by_role("link", name="厂务公开", exact=True).click()
    page.get_by_role("link", name="公开事项", exact=True).click()
    page.click("text=起草公开事项")
    page.select_option("select[name=category]", label="财务")
    page.fill("input[name=title]", "上半年工会经费收支情况")
    page.fill("textarea[name=content]", "收入12万元，支出10万元")
    page.fill("input[name=starts_on]", today.isoformat())
    page.fill("input[name=ends_on]", yesterday.isoformat())
    page.click("main button[type=submit]")
    assert "公开截止日期不能早于开始日期" in page.locator('[data-field="ends_on"] .errorlist').inner_text()
    page.fill("input[name=ends_on]", (today + timedelta(days=30)).isoformat())
    page.click("main button[type=submit]")
    page.wait_for_url("**/openaffairs/postings/*/")
    detail_url = page.url
    assert page.locator('[data-testid="status"]').inner_text() == "待审批"
    assert page.get_by_role("button", name="审批公开").count() == 0  # the author may not approve
    log_out(page)

    login(cast.street_admin)
    page.goto(detail_url)
    page.get_by_role("button", name="审批公开").click()
    page.wait_for_url(detail_url)
    assert "已审批，公开事项已公开" in page.content()
    assert page.locator('[data-testid="status"]').inner_text() == "已公开"

    page.get_by_role("link", name="返回列表").click()
    row = page.locator('[data-testid="postings"] tbody tr', has_text="上半年工会经费收支情况")
    assert "已公开" in row.inner_text() and "甲一机械厂工会" in row.inner_text()

    page.get_by_role("link", name="未按时公开", exact=True).click()
    page.wait_for_url("**/openaffairs/catalogue/?state=missed")
    missed = page.locator('[data-testid="catalogue"] tbody tr', has_text="职称评审推荐名单")
    assert "未按时公开" in missed.inner_text() and yesterday.isoformat() in missed.inner_text()
