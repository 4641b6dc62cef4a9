"""A school union officer starts the year's plan from the school template, records a sports meet
against its item, and sees the item's progress move from 0/2 to 1/2."""

from importlib import import_module

import pytest
from django.apps import apps

from gonghui.plans.models import PlanTemplate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def shipped_templates(transactional_db):
    # Browser tests flush the database after each test, and with it what the data migration shipped.
    if not PlanTemplate.objects.filter(union__isnull=True).exists():
        import_module("gonghui.plans.migrations.0002_shipped_templates").load(apps, None)


def item_row(page, title: str):
    return page.locator("table.plan-items tbody tr", has_text=title)


def test_plan_from_the_school_template_and_a_sports_meet_against_it(page, login, cast):
    login(cast.sibling_officer)
    page.goto(f"/plans/new/{cast.union_a2.pk}/")
    page.get_by_label("模板：学校教工会年度工作计划").check()
    page.click("main button[type=submit]")
    page.wait_for_url("**/plans/*/")
    meet = item_row(page, "举办教职工趣味运动会")
    assert meet.locator("[data-testid=progress]").inner_text().startswith("0/2")

    meet.get_by_role("link", name="登记完成情况").click()
    page.wait_for_url("**/ledger/new/activity/**")
    assert page.input_value("input[name=title]") == "举办教职工趣味运动会"
    page.select_option("select[name=kind]", "culture_sports")
    page.fill("input[name=title]", "春季教职工趣味运动会")
    page.fill("input[name=place]", "学校操场")
    page.fill("input[type=search]", "李")
    page.get_by_label("李娜（甲二中学工会", exact=False).check()
    page.fill("input[name=participant_count]", "86")
    page.click("main button[type=submit]")
    page.wait_for_url("**/ledger/*/")
    assert "李娜" in page.locator("main").inner_text()

    page.get_by_role("link", name="举办教职工趣味运动会").click()
    page.wait_for_url("**/plans/*/")
    assert item_row(page, "举办教职工趣味运动会").locator("[data-testid=progress]").inner_text().startswith("1/2")
