import pytest

from gonghui.ledger.tests.helpers import sheet_rows
from gonghui.welfare.models import EmploymentAid, Recuperation

from .helpers import aid, days_ago, drive, programme, stay

pytestmark = pytest.mark.django_db


def test_each_list_shows_its_records_and_offers_to_record_one(client, cast):
    aid(cast, name="刘洋"), stay(cast, name="陈静"), programme(cast), drive(cast)
    client.force_login(cast.officer)
    for path, shown, button in (("employment-aid", "刘洋", "登记再就业援助"), ("recuperation", "陈静", "登记体检与疗休养"),
                                ("programmes", "小候鸟暑期放心班", "登记小候鸟暑期放心班"),
                                ("drives", "向受灾地区捐赠", "登记慈善一日捐")):
        text = client.get(f"/welfare/{path}/").content.decode()
        assert shown in text and button in text and "甲一机械厂工会" in text, path


def test_the_list_filters_by_name_kind_and_date(client, cast):
    stay(cast, name="陈静", on=days_ago(40))
    stay(cast, name="周敏", kind="rest", on=days_ago(2))
    client.force_login(cast.street_admin)
    text = client.get("/welfare/recuperation/", {"kind": "rest"}).content.decode()
    assert "周敏" in text and "陈静" not in text
    text = client.get("/welfare/recuperation/", {"end": days_ago(30).isoformat()}).content.decode()
    assert "陈静" in text and "周敏" not in text
    text = client.get("/welfare/recuperation/", {"q": "陈"}).content.decode()
    assert "陈静" in text and "周敏" not in text
    response = client.get("/welfare/recuperation/", {"start": "not a day"})
    assert "输入一个有效的日期" in response.content.decode()


def test_another_union_sees_none_of_them(client, cast):
    record = aid(cast, name="刘洋")
    client.force_login(cast.other_officer)
    assert "刘洋" not in client.get("/welfare/employment-aid/").content.decode()
    assert client.get(f"/welfare/employment-aid/{record.pk}/").status_code == 404


def test_a_member_is_named_by_id_number_which_is_not_echoed_or_kept(client, cast):
    client.force_login(cast.officer)
    url = f"/welfare/employment-aid/new/{cast.union_a1.pk}/"
    data = {"member": cast.member_a1.id_number, "aided_on": "2099-01-01", "employer": "宏达机械"}
    response = client.post(url, data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "就业日期不能晚于今天" in text and cast.member_a1.id_number not in text
    assert not EmploymentAid.objects.exists()
    response = client.post(url, {**data, "aided_on": days_ago(1).isoformat()})
    record = EmploymentAid.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/welfare/employment-aid/{record.pk}/"
    assert (record.member, record.name) == (cast.member_a1, "张伟")
    page = client.get(response["Location"]).content.decode()
    assert "张伟" in page and "会员" in page and cast.member_a1.id_number not in page


def test_a_wrong_id_number_is_an_error_at_the_field(client, cast):
    client.force_login(cast.officer)
    response = client.post(f"/welfare/recuperation/new/{cast.union_a1.pk}/", {
        "member": cast.member_b1.id_number, "kind": "check_up", "on_date": days_ago(1).isoformat(), "place": "医院",
        "cost": "0"})
    assert response.status_code == 400
    assert "找不到该会员，或不在本工会管辖范围内" in response.content.decode()
    assert not Recuperation.objects.exists()


def test_editing_keeps_the_member_when_the_number_is_left_blank(client, cast):
    record = aid(cast, member=cast.member_a1)
    client.force_login(cast.officer)
    form = client.get(f"/welfare/employment-aid/{record.pk}/edit/").content.decode()
    assert "宏达机械有限公司" in form and cast.member_a1.id_number not in form
    response = client.post(f"/welfare/employment-aid/{record.pk}/edit/", {
        "member": "", "name": "", "aided_on": record.aided_on.isoformat(), "employer": "新单位", "post": "",
        "helped_by": ""})
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.member, record.name, record.employer) == (cast.member_a1, "张伟", "新单位")


def test_a_record_is_deleted_from_its_page(client, cast):
    record = programme(cast)
    client.force_login(cast.officer)
    response = client.post(f"/welfare/programmes/{record.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/welfare/programmes/"
    assert "已删除" in client.get("/welfare/programmes/").content.decode()
    client.force_login(cast.auditor)
    record = programme(cast)
    assert client.post(f"/welfare/programmes/{record.pk}/delete/").status_code == 403


def test_the_export_holds_the_filtered_list(client, cast):
    drive(cast, donors=30, on=days_ago(3))
    drive(cast, donors=12, on=days_ago(60))
    client.force_login(cast.county_admin)
    response = client.get("/welfare/drives/export.xlsx", {"start": days_ago(10).isoformat()})
    rows = sheet_rows(response)
    assert rows[0][:4] == ["日期", "活动名称", "用途", "捐赠人次"]
    assert [row[3] for row in rows[1:]] == [30]


def test_a_records_changes_are_in_its_audit_trail(client, cast):
    record = drive(cast)
    client.force_login(cast.officer)
    client.post(f"/welfare/drives/{record.pk}/edit/", {
        "name": "慈善一日捐", "held_on": record.held_on.isoformat(), "purpose": "", "donors": 31, "amount": "3000",
        "clothes": 40, "books": 25, "other_items": 5})
    detail = client.get(f"/welfare/drives/{record.pk}/").content.decode()
    history_url = f"/history/welfare.donationdrive/{record.pk}/"
    assert history_url in detail
    history = client.get(history_url)
    assert history.status_code == 200 and "officer" in history.content.decode()
    assert [h.donors for h in record.history.all()] == [31, 30]
