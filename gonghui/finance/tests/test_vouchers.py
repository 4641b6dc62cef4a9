from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.finance import services
from gonghui.finance.models import Account, Books, Voucher, VoucherLine, VoucherStatus
from gonghui.finance.statements import balance_sheet, income_statement

from .helpers import line, posted, voucher

pytestmark = pytest.mark.django_db
D = Decimal


def errors_of(exc) -> dict:
    return {field: " ".join(messages) for field, messages in exc.value.message_dict.items()}


def test_the_books_open_with_the_chart_of_the_unions_level(cast):
    voucher(cast, date(2025, 3, 1), "50102", "102", 100)
    books = Books.objects.get(union=cast.union_a1, year=2025)
    codes = set(Account.objects.filter(books=books).values_list("code", flat=True))
    assert books.get_chart_display() == "基层工会会计科目"
    assert {"101", "102", "131", "211", "301", "321", "322", "401", "402", "40301", "40302", "405", "408",
            "50101", "50105", "50405", "505", "507", "510"} <= codes
    # County level and above only; and the 2009 chart's 502 维权 is gone from the grassroots one.
    assert not codes & {"212", "132", "502", "506", "508"}
    services.books_open(actor=cast.county_admin, union=cast.county, year=2025)
    county = set(Account.objects.filter(union=cast.county, year=2025).values_list("code", flat=True))
    assert {"212", "132", "502", "506", "508", "521"} <= county and "401" not in county


def test_a_voucher_that_does_not_balance_is_refused_and_nothing_is_saved(cast):
    with pytest.raises(ValidationError) as exc:
        services.voucher_create(actor=cast.officer, union=cast.union_a1, date=date(2025, 3, 1), summary="购书",
                                lines=[line("50304", debit=D("100.00")), line("102", credit=D("90.00"))])
    assert errors_of(exc) == {"__all__": "借贷不平衡：借方合计 100.00 元，贷方合计 90.00 元，凭证未保存"}
    assert not Voucher.objects.exists() and not VoucherLine.objects.exists()


@pytest.mark.parametrize(("row", "field", "message"), [
    (line("50102", debit="10.005"), "debit_1", "第1行借方金额最多保留两位小数（精确到分）"),
    (line("50102", debit="-10"), "debit_1", "第1行借方金额不能为负数"),
    (line("212", debit="10"), "code_1", "第1行科目“212”不是基层工会会计科目中的科目"),
    (line("502", debit="10"), "code_1", "第1行科目“502”不是基层工会会计科目中的科目"),
    (line("501", debit="10"), "code_1", "第1行科目“501 职工活动支出”设有明细科目，请记入明细科目"),
    (line("50102", debit="10", credit="10"), "debit_1", "第1行应填写借方或贷方金额之一，且金额须大于0"),
])
def test_bad_lines_are_refused_at_their_row(cast, row, field, message):
    with pytest.raises(ValidationError) as exc:
        services.voucher_create(actor=cast.officer, union=cast.union_a1, date=date(2025, 3, 1), summary="活动",
                                lines=[row, line("102", credit="10")])
    assert errors_of(exc)[field] == message
    assert not Voucher.objects.exists()


def test_the_preparer_cannot_post_their_own_voucher_and_a_posted_one_is_not_edited(cast):
    draft = voucher(cast, date(2025, 3, 1), "50102", "102", 100)
    with pytest.raises(ValidationError) as exc:
        services.voucher_post(actor=cast.officer, voucher=draft)
    assert errors_of(exc) == {"approved_by": services.SELF_APPROVAL}
    assert not VoucherLine.objects.filter(posted=True).exists()
    services.voucher_post(actor=cast.officer_no_care, voucher=draft)
    draft.refresh_from_db()
    assert draft.status == VoucherStatus.POSTED and draft.approved_by == cast.officer_no_care
    assert draft.label == "2025年 记字第0001号"
    with pytest.raises(ValidationError) as exc:
        services.voucher_update(actor=cast.officer, voucher=draft, date=date(2025, 3, 2), summary="改",
                                lines=[line("50102", debit=1), line("102", credit=1)])
    assert "不能修改" in errors_of(exc)["__all__"]
    assert draft.lines.get(code="50102").debit == D(100)


def test_a_reversal_undoes_a_posted_voucher_in_the_reports(cast):
    original = posted(cast, date(2025, 3, 1), "50102", "102", 100)
    reversal = services.voucher_reverse(actor=cast.officer, voucher=original, date=date(2025, 3, 5))
    assert reversal.reverses == original and reversal.number == 2
    assert reversal.lines.get(code="50102").credit == D(100)
    services.voucher_post(actor=cast.officer_no_care, voucher=reversal)
    report = income_statement(user=cast.officer, union=cast.union_a1, year=2025)
    assert report.value("二、支出合计") == 0
    with pytest.raises(ValidationError):
        services.voucher_reverse(actor=cast.officer, voucher=original)


def test_a_closed_month_locks_its_vouchers(cast):
    posted(cast, date(2025, 1, 10), "102", "401", 500)
    services.period_close(actor=cast.officer, union=cast.union_a1, year=2025, month=1)
    with pytest.raises(ValidationError) as exc:
        voucher(cast, date(2025, 1, 20), "50102", "102", 100)
    assert errors_of(exc) == {"date": "2025年1月已结账，不能在已结账期间录入、修改或记账凭证"}
    with pytest.raises(ValidationError) as exc:
        services.period_close(actor=cast.officer, union=cast.union_a1, year=2025, month=3)
    assert errors_of(exc) == {"month": "请先结账2025年2月（按月顺序结账）"}
    voucher(cast, date(2025, 2, 3), "50102", "102", 100)
    with pytest.raises(ValidationError) as exc:
        services.period_close(actor=cast.officer, union=cast.union_a1, year=2025, month=2)
    assert errors_of(exc) == {"month": "2025年2月还有1张凭证未记账，请记账或删除后再结账"}
    assert Books.objects.get(union=cast.union_a1, year=2025).closed_month == 1


def test_a_read_only_account_writes_nothing(cast):
    with pytest.raises(PermissionDenied):
        voucher(cast, date(2025, 3, 1), "50102", "102", 100, actor=cast.auditor, union=cast.union_a1)


# A grassroots union's year, by hand: (month, day, debit, credit, amount)
YEAR = [
    (1, 5, "102", "401", "1200.00"), (1, 20, "102", "402", "36000.00"), (2, 10, "50105", "102", "4800.50"),
    (3, 8, "50102", "102", "2350.00"), (4, 15, "102", "40302", "5000.00"), (5, 1, "50405", "101", "1500.00"),
    (6, 18, "50301", "102", "3000.00"), (7, 1, "102", "405", "8000.00"), (8, 20, "50404", "102", "2000.00"),
    (9, 9, "50501", "102", "1800.25"), (10, 10, "50702", "102", "6000.00"), (11, 11, "102", "408", "35.10"),
    (12, 12, "510", "102", "100.00"), (12, 20, "50304", "102", "999.99"), (6, 30, "101", "102", "2000.00"),
]


def test_a_year_of_vouchers_gives_the_hand_computed_income_statement(cast):
    for month, day, debit, credit, amount in YEAR:
        posted(cast, date(2025, month, day), debit, credit, amount)
    voucher(cast, date(2025, 12, 28), "50102", "102", 777)  # a draft counts nowhere
    report = income_statement(user=cast.officer, union=cast.union_a1, year=2025)
    assert report.form_number == "工会02表" and report.columns == ("本年数", "上年数")
    income = D("1200.00") + D("36000.00") + D("5000.00") + D("8000.00") + D("35.10")
    spending = (D("4800.50") + D("2350.00") + D("1500.00") + D("3000.00") + D("2000.00") + D("1800.25")
                + D("6000.00") + D("100.00") + D("999.99"))
    assert report.value("一、收入合计") == income == D("50235.10")
    assert report.value("二、支出合计") == spending == D("22550.74")
    assert report.value("三、本期收支差额") == D("27684.36")
    assert report.value("    职工活动支出") == D("7150.50")
    assert report.value("    职工服务支出") == D("3999.99")
    assert report.value("    维权支出") == D("3500.00")
    assert report.value("    上级补助收入") == D("5000.00")
    june = income_statement(user=cast.officer, union=cast.union_a1, year=2025, month=6)
    assert june.columns == ("本月数", "本年累计数")
    assert june.value("二、支出合计") == D("3000.00")
    assert june.value("二、支出合计", 1) == D("11650.50")
    sheet = balance_sheet(user=cast.officer, union=cast.union_a1, year=2025)
    assert sheet.value("货币资金", 1) == D("27684.36")
    assert sheet.value("资产总计", 1) == sheet.value("负债和净资产总计", 1) == D("27684.36")


def test_the_federation_sees_its_unions_consolidated(cast):
    posted(cast, date(2025, 2, 1), "102", "401", 300)
    posted(cast, date(2025, 2, 1), "102", "401", 200, union=cast.union_a2, actor=cast.sibling_officer,
           approver=cast.street_admin)
    posted(cast, date(2025, 2, 1), "102", "401", 50, union=cast.union_b1, actor=cast.other_officer,
           approver=cast.county_admin)
    street = income_statement(user=cast.street_admin, union=cast.street_a, year=2025, consolidated=True)
    assert street.value("    会费收入") == D(500)
    county = income_statement(user=cast.county_admin, union=cast.county, year=2025, consolidated=True)
    assert county.value("一、收入合计") == D(550)
    own = income_statement(user=cast.county_admin, union=cast.county, year=2025)
    assert own.value("一、收入合计") == 0
