"""Union finance (工会财务) under 《工会会计制度》(2021) and the audit of the books (经费审查).

A union's books of a year (`Books`) open with its chart of accounts copied from `chart.py` (`Account`).
A voucher (记账凭证) is prepared, optionally reviewed, and posted by an approver who is not its preparer;
its lines must balance. A posted voucher is never edited: a reversal (红字冲销, here the same lines with the
sides swapped) undoes it. Closing a month (月结; month 12 is 年结) locks every voucher dated in it.
Each line may name the record it pays for (an activity, a visit, an aid payment …): the source.

The 2% allocation (拨缴经费) is an enterprise's monthly payment, split on receipt by the federation's sharing
table in force (`SharingTable`); spending rules (`SpendingRules`) warn on vouchers. Audit projects
(`AuditProject`) of an audit committee (经审会) list findings, a rectification notice, the feedback, the closing.

Amounts are Decimal yuan to the fen. A line keeps its debit, its credit and `amount`, the line's effect on
its account's normal side (debit − credit for assets and expenditure, credit − debit otherwise): the reports
and the figures sum that one column.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, money_field, union_field, user_field
from gonghui.core.uploads import StoredFile, stored_file_path

from . import chart
from .choices import AccountCategory, AllocationChannel, AuditScope, AuditStatus, ChartKind, LineKind, VoucherStatus


def _money(verbose_name: str, **kwargs) -> models.DecimalField:
    """The books' amounts: up to a trillion yuan, to the fen."""
    return money_field(verbose_name, max_digits=14, **kwargs)


class Books(TenantModel):
    """A union's books of one year: its chart, the three who sign its reports, how far it is closed."""

    union = union_field(_("工会"))
    year = models.PositiveSmallIntegerField(_("会计年度"))
    chart = models.CharField(_("会计科目表"), max_length=12, choices=ChartKind.choices)
    legal_representative = models.CharField(_("法定代表人"), max_length=30, blank=True)
    finance_head = models.CharField(_("主管会计工作负责人"), max_length=30, blank=True)
    accounting_head = models.CharField(_("会计机构负责人"), max_length=30, blank=True)
    # The last month closed (0: none; 12: the year is closed, 年结).
    closed_month = models.PositiveSmallIntegerField(_("已结账至（月）"), default=0)
    # The last month whose reports went to the level above (报送; month 12 carries the yearly reports).
    filed_month = models.PositiveSmallIntegerField(_("已报送至（月）"), default=0)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "union", "year"], name="finance_books_unique")]
        verbose_name = _("账套")

    def __str__(self) -> str:
        return f"{self.union.name} {self.year}年账套"


class Account(TenantModel):
    """One account of a union's chart for one year."""

    union = union_field(_("工会"))
    books = models.ForeignKey(Books, on_delete=models.CASCADE, related_name="accounts")
    year = models.PositiveSmallIntegerField(_("会计年度"))
    code = models.CharField(_("科目编号"), max_length=10)
    name = models.CharField(_("科目名称"), max_length=40)
    category = models.CharField(_("科目类别"), max_length=12, choices=AccountCategory.choices)
    normal_side = models.CharField(_("余额方向"), max_length=6,
                                   choices=((chart.DEBIT, _("借")), (chart.CREDIT, _("贷"))))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "books", "code"], name="finance_account_unique")]
        ordering = ["code"]
        verbose_name = _("会计科目")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Voucher(TenantModel):
    """A 记账凭证: dated, numbered per union and year, its lines balanced."""

    union = union_field(_("工会"))
    year = models.PositiveSmallIntegerField(_("会计年度"))
    number = models.PositiveIntegerField(_("凭证号"))
    date = models.DateField(_("日期"))
    summary = models.CharField(_("摘要"), max_length=200)
    attachment_count = models.PositiveSmallIntegerField(_("附单据张数"), default=0)
    status = models.CharField(_("状态"), max_length=10, choices=VoucherStatus.choices, default=VoucherStatus.DRAFT)
    prepared_by = user_field(_("制单人"))
    reviewed_by = user_field(_("审核人"), null=True, blank=True)
    approved_by = user_field(_("记账（审批）人"), null=True, blank=True)
    posted_on = models.DateField(_("记账日期"), null=True, blank=True)
    reverses = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="reversed_by", verbose_name=_("冲销的凭证"))
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "union", "year", "number"],
                                               name="finance_voucher_number_unique")]
        indexes = [models.Index(fields=["union", "date"], name="finance_voucher_union_date")]
        verbose_name = _("记账凭证")

    def __str__(self) -> str:
        return f"记-{self.number:04d} {self.summary}"

    @property
    def label(self) -> str:
        return f"{self.year}年 记字第{self.number:04d}号"


class VoucherLine(TenantModel):
    """One line of a voucher. Its date, union and posting state are copied from the voucher so a county's
    reports for a year are one range scan of this table (docs/benchmarks.md, Finance)."""

    union = union_field(_("工会"))
    voucher = models.ForeignKey(Voucher, on_delete=models.CASCADE, related_name="lines", verbose_name=_("凭证"))
    date = models.DateField(_("日期"))
    posted = models.BooleanField(_("已记账"), default=False)
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+", verbose_name=_("会计科目"))
    code = models.CharField(_("科目编号"), max_length=10)
    summary = models.CharField(_("摘要"), max_length=200, blank=True)
    debit = _money(_("借方金额"), default=0)
    credit = _money(_("贷方金额"), default=0)
    amount = _money(_("余额方向金额"), default=0)
    kind = models.CharField(_("支出性质"), max_length=12, choices=LineKind.choices, default=LineKind.ORDINARY)
    headcount = models.PositiveIntegerField(_("受益人数"), default=0)
    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["tenant", "posted", "date"], include=["union", "code", "amount"],
                         name="finance_line_tenant_date"),
            models.Index(fields=["union", "posted", "date"], include=["code", "amount"],
                         name="finance_line_union_date"),
            models.Index(fields=["source_type", "source_id"], name="finance_line_source",
                         condition=Q(source_id__isnull=False)),
        ]
        verbose_name = _("凭证分录")

    def __str__(self) -> str:
        return f"{self.code} {self.summary}"


# Migration 0001 names the old upload path; the same folders are now `stored_file_path`'s.
attachment_path = stored_file_path


class VoucherAttachment(StoredFile):
    """An invoice or receipt scanned onto a voucher."""

    voucher = models.ForeignKey(Voucher, on_delete=models.CASCADE, related_name="attachments")
    history = HistoricalRecords()

    class Meta(StoredFile.Meta):
        verbose_name = _("凭证附件")


class PeriodClose(TenantModel):
    """A month closed (月结; month 12 closes the year, 年结): who closed it and when; and once closed, its reports
    (工会01表 and 02表; month 12 with the yearly ones) filed to the level above (报送). The books of a closed month
    no longer change, so the report the level above opens is the one filed."""

    union = union_field(_("工会"))
    books = models.ForeignKey(Books, on_delete=models.CASCADE, related_name="closings")
    month = models.PositiveSmallIntegerField(_("月份"))
    closed_on = models.DateField(_("结账日期"))
    closed_by = user_field(_("结账人"))
    filed_on = models.DateField(_("报表报送日期"), null=True, blank=True)
    filed_by = user_field(_("报送人"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "books", "month"], name="finance_close_unique")]
        ordering = ["month"]
        verbose_name = _("结账记录")


class Budget(TenantModel):
    """The budget (预算) of one account of a union's year; its execution (决算) is read from posted lines."""

    union = union_field(_("工会"))
    year = models.PositiveSmallIntegerField(_("预算年度"))
    code = models.CharField(_("科目编号"), max_length=10)
    amount = _money(_("预算数（元）"))
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "union", "year", "code"],
                                               name="finance_budget_unique")]
        ordering = ["code"]
        verbose_name = _("预算")


def one_a_day(name: str) -> list[models.UniqueConstraint]:
    """A province table's constraint: one table of a kind per federation and day."""
    return [models.UniqueConstraint(fields=["tenant", "union", "effective_from"], name=name)]


class ProvinceTable(TenantModel):
    """A table of the province's rules a federation sets from a day on; the one in force for a union is the
    nearest federation's above it, latest first (selectors.table_in_force)."""

    union = union_field(_("制定工会"))
    province = models.CharField(_("省份"), max_length=30)
    effective_from = models.DateField(_("执行日期"))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.province} {self.effective_from:%Y-%m-%d}起"


class SharingTable(ProvinceTable):
    """The province's split of the 2% allocation between the levels, from a day on (percent, adding to 100)."""

    grassroots = models.DecimalField(_("基层工会留成（%）"), max_digits=5, decimal_places=2)
    street = models.DecimalField(_("乡镇（街道）总工会（%）"), max_digits=5, decimal_places=2, default=0)
    county = models.DecimalField(_("县级总工会（%）"), max_digits=5, decimal_places=2, default=0)
    city = models.DecimalField(_("市级总工会（%）"), max_digits=5, decimal_places=2, default=0)
    province_share = models.DecimalField(_("省总工会（%）"), max_digits=5, decimal_places=2, default=0)
    national = models.DecimalField(_("全国总工会（%）"), max_digits=5, decimal_places=2, default=0)
    history = HistoricalRecords()

    SHARES = ("grassroots", "street", "county", "city", "province_share", "national")

    class Meta:
        constraints = one_a_day("finance_sharing_unique")
        verbose_name = _("拨缴经费分成比例")


class AllocationPayment(TenantModel):
    """One month's 2% allocation (拨缴经费) of an enterprise, received by its union."""

    union = union_field(_("工会"))
    enterprise = models.ForeignKey("org.Enterprise", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("缴费企业"))
    month = models.DateField(_("所属月份"))
    payroll = _money(_("工资总额（元）"))
    amount = _money(_("应拨缴经费（元）"))
    channel = models.CharField(_("缴纳方式"), max_length=8, choices=AllocationChannel.choices)
    received_on = models.DateField(_("到账日期"))
    own_share = _money(_("本级留成（元）"))
    upper_share = _money(_("应上缴上级（元）"))
    table = models.ForeignKey(SharingTable, on_delete=models.PROTECT, related_name="+", verbose_name=_("分成比例"))
    voucher = models.ForeignKey(Voucher, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("记账凭证"))
    created_by = user_field(_("登记人"))
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "enterprise", "month"],
                                               name="finance_allocation_month_unique")]
        indexes = [models.Index(fields=["tenant", "received_on"], name="finance_allocation_received")]
        verbose_name = _("拨缴经费")

    def __str__(self) -> str:
        return f"{self.enterprise.name} {self.month:%Y年%m月}"


class SpendingRules(ProvinceTable):
    """The province's spending rules from a day on: each one only warns, the voucher is still saved."""

    gift_limit = _money(_("慰问品每人每年限额（元）"))
    cash_gifts_banned = models.BooleanField(_("禁止发放现金和购物卡"), default=True)
    equipment_threshold = _money(_("通用设备固定资产标准（元）"), default=1000)
    history = HistoricalRecords()

    class Meta:
        constraints = one_a_day("finance_rules_unique")
        verbose_name = _("经费开支规定")


class DuesRate(ProvinceTable):
    """Members' dues (会费) as a percentage of the monthly wage, set for the province from a day on."""

    rate = models.DecimalField(_("会费标准（月工资的%）"), max_digits=5, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        constraints = one_a_day("finance_dues_rate_unique")
        verbose_name = _("会费标准")


class DuesPayment(TenantModel):
    """One month's dues of a union's members, received: the wages of the members who paid, times the rate."""

    union = union_field(_("工会"))
    month = models.DateField(_("所属月份"))
    members = models.PositiveIntegerField(_("缴纳会员人数"))
    wages = _money(_("缴纳会员工资总额（元）"))
    amount = _money(_("会费（元）"))
    rate = models.ForeignKey(DuesRate, on_delete=models.PROTECT, related_name="+", verbose_name=_("会费标准"))
    received_on = models.DateField(_("收缴日期"))
    voucher = models.ForeignKey(Voucher, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("记账凭证"))
    created_by = user_field(_("登记人"))
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "union", "month"], name="finance_dues_month_unique")]
        verbose_name = _("会费收缴")

    def __str__(self) -> str:
        return f"{self.union.name} {self.month:%Y年%m月}会费"


class AuditProject(TenantModel):
    """An audit (经费审查) by the audit committee of `committee` of the books of `union` (itself or below it)."""

    union = union_field(_("被审查工会"))
    committee = union_field(_("经审会所在工会"))
    year = models.PositiveSmallIntegerField(_("审查年度"))
    title = models.CharField(_("审查项目"), max_length=120)
    scope = models.JSONField(_("审查范围"), default=list)
    started_on = models.DateField(_("开始日期"))
    status = models.CharField(_("状态"), max_length=10, choices=AuditStatus.choices, default=AuditStatus.OPEN)
    notice = models.TextField(_("整改通知"), max_length=4000, blank=True)
    deadline = models.DateField(_("整改期限"), null=True, blank=True)
    feedback = models.TextField(_("整改反馈"), max_length=4000, blank=True)
    feedback_on = models.DateField(_("反馈日期"), null=True, blank=True)
    closed_on = models.DateField(_("销号日期"), null=True, blank=True)
    created_by = user_field(_("登记人"))
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["tenant", "started_on"], name="finance_audit_started")]
        verbose_name = _("经费审查项目")

    def __str__(self) -> str:
        return self.title

    def scope_labels(self) -> str:
        return "、".join(str(AuditScope(value).label) for value in self.scope if value in AuditScope.values)


class AuditFinding(TenantModel):
    """A finding of an audit: the rule it breaks and the amount involved."""

    union = union_field(_("被审查工会"))
    project = models.ForeignKey(AuditProject, on_delete=models.CASCADE, related_name="findings",
                                verbose_name=_("审查项目"))
    area = models.CharField(_("审查范围"), max_length=12, choices=AuditScope.choices)
    description = models.CharField(_("问题"), max_length=300)
    rule = models.CharField(_("违反的规定"), max_length=200)
    amount = _money(_("涉及金额（元）"), default=0)
    found_on = models.DateField(_("发现日期"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["found_on", "id"]
        verbose_name = _("审查发现问题")

    def __str__(self) -> str:
        return self.description
