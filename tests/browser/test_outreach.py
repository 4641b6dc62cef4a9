"""An officer records a survey of an enterprise, is told what is wrong at the field, finds it in the list and
opens it, and the overview's figure counts it."""

import pytest
from django.utils import timezone

from .forms import form_fill, submitted_error

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_records_a_survey_and_finds_it_in_the_list(page, login, cast):
    company = cast.union_a1.enterprises.get().name
    login(cast.officer)
    page.goto("/outreach/")
    figures = page.locator('[data-testid="outreach-figures"]')
    assert "调查访问企业0家" in figures.inner_text()

    page.get_by_role("link", name="调查访问企业", exact=True).click()
    page.click("text=登记调查访问")
    page.select_option("select[name=enterprise]", label=company)
    form_fill(page, surveyed_on=timezone.localdate().isoformat(), workers_reached="0", topic="外来务工人员情况调查")
    assert "涉及职工人次应在1至100000之间" in submitted_error(page, "workers_reached")
    page.fill("input[name=workers_reached]", "86")
    page.click("main button[type=submit]")
    page.wait_for_url("**/outreach/surveys/")

    row = page.locator('[data-testid="surveys"] tbody tr', has_text="外来务工人员情况调查")
    assert company in row.inner_text() and "86" in row.inner_text()
    row.locator("a").first.click()
    page.wait_for_url("**/outreach/surveys/*/")
    assert "外来务工人员情况调查" in page.locator('[data-testid="record"]').inner_text()
    page.goto("/outreach/")
    assert "调查访问企业1家" in figures.inner_text() and "涉及职工86人次" in figures.inner_text()
