"""The audit administrator reads who saw what (访问日志) and who changed what (修改记录), and nothing more."""

from datetime import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from python_calamine import CalamineWorkbook

from gonghui.core.identifiers import mask_id_number, mask_mobile
from gonghui.core.models import AccessLog
from gonghui.members import services as member_services

pytestmark = pytest.mark.django_db


def _entry(cast, user, obj, *, detail="", action="read", on=None):
    entry = AccessLog.objects.create(tenant_id=cast.county.pk, user=user, action=action, object_type=obj._meta.label,
                                     object_id=str(obj.pk), detail=detail)
    if on:
        AccessLog.objects.filter(pk=entry.pk).update(at=timezone.make_aware(datetime(*on, 10, 0)))
    return entry


def _rows(response) -> list[list]:
    content = b"".join(response.streaming_content)
    return CalamineWorkbook.from_filelike(BytesIO(content)).get_sheet_by_index(0).to_python()


def test_the_log_shows_each_read_in_chinese(client, cast, admins):
    member_services.identity_reveal(actor=cast.officer, member=cast.member_a1)
    client.force_login(admins.audit)
    page = client.get(reverse("accounts:access_log")).content.decode()
    assert "<td>查看完整身份证号和手机号</td>" in page and "<td>会员</td>" in page
    assert "officer（officer）" in page and "<td>张伟</td>" in page


def test_the_log_never_shows_a_full_id_number_or_phone(client, cast, admins):
    member = cast.member_a1
    _entry(cast, cast.officer, member, detail=f"{member.name} {member.id_number} {member.phone}")
    client.force_login(admins.audit)
    page = client.get(reverse("accounts:access_log")).content.decode()
    assert member.id_number not in page and member.phone not in page
    assert mask_id_number(member.id_number) in page and mask_mobile(member.phone) in page
    rows = _rows(client.get(reverse("accounts:access_log_export")))
    assert member.id_number not in str(rows) and mask_id_number(member.id_number) in rows[1][6]
    api = client.get("/api/accounts/access-log").json()
    assert api["results"][0]["detail"] == f"{member.name} {mask_id_number(member.id_number)} {mask_mobile(member.phone)}"


def test_the_log_filters_by_user_record_and_days(client, cast, admins):
    _entry(cast, cast.officer, cast.member_a1, detail="甲一早", on=(2026, 3, 1))
    _entry(cast, cast.officer, cast.member_a2, detail="甲二中", on=(2026, 3, 15))
    _entry(cast, cast.other_officer, cast.member_b1, detail="乙一晚", on=(2026, 3, 31))
    client.force_login(admins.audit)

    def shown(**params):
        page = client.get(reverse("accounts:access_log"), params).content.decode()
        return [d for d in ("甲一早", "甲二中", "乙一晚") if d in page]

    assert shown() == ["甲一早", "甲二中", "乙一晚"]
    assert shown(user="officer") == ["甲一早", "甲二中"]
    assert shown(object_type="members.Member", object_id=str(cast.member_a2.pk)) == ["甲二中"]
    # Both ends of the range are whole days, included.
    assert shown(start="2026-03-15", end="2026-03-31") == ["甲二中", "乙一晚"]
    assert shown(end="2026-03-01") == ["甲一早"]
    # A filter that cannot be read is dropped, the others still apply.
    assert shown(start="not-a-date", user="other_officer") == ["乙一晚"]
    assert shown(end="9999-12-31", start="0001-01-01") == ["甲一早", "甲二中", "乙一晚"]
    rows = _rows(client.get(reverse("accounts:access_log_export"), {"user": "officer"}))
    assert rows[0][:4] == ["时间", "用户名", "姓名", "操作"] and [r[6] for r in rows[1:]] == ["甲二中", "甲一早"]


def test_the_log_is_paginated_newest_first(client, cast, admins):
    for n in range(55):
        _entry(cast, cast.officer, cast.member_a1, detail=f"第{n:02d}次")
    client.force_login(admins.audit)
    first = client.get(reverse("accounts:access_log")).content.decode()
    assert "第54次" in first and "第04次" not in first and "第 1 / 2 页，共 55 条" in first
    second = client.get(reverse("accounts:access_log"), {"page": 2}).content.decode()
    assert "第04次" in second and "第54次" not in second


def test_the_api_lists_the_log_with_bounded_parameters(client, cast, admins):
    _entry(cast, cast.officer, cast.member_a1, detail="甲一", on=(2026, 3, 1))
    _entry(cast, cast.officer, cast.member_a2, detail="甲二", on=(2026, 3, 2))
    client.force_login(admins.audit)
    body = client.get("/api/accounts/access-log", {"object_type": "members.Member",
                                                   "record_id": cast.member_a2.pk}).json()
    assert body["count"] == 1 and body["results"][0]["detail"] == "甲二"
    assert body["results"][0]["record_type"] == "会员" and body["results"][0]["action"] == "查看"
    assert client.get("/api/accounts/access-log", {"start": "2026-03-02"}).json()["count"] == 1
    for bad in ({"page": 0}, {"record_id": 0}, {"record_id": 2**64}, {"start": "2026-13-01"},
                {"end": "9999-12-31"}, {"start": "0001-01-01"}):
        response = client.get("/api/accounts/access-log", bad)
        assert response.status_code == 422, bad
        assert response.json()["detail"] == "输入有误"


@pytest.mark.parametrize("path", ["/api/accounts/access-log", "/api/accounts/history"])
def test_the_api_is_the_audit_administrators_alone(client, cast, admins, path):
    for user in [admins.system, admins.security, cast.county_admin, cast.auditor]:
        client.force_login(user)
        response = client.get(path)
        assert response.status_code == 403 and "只有审计管理员可以" in response.json()["detail"]


def test_the_audit_trail_lists_every_change_without_its_values(client, cast, admins):
    member_services.member_update(actor=cast.officer, member=cast.member_a1, phone="13900001111")
    client.force_login(admins.security)
    client.post(reverse("accounts:grant_edit", args=[cast.auditor.pk]), {"may_access_care": "on"})
    client.force_login(admins.audit)
    page = client.get(reverse("accounts:history")).content.decode()
    assert "<td>修改</td>" in page and "<td>会员</td>" in page and "<td>用户</td>" in page
    assert "<td>officer</td>" in page and "<td>secadmin</td>" in page
    assert "13900001111" not in page
    only_officer = client.get(reverse("accounts:history"), {"user": "officer"}).content.decode()
    assert "<td>secadmin</td>" not in only_officer and "<td>会员</td>" in only_officer
    body = client.get("/api/accounts/history", {"user": "secadmin"}).json()
    assert body["count"] == 1 and body["results"][0]["record_type"] == "accounts.User"
    assert body["results"][0]["record_id"] == cast.auditor.pk and body["results"][0]["type"] == "修改"
    later = client.get(reverse("accounts:history"), {"start": "2099-01-01"}).content.decode()
    assert "没有符合条件的记录" in later
    assert client.get("/api/accounts/history", {"end": "9999-12-31"}).status_code == 422
