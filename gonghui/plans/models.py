from functools import cache

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, union_field, user_field

from .choices import PlanItemStatus, PlanStatus, WorkArea

ALL_MONTHS = 0xFFF


def months_to_mask(months) -> int:
    """Months 1..12 as a 12-bit mask: bit m-1 is month m, so "planned in May" is one AND."""
    mask = 0
    for month in months:
        mask |= 1 << (int(month) - 1)
    return mask


@cache
def mask_to_months(mask: int) -> tuple[int, ...]:
    # 4096 masks at most: a federation's thousands of items share a handful.
    return tuple(m for m in range(1, 13) if mask & (1 << (m - 1)))


class ItemFields(models.Model):
    """What a plan item and a template item share: the line of the plan as written."""

    area = models.CharField(_("工作领域"), max_length=20, choices=WorkArea.choices)
    title = models.CharField(_("工作事项"), max_length=200)
    detail = models.TextField(_("具体内容"), blank=True)
    months = models.PositiveSmallIntegerField(_("安排月份"), default=ALL_MONTHS)
    owner = models.CharField(_("责任人"), max_length=60, blank=True)
    target_count = models.PositiveIntegerField(_("目标数量"), null=True, blank=True)
    target_unit = models.CharField(_("计量单位"), max_length=10, blank=True)
    position = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        abstract = True

    @property
    def month_list(self) -> list[int]:
        return list(mask_to_months(self.months))

    @property
    def months_label(self) -> str:
        months = self.month_list
        if len(months) == 12:
            return "全年"
        return "、".join(f"{m}月" for m in months)


class PlanTemplate(models.Model):
    """A plan to start from. Shipped templates have no owner; a federation's own are seen by its subtree."""

    SCOPE_PATH = "union__path"

    tenant = union_field(null=True, blank=True, db_index=False)
    union = models.ForeignKey("org.Union", on_delete=models.CASCADE, related_name="plan_templates", null=True,
                              blank=True, verbose_name=_("所属总工会"))
    name = models.CharField(_("模板名称"), max_length=60)
    suited_for = models.CharField(_("适用对象"), max_length=60, blank=True)
    guiding_ideas = models.TextField(_("指导思想"), blank=True)
    key_tasks = models.TextField(_("工作重点"), blank=True)
    code = models.SlugField(_("内置模板代码"), max_length=30, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["union_id", "name"]
        constraints = [models.UniqueConstraint(fields=["tenant", "union", "name"], name="plan_template_name_unique")]
        verbose_name = _("计划模板")

    def __str__(self) -> str:
        return self.name

    @property
    def is_shipped(self) -> bool:
        return self.union_id is None


class TemplateItem(ItemFields):
    template = models.ForeignKey(PlanTemplate, on_delete=models.CASCADE, related_name="items")
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("模板事项")


class Plan(TenantModel):
    """A union's plan for one year (年度工作计划)."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="plans", verbose_name=_("工会"))
    year = models.PositiveSmallIntegerField(_("年度"))
    guiding_ideas = models.TextField(_("指导思想"), blank=True)
    key_tasks = models.TextField(_("工作重点"), blank=True)
    status = models.CharField(_("状态"), max_length=8, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    source = models.CharField(_("来源"), max_length=80, blank=True)
    filed_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    created_by = user_field()
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "union", "year"], name="one_plan_per_union_year")]
        indexes = [models.Index(fields=["tenant", "year"], name="plan_tenant_year")]
        verbose_name = _("工作计划")

    def __str__(self) -> str:
        return f"{self.union.name}{self.year}年工作计划"


class PlanItem(TenantModel, ItemFields):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    # The plan's union, kept on the item so a subtree of items is one join, like every other table.
    union = union_field()
    status = models.CharField(_("状态"), max_length=8, choices=PlanItemStatus.choices, default=PlanItemStatus.ACTIVE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("计划事项")

    def __str__(self) -> str:
        return self.title
