"""Members' dues (会费) at the province's rate: the rate in force the month paid for, set by the nearest
federation from a day on; the receipt's voucher credits 401 会费收入."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.finance import services
from gonghui.finance.models import DuesPayment


def _rate(cast, rate, day=date(2024, 1, 1), union=None, actor=None):
    return services.dues_rate_create(actor=actor or cast.county_admin, union=union or cast.county, province="浙江省",
                                     effective_from=day, rate=rate)


def _receive(cast, month=date(2025, 3, 1), wages="100000", **extra):
    data = dict(actor=cast.officer, union=cast.union_a1, month=month, members=20, wages=wages,
                received_on=month.replace(day=20))
    return services.dues_receive(**{**data, **extra})


def test_dues_follow_the_rate_in_force_that_month(cast):
    _rate(cast, "0.5")
    _rate(cast, "0.6", day=date(2025, 4, 1))
    march, april = _receive(cast), _receive(cast, month=date(2025, 4, 1), wages="100000.00")
    assert (march.amount, april.amount) == (Decimal("500.00"), Decimal("600.00"))
    lines = {(line.code, line.debit, line.credit) for line in march.voucher.lines.all()}
    assert lines == {("102", Decimal("500.00"), 0), ("401", 0, Decimal("500.00"))}
    assert all(line.source == march for line in march.voucher.lines.all())


def test_the_nearest_federation_sets_the_rate(cast):
    _rate(cast, "0.5")
    _rate(cast, "0.4", union=cast.street_a, actor=cast.street_admin)
    assert _receive(cast, wages="12345.67").amount == Decimal("49.38")


@pytest.mark.parametrize("rate, message", [("0", "会费标准须大于0%"), ("-1", "会费标准不能为负数"),
                                           ("101", "会费标准不能超过100%"), ("0.555", "会费标准最多保留两位小数")])
def test_a_bad_rate_is_refused_at_its_field(cast, rate, message):
    with pytest.raises(ValidationError) as exc:
        _rate(cast, rate)
    assert message in exc.value.message_dict["rate"][0]


def test_a_grassroots_union_sets_no_rate(cast):
    with pytest.raises(ValidationError) as exc:
        _rate(cast, "0.5", union=cast.union_a1, actor=cast.officer)
    assert exc.value.message_dict["union"] == ["会费标准由总工会制定"]


def test_dues_without_a_rate_or_twice_are_refused_and_nothing_is_saved(cast):
    with pytest.raises(ValidationError) as exc:
        _receive(cast)
    assert exc.value.message_dict["month"] == ["2025年03月没有执行中的会费标准，请总工会先制定"]
    _rate(cast, "0.5")
    _receive(cast)
    with pytest.raises(ValidationError) as exc:
        _receive(cast, members=0, wages="-5")
    errors = exc.value.message_dict
    assert errors["members"] == ["缴纳会员人数应为大于0的整数"] and errors["wages"] == ["缴纳会员工资总额不能为负数"]
    assert errors["month"] == [f"{cast.union_a1.name}2025年03月的会费已登记"]
    assert DuesPayment.objects.count() == 1


def test_the_dues_page_records_a_month_and_shows_its_voucher(cast, client):
    _rate(cast, "0.5")
    client.force_login(cast.officer)
    response = client.post(reverse("finance:dues_create", args=[cast.union_a1.pk]), {
        "month": "2025-05-01", "members": "12", "wages": "80000", "received_on": "2025-05-20"}, follow=True)
    text = response.content.decode()
    assert "已登记，收款凭证已生成" in text and "会员会费（12人，按0.5%）" in text and "400.00" in text
    listed = client.get(reverse("finance:dues")).content.decode()
    assert "2025-05" in listed and "0.50%" in listed and "400.00" in listed
    refused = client.post(reverse("finance:dues_create", args=[cast.union_a1.pk]), {
        "month": "2025-06-01", "members": "12", "wages": "80000.001", "received_on": "2025-06-20"})
    assert refused.status_code == 400
    assert "缴纳会员工资总额最多保留两位小数（精确到分）" in refused.content.decode()
    assert DuesPayment.objects.count() == 1


def test_the_settings_page_and_the_api_set_the_rate(cast, client):
    client.force_login(cast.county_admin)
    response = client.post(f"/api/finance/unions/{cast.county.pk}/dues-rates",
                           json.dumps({"province": "浙江省", "effective_from": "2024-01-01", "rate": "0.5"}),
                           content_type="application/json")
    assert response.status_code == 201 and response.json()["rate"] in ("0.5", "0.50")
    assert "0.50%" in client.get(reverse("finance:settings")).content.decode()
    client.force_login(cast.officer)
    response = client.post(f"/api/finance/unions/{cast.union_a1.pk}/dues",
                           json.dumps({"month": "2025-03-01", "members": 3, "wages": "9000",
                                       "received_on": "2025-03-05"}),
                           content_type="application/json")
    assert response.status_code == 201 and Decimal(response.json()["amount"]) == Decimal("45.00")
    assert client.get("/api/finance/dues").json()["count"] == 1
