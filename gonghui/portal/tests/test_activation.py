"""A member without a phone on record is activated by their union: a one-time QR code (and the same link as
text) printed from the member's page, shown only to officers who may see the member, used once, expiring."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from gonghui.members.models import Member
from gonghui.portal.models import ActivationLink, MemberAccount
from gonghui.portal.qr import qr_svg


def _no_phone(cast) -> Member:
    Member.objects.filter(pk=cast.member_a1.pk).update(phone="")
    return cast.member_a1


def _print_sheet(client, member) -> tuple[str, str]:
    """The printed page and the link written under its QR code."""
    response = client.post(reverse("portal:activation", args=[member.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # the page carries the token: no cache keeps it
    page = response.content.decode()
    link = re.search(r'data-testid="activation-link"[^>]*><strong>([^<]+)</strong>', page).group(1)
    return page, link


def test_the_member_page_prints_a_qr_code_whose_link_opens_the_portal_once(client, cast):
    member = _no_phone(cast)
    client.force_login(cast.officer)
    detail = client.get(reverse("members:detail", args=[member.pk])).content.decode()
    assert reverse("portal:activation", args=[member.pk]) in detail
    assert "生成并打印开通二维码" in client.get(reverse("portal:activation", args=[member.pk])).content.decode()

    page, link = _print_sheet(client, member)
    qr = re.search(r'data-testid="activation-qr"[^>]*>(<svg .*?</svg>)', page, re.S).group(1)
    assert qr.startswith('<svg role="img"') and "<title>张伟的会员服务开通二维码</title>" in qr and "<path" in qr
    # The picture is the code of the link printed under it (and of nothing else: a token of its own).
    assert qr == qr_svg(link, label="张伟的会员服务开通二维码")
    assert link.startswith("http://testserver/m/activate/") and "有效期至" in page

    member_phone = client.__class__()
    assert "开通并登录" in member_phone.get(link).content.decode()  # opening it (a preview, a scan) spends nothing
    assert member_phone.post(link)["Location"] == reverse("m:consent")
    assert MemberAccount.objects.get(member=member).last_sign_in_at is not None
    again = client.__class__().post(link)
    assert again.status_code == 400 and "开通链接无效、已使用或已过期" in again.content.decode()


def test_an_activation_code_expires_and_a_reprint_ends_the_one_before(client, cast):
    member = _no_phone(cast)
    client.force_login(cast.officer)
    _, first = _print_sheet(client, member)
    _, second = _print_sheet(client, member)
    refused = client.__class__().post(first)
    assert refused.status_code == 400 and "开通链接无效" in refused.content.decode()
    ActivationLink.objects.filter(member=member, used_at__isnull=True).update(
        expires_at=timezone.now() - timedelta(seconds=1))
    assert client.__class__().post(second).status_code == 400
    assert not MemberAccount.objects.filter(member=member).exists()


def test_only_an_officer_who_sees_the_member_may_print_the_code(client, cast):
    member = _no_phone(cast)
    url = reverse("portal:activation", args=[member.pk])
    for user in (cast.sibling_officer, cast.other_officer):
        client.force_login(user)
        assert client.get(url).status_code == 404 and client.post(url).status_code == 404
    client.force_login(cast.auditor)
    assert client.get(url).status_code == 403 and client.post(url).status_code == 403
    client.logout()
    assert client.post(url)["Location"].startswith(reverse("accounts:login"))
    assert not ActivationLink.objects.exists()
    for user in (cast.street_admin, cast.county_admin):
        client.force_login(user)
        assert "<svg" in client.post(url).content.decode()
