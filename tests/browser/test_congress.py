"""An officer elects a delegate by ID number (a non-member is refused at the field), sees the composition check,
records a session's attendance, is refused a vote larger than those present, and records a resolution that passes."""

import pytest
from django.utils import timezone

from gonghui.congress.tests.helpers import congress, delegates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page) -> None:
    with page.expect_navigation():
        page.click("main button[type=submit]")


def test_delegates_a_session_and_a_resolution(page, login, cast):
    body = congress(cast)
    delegates(cast, body, 3)
    login(cast.officer)
    page.get_by_role("link", name="职代会", exact=True).first.click()
    page.get_by_role("link", name="第4届职工代表大会").click()
    page.get_by_role("link", name="登记当选代表").click()
    page.select_option("select[name=constituency]", label="第一代表团")
    page.fill("input[name=member]", cast.member_a2.id_number)
    page.select_option("select[name=occupation]", label="一线职工")
    submit(page)
    assert "不在您的管辖范围内" in page.locator('[data-field="member"] .errorlist').inner_text()
    page.fill("input[name=member]", cast.member_a1.id_number)
    submit(page)
    assert page.locator('[data-testid="in-office"]').inner_text() == "4名"
    assert "一线职工代表" in page.locator('[data-testid="composition"]').inner_text()

    page.get_by_role("link", name="登记会议").click()
    page.fill("input[name=held_on]", timezone.localdate().isoformat())
    submit(page)
    page.get_by_role("link", name="登记到会代表").click()
    page.fill("input[name=delegates_present]", "3")
    submit(page)
    assert "应到4人，实到3人，达到法定人数（3人）" in page.locator('[data-testid="attendance"]').inner_text()
    page.get_by_role("link", name="登记表决结果").click()
    page.fill("input[name=title]", "工资集体协议")
    page.fill("input[name=votes_for]", "3")
    page.fill("input[name=votes_against]", "1")
    page.fill("input[name=votes_abstain]", "0")
    submit(page)
    assert "多于实到代表3人" in page.content()
    page.fill("input[name=votes_against]", "0")
    submit(page)
    row = page.locator('[data-testid="resolutions"] tbody tr', has_text="工资集体协议")
    assert "通过" in row.inner_text()
