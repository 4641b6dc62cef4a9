"""A union officer files a hardship application and corrects it before the first review, the street
federation approves it and pays aid, and the statistics page's figures move with each step."""

import pytest

from gonghui.core.identifiers import mask_id_number

from .forms import log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def figure(page, key: str) -> str:
    return page.locator(f'.sentence[data-key="{key}"] .figure').inner_text()


def submit(page, url_glob: str) -> None:
    with page.expect_navigation(url=url_glob):
        page.click("main button[type=submit]")


def test_hardship_application_approved_paid_and_counted(page, login, cast):
    login(cast.officer)
    page.goto("/care/hardship/new/")
    page.fill("input[name=member]", cast.member_b1.id_number)
    page.check("input[name=causes][value=illness]")
    page.fill("input[name=applicant_income]", "1500")
    page.click("main button[type=submit]")
    assert "不在您的管辖范围内" in page.locator('[data-field="member"] .errorlist').inner_text()

    page.fill("input[name=member]", cast.member_a1.id_number)
    page.fill("input[name=household-0-name]", "王丽")
    page.select_option("select[name=household-0-relation]", "spouse")
    page.fill("input[name=household-0-monthly_income]", "900")
    submit(page, "**/care/hardship/*/")
    file_url = page.url
    assert "待工会初审" in page.locator("h1").inner_text()
    assert page.locator("#income-per-head").inner_text() == "1200.00 元"
    assert mask_id_number(cast.member_a1.id_number) in page.content()

    # A typo in the income is corrected before the union's first review, on the same form, pre-filled.
    page.get_by_role("link", name="修改申请", exact=True).click()
    assert page.input_value("input[name=household-0-name]") == "王丽"
    assert page.input_value("input[name=applicant_income]") == "1500.00"
    page.fill("input[name=applicant_income]", "2100")
    submit(page, file_url)
    assert page.locator("#income-per-head").inner_text() == "1500.00 元"
    assert "家庭人口" in page.content() and "2 人（家庭月收入 3000.00 元）" in page.content()

    page.get_by_role("link", name="工会初审", exact=True).click()
    page.select_option("select[name=decision]", "approve")
    submit(page, file_url)
    assert "待总工会审核" in page.locator("h1").inner_text()
    log_out(page)

    login(cast.street_admin)
    page.goto(f"/care/statistics/?union={cast.street_a.pk}")
    assert figure(page, "hardship") == "新增困难职工0人，现共有困难职工0人，发放各类困难补助0.0万元"

    page.goto(file_url)
    page.get_by_role("link", name="总工会审核", exact=True).click()
    page.select_option("select[name=decision]", "approve")
    page.select_option("select[name=level]", "deep")
    submit(page, file_url)
    assert "在档" in page.locator("h1").inner_text()

    page.get_by_role("link", name="发放救助", exact=True).click()
    page.select_option("select[name=kind]", "medical")
    page.fill("input[name=amount]", "-20000")
    page.click("main button[type=submit]")
    assert "金额不能为负数" in page.locator('[data-field="amount"] .errorlist').inner_text()
    page.fill("input[name=amount]", "20000")
    submit(page, file_url)
    assert "20000.00" in page.locator("#aid").inner_text()

    page.goto(f"/care/statistics/?union={cast.street_a.pk}")
    assert figure(page, "hardship") == "新增困难职工1人，现共有困难职工1人，发放各类困难补助2.0万元"
    assert page.locator("#care-chart canvas").count() >= 1

    # Each number is a link to the list of exactly what it counts: the aid's list totals the same 2.0万元.
    with page.expect_navigation(url="**/reports/figures/care.hardship_aid/**"):
        page.locator('.sentence[data-key="hardship"] .figure a').nth(2).click()
    assert page.locator("#figure-value").inner_text() == "发放各类困难补助2.0万元"
    assert page.locator("tfoot").inner_text() == "合计：2.0 万元"
    assert cast.member_a1.name in page.locator("table").inner_text()
