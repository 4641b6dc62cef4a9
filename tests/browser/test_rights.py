"""An officer records a labour dispute, adds a step, closes it as mediated and sees the figures change;
a collective contract near its end is flagged."""

from datetime import timedelta

import pytest
from django.utils import timezone

from .forms import form_fill, submitted_error

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def dispute_sentence(page) -> str:
    page.goto("/rights/")
    return page.locator('[data-testid="dispute-sentence"]').inner_text()


def test_officer_records_mediates_and_closes_a_dispute(page, login, cast):
    today = timezone.localdate().isoformat()
    login(cast.officer)
    assert dispute_sentence(page).startswith("共调处劳动纠纷0起")

    page.goto("/rights/disputes/")
    page.click("text=登记案件")
    page.select_option("select[name=enterprise]", label=cast.union_a1.enterprises.get().name)
    page.fill("input[name=received_on]", today)
    page.select_option("select[name=kind]", "wages")
    form_fill(page, workers_involved="6", amount="-100")
    assert "金额不能为负数" in submitted_error(page, "amount")
    page.fill("input[name=amount]", "48000")
    page.click("main button[type=submit]")
    page.wait_for_url("**/rights/disputes/*/")
    assert "办理中" in page.locator("h1").inner_text()

    page.click("text=添加办理步骤")
    page.fill("input[name=action]", "召开调解会")
    page.click("main button[type=submit]")
    page.wait_for_url("**/rights/disputes/*/")
    assert "召开调解会" in page.locator('[data-testid="steps"]').inner_text()

    page.get_by_role("link", name="结案", exact=True).click()
    page.select_option("select[name=outcome]", "mediated")
    page.fill("input[name=closed_on]", today)
    page.click("main button[type=submit]")
    page.wait_for_url("**/rights/disputes/*/")
    assert page.locator('[data-testid="outcome"]').inner_text() == "调解成功"

    sentence = dispute_sentence(page)
    assert sentence.startswith("共调处劳动纠纷1起") and "成功调处劳资纠纷1件" in sentence
    assert "工资纠纷1件，涉及职工6名，涉案金额48000元。调处率100%，成功率100%。" in sentence
    # ECharts drew the chart of cases by kind.
    page.wait_for_selector("#cases-by-kind canvas")


def test_a_contract_near_its_end_is_flagged(page, login, cast):
    today = timezone.localdate()
    login(cast.officer)
    page.goto("/rights/contracts/")
    page.click("text=登记集体合同")
    page.select_option("select[name=kind]", "wage")
    page.select_option("select[name=enterprises]", label=cast.union_a1.enterprises.get().name)
    signed = (today - timedelta(days=700)).isoformat()
    form_fill(page, title="甲一机械厂工资专项集体合同", signed_on=signed, term_start=signed,
              term_end=(today - timedelta(days=701)).isoformat(), workers_covered="120")
    assert "到期日期不能早于签订日期" in submitted_error(page, "term_end")
    page.fill("input[name=term_end]", (today + timedelta(days=30)).isoformat())
    page.click("main button[type=submit]")
    page.wait_for_url("**/rights/contracts/*/")
    assert "即将到期" in page.locator("h1").inner_text()

    page.goto("/rights/contracts/?state=expiring")
    row = page.locator("table tbody tr", has_text="甲一机械厂工资专项集体合同")
    assert "即将到期" in row.inner_text()
