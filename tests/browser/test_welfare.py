"""An officer records a job seeker helped back into work: a wrong date is refused at its field, the record is
saved, and the list of employment aid shows it."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_records_employment_aid_and_finds_it_in_the_list(page, login, cast):
    today = timezone.localdate()
    login(cast.officer)
    page.get_by_role("link", name="职工服务").click()
    page.wait_for_url("**/welfare/employment-aid/")
    assert "没有符合条件的记录" in page.locator('[data-testid="records"]').inner_text()

    page.click("text=登记再就业援助")
    page.fill("input[name=name]", "刘洋")
    page.fill("input[name=aided_on]", (today + timedelta(days=1)).isoformat())
    page.fill("input[name=employer]", "金龙物流有限公司")
    page.fill("input[name=post]", "仓库管理员")
    page.click("main button[type=submit]")
    assert "就业日期不能晚于今天" in page.locator('[data-field="aided_on"] .errorlist').inner_text()
    page.fill("input[name=aided_on]", today.isoformat())
    page.click("main button[type=submit]")
    page.wait_for_url("**/welfare/employment-aid/*/")
    record = page.locator('[data-testid="record"]').inner_text()
    assert "刘洋" in record and "非会员" in record and "金龙物流有限公司" in record

    page.get_by_role("link", name="返回列表").click()
    row = page.locator('[data-testid="records"] tbody tr', has_text="刘洋")
    assert "金龙物流有限公司" in row.inner_text() and "仓库管理员" in row.inner_text()
