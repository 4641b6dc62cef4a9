"""A member on a phone (390 × 844): signs in with the code sent by SMS, agrees to the privacy notice, signs up
for an activity, applies for hardship aid with a photo of a document, and reads a posting and asks about it.
No page scrolls sideways."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gonghui.openaffairs.services import posting_approve, posting_create
from gonghui.portal import services, sms

from .accessibility import Accessibility, Checked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def phone(browser, live_server, settings):
    settings.PORTAL = {**settings.PORTAL, "SMS_SENDER": "gonghui.portal.sms.OutboxSender"}
    sms.outbox.clear()
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport=PHONE, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    context.set_default_timeout(10_000)
    page = context.new_page()
    accessibility = Accessibility(page)
    yield Checked(page, accessibility)
    accessibility.check()
    context.close()


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"


def test_a_member_signs_in_signs_up_applies_and_reads_a_posting(phone, cast):
    page, today = phone, timezone.localdate()
    services.offer_create(actor=cast.officer, union=cast.union_a1, kind="culture_sports", title="职工篮球赛",
                          held_on=today + timedelta(days=10), capacity=1,
                          deadline=timezone.now() + timedelta(days=9))
    posting = posting_create(actor=cast.officer, union=cast.union_a1, category="welfare", title="中秋福利发放公开",
                             content="每位职工月饼一盒", starts_on=today, ends_on=today + timedelta(days=20))
    posting_approve(actor=cast.street_admin, posting=posting)

    page.goto("/m/")
    page.wait_for_url("**/m/login/**")
    no_sideways_scroll(page)
    page.fill("input[name=phone]", "1381234")
    page.get_by_role("button", name="获取验证码").click()
    assert "请输入11位手机号码" in page.locator('[data-field="phone"] .errorlist').inner_text()
    page.fill("input[name=phone]", cast.member_a1.phone)
    page.get_by_role("button", name="获取验证码").click()
    page.wait_for_url("**/m/login/code/**")
    assert "验证码已通过短信发送" in page.content()
    assert cast.member_a1.phone not in page.content()
    page.fill("input[name=code]", "000000" if sms.outbox[0]["code"] != "000000" else "111111")
    page.get_by_role("button", name="登录").click()
    assert "验证码错误或已过期" in page.locator('[data-field="code"] .errorlist').inner_text()
    page.fill("input[name=code]", sms.outbox[0]["code"])
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/m/consent/")
    page.get_by_label("我已阅读并同意以上告知").check()
    page.get_by_role("button", name="同意并继续").click()
    page.wait_for_url("**/m/")
    assert "张伟，您好" in page.content()
    no_sideways_scroll(page)

    page.get_by_role("link", name="我的会籍").click()
    assert "138****0011" in page.locator('[data-testid="membership"]').inner_text()
    no_sideways_scroll(page)
    page.goto("/m/")

    page.get_by_role("link", name="活动报名").click()
    page.locator('[data-testid="offers"]').get_by_role("link", name="职工篮球赛").click()
    page.get_by_role("button", name="我要报名").click()  # htmx: the page is swapped in, not loaded
    page.get_by_text("报名成功").wait_for()
    assert "已报名" in page.locator('[data-testid="my-signup"]').inner_text()
    no_sideways_scroll(page)

    page.goto("/m/aid/")
    page.get_by_role("link", name="申请困难帮扶或金秋助学").click()
    page.get_by_label("困难帮扶", exact=True).check()
    page.get_by_label("患病", exact=True).check()
    page.fill("input[name=applicant_income]", "1800")
    page.fill("textarea[name=note]", "丈夫住院，收入减少")
    page.set_input_files("input[name=documents]", files=[
        {"name": "身份证.txt", "mimeType": "text/plain", "buffer": b"not a picture"}])
    page.get_by_role("button", name="提交申请").click()
    assert "只能上传照片" in page.locator('[data-field="documents"] .errorlist').inner_text()
    page.set_input_files("input[name=documents]", files=[
        {"name": "身份证.png", "mimeType": "image/png", "buffer": PNG}])
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/m/aid/*/")
    assert "已提交，待工会受理" in page.locator('[data-testid="aid-state"]').inner_text()
    no_sideways_scroll(page)

    page.goto("/m/postings/")
    page.get_by_role("link", name="中秋福利发放公开").click()
    assert "每位职工月饼一盒" in page.locator('[data-testid="posting-content"]').inner_text()
    page.fill("textarea[name=text]", "退休职工有吗？")
    page.get_by_role("button", name="提交").click()
    assert "已提交，工会答复后可在此查看" in page.content()
    assert "退休职工有吗？" in page.content()
    no_sideways_scroll(page)


def test_the_union_prints_a_qr_code_and_the_member_opens_the_portal_with_it(login, phone, cast):
    from gonghui.members.models import Member

    Member.objects.filter(pk=cast.member_a1.pk).update(phone="")
    officer = login(cast.officer)
    officer.goto(f"/members/{cast.member_a1.pk}/")
    officer.get_by_role("link", name="打印会员服务开通二维码").click()
    officer.get_by_role("button", name="生成并打印开通二维码").click()
    sheet = officer.locator('[data-testid="activation-sheet"]')
    assert sheet.get_by_role("img", name="张伟的会员服务开通二维码").is_visible()
    link = sheet.locator('[data-testid="activation-link"]').inner_text().strip()

    phone.goto(link)
    no_sideways_scroll(phone)
    phone.get_by_role("button", name="开通并登录").click()
    phone.wait_for_url("**/m/consent/")
    phone.goto(link)
    phone.get_by_role("button", name="开通并登录").click()
    assert "开通链接无效、已使用或已过期" in phone.locator('[role="alert"]').inner_text()
