"""The audit administrator looks into who saw a member's ID number; the security administrator lifts a lock.

Each page is checked with axe-core (axe-playwright-python ships it) for accessibility violations.
"""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.accounts.testing import build_admins
from gonghui.core.identifiers import mask_id_number
from gonghui.members import services as member_services
from gonghui.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def login_as(page, user):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_the_audit_administrator_finds_who_saw_an_id_number(page, cast, live_server, tmp_path):
    admins = build_admins()
    member = cast.member_a1
    member_services.identity_reveal(actor=cast.officer, member=member)
    member_services.identity_reveal(actor=cast.other_officer, member=cast.member_b1)

    login_as(page, admins.audit)
    page.wait_for_url("**/accounts/admin/access-log/")
    assert page.locator("h1").inner_text() == "访问日志"
    assert page.locator("table tbody tr").count() == 2
    assert_accessible(page)

    page.fill("input[name=user]", "officer")
    page.fill("input[name=start]", date.today().isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="查询").click()
    rows = page.locator("table tbody tr")
    assert rows.count() == 1 and "查看完整身份证号和手机号" in rows.first.inner_text()
    assert "张伟" in rows.first.inner_text() and member.id_number not in page.content()
    assert mask_id_number(member.id_number) not in page.content()  # the log names the member, shows no number

    with page.expect_download() as download:
        page.get_by_role("link", name="导出 Excel").click()
    path = tmp_path / "log.xlsx"
    download.value.save_as(path)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert len(sheet) == 2 and sheet[1][1] == "officer"

    with page.expect_navigation():
        page.get_by_role("link", name="修改记录").click()
    assert page.locator("h1").inner_text() == "修改记录"
    assert_accessible(page)

    # Union records stay closed to the audit administrator.
    response = page.goto(f"/members/{member.pk}/")
    assert response.status == 404


def test_the_security_administrator_lifts_a_lockout(page, cast, live_server):
    admins = build_admins()
    guesser = Client(REMOTE_ADDR="10.7.7.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        guesser.post(reverse("accounts:login"), {"username": "officer", "password": "wrong-password-123"})

    login_as(page, admins.security)
    page.goto("/accounts/admin/lockouts/")
    row = page.locator("table tbody tr", has_text="officer")
    assert "用户名" in row.inner_text()
    assert_accessible(page)
    with page.expect_navigation():
        row.get_by_role("button", name="解除锁定 officer").click()
    assert "已解除对 officer 的锁定" in page.locator(".messages").inner_text()
    assert "目前没有被锁定的用户名或地址" in page.content()
    assert guesser.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD}).status_code == 302

    page.goto("/accounts/admin/grants/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="设置 auditor 的权限").click()
    page.get_by_label("可查看帮扶与维权档案").check()
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    cast.auditor.refresh_from_db()
    assert cast.auditor.may_access_care
