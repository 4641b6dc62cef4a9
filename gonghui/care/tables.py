"""The columns of each care list, shared by the page and its .xlsx export so the two always agree.

ID numbers are masked here, once, for both; a column that needs the care grant is left out of both without it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.urls import reverse

from gonghui.core import registry
from gonghui.core.identifiers import mask_id_number
from gonghui.core.scoping import may_access_care


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Any], Any]
    width: int = 14
    link: Callable[[Any], str] | None = None
    needs_grant: bool = False


@dataclass(frozen=True)
class Cell:
    text: str
    link: str = ""
    numeric: bool = False


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[tuple[str, int]]:
        return [(c.label, c.width) for c in self.columns]

    def for_user(self, user) -> "Table":
        if may_access_care(user):
            return self
        return Table(tuple(c for c in self.columns if not c.needs_grant))

    def plus(self, column: Column) -> "Table":
        return Table((*self.columns, column))

    def values(self, obj) -> list:
        return [c.value(obj) for c in self.columns]

    def cells(self, objects: Iterable) -> list[list[Cell]]:
        return [
            [Cell(display(v), c.link(obj) if c.link else "", isinstance(v, (int, Decimal)) and not isinstance(v, bool))
             for c, v in zip(self.columns, self.values(obj))]
            for obj in objects
        ]


def voucher_column(user, records) -> Column:
    """记账凭证: the voucher paying for each record, the standing (latest) one. The books are finance's, a layer
    above care: it registers "finance.voucher_links" (*, user, records) -> {record id: [(text, url)]}."""
    links = registry.provider("finance.voucher_links")(user=user, records=records)

    def last(record, part: int) -> str:
        return links[record.pk][-1][part] if record.pk in links else ("尚未记账" if part == 0 else "")
    return Column("记账凭证", lambda o: last(o, 0), 24, lambda o: last(o, 1))


def _member_columns(member: Callable[[Any], Any], link: Callable[[Any], str] | None = None) -> tuple[Column, ...]:
    return (
        Column("姓名", lambda o: member(o).name, 10, link),
        Column("身份证号码", lambda o: mask_id_number(member(o).id_number), 22),
    )


def file_url(file) -> str:
    return reverse("care:file_detail", args=[file.pk])


UNION = Column("所属工会", lambda o: o.union.name, 24)

FILES = Table((
    *_member_columns(lambda f: f.member, file_url),
    UNION,
    Column("致困原因", lambda f: f.get_causes_display(), 24),
    Column("家庭月人均收入（元）", lambda f: f.income_per_head, 14),
    Column("困难类别", lambda f: f.get_level_display(), 10),
    Column("状态", lambda f: f.get_status_display(), 12),
    Column("申请日期", lambda f: f.applied_on, 12),
    Column("建档日期", lambda f: f.approved_on, 12),
    Column("最近复核", lambda f: f.last_reviewed_on, 12),
))

AID = Table((
    *_member_columns(lambda a: a.file.member, lambda a: file_url(a.file)),
    UNION,
    Column("救助类型", lambda a: a.get_kind_display(), 12),
    Column("金额（元）", lambda a: a.amount, 12),
    Column("发放日期", lambda a: a.paid_on, 12),
    Column("资金来源", lambda a: a.get_fund_source_display(), 16),
    Column("备注", lambda a: a.note, 24),
))

FUNDS = Table((
    Column("企业", lambda f: f.enterprise.name, 30, lambda f: reverse("care:fund_detail", args=[f.pk])),
    UNION,
    Column("建立日期", lambda f: f.established_on, 12),
    # The balance drops with every payout: who was helped, and when, needs the grant.
    Column("余额（元）", lambda f: f.balance, 14, needs_grant=True),
))

PAYOUTS = Table((
    *_member_columns(lambda p: p.member),
    Column("金额（元）", lambda p: p.amount, 12),
    Column("发放日期", lambda p: p.paid_on, 12),
    Column("救助事由", lambda p: p.reason, 30),
))

VISITS = Table((
    Column("慰问对象", lambda v: v.target_name, 24),
    Column("对象类型", lambda v: "会员" if v.member_id else "企业", 8),
    UNION,
    Column("慰问事由", lambda v: v.get_reason_display(), 10),
    Column("所属活动", lambda v: v.get_campaign_display(), 16),
    Column("慰问日期", lambda v: v.visited_on, 12),
    Column("慰问人", lambda v: v.visitors, 16),
    Column("慰问金（元）", lambda v: v.money, 12),
    Column("慰问品", lambda v: v.goods, 20),
    Column("慰问品价值（元）", lambda v: v.goods_value, 14),
    Column("覆盖职工", lambda v: v.workers_reached or None, 10),
))

GRANTS = Table((
    *_member_columns(lambda g: g.member),
    UNION,
    Column("学生姓名", lambda g: g.student_name, 10),
    Column("学段", lambda g: g.get_school_level_display(), 8),
    Column("学校", lambda g: g.school_name, 24),
    Column("金额（元）", lambda g: g.amount, 12),
    Column("发放日期", lambda g: g.granted_on, 12),
))

UNITS = Table((
    Column("参保单位", lambda u: u.name, 30, lambda u: reverse("care:medical_unit", args=[u.pk])),
    UNION,
    Column("参保年度", lambda u: u.year, 10),
    Column("全员参保", lambda u: u.whole_unit, 10),
    Column("参保人次", lambda u: u.enrolled, 10),
))

ENROLMENTS = Table((
    *_member_columns(lambda e: e.member, lambda e: reverse("care:enrolment_detail", args=[e.pk])),
    Column("参保单位", lambda e: e.unit.enterprise.name if e.unit.enterprise_id else e.union.name, 28),
    Column("参保年度", lambda e: e.year, 10),
    Column("参保类别", lambda e: e.get_category_display(), 10),
    Column("参保日期", lambda e: e.enrolled_on, 12),
))

CARDS = Table((
    *_member_columns(lambda c: c.member),
    UNION,
    Column("信息采集日期", lambda c: c.collected_on, 12),
    Column("制卡日期", lambda c: c.issued_on or "待制卡", 12,
           lambda c: "" if c.issued_on else reverse("care:card_issue", args=[c.pk])),
    Column("卡号", lambda c: c.card_number, 16),
))
