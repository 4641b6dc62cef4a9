"""A county's books hold sums far above the 10,000,000 元 bound of one aid payment (a year's funds carried in,
the budget of 504, the 2% of a large enterprise's payroll); beyond 100亿 an amount is a typo, refused at its
field with nothing saved."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.finance import services
from gonghui.finance.models import AllocationPayment, Budget, Voucher

from .helpers import line, voucher

MONTH = date(2025, 3, 1)


def test_a_county_carries_in_a_year_of_funds_above_ten_million(cast):
    made = voucher(cast, date(2025, 1, 2), "102", "322", "36500000.00", union=cast.county, actor=cast.county_admin)
    assert made.lines.get(code="102").debit == Decimal("36500000.00")
    budget = services.budget_set(actor=cast.county_admin, union=cast.county, year=2025, code="504",
                                 amount="12000000")
    assert budget.amount == Decimal("12000000.00")


def test_a_large_enterprise_pays_on_a_payroll_above_ten_million(cast):
    services.sharing_table_create(actor=cast.county_admin, union=cast.county, province="浙江省",
                                  effective_from=date(2024, 1, 1), grassroots=60, county=40)
    payment = services.allocation_receive(actor=cast.officer, enterprise=cast.union_a1.enterprises.get(),
                                          month=MONTH, payroll="48000000", channel="tax",
                                          received_on=date(2025, 3, 15))
    assert (payment.amount, payment.own_share) == (Decimal("960000.00"), Decimal("576000.00"))


def test_beyond_ten_billion_is_refused_at_the_row(cast):
    with pytest.raises(ValidationError) as exc:
        services.voucher_create(actor=cast.county_admin, union=cast.county, date=date(2025, 1, 2), summary="结转",
                                lines=[line("102", debit="10000000000.01"), line("322", credit="10000000000.01")])
    assert exc.value.message_dict["debit_1"] == ["第1行借方金额超过100亿元，明显不合理，超出合理范围，请核对是否多输了位数"]
    assert "credit_2" in exc.value.message_dict
    assert not Voucher.objects.exists()


def test_the_budget_form_says_so_at_the_field(cast, client):
    client.force_login(cast.county_admin)
    response = client.post(reverse("finance:budget_set", args=[cast.county.pk]),
                           {"year": "2025", "code": "504", "amount": "99999999999"})
    assert response.status_code == 400
    assert "预算数超过100亿元" in response.content.decode()
    assert not Budget.objects.exists() and not AllocationPayment.objects.exists()
