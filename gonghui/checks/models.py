"""Checks (考核): rubrics a federation owns, campaigns that assess unions (or teams) against them, and the
scores, evidence and objections of each assessment.

A rubric (考核细则/评估细则) is versioned; its sections hold items, each with a maximum, a scoring method,
the evidence it asks for and whether it is a veto item (一票否决). An item may name a registered figure
(`figure_key`) and a target: the system pre-fills its score from that figure, and the reviewer overrides
it only with a reason. An assessment runs 自评 → 复核 → 结果 → 公示 → 命名, and later 复查 and 摘牌.
Evidence that is a ledger record names it by the model string "ledger.Activity" (a sibling app: not imported).
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.files import random_file_name
from gonghui.core.models import TenantModel, union_field, user_field

from .choices import AssessmentStatus, EvidenceKind, NoticeStatus, RubricKind, ScoringMethod

# A score, to one decimal: the rubric items' and assessments' here, the competitions' indicators and entries too.
SCORE = {"max_digits": 6, "decimal_places": 1}


class Rubric(TenantModel):
    """A federation's rubric, one version of it; `levels` are (lowest total, level) from the top level down."""

    union = union_field(_("制定单位"))
    kind = models.CharField(_("考核类别"), max_length=16, choices=RubricKind.choices)
    name = models.CharField(_("细则名称"), max_length=120)
    version = models.PositiveSmallIntegerField(_("版本"), default=1)
    levels = models.JSONField(_("等次"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "union", "name", "version"],
                                               name="checks_rubric_version_unique")]
        verbose_name = _("考核细则")

    def __str__(self) -> str:
        return f"{self.name}（第{self.version}版）"

    @property
    def max_total(self) -> Decimal:
        return sum((item.max_score for item in self.items.all()), Decimal(0))

    def level_for(self, total: Decimal) -> str:
        for lowest, label in self.levels:
            if total >= Decimal(str(lowest)):
                return label
        return "不达标"

    @property
    def levels_text(self) -> str:
        return "；".join(f"{label}≥{lowest}分" for lowest, label in self.levels) or "—"


class RubricSection(TenantModel):
    SCOPE_PATH = "rubric__union__path"

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("序号"))
    title = models.CharField(_("考核项目"), max_length=120)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("考核项目")

    def __str__(self) -> str:
        return self.title


class RubricItem(TenantModel):
    SCOPE_PATH = "rubric__union__path"

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(RubricSection, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("序号"))
    text = models.CharField(_("考核内容"), max_length=300)
    max_score = models.DecimalField(_("分值"), **SCORE)
    method = models.CharField(_("评分方法"), max_length=10, choices=ScoringMethod.choices, default=ScoringMethod.ADD)
    deduct_per = models.DecimalField(_("每次扣分"), null=True, blank=True, **SCORE)
    evidence_kind = models.CharField(_("材料类型"), max_length=10, choices=EvidenceKind.choices,
                                     default=EvidenceKind.DOCUMENT)
    evidence = models.CharField(_("考核依据"), max_length=200, blank=True)
    veto = models.BooleanField(_("一票否决"), default=False)
    figure_key = models.CharField(_("统计指标"), max_length=80, blank=True)
    figure_target = models.DecimalField(_("达标值"), max_digits=12, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["section__order", "order", "id"]
        verbose_name = _("考核细则条目")

    def __str__(self) -> str:
        return self.text


class Campaign(TenantModel):
    """An assessment campaign (e.g. 2025年度职工之家评估): a rubric, the unions assessed, the period."""

    union = union_field(_("组织单位"))
    rubric = models.ForeignKey(Rubric, on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("考核细则"))
    name = models.CharField(_("考核名称"), max_length=120)
    year = models.PositiveSmallIntegerField(_("年度"))
    starts_on = models.DateField(_("考核期起"))
    ends_on = models.DateField(_("考核期止"))
    publicity_days = models.PositiveSmallIntegerField(_("公示天数"), default=7)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("考核")

    def __str__(self) -> str:
        return self.name


class Assessment(TenantModel):
    """One union (or one of its teams, `subject`) in a campaign, from self-assessment to naming."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="assessments",
                                 verbose_name=_("考核"))
    union = union_field(_("被考核单位"))
    subject = models.CharField(_("考核对象"), max_length=120, blank=True,
                               help_text=_("班组等，留空即为工会本身"))
    status = models.CharField(_("状态"), max_length=12, choices=AssessmentStatus.choices,
                              default=AssessmentStatus.SELF)
    self_total = models.DecimalField(_("自评得分"), null=True, blank=True, **SCORE)
    total = models.DecimalField(_("复核得分"), null=True, blank=True, **SCORE)
    vetoed = models.BooleanField(_("一票否决"), default=False)
    level = models.CharField(_("等次"), max_length=30, blank=True)
    submitted_on = models.DateField(_("自评报送日期"), null=True, blank=True)
    reviewed_on = models.DateField(_("复核日期"), null=True, blank=True)
    publicity_starts_on = models.DateField(_("公示开始"), null=True, blank=True)
    publicity_ends_on = models.DateField(_("公示截止"), null=True, blank=True)
    named_on = models.DateField(_("命名日期"), null=True, blank=True)
    rechecked_on = models.DateField(_("复查日期"), null=True, blank=True)
    withdrawn_on = models.DateField(_("摘牌日期"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("摘牌原因"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["campaign", "status"], name="checks_assessment_status")]
        verbose_name = _("考核对象")

    def __str__(self) -> str:
        return f"{self.campaign.name}：{self.subject or self.union.name}"

    @property
    def name(self) -> str:
        return self.subject or self.union.name


class ItemScore(TenantModel):
    """The self-assessment and the federation's score of one item; a pre-filled score keeps its source."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    union = union_field()
    item = models.ForeignKey(RubricItem, on_delete=models.PROTECT, related_name="+")
    self_score = models.DecimalField(_("自评分"), null=True, blank=True, **SCORE)
    self_note = models.CharField(_("自评说明"), max_length=300, blank=True)
    prefilled = models.DecimalField(_("系统计分"), null=True, blank=True, **SCORE)
    prefilled_value = models.CharField(_("统计值"), max_length=40, blank=True)
    prefilled_url = models.CharField(_("统计来源"), max_length=300, blank=True)
    score = models.DecimalField(_("复核分"), null=True, blank=True, **SCORE)
    comment = models.CharField(_("复核意见"), max_length=300, blank=True)
    override_reason = models.CharField(_("调整理由"), max_length=300, blank=True)
    # A veto item's finding: True = the veto applies (e.g. a serious accident), False = cleared, None = not decided.
    veto_applies = models.BooleanField(_("否决情形"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "item"], name="checks_score_unique")]
        verbose_name = _("条目得分")


def evidence_path(instance, filename: str) -> str:
    return random_file_name(f"checks/{instance.tenant_id}", filename)


class Evidence(TenantModel):
    """A file, or a ledger record of the assessed union's, offered for one item."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    union = union_field()
    item = models.ForeignKey(RubricItem, on_delete=models.PROTECT, related_name="+", verbose_name=_("考核内容"))
    file = models.FileField(_("文件"), upload_to=evidence_path, max_length=200, blank=True)
    name = models.CharField(_("材料名称"), max_length=200)
    file_type = models.CharField(_("类型"), max_length=8, blank=True)
    size = models.PositiveIntegerField(_("大小（字节）"), default=0)
    activity = models.ForeignKey("ledger.Activity", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("台帐记录"))
    uploaded_by = user_field()
    uploaded_at = models.DateTimeField(_("上传时间"))

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("佐证材料")

    def __str__(self) -> str:
        return self.name


class Objection(TenantModel):
    """An objection raised during publicity (公示期异议)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="objections")
    union = union_field()
    raised_on = models.DateField(_("提出日期"))
    raised_by = models.CharField(_("提出人"), max_length=60)
    text = models.CharField(_("异议内容"), max_length=500)
    answer = models.CharField(_("处理意见"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["raised_on", "id"]
        verbose_name = _("公示异议")


class SupervisionNotice(TenantModel):
    """A labour-law supervision notice (劳动法律监督意见书): the findings of a check of an enterprise's union
    (the items scored below their maximum), a deadline, the enterprise's answer and the re-check closing it."""

    assessment = models.OneToOneField(Assessment, on_delete=models.PROTECT, related_name="notice",
                                      verbose_name=_("检查"))
    union = union_field(_("被检查单位"))
    findings = models.TextField(_("检查发现的问题"), max_length=5000)
    issued_on = models.DateField(_("下达日期"))
    deadline = models.DateField(_("整改期限"))
    status = models.CharField(_("状态"), max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.OPEN)
    answer = models.TextField(_("企业答复"), max_length=2000, blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    closed_on = models.DateField(_("复查日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("劳动法律监督意见书")

    def __str__(self) -> str:
        return f"{self.union.name}劳动法律监督意见书（{self.issued_on:%Y-%m-%d}）"
