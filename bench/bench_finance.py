"""A county's consolidated 工会02表 for a year: 2,001 unions, 2,000,000 voucher lines (issue 15: under 2 s).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_finance .venv/bin/python bench/bench_finance.py

Data (built the first time, reused after): a county federation of its own (not the demo county: the books need
no members), 20 streets of 99 grassroots unions each, every union's books of 2025 opened from its chart through
the real service, then 1,000,000 posted vouchers of two lines each written with COPY, day by day over 2025:
half income (dues, the 2%, subsidies) into the bank, half expenditure out of it, on the accounts of each union's
chart. The indexes are dropped for the COPY and built again after it, then VACUUM ANALYZE.

Measures (median of 9 runs): the consolidated 02表 of the county for 2025 (本年数 and 上年数: one grouped scan of
the lines of both years), the same through the report page (RequestFactory, template rendered), a street's
consolidated 02表, the county's consolidated 01表 at the year end. The baseline, in the same run, is the bare
grouped SQL the 02表 rests on (sum of the lines' amounts by account over the same rows), without the ORM,
scoping or the report's layout.
"""

import time
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from common import median_ms, report, require_postgresql, ensure_database, sql_ms, vacuum_analyze, view_ms

from django.db import connection, transaction

from gonghui.accounts.models import User
from gonghui.demo.bulk import constraints_suspended, copy_rows
from gonghui.finance import chart, services
from gonghui.finance.models import Account, Books, Voucher, VoucherLine
from gonghui.finance.statements import balance_sheet, income_statement
from gonghui.org.models import Union, UnionLevel

SEED = 15
YEAR = 2025
CODE = "BENCHFIN"
STREETS, PER_STREET = 20, 99
VOUCHERS = 1_000_000
TARGET_MS = 2000
INCOME = {chart.GRASSROOTS: ("401", "402", "40301", "40302", "405", "408"),
          chart.COUNTY: ("402", "40301", "40302", "404", "408")}
SPENDING = {chart.GRASSROOTS: ("50101", "50102", "50105", "50301", "50302", "50404", "50405", "50501", "50701",
                               "510"),
            chart.COUNTY: ("502", "50301", "50302", "50404", "50405", "50501", "50602", "50701", "50801")}


def build_tree() -> tuple[Union, User]:
    root = Union.objects.filter(code=CODE, depth=1).first()
    if root is None:
        root = Union.objects.add_root({"name": "财务基准县总工会", "code": CODE, "level": UnionLevel.COUNTY})
        root.tenant_id = root.pk
        root.save()
        for s in range(STREETS):
            street = Union.objects.add_child(root, {"name": f"第{s + 1}街道总工会", "code": f"S{s:02d}",
                                                    "level": UnionLevel.STREET, "tenant_id": root.pk})
            for g in range(PER_STREET):
                Union.objects.add_child(street, {"name": f"第{s + 1}街道第{g + 1}工会", "code": f"S{s:02d}G{g:03d}",
                                                 "level": UnionLevel.GRASSROOTS, "tenant_id": root.pk})
    admin = User.objects.filter(username="bench_finance_admin").first() or User.objects.create_user(
        username="bench_finance_admin", password="bench-finance-password", union=root, role="federation_admin",
        full_name="财务基准管理员")
    return root, admin


def _rows(unions: list[Union], accounts: dict, admin: User):
    rng = Random(SEED)
    first = date(YEAR, 1, 1)
    days = [first + timedelta(days=n) for n in range(365)]
    numbers = dict.fromkeys((u.id for u in unions), 0)
    vouchers, lines = [], []
    for voucher_id in range(1, VOUCHERS + 1):
        union = unions[rng.randrange(len(unions))]
        kind = chart.chart_of_level(union.level)
        day = days[voucher_id * len(days) // (VOUCHERS + 1)]
        numbers[union.id] += 1
        amount = Decimal(rng.randrange(100, 2_000_000)) / 100
        income = rng.random() < 0.5
        code = rng.choice(INCOME[kind] if income else SPENDING[kind])
        vouchers.append((union.tenant_id, union.id, voucher_id, YEAR, numbers[union.id], day, "基准凭证", 0, "posted",
                         admin.pk, admin.pk, day))
        debit, credit = ("102", code) if income else (code, "102")
        for side, account_code in (("debit", debit), ("credit", credit)):
            line_debit, line_credit = (amount, 0) if side == "debit" else (0, amount)
            normal = chart.normal_side(account_code)
            signed = amount if (normal == side) else -amount
            lines.append((union.tenant_id, union.id, voucher_id, day, True, accounts[(union.id, account_code)],
                          account_code, "", line_debit, line_credit, signed, "ordinary", 0))
    return vouchers, lines


def ensure_books(root: Union, admin: User) -> None:
    if VoucherLine.objects.filter(tenant_id=root.pk).count() == 2 * VOUCHERS:
        return
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE finance_voucherline, finance_voucherattachment, finance_voucher, "
                       "finance_historicalvoucher CASCADE")
    unions = list(Union.objects.filter(tenant_id=root.pk).order_by("path"))
    for union in unions:
        if not Books.objects.filter(union=union, year=YEAR).exists():
            services.books_open(actor=admin, union=union, year=YEAR)
    print(f"books opened: {time.monotonic() - started:.0f} s", flush=True)
    accounts = {(union_id, code): pk for pk, union_id, code in
                Account.objects.filter(tenant_id=root.pk, year=YEAR).values_list("pk", "union_id", "code")}
    vouchers, lines = _rows(unions, accounts, admin)
    print(f"rows drawn: {time.monotonic() - started:.0f} s", flush=True)
    with transaction.atomic(), constraints_suspended(models=[Voucher, VoucherLine], indexes=True):
        copy_rows(model=Voucher, rows=vouchers, columns=(
            "tenant_id", "union_id", "id", "year", "number", "date", "summary", "attachment_count", "status",
            "prepared_by_id", "approved_by_id", "posted_on"))
        copy_rows(model=VoucherLine, rows=lines, columns=(
            "tenant_id", "union_id", "voucher_id", "date", "posted", "account_id", "code", "summary", "debit",
            "credit", "amount", "kind", "headcount"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval(pg_get_serial_sequence('finance_voucher', 'id'), "
                       "(SELECT max(id) FROM finance_voucher))")
    vacuum_analyze([Voucher, VoucherLine, Account, Books])
    print(f"{len(lines):,} voucher lines written in {time.monotonic() - started:.0f} s", flush=True)


def main() -> None:
    require_postgresql()
    ensure_database()
    root, admin = build_tree()
    ensure_books(root, admin)
    street = Union.objects.filter(tenant_id=root.pk, level=UnionLevel.STREET).order_by("path").first()
    baseline = sql_ms(
        "SELECT code, SUM(amount) FROM finance_voucherline WHERE tenant_id = %s AND posted "
        "AND date BETWEEN %s AND %s GROUP BY code", [root.pk, date(YEAR - 1, 1, 1), date(YEAR, 12, 31)])
    county = income_statement(user=admin, union=root, year=YEAR, consolidated=True)
    print(f"收入合计 {county.value('一、收入合计'):,.2f}，支出合计 {county.value('二、支出合计'):,.2f}", flush=True)
    rows = [
        ("consolidated 02表, county, 2025 (2,000,000 lines)",
         median_ms(lambda: income_statement(user=admin, union=root, year=YEAR, consolidated=True)), TARGET_MS,
         baseline),
        ("the report page, county, 2025", view_ms(admin, "/finance/reports/02/",
                                                  {"union": root.pk, "year": YEAR, "consolidated": 1}),
         TARGET_MS, baseline),
        ("consolidated 02表, a street, 2025",
         median_ms(lambda: income_statement(user=admin, union=street, year=YEAR, consolidated=True)), TARGET_MS,
         baseline),
        ("consolidated 01表, county, 2025 year end",
         median_ms(lambda: balance_sheet(user=admin, union=root, year=YEAR, consolidated=True)), TARGET_MS,
         baseline),
    ]
    report(rows)


if __name__ == "__main__":
    main()
