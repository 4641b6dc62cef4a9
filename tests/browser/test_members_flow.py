"""A union officer logs in, adds a member, sees the ID masked, and cannot open another union's member."""

from datetime import date

import pytest

from gonghui.core.identifiers import mask_id_number
from gonghui.testing import make_id_number

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_adds_a_member_and_sees_only_its_union(page, login, cast):
    login(cast.officer)
    page.goto(f"/members/new/{cast.union_a1.pk}/")
    page.fill("input[name=name]", "孙丽")
    page.fill("input[name=id_number]", "340524198001010013")
    page.fill("input[name=join_date]", "2021-04-01")
    page.click("main button[type=submit]")
    error = page.locator('[data-field="id_number"] .errorlist')
    assert "校验位" in error.inner_text()

    number = make_id_number(date(1993, 7, 9), 55)
    page.fill("input[name=id_number]", number)
    page.click("main button[type=submit]")
    page.wait_for_url("**/members/*/")
    assert page.locator("h1").inner_text().startswith("孙丽")

    page.goto("/members/?q=孙")
    row = page.locator("table tbody tr", has_text="孙丽")
    assert mask_id_number(number) in row.inner_text()
    assert number not in page.content()

    response = page.goto(f"/members/{cast.member_a2.pk}/")
    assert response.status == 404
