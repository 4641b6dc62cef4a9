"""An officer opens Gonghui in the morning, sees what waits on the home page, and goes straight to it."""

import pytest
from django.utils import timezone

from gonghui.members import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_waiting_transfer_leads_from_the_home_page_to_the_transfers(page, login, cast, live_server):
    services.transfer_request(actor=cast.officer, member=cast.member_a1, to_union=cast.union_a2,
                              on_date=timezone.localdate())
    login(cast.sibling_officer)
    card = page.get_by_test_id("todo")
    assert "待办事项" in card.inner_text()
    with page.expect_navigation():
        card.get_by_role("link", name="1 件转会待接收").click()
    assert page.url == live_server.url + "/members/transfers/"
    row = page.locator("tr", has_text="张伟")
    assert "甲一机械厂工会" in row.inner_text() and row.get_by_role("button", name="接收").is_visible()


def test_the_auditor_has_nothing_waiting(page, login, cast):
    services.transfer_request(actor=cast.officer, member=cast.member_a1, to_union=cast.union_a2,
                              on_date=timezone.localdate())
    login(cast.auditor)
    card = page.get_by_test_id("todo")
    assert "暂无待办事项" in card.inner_text() and card.get_by_role("link").count() == 0
