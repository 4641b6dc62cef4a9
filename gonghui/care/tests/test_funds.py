import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction

from gonghui.care import services
from gonghui.care.models import FundContribution, FundPayout, HardshipFund

from .helpers import days_ago, fund, member

pytestmark = pytest.mark.django_db


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def payout(cast, created, amount, *, who=None, actor=None, reason="住院救助"):
    return services.fund_payout(actor=actor or cast.officer, fund=created, member=who or cast.member_a1,
                                amount=Decimal(amount), paid_on=days_ago(1), reason=reason)


def test_contributions_and_payouts_move_the_balance(cast):
    created = fund(cast, amount="1000")
    payout(cast, created, "400")
    created.refresh_from_db()
    assert created.balance == Decimal("600.00")
    assert created.history.count() == 3
    payout(cast, created, "600")
    created.refresh_from_db()
    assert created.balance == Decimal("0.00")


def test_a_payout_that_would_overdraw_is_refused_and_nothing_saved(cast):
    created = fund(cast, amount="1000")
    with pytest.raises(ValidationError) as excinfo:
        payout(cast, created, "1000.01")
    assert errors_of(excinfo)["amount"] == ["基金余额不足：当前余额1000.00元，本次支出1000.01元，不能透支"]
    created.refresh_from_db()
    assert created.balance == Decimal("1000.00") and not FundPayout.objects.exists()


@pytest.mark.parametrize("amount, text", [("-5", "负数"), ("5.123", "两位小数"), ("20000000", "1000万元"), ("0", "大于0")])
def test_bad_contribution_amounts_are_refused(cast, amount, text):
    created = fund(cast)
    with pytest.raises(ValidationError) as excinfo:
        services.fund_contribute(actor=cast.officer, fund=created, amount=Decimal(amount), on_date=days_ago(1))
    assert text in errors_of(excinfo)["amount"][0]
    created.refresh_from_db()
    assert created.balance == 0 and not FundContribution.objects.exists()


def test_payout_to_a_member_of_another_union_is_refused(cast):
    created = fund(cast, amount="1000")
    with pytest.raises(ValidationError) as excinfo:
        payout(cast, created, "10", who=cast.member_a2, actor=cast.street_admin)
    assert "不属于此企业的工会" in errors_of(excinfo)["member"][0]
    with pytest.raises(ValidationError) as excinfo:
        payout(cast, created, "10", who=cast.member_b1)
    assert errors_of(excinfo)["member"] == ["找不到该会员，或不在您的管辖范围内"]
    assert not FundPayout.objects.exists()


def test_payouts_need_the_care_grant(cast):
    created = fund(cast, amount="1000")
    cast.officer.may_access_care = False
    with pytest.raises(PermissionDenied):
        payout(cast, created, "10")


def test_a_fund_needs_an_enterprise_with_a_union_and_only_one(cast):
    with pytest.raises(ValidationError) as excinfo:
        services.fund_create(actor=cast.street_admin, enterprise=cast.enterprise_street_a, established_on=days_ago(1))
    assert "尚未建立工会" in errors_of(excinfo)["enterprise"][0]
    fund(cast)
    with pytest.raises(ValidationError) as excinfo:
        fund(cast)
    assert "已建立帮困基金" in errors_of(excinfo)["enterprise"][0]
    with pytest.raises(ValidationError) as excinfo:
        services.fund_create(actor=cast.officer, enterprise=cast.union_b1.enterprises.first(),
                             established_on=days_ago(1))
    assert "管辖范围" in errors_of(excinfo)["enterprise"][0]
    assert HardshipFund.objects.count() == 1


def test_contribution_before_the_fund_existed_is_refused(cast):
    created = fund(cast, on=days_ago(10))
    with pytest.raises(ValidationError) as excinfo:
        services.fund_contribute(actor=cast.officer, fund=created, amount=Decimal("5"), on_date=days_ago(11))
    assert "基金建立日期" in errors_of(excinfo)["on_date"][0]


def test_the_database_refuses_a_negative_balance_even_past_the_service(cast):
    created = fund(cast, amount="10")
    with pytest.raises(IntegrityError), transaction.atomic():
        HardshipFund.objects.filter(pk=created.pk).update(balance=Decimal("-0.01"))


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite locks the whole file")
def test_two_payouts_at_once_cannot_overdraw(cast):
    """The first payout holds the fund row until it commits; the second then sees what is left and is refused."""
    created = fund(cast, amount="1000")
    second_member = member(cast.union_a1, 601)
    first_done = threading.Event()
    outcomes: dict[str, str] = {}

    def first():
        try:
            with transaction.atomic():
                payout(cast, created, "600")
                first_done.set()
                time.sleep(0.5)
            outcomes["first"] = "paid"
        finally:
            connection.close()

    def second():
        try:
            first_done.wait(5)
            payout(cast, created, "600", who=second_member)
            outcomes["second"] = "paid"
        except ValidationError as exc:
            outcomes["second"] = exc.message_dict["amount"][0]
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    created.refresh_from_db()
    assert outcomes["first"] == "paid"
    assert "当前余额400.00元" in outcomes["second"]
    assert created.balance == Decimal("400.00") and FundPayout.objects.count() == 1

