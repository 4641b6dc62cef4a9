from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gonghui.care.models import Visit
from gonghui.finance import selectors, services
from gonghui.finance.models import AllocationPayment, AuditStatus, LineKind, SharingTable
from gonghui.ledger.services import activity_create
from gonghui.org.models import Enterprise

from .helpers import line, posted

pytestmark = pytest.mark.django_db
D = Decimal
TODAY = timezone.localdate()


def errors_of(exc) -> dict:
    return {field: " ".join(messages) for field, messages in exc.value.message_dict.items()}


def table(cast, **overrides):
    shares = dict(grassroots=60, street=5, county=10, city=10, province_share=10, national=5)
    return services.sharing_table_create(actor=cast.county_admin, union=cast.county, province="浙江省",
                                         effective_from=date(2022, 1, 1), **{**shares, **overrides})


def enterprise(cast):
    return Enterprise.objects.create(tenant_id=cast.county.pk, union=cast.union_a1, name="甲一机械有限公司",
                                     credit_code="91330100MA2B000015")


def test_a_sharing_table_must_add_up_to_100(cast):
    with pytest.raises(ValidationError) as exc:
        table(cast, national=10)
    assert errors_of(exc) == {"__all__": "各级分成比例合计应为100%，现为105%"}
    assert not SharingTable.objects.exists()


def test_the_allocation_is_split_on_receipt_by_the_table_in_force(cast):
    table(cast)
    company = enterprise(cast)
    payment = services.allocation_receive(actor=cast.officer, enterprise=company, month=date(2025, 3, 1),
                                          payroll=D("1234567.89"), channel="tax", received_on=date(2025, 4, 10))
    assert payment.amount == D("24691.36") and payment.own_share == D("14814.82")
    assert payment.upper_share == D("9876.54")
    lines = {row.code: (row.debit, row.credit) for row in payment.voucher.lines.all()}
    assert lines == {"102": (D("24691.36"), 0), "402": (0, D("14814.82")), "211": (0, D("9876.54"))}
    assert payment.voucher.lines.first().source == payment
    with pytest.raises(ValidationError) as exc:
        services.allocation_receive(actor=cast.officer, enterprise=company, month=date(2025, 3, 20),
                                    payroll=100, channel="direct", received_on=date(2025, 4, 10))
    assert errors_of(exc) == {"month": "甲一机械有限公司2025年03月的拨缴经费已登记"}
    assert AllocationPayment.objects.count() == 1


def test_arrears_of_more_than_three_months_are_flagged(cast):
    table(cast)
    company = enterprise(cast)
    services.books_open(actor=cast.officer, union=cast.union_a1, year=TODAY.year)
    assert company in selectors.arrears_list(user=cast.officer)
    services.allocation_receive(actor=cast.officer, enterprise=company, month=selectors.months_before(TODAY, 4),
                                payroll=1000, channel="direct", received_on=TODAY)
    assert company not in selectors.arrears_list(user=cast.officer)
    assert not selectors.arrears_list(user=cast.other_officer).exists()


def test_spending_rules_warn_on_cash_gifts_over_the_gift_limit_and_expensed_equipment(cast):
    services.spending_rules_create(actor=cast.county_admin, union=cast.county, province="浙江省",
                                   effective_from=date(2022, 1, 1), gift_limit=D("1000"))
    voucher = services.voucher_create(actor=cast.officer, union=cast.union_a1, date=date(2025, 9, 1), summary="中秋",
                                      lines=[line("50105", debit=D("12000"), kind=LineKind.GIFT, headcount=10),
                                             line("50105", debit=D("500"), kind=LineKind.CASH_CARD),
                                             line("50102", debit=D("3000"), kind=LineKind.EQUIPMENT),
                                             line("102", credit=D("15500"))])
    assert selectors.voucher_warnings(voucher=voucher) == [
        "第1行：本年慰问品人均1200.00元，超过每人每年1000元的限额",
        "第2行：发放现金或购物卡作为礼品，违反浙江省经费开支规定",
        "第3行：单价1000元以上的通用设备应按固定资产入账（507 资本性支出，同时记 162 固定资产），不应列为费用",
    ]


def test_an_activity_suggests_its_voucher_once(cast):
    activity = activity_create(actor=cast.officer, union=cast.union_a1, kind="culture_sports", title="职工篮球赛",
                               date=TODAY - timedelta(days=1), participant_count=40, cost=D("2600.00"))
    found = selectors.suggestions(user=cast.officer, union=cast.union_a1, year=activity.date.year)
    assert [(s.summary, s.amount, s.code) for s in found] == [("职工篮球赛活动经费", D("2600.00"), "50102")]
    voucher = services.voucher_from_source(actor=cast.officer, source=activity)
    assert {row.code: row.debit for row in voucher.lines.all()} == {"50102": D("2600.00"), "102": 0}
    assert list(selectors.vouchers_of_record(user=cast.officer, record=activity)) == [voucher]
    assert selectors.suggestions(user=cast.officer, union=cast.union_a1, year=activity.date.year) == []
    with pytest.raises(ValidationError):
        services.voucher_from_source(actor=cast.officer, source=activity)


def test_a_visit_suggests_the_warmth_account(cast):
    visit = Visit.objects.create(tenant_id=cast.county.pk, union=cast.union_a1, member=cast.member_a1,
                                 reason="festival", visited_on=TODAY, visitors="工会主席", money=D("500"),
                                 goods_value=D("100"), created_by=cast.officer)
    voucher = services.voucher_from_source(actor=cast.officer, source=visit)
    assert voucher.lines.get(code="50405").debit == D("600")


def test_an_audit_runs_from_findings_to_closing(cast):
    project = services.audit_project_create(actor=cast.street_admin, committee=cast.street_a, union=cast.union_a1,
                                            year=2025, title="2025年度经费审查", scope=["spending", "assets"],
                                            started_on=TODAY - timedelta(days=20))
    with pytest.raises(ValidationError) as exc:
        services.audit_project_create(actor=cast.street_admin, committee=cast.street_a, union=cast.union_b1,
                                      year=2025, title="越级", scope=["budget"], started_on=TODAY)
    assert errors_of(exc) == {"union": "找不到该工会，或不在您的管辖范围内"} or "union" in errors_of(exc)
    services.audit_finding_add(actor=cast.street_admin, project=project, area="spending",
                               description="以购物卡发放节日慰问品", rule="基层工会经费收支管理办法", amount=D("3000"))
    services.audit_notice(actor=cast.street_admin, project=project, notice="请于期限内退回并整改",
                          deadline=TODAY - timedelta(days=1))
    assert selectors.finance_todo(user=cast.street_admin, today=TODAY).overdue_findings == 1
    with pytest.raises(ValidationError):
        services.audit_close(actor=cast.street_admin, project=project)
    services.audit_feedback(actor=cast.officer, project=project, feedback="已追回并改为实物慰问")
    services.audit_close(actor=cast.street_admin, project=project)
    project.refresh_from_db()
    assert project.status == AuditStatus.CLOSED
    assert selectors.finance_todo(user=cast.street_admin, today=TODAY).overdue_findings == 0


def test_the_budget_sets_accounts_of_the_level_and_reads_execution(cast):
    services.budget_set(actor=cast.officer, union=cast.union_a1, year=2025, code="501", amount=D("10000"))
    with pytest.raises(ValidationError) as exc:
        services.budget_set(actor=cast.officer, union=cast.union_a1, year=2025, code="506", amount=D("1"))
    assert errors_of(exc) == {"code": "“506”不是本级工会会计科目中的收入或支出科目"}
    posted(cast, date(2025, 5, 1), "50102", "102", 2500)
    rows = {row.code: row for row in selectors.budget_execution(user=cast.officer, union=cast.union_a1, year=2025)}
    assert rows["501"].budget == D("10000") and rows["501"].actual == D("2500") and rows["501"].rate == "25%"


def test_the_assessment_scores_the_books(cast):
    services.books_open(actor=cast.officer, union=cast.union_a1, year=2025, legal_representative="王建国",
                        finance_head="李秀英", accounting_head="")
    posted(cast, date(2025, 1, 10), "102", "401", 500)
    services.period_close(actor=cast.officer, union=cast.union_a1, year=2025, month=1, closed_on=date(2025, 2, 10))
    services.period_close(actor=cast.officer, union=cast.union_a1, year=2025, month=2, closed_on=date(2025, 4, 1))
    [row] = selectors.books_assessment(user=cast.street_admin, union=cast.street_a, year=2025,
                                       today=date(2026, 1, 20))
    assert row.union == cast.union_a1
    assert [item[1:] for item in row.items] == [(1, 1), (1, 12), (0, 12), (0, 1), (0, 1)]
    assert row.score == "7.4%"
