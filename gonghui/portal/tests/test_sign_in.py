"""Signing in with a code sent to the phone on the member's record."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.portal.models import MemberAccount, SignInCode


def _ask(client, phone, address="10.0.0.1"):
    return client.post(reverse("m:login"), {"phone": phone}, REMOTE_ADDR=address)


def _code(client, code):
    return client.post(reverse("m:code"), {"code": code})


def test_a_member_signs_in_with_the_code_and_agrees_to_the_notice(client, cast, _outbox):
    response = _ask(client, cast.member_a1.phone)
    assert response.status_code == 302 and cast.member_a1.phone not in response["Location"]
    assert len(_outbox) == 1 and _outbox[0]["to"] == "138****0011"
    page = client.get(reverse("m:code"))
    assert cast.member_a1.phone not in page.content.decode()
    assert cast.member_a1.phone not in str(dict(client.session.items()))
    response = _code(client, _outbox[0]["code"])
    assert response["Location"] == reverse("m:consent")
    assert client.get(reverse("m:me"))["Location"] == reverse("m:consent")
    assert "个人信息保护" in client.get(reverse("m:consent")).content.decode()
    assert client.post(reverse("m:consent"), {}).status_code == 400
    client.post(reverse("m:consent"), {"agree": "yes"})
    me = client.get(reverse("m:me")).content.decode()
    assert "张伟" in me and "138****0011" in me and cast.member_a1.phone not in me
    assert cast.member_a1.id_number not in me
    assert MemberAccount.objects.get(member=cast.member_a1).consented_at is not None


def test_an_unknown_number_is_answered_alike_and_sends_nothing(client, cast, _outbox):
    known = _ask(client, cast.member_a1.phone)
    other = client.__class__()
    unknown = _ask(other, "13900000000")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(_outbox) == 1
    assert SignInCode.objects.count() == 2
    response = _code(other, "123456")
    assert response.status_code == 400 and "验证码错误或已过期" in response.content.decode()


def test_a_wrong_code_counts_a_try_and_five_wrong_tries_end_the_code(client, cast, _outbox):
    _ask(client, cast.member_a1.phone)
    right = _outbox[0]["code"]
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(5):
        response = _code(client, wrong)
        assert response.status_code == 400 and "验证码错误或已过期" in response.content.decode()
    assert SignInCode.objects.get().tries == 5
    assert _code(client, right).status_code == 400
    assert client.get(reverse("m:me")).status_code == 302


def test_an_expired_code_is_refused(client, cast, _outbox):
    _ask(client, cast.member_a1.phone)
    SignInCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert "验证码错误或已过期" in _code(client, _outbox[0]["code"]).content.decode()


def test_codes_are_limited_per_number_and_per_address(client, cast, settings, _outbox):
    settings.PORTAL = {**settings.PORTAL, "CODE_INTERVAL_SECONDS": 0, "CODES_PER_NUMBER_HOUR": 2,
                       "CODES_PER_ADDRESS_HOUR": 3}
    for _ in range(2):
        assert _ask(client, cast.member_a1.phone).status_code == 302
    response = _ask(client, cast.member_a1.phone)
    assert response.status_code == 400 and "获取验证码过于频繁" in response.content.decode()
    assert _ask(client, "13900000001").status_code == 302
    # The address has asked three times: a fourth number from it is refused too, known or not.
    assert "获取验证码过于频繁" in _ask(client, cast.member_a2.phone).content.decode()
    assert _ask(client, cast.member_a2.phone, address="10.0.0.2").status_code == 302
    assert len(_outbox) == 3


def test_a_second_code_within_the_minute_is_refused(client, cast, _outbox):
    _ask(client, cast.member_a1.phone)
    response = _ask(client, cast.member_a1.phone)
    assert response.status_code == 400 and "60秒后" in response.content.decode()


@pytest.mark.parametrize("phone", ["12345", "1381234001", ""])
def test_a_malformed_number_gets_a_chinese_error(client, cast, phone):
    response = _ask(client, phone)
    assert response.status_code == 400 and ("请输入11位手机号码" in response.content.decode()
                                            or "请输入手机号码" in response.content.decode())
    assert SignInCode.objects.count() == 0


def test_a_staff_login_does_not_open_the_portal_nor_a_member_the_staff_pages(client, cast):
    from .helpers import signed_in
    client.force_login(cast.officer)
    assert client.get(reverse("m:me"))["Location"].startswith(reverse("m:login"))
    client.logout()
    signed_in(client, cast.member_a1)
    assert client.get(reverse("members:list"))["Location"].startswith(reverse("accounts:login"))
    assert client.get(reverse("portal:index"))["Location"].startswith(reverse("accounts:login"))


def test_a_member_without_a_phone_is_activated_by_a_link_used_once(client, cast):
    from gonghui.portal import services
    token, _ = services.activation_link_create(actor=cast.sibling_officer, member=cast.member_a2)
    url = reverse("m:activate", args=[token])
    assert client.post(url)["Location"] == reverse("m:consent")
    other = client.__class__()
    response = other.post(url)
    assert response.status_code == 400 and "开通链接无效" in response.content.decode()


def test_a_closed_account_cannot_sign_in(client, cast, _outbox):
    from gonghui.portal import services
    account = services.account_open(member=cast.member_a1)
    services.account_close_request(account=account)
    services.account_close(actor=cast.officer, account=account)
    _ask(client, cast.member_a1.phone)
    assert _outbox == []
