"""三员分立: each administrator does its own work only, and none of them reads union data."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError
from django.urls import reverse

from gonghui.accounts import selectors, services
from gonghui.accounts.models import Duty, Role, User
from gonghui.testing import PASSWORD, viewers

pytestmark = pytest.mark.django_db

# Every administrator page, with the one duty it admits.
PAGES = [
    ("accounts:users", (), Duty.SYSTEM),
    ("accounts:user_create", (), Duty.SYSTEM),
    ("accounts:grants", (), Duty.SECURITY),
    ("accounts:lockouts", (), Duty.SECURITY),
    ("accounts:access_log", (), Duty.AUDIT),
    ("accounts:access_log_export", (), Duty.AUDIT),
    ("accounts:history", (), Duty.AUDIT),
]
POSTS = [
    ("accounts:user_deactivate", Duty.SYSTEM),
    ("accounts:user_activate", Duty.SYSTEM),
    ("accounts:grant_edit", Duty.SECURITY),
]


def _holder(admins, duty):
    return {Duty.SYSTEM: admins.system, Duty.SECURITY: admins.security, Duty.AUDIT: admins.audit}[duty]


@pytest.mark.parametrize(("name", "args", "duty"), PAGES)
def test_each_page_admits_its_duty_and_refuses_everyone_else(client, cast, admins, name, args, duty):
    url = reverse(name, args=args)
    for user in admins.all() + viewers(cast):
        client.force_login(user)
        response = client.get(url)
        if user.duty == duty:
            assert response.status_code == 200, (user.username, url)
        else:
            assert response.status_code == 403, (user.username, url, response.status_code)


@pytest.mark.parametrize(("name", "duty"), POSTS)
def test_each_write_is_refused_to_other_duties_and_changes_nothing(client, cast, admins, name, duty):
    url = reverse(name, args=[cast.officer.pk])
    for user in admins.all() + viewers(cast):
        if user.duty == duty:
            continue
        client.force_login(user)
        assert client.post(url, {"may_reveal_identity": "on"}).status_code == 403, (user.username, url)
    cast.officer.refresh_from_db()
    assert cast.officer.is_active and cast.officer.may_reveal_identity and cast.officer.may_access_care


def test_lockout_clearing_is_the_security_administrators_alone(client, cast, admins):
    for user in [admins.system, admins.audit, cast.county_admin]:
        client.force_login(user)
        assert client.post(reverse("accounts:lockout_clear"), {"kind": "username", "value": "officer"}).status_code == 403


def test_the_services_refuse_other_duties_in_chinese(cast, admins):
    calls = {
        Duty.SYSTEM: lambda actor: services.user_create(actor=actor, username="new", full_name="新人",
                                                        union=cast.union_a1, role=Role.UNION_OFFICER,
                                                        password=PASSWORD),
        Duty.SECURITY: lambda actor: services.grant_set(actor=actor, user=cast.auditor, may_reveal_identity=True,
                                                        may_access_care=True),
        Duty.AUDIT: lambda actor: selectors.access_log_list(user=actor, params={}),
    }
    for duty, call in calls.items():
        for actor in admins.all() + [cast.county_admin]:
            if actor.duty == duty:
                continue
            with pytest.raises(PermissionDenied, match=f"只有{duty.label}可以"):
                call(actor)
    with pytest.raises(PermissionDenied, match="只有安全管理员可以设置权限和解除锁定"):
        services.lockout_clear(actor=admins.system, username="officer")
    with pytest.raises(PermissionDenied, match="只有系统管理员可以管理账号"):
        services.user_deactivate(actor=admins.security, user=cast.officer)


def test_no_administrator_changes_its_own_account_or_another_administrators(admins):
    with pytest.raises(PermissionDenied, match="不能修改自己的"):
        services.grant_set(actor=admins.security, user=admins.security, may_reveal_identity=True, may_access_care=True)
    with pytest.raises(PermissionDenied, match="不能修改自己的"):
        services.user_deactivate(actor=admins.system, user=admins.system)
    with pytest.raises(PermissionDenied, match="只能在服务器上"):
        services.user_deactivate(actor=admins.system, user=admins.security)
    with pytest.raises(PermissionDenied, match="只能在服务器上"):
        services.grant_set(actor=admins.security, user=admins.audit, may_reveal_identity=True, may_access_care=False)
    admins.security.refresh_from_db()
    assert not admins.security.may_reveal_identity and admins.system.is_active


def test_an_administrator_is_never_a_union_user(cast, admins):
    admins.audit.union = cast.county
    with pytest.raises(ValidationError, match="管理员账号不能属于工会"):
        admins.audit.full_clean()
    with pytest.raises(IntegrityError):
        User.objects.filter(pk=admins.audit.pk).update(union=cast.county)


def test_administrators_read_no_union_data(client, cast, admins):
    for user in admins.all():
        client.force_login(user)
        listing = client.get(reverse("members:list"))
        assert listing.status_code == 403 and cast.member_a1.name not in listing.content.decode()
        assert "不属于任何工会" in listing.content.decode()
        assert client.get(reverse("members:detail", args=[cast.member_a1.pk])).status_code == 403
        assert client.get(f"/api/members/{cast.member_a1.pk}").status_code == 403


@pytest.mark.parametrize(("duty", "landing", "link"), [
    (Duty.SYSTEM, "accounts:users", "账号管理"), (Duty.SECURITY, "accounts:grants", "登录锁定"),
    (Duty.AUDIT, "accounts:access_log", "修改记录")])
def test_the_home_page_sends_each_administrator_to_its_work(client, admins, duty, landing, link):
    client.force_login(_holder(admins, duty))
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == reverse(landing)
    page = response.content.decode()
    assert link in page and str(duty.label) in page and "退出" in page


def test_the_system_administrator_makes_an_account_that_logs_in(client, cast, admins):
    client.force_login(admins.system)
    response = client.post(reverse("accounts:user_create"), {
        "username": "zhouli", "full_name": "周丽", "union": cast.union_a2.pk, "role": Role.UNION_OFFICER,
        "password": "river-lantern-orchard-7"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:users")
    made = User.objects.get(username="zhouli")
    assert made.union == cast.union_a2 and not made.may_reveal_identity and not made.may_access_care
    assert made.history.get().history_user == admins.system
    assert "zhouli" in client.get(reverse("accounts:users")).content.decode()
    client.logout()
    assert client.post(reverse("accounts:login"), {"username": "zhouli", "password": "river-lantern-orchard-7"},
                       REMOTE_ADDR="10.2.0.1").status_code == 302


def test_a_password_like_the_user_name_is_refused_at_its_field(client, cast, admins):
    client.force_login(admins.system)
    response = client.post(reverse("accounts:user_create"), {
        "username": "zhangwei-a1", "full_name": "张伟", "union": cast.union_a1.pk, "role": Role.UNION_OFFICER,
        "password": "zhangwei-a1-2026"})
    assert response.status_code == 400
    assert "密码跟 用户名 太相似了" in response.content.decode()
    assert not User.objects.filter(username="zhangwei-a1").exists()


def test_a_taken_user_name_is_refused(client, cast, admins):
    client.force_login(admins.system)
    response = client.post(reverse("accounts:user_create"), {
        "username": "Officer", "full_name": "重名", "union": cast.union_a1.pk, "role": Role.UNION_OFFICER,
        "password": "river-lantern-orchard-7"})
    assert response.status_code == 400 and "该用户名已被使用" in response.content.decode()


def test_a_deactivated_account_cannot_log_in_and_can_be_restored(client, cast, admins):
    client.force_login(admins.system)
    response = client.post(reverse("accounts:user_deactivate", args=[cast.officer.pk]), follow=True)
    assert "账号 officer 已停用" in response.content.decode()
    client.logout()
    refused = client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD},
                          REMOTE_ADDR="10.3.0.1")
    assert refused.status_code == 200
    client.force_login(admins.system)
    client.post(reverse("accounts:user_activate", args=[cast.officer.pk]))
    cast.officer.refresh_from_db()
    assert cast.officer.is_active


def test_the_system_administrator_has_no_button_for_itself_or_other_administrators(client, admins):
    client.force_login(admins.system)
    page = client.get(reverse("accounts:users")).content.decode()
    assert "secadmin" not in page and "sysadmin" not in page


def test_the_security_administrator_sets_grants(client, cast, admins):
    client.force_login(admins.security)
    assert "auditor" in client.get(reverse("accounts:grants")).content.decode()
    response = client.post(reverse("accounts:grant_edit", args=[cast.auditor.pk]), {"may_access_care": "on"})
    assert response.status_code == 302
    cast.auditor.refresh_from_db()
    assert cast.auditor.may_access_care and not cast.auditor.may_reveal_identity
    assert cast.auditor.history.latest().history_user == admins.security
    # A grant edit keeps the role: only the two grants are on the form.
    assert cast.auditor.role == Role.AUDITOR


def test_an_administrator_account_is_made_on_the_server(db, monkeypatch):
    monkeypatch.setenv("DUTY_ACCOUNT_PASSWORD", "quiet-harbour-signal-9")
    call_command("duty_account_create", "secadmin2", "--duty", "security", "--full-name", "钱安全")
    made = User.objects.get(username="secadmin2")
    assert made.duty == Duty.SECURITY and made.union is None and made.check_password("quiet-harbour-signal-9")


def test_the_django_admin_cannot_hand_out_grants_or_duties(client, cast):
    User.objects.create_superuser("root", password=PASSWORD)
    client.force_login(User.objects.get(username="root"))
    page = client.get(reverse("admin:accounts_user_change", args=[cast.auditor.pk])).content.decode()
    assert 'name="may_reveal_identity"' not in page and 'name="duty"' not in page and 'name="role"' in page


def test_a_union_user_sent_to_the_administrators_landing_goes_home(client, cast):
    client.force_login(cast.officer)
    assert client.get(reverse("accounts:duty_home"))["Location"] == reverse("home:index")


def test_the_security_administrator_sees_and_clears_a_locked_address(client, cast, admins, settings):
    guesser = type(client)(REMOTE_ADDR="10.8.8.8")
    for n in range(settings.AXES_FAILURE_LIMIT):
        guesser.post(reverse("accounts:login"), {"username": f"guess{n}", "password": "wrong-password-123"})
    assert guesser.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD}).status_code == 429
    client.force_login(admins.security)
    page = client.get(reverse("accounts:lockouts")).content.decode()
    assert "<td>地址</td>" in page and "<td>10.8.8.8</td>" in page and "guess0" not in page
    response = client.post(reverse("accounts:lockout_clear"), {"kind": "ip_address", "value": "10.8.8.8"}, follow=True)
    assert "已解除对 10.8.8.8 的锁定" in response.content.decode()
    assert "目前没有被锁定的用户名或地址" in response.content.decode()
    assert guesser.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD}).status_code == 302


def test_clearing_needs_one_user_name_or_one_address(admins):
    with pytest.raises(ValidationError, match="请指定一个用户名或一个地址"):
        services.lockout_clear(actor=admins.security)
