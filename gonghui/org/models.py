from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node

from gonghui.core.models import TenantModel, user_field

from .choices import CommitteeBody, Formation, JointScope, OrgType, SeatRole, UnionLevel


class Union(MP_Node):
    """A node of the organisation tree: a federation or a grassroots union.

    The materialised path (django-treebeard) makes a whole subtree one
    indexed prefix query; tenant is the root federation of the tree.
    """

    FIGURES_COUNT_IT = True  # not a TenantModel, but its rows are counted (gonghui.core.figure_cache)

    SCOPE_PATH = "path"
    steplen = 4
    node_order_by = None

    tenant = models.ForeignKey("self", on_delete=models.PROTECT, related_name="+", null=True, db_index=False)
    name = models.CharField(_("名称"), max_length=100)
    code = models.CharField(_("工会代码"), max_length=30)
    level = models.CharField(_("层级"), max_length=12, choices=UnionLevel.choices)
    formation = models.CharField(_("组建方式"), max_length=8, choices=Formation.choices, blank=True)
    joint_scope = models.CharField(_("联合范围"), max_length=12, choices=JointScope.choices, blank=True)
    org_type = models.CharField(_("单位类型"), max_length=12, choices=OrgType.choices, blank=True)
    founded_on = models.DateField(_("成立日期"), null=True, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "code"], name="union_code_unique_in_tenant")]
        indexes = [
            models.Index(fields=["tenant", "level"]),
            # Subtree queries are `path LIKE 'prefix%'`; PostgreSQL only uses a
            # btree for that under the pattern operator class.
            models.Index(fields=["path"], name="union_path_prefix", opclasses=["varchar_pattern_ops"]),
        ]
        verbose_name = _("工会")

    def __str__(self) -> str:
        return self.name

    @property
    def is_federation(self) -> bool:
        return self.level != UnionLevel.GRASSROOTS


class UnionGroup(TenantModel):
    union = models.ForeignKey(Union, on_delete=models.CASCADE, related_name="groups", verbose_name=_("所属工会"))
    name = models.CharField(_("小组名称"), max_length=60)
    leader_name = models.CharField(_("组长"), max_length=30, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["union", "name"], name="group_name_unique_in_union")]
        verbose_name = _("工会小组")

    def __str__(self) -> str:
        return self.name


class Enterprise(TenantModel):
    # The grassroots union covering the enterprise, or, while it has none,
    # the federation that registered it (so it stays inside someone's scope).
    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="enterprises", verbose_name=_("所属工会"))
    name = models.CharField(_("企业名称"), max_length=120)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18)
    credit_code_override_by = user_field(null=True, blank=True)
    industry = models.CharField(_("行业"), max_length=40, blank=True)
    headcount = models.PositiveIntegerField(_("职工人数"), default=0)
    above_designated_size = models.BooleanField(_("规模以上"), default=False)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "credit_code"], name="enterprise_credit_code_unique_in_tenant")
        ]
        verbose_name = _("企业")

    def __str__(self) -> str:
        return self.name


class CommitteeSeat(TenantModel):
    union = models.ForeignKey(Union, on_delete=models.CASCADE, related_name="seats", verbose_name=_("工会"))
    body = models.CharField(_("机构"), max_length=12, choices=CommitteeBody.choices)
    role = models.CharField(_("职务"), max_length=12, choices=SeatRole.choices)
    person_name = models.CharField(_("姓名"), max_length=30)
    term_start = models.DateField(_("任期开始"))
    term_end = models.DateField(_("任期结束"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "role", "person_name"]
        verbose_name = _("委员会成员")


class UnionMove(TenantModel):
    """A union moved to another parent; the path changes, so the move is kept here."""

    union = models.ForeignKey(Union, on_delete=models.CASCADE, related_name="moves")
    from_parent = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="+")
    to_parent = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="+")
    moved_at = models.DateTimeField(auto_now_add=True)
    moved_by = user_field()

    class Meta:
        ordering = ["-moved_at"]
