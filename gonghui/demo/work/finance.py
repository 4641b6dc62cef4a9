"""The books of the demo year (工会财务): the county's 2% sharing table, dues rate and spending rules; for a
sample of grassroots unions (the demo officers' first) and every street, a year of vouchers posted by the level
above: dues at the province's rate, the 2% of each enterprise month by month, subsidies, and the expenditure that
the ledger's activities and care's visits, grants and aid suggest (accepted, never typed twice), an activity centre
built here and there; budgets; the months closed as they end and their reports filed. One enterprise stops paying,
so arrears have one to flag. The streets' audit committees audit four unions each ("对辖区内的四家社区进行了工会
财务审计"): findings, notices, feedback, closing, and one notice left overdue.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from gonghui.finance import selectors, services
from gonghui.finance.models import AllocationChannel, AuditScope
from gonghui.org.models import JointScope, Union, UnionLevel

from .context import Work, Writer, yuan

NAMES = ("王建国", "李秀英", "张志强", "刘海燕", "陈国华", "杨丽娟", "赵文斌", "黄晓红", "周立新", "吴春梅")
FINDINGS = (
    (AuditScope.SPENDING, "以购物卡形式发放节日慰问品", "基层工会经费收支管理办法（禁止发放现金、购物卡）", 2000, 6000),
    (AuditScope.SPENDING, "会员生日慰问超过规定标准", "基层工会经费收支管理办法", 500, 3000),
    (AuditScope.ASSETS, "购置单价千元以上设备未登记固定资产", "工会会计制度第三十二条", 1200, 8000),
    (AuditScope.BUDGET, "预算执行进度滞后，未及时调整预算", "工会预算管理办法", 0, 0),
    (AuditScope.ALLOCATION, "部分会员会费未按时收缴", "工会会费收缴和管理办法", 300, 1500),
)


@dataclass
class FinanceSummary:
    books: int = 0
    vouchers: int = 0
    allocations: int = 0
    audits: int = 0


class FinanceWriter(Writer, topic="finance", summary=FinanceSummary):
    def rules(self) -> None:
        root, start = self.work.root, date(self.work.year - 3, 1, 1)
        actor = self.work.staff.of(root)
        services.sharing_table_create(actor=actor, union=root, province="浙江省", effective_from=start,
                                      grassroots=60, street=5, county=15, city=10, province_share=5, national=5)
        services.spending_rules_create(actor=actor, union=root, province="浙江省", effective_from=start,
                                       gift_limit=Decimal(1000))
        services.dues_rate_create(actor=actor, union=root, province="浙江省", effective_from=start,
                                  rate=Decimal("0.5"))

    def _post(self, voucher, approver) -> None:
        services.voucher_post(actor=approver, voucher=voucher, posted_on=min(voucher.date + timedelta(days=2),
                                                                             self.work.as_of))
        self.summary.vouchers += 1

    def _voucher(self, union, actor, approver, day, summary, debit, credit, amount) -> None:
        if day is None or amount <= 0:
            return
        voucher = services.voucher_create(actor=actor, union=union, date=day, summary=summary, lines=[
            {"code": debit, "debit": amount, "summary": summary}, {"code": credit, "credit": amount, "summary": summary}])
        self._post(voucher, approver)

    def _day(self, month: int, first: int = 1, last: int = 28) -> date | None:
        return self.work.day_between(self.rng, date(self.work.year, month, first), date(self.work.year, month, last))

    def books(self, union: Union, *, stops_paying: bool = False) -> None:
        work, rng, year = self.work, self.rng, self.work.year
        actor, approver = work.staff.of(union, care=True), work.staff.of(work.parent(union), care=True)
        signers = rng.sample(NAMES, 3)
        services.books_open(actor=actor, union=union, year=year, legal_representative=signers[0],
                            finance_head=signers[1], accounting_head=signers[2])
        self.summary.books += 1
        grassroots = union.level == UnionLevel.GRASSROOTS
        self._voucher(union, actor, approver, self._day(1, 1, 1), "上年结余转入", "102", "322",
                      yuan(rng, 50000, 300000, step=1000))
        for month in work.months_begun():
            if grassroots:
                self._dues(union, actor, approver, month)
                self._allocations(union, actor, approver, month, stops_paying=stops_paying)
            else:
                self._voucher(union, actor, approver, self._day(month), f"{month}月上级一般性转移支付", "102",
                              "40301", yuan(rng, 5000, 30000, step=100))
        self._income_and_spending(union, actor, approver, grassroots)
        for code, low, high in (("501" if grassroots else "502", 20000, 80000), ("503", 5000, 30000),
                                ("504", 5000, 40000), ("505", 2000, 10000)):
            services.budget_set(actor=actor, union=union, year=year, code=code, amount=yuan(rng, low, high, step=100))
        books = selectors.books_of(union=union, year=year)
        for month in work.months_begun()[:-1]:
            closed_on = min(date(year, month + 1, 5) if month < 12 else date(year + 1, 1, 5), work.as_of)
            services.period_close(actor=actor, union=union, year=year, month=month, closed_on=closed_on)
            # Filed to the level above a few days later, by the 15th.
            services.report_file(actor=actor, books=books, filed_on=min(closed_on + timedelta(days=3), work.as_of))

    def _dues(self, union, actor, approver, month: int) -> None:
        """The month's dues of the members paying, at the province's rate (0.5% of their wages)."""
        day = self._day(month)
        if day is None:
            return
        members = self.rng.randint(20, 150)
        payment = services.dues_receive(actor=actor, union=union, month=date(self.work.year, month, 1),
                                        members=members, wages=members * yuan(self.rng, 4000, 9000, step=100),
                                        received_on=day)
        self._post(payment.voucher, approver)

    def _allocations(self, union, actor, approver, month: int, *, stops_paying: bool) -> None:
        for index, enterprise in enumerate(self.work.enterprises_by_union.get(union.id, [])):
            if stops_paying and index == 0 and month > 3:
                continue
            received = self.work.day_between(self.rng, date(self.work.year, month, 1),
                                             date(self.work.year, month, 28) + timedelta(days=15))
            if received is None or received.year != self.work.year:
                continue
            payroll = Decimal(max(enterprise.headcount, 10)) * yuan(self.rng, 4000, 9000, step=100)
            payment = services.allocation_receive(
                actor=actor, enterprise=enterprise, month=date(self.work.year, month, 1), payroll=payroll,
                channel=AllocationChannel.TAX if self.rng.random() < 0.7 else AllocationChannel.DIRECT,
                received_on=received)
            self._post(payment.voucher, approver)
            self.summary.allocations += 1

    def _income_and_spending(self, union, actor, approver, grassroots: bool) -> None:
        work, rng = self.work, self.rng
        for suggestion in selectors.suggestions(user=actor, union=union, year=work.year, limit=200):
            if suggestion.record.union_id == union.id:
                self._post(services.voucher_from_source(actor=actor, source=suggestion.record), approver)
        months = work.months_begun()
        if grassroots:
            self._voucher(union, actor, approver, self._day(rng.choice(months)), "行政拨付活动经费补助", "102", "405",
                          yuan(rng, 5000, 20000, step=100))
        self._voucher(union, actor, approver, self._day(rng.choice(months)), "上级工会送温暖专项补助", "102",
                      "40302", yuan(rng, 2000, 10000, step=100))
        self._voucher(union, actor, approver, self._day(rng.choice(months)), "职工之家建设", "50302", "102",
                      yuan(rng, 2000, 15000, step=100))
        self._voucher(union, actor, approver, self._day(rng.choice(months)), "工会干部培训", "50501", "102",
                      yuan(rng, 500, 3000))
        if rng.random() < 0.4 or union.id in work.spotlight:
            self._voucher(union, actor, approver, self._day(rng.choice(months)), "建设职工活动中心", "50701", "102",
                          yuan(rng, 20000, 120000, step=1000))
        self._voucher(union, actor, approver, self._day(months[-1]), "银行存款利息", "102", "408",
                      yuan(rng, 10, 200, step=1))

    def audits(self, audited: list[Union]) -> None:
        work, rng = self.work, self.rng
        for street in work.tree.streets:
            below = [u for u in audited if u.path.startswith(street.path)]
            below.sort(key=lambda u: (u.joint_scope != JointScope.COMMUNITY, u.path))
            actor = work.staff.of(street)
            for index, union in enumerate(below[:4]):
                started = work.day_between(rng, date(work.year, 3, 1), date(work.year, 9, 30))
                if started is None:
                    continue
                project = services.audit_project_create(
                    actor=actor, committee=street, union=union, year=work.year - 1,
                    title=f"{work.short(union)}{work.year - 1}年度工会经费审查",
                    scope=[AuditScope.BUDGET, AuditScope.SPENDING, AuditScope.ASSETS, AuditScope.ALLOCATION],
                    started_on=started)
                self.summary.audits += 1
                for area, description, rule, low, high in rng.sample(FINDINGS, rng.randint(1, 3)):
                    services.audit_finding_add(actor=actor, project=project, area=area, description=description,
                                               rule=rule, amount=yuan(rng, low, high) if high else 0,
                                               found_on=min(started + timedelta(days=7), work.as_of))
                deadline = started + timedelta(days=30)
                services.audit_notice(actor=actor, project=project, deadline=deadline,
                                      notice="请对审查发现的问题逐项整改，并于期限内书面报告整改情况。")
                # The first of each street stays unanswered (overdue once its deadline passes); the others answer.
                answered = min(started + timedelta(days=20), work.as_of)
                if index == 0 or answered <= started:
                    continue
                services.audit_feedback(actor=work.staff.of(union), project=project, feedback_on=answered,
                                        feedback="已逐项整改：追回违规发放款项，补登固定资产卡片，完善预算调整程序。")
                if index % 2 == 1:
                    services.audit_close(actor=actor, project=project,
                                         closed_on=min(answered + timedelta(days=5), work.as_of))


def build_finance(work: Work) -> FinanceSummary:
    writer = FinanceWriter(work)
    writer.rules()
    unions = work.sample_unions(writer.rng, work.grassroots, work.scaled(30, floor=4))
    for index, union in enumerate(unions):
        writer.books(union, stops_paying=index == 0)
    for street in work.tree.streets:
        writer.books(street)
    writer.audits(unions)
    return writer.summary
