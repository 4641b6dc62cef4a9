"""The reports of 《工会会计制度》: 工会01表 资产负债表 and 工会02表 收入支出表, built from posted voucher lines,
monthly or yearly, for one union's books or consolidated over a federation's subtree; and their Excel in the
official layout, with the three signatures.

Each report is one grouped query over the lines (code, summed `amount`, the columns as conditional sums):
a county's year of 2,000,000 lines is one index scan (docs/benchmarks.md, Finance).

No carry-forward voucher is written at year end (年结 locks the year), so the balance sheet's 工会资金结余 adds
what income and expenditure accounts hold to the balance of 322: assets = liabilities + net assets holds for any
set of balanced vouchers.
"""

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import xlsxwriter
from django.db.models import Q, QuerySet, Sum
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from gonghui.core.money import CENT
from gonghui.core.scoping import visible, within
from gonghui.core.xlsx import XLSX_TYPE, neutralise
from gonghui.org.models import Union

from . import chart
from .models import Books, VoucherLine

ZERO = Decimal(0)


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[Decimal, ...]
    line: int = 0
    code: str = ""
    total: bool = False
    heading: bool = False


@dataclass
class Statement:
    key: str  # "01" or "02"
    title: str
    union: Union
    consolidated: bool
    period_label: str
    columns: tuple[str, ...]
    rows: list[Row]
    signers: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def form_number(self) -> str:
        return f"工会{self.key}表"

    def value(self, label: str, column: int = 0) -> Decimal:
        return next(row.values[column] for row in self.rows if row.label == label)


def _lines(*, user, union: Union, consolidated: bool) -> QuerySet:
    qs = visible(VoucherLine.objects.filter(posted=True), user)
    return within(qs, union) if consolidated else qs.filter(union=union)


def _sums(qs: QuerySet, columns: dict[str, Q]) -> dict[str, dict[str, Decimal]]:
    """{column: {code: summed amount}} in one grouped query."""
    rows = qs.order_by().values("code").annotate(**{name: Sum("amount", filter=q) for name, q in columns.items()})
    result = {name: {} for name in columns}
    for row in rows:
        for name in columns:
            # SQLite sums decimals as floats' text; the report is to the fen on every database.
            result[name][row["code"]] = Decimal(row[name] or 0).quantize(CENT)
    return result


def _of(sums: dict[str, Decimal], *codes: str) -> Decimal:
    return sum((value for code, value in sums.items() if code.startswith(codes)), ZERO)


def _signers(union: Union, year: int) -> tuple[tuple[str, str], ...]:
    books = Books.objects.filter(tenant_id=union.tenant_id, union=union, year=year).first()
    names = (books.legal_representative, books.finance_head, books.accounting_head) if books else ("", "", "")
    return tuple(zip(("法定代表人", "主管会计工作负责人", "会计机构负责人"), names))


def _chart_codes(union: Union, consolidated: bool, category: str) -> list[str]:
    charts = (chart.GRASSROOTS, chart.COUNTY) if consolidated else (chart.chart_of_level(union.level),)
    codes = {code for kind in charts for code, _, cat, _ in chart.chart_accounts(kind) if cat == category and len(code) == 3}
    return sorted(codes)


def _period(year: int, month: int | None) -> str:
    return f"{year}年{month}月" if month else f"{year}年度"


def income_statement(*, user, union: Union, year: int, month: int | None = None,
                     consolidated: bool = False) -> Statement:
    """工会02表: monthly (本月数, 本年累计数) or yearly (本年数, 上年数)."""
    if month:
        start = date(year, month, 1)
        end = date(year + (month == 12), month % 12 + 1, 1)
        columns = {"now": Q(date__gte=start, date__lt=end), "other": Q(date__gte=date(year, 1, 1), date__lt=end)}
        qs = _lines(user=user, union=union, consolidated=consolidated).filter(date__gte=date(year, 1, 1),
                                                                             date__lt=end)
        headings = ("本月数", "本年累计数")
    else:
        columns = {"now": Q(date__year=year), "other": Q(date__year=year - 1)}
        qs = _lines(user=user, union=union, consolidated=consolidated).filter(
            date__gte=date(year - 1, 1, 1), date__lte=date(year, 12, 31))
        headings = ("本年数", "上年数")
    qs = qs.filter(Q(code__startswith="4") | Q(code__startswith="5"))
    sums = _sums(qs, columns)
    rows, line = [], 0

    def add(label, values, **kwargs):
        nonlocal line
        line += 1
        rows.append(Row(label=label, values=values, line=line, **kwargs))

    def block(title: str, category: str) -> tuple[Decimal, Decimal]:
        codes = _chart_codes(union, consolidated, category)
        totals = tuple(_of(sums[name], *codes) for name in columns)
        add(title, totals, total=True)
        for code in codes:
            add(f"    {chart.NAMES[code]}", tuple(_of(sums[name], code) for name in columns), code=code)
        return totals

    income = block("一、收入合计", chart.INCOME)
    spending = block("二、支出合计", chart.EXPENDITURE)
    add("三、本期收支差额", tuple(i - s for i, s in zip(income, spending)), total=True)
    return Statement(key="02", title="收入支出表", union=union, consolidated=consolidated,
                     period_label=_period(year, month), columns=headings, rows=rows, signers=_signers(union, year))


# 工会01表: (label, codes added, codes taken away); None: a subtotal row computed from the rows above it.
_BALANCE_ASSETS = (
    ("货币资金", ("101", "102"), ()), ("零余额账户用款额度", ("111",), ()), ("财政应返还额度", ("121",), ()),
    ("应收上级经费", ("131",), ()), ("应收下级经费", ("132",), ()), ("其他应收款", ("135",), ()),
    ("库存物品", ("141",), ()),
)
_BALANCE_LONG = (
    ("投资", ("151",), ()), ("在建工程", ("161",), ()), ("固定资产原值", ("162",), ()), ("减：累计折旧", ("163",), ()),
    ("固定资产净值", ("162",), ("163",)), ("无形资产原值", ("171",), ()), ("减：累计摊销", ("172",), ()),
    ("无形资产净值", ("171",), ("172",)), ("长期待摊费用", ("181",), ()), ("待处理财产损溢", ("182",), ()),
)
_LONG_IN_TOTAL = ("投资", "在建工程", "固定资产净值", "无形资产净值", "长期待摊费用", "待处理财产损溢")
_LIABILITIES = (
    ("应付职工薪酬", ("201",), ()), ("应付上级经费", ("211",), ()), ("应付下级经费", ("212",), ()),
    ("其他应付款", ("215",), ()), ("代管经费", ("221",), ()),
)
_NET_ASSETS = (
    ("资产基金", ("301",), ()), ("专用基金", ("311",), ()), ("工会资金结转", ("321",), ()),
    # The year's income less expenditure not yet carried forward sits in 结余 (see the module's note).
    ("工会资金结余", ("322", "4"), ("5",)), ("财政拨款结转", ("331",), ()), ("财政拨款结余", ("332",), ()),
    ("预算稳定调节基金", ("341",), ()),
)


def balance_sheet(*, user, union: Union, year: int, month: int | None = None,
                  consolidated: bool = False) -> Statement:
    """工会01表 at the end of the month (or year): 年初余额 and 期末余额 (年末余额)."""
    end = date(year + (month == 12), month % 12 + 1, 1) if month else date(year + 1, 1, 1)
    qs = _lines(user=user, union=union, consolidated=consolidated).filter(date__lt=end)
    sums = _sums(qs, {"opening": Q(date__lt=date(year, 1, 1)), "closing": Q()})
    rows: list[Row] = []

    def value(plus, minus, column):
        return _of(sums[column], *plus) - (_of(sums[column], *minus) if minus else ZERO)

    def add(label, plus=(), minus=(), values=None, **kwargs):
        values = values or tuple(value(plus, minus, column) for column in ("opening", "closing"))
        rows.append(Row(label=label, values=values, line=len(rows) + 1, **kwargs))
        return values

    def total(label, labels):
        picked = [row.values for row in rows if row.label in labels]
        return add(label, values=tuple(sum((v[i] for v in picked), ZERO) for i in (0, 1)), total=True)

    for label, plus, minus in _BALANCE_ASSETS:
        add(label, plus, minus)
    current = total("流动资产合计", {label for label, _, _ in _BALANCE_ASSETS})
    for label, plus, minus in _BALANCE_LONG:
        add(label, plus, minus)
    long_term = [row.values for row in rows if row.label in _LONG_IN_TOTAL]
    add("资产总计", values=tuple(current[i] + sum((v[i] for v in long_term), ZERO) for i in (0, 1)), total=True)
    for label, plus, minus in _LIABILITIES:
        add(label, plus, minus)
    liabilities = total("负债合计", {label for label, _, _ in _LIABILITIES})
    for label, plus, minus in _NET_ASSETS:
        add(label, plus, minus)
    net = total("净资产合计", {label for label, _, _ in _NET_ASSETS})
    add("负债和净资产总计", values=tuple(liabilities[i] + net[i] for i in (0, 1)), total=True)
    return Statement(key="01", title="资产负债表", union=union, consolidated=consolidated,
                     period_label=_period(year, month), columns=("年初余额", "年末余额" if not month else "期末余额"),
                     rows=rows, signers=_signers(union, year))


def statement_xlsx(statement: Statement) -> HttpResponse:
    """The report as the official form lays it out: title, form number, unit and period, 项目/行次/columns,
    the rows, and the three signatures under them."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    sheet = workbook.add_worksheet(statement.title)
    title = workbook.add_format({"bold": True, "font_size": 16, "align": "center"})
    head = workbook.add_format({"bold": True, "border": 1, "align": "center", "bg_color": "#F2F2F2"})
    cell = workbook.add_format({"border": 1})
    bold = workbook.add_format({"border": 1, "bold": True})
    money = workbook.add_format({"border": 1, "num_format": "#,##0.00"})
    money_bold = workbook.add_format({"border": 1, "num_format": "#,##0.00", "bold": True})
    width = 2 + len(statement.columns)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 6)
    sheet.set_column(2, width - 1, 18)
    sheet.merge_range(0, 0, 0, width - 1, statement.title + ("（汇总）" if statement.consolidated else ""), title)
    sheet.write_string(1, width - 1, statement.form_number)
    sheet.write_string(2, 0, neutralise(f"编制单位：{statement.union.name}"))
    sheet.write_string(2, 2, statement.period_label)
    sheet.write_string(2, width - 1, "单位：元")
    for col, text in enumerate(("项目", "行次", *statement.columns)):
        sheet.write_string(3, col, text, head)
    for index, row in enumerate(statement.rows, start=4):
        sheet.write_string(index, 0, row.label, bold if row.total else cell)
        sheet.write_number(index, 1, row.line, cell)
        for col, amount in enumerate(row.values, start=2):
            sheet.write_number(index, col, float(amount), money_bold if row.total else money)
    footer = 5 + len(statement.rows)
    for col, (role, name) in enumerate(statement.signers):
        sheet.write_string(footer, col * 2 if col < 2 else width - 1, neutralise(f"{role}：{name}"))
    workbook.close()
    name = f"{statement.form_number}{statement.title}_{statement.union.name}_{statement.period_label}.xlsx"
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
