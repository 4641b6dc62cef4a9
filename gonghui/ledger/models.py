from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, money_field, union_field, user_field

from .choices import ActivityKind, HonourLevel, RecipientType


# Kinds whose results are rankings and prizes.
CONTEST_KINDS = (ActivityKind.CULTURE_SPORTS, ActivityKind.COMPETITION, ActivityKind.SKILL_CONTEST)


class Activity(TenantModel):
    """A ledger entry (台帐): something the union did, with who, where, what it cost and came to."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="activities", verbose_name=_("工会"))
    kind = models.CharField(_("类别"), max_length=16, choices=ActivityKind.choices)
    title = models.CharField(_("活动名称"), max_length=200)
    # One session of a running series ("一小时讲堂", "阳光家庭成长沙龙"): the summaries count the sessions.
    series = models.CharField(_("系列活动名称"), max_length=60, blank=True,
                              help_text=_("属于系列活动的，填写系列名称，如：一小时讲堂"))
    date = models.DateField(_("日期"))
    end_date = models.DateField(_("结束日期"), null=True, blank=True)
    place = models.CharField(_("地点"), max_length=100, blank=True)
    organiser = models.CharField(_("组织者"), max_length=60, blank=True)
    participant_count = models.PositiveIntegerField(_("参加人数"), default=0)
    participants = models.ManyToManyField("members.Member", through="ActivityParticipant", related_name="+",
                                          verbose_name=_("参加人员"))
    cost = money_field(_("费用（元）"), default=0)
    results = models.TextField(_("成效"), blank=True)
    # String reference: plans reads the ledger for progress, the ledger points at plan items.
    plan_item = models.ForeignKey("plans.PlanItem", on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="activities", verbose_name=_("对应计划事项"))
    created_by = user_field()
    created_at = models.DateTimeField(auto_now_add=True)
    attachments = GenericRelation("ledger.Attachment")
    history = HistoricalRecords()

    class Meta:
        # Period lists of the county, of a subtree (one range per union) and of one kind. The included
        # columns let PostgreSQL count a filtered list, and sum its participants and costs (the registry's
        # ledger figures over a year of a county: ~1M rows), from the index alone, without visiting the table.
        indexes = [
            models.Index(fields=["tenant", "date"], include=["union", "participant_count", "cost"],
                         name="activity_tenant_date_sums"),
            models.Index(fields=["union", "date"], include=["tenant", "kind"], name="activity_union_date"),
            models.Index(fields=["tenant", "kind", "date"], include=["union"], name="activity_tenant_kind_date"),
            models.Index(fields=["plan_item", "date"], name="activity_plan_item_date",
                         condition=Q(plan_item__isnull=False)),
            # The sessions of a series in a period ("已经开展102期一小时讲堂"), a small share of all entries.
            models.Index(fields=["tenant", "series", "date"], include=["union"], name="activity_series_date",
                         condition=~Q(series="")),
        ]
        verbose_name = _("活动台帐")

    def __str__(self) -> str:
        return self.title


class ActivityTally(TenantModel):
    """Entries per union, month and kind, kept by the activity services in the same transaction.

    The year views count a federation's millions of entries from these few thousand rows.
    """

    union = models.ForeignKey("org.Union", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16, choices=ActivityKind.choices)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["union", "year", "month", "kind"], name="tally_unique")]
        indexes = [models.Index(fields=["tenant", "year"], include=["union", "kind", "count"], name="tally_year")]


class ItemTally(TenantModel):
    """Entries fulfilling a plan item, per month (of the plan's year), kept like ActivityTally."""

    SCOPE_PATH = "plan_item__union__path"

    plan_item = models.ForeignKey("plans.PlanItem", on_delete=models.CASCADE, related_name="+")
    month = models.PositiveSmallIntegerField()
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan_item", "month"], name="item_tally_unique")]


class ActivityParticipant(TenantModel):
    SCOPE_PATH = "activity__union__path"

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participations")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="participations")
    attended = models.BooleanField(_("出勤"), default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["activity", "member"], name="participant_once_per_activity")]
        indexes = [models.Index(fields=["member", "activity"], name="participant_member")]


class ActivityResult(TenantModel):
    """A ranking or prize in a contest, to a member or a team."""

    SCOPE_PATH = "activity__union__path"

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="contest_results")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="contest_results", verbose_name=_("获奖会员"))
    team_name = models.CharField(_("获奖团队"), max_length=60, blank=True)
    rank = models.PositiveSmallIntegerField(_("名次"), null=True, blank=True)
    prize = models.CharField(_("奖项"), max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["rank", "id"]
        verbose_name = _("比赛名次")

    @property
    def winner(self) -> str:
        return self.member.name if self.member_id else self.team_name


class Honour(TenantModel):
    """An honour (表彰) to a member, a team or a union, recorded in the ledger of `union`."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="honours", verbose_name=_("工会"))
    recipient_type = models.CharField(_("表彰对象"), max_length=8, choices=RecipientType.choices)
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="honours", verbose_name=_("会员"))
    team_name = models.CharField(_("集体名称"), max_length=60, blank=True)
    recipient_union = union_field(_("获表彰工会"), null=True, blank=True)
    title = models.CharField(_("荣誉称号"), max_length=60)
    level = models.CharField(_("级别"), max_length=10, choices=HonourLevel.choices)
    date = models.DateField(_("表彰日期"))
    awarding_body = models.CharField(_("授予单位"), max_length=100)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    created_by = user_field()
    attachments = GenericRelation("ledger.Attachment")
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["tenant", "date"], name="honour_tenant_date"),
                   models.Index(fields=["union", "date"], name="honour_union_date")]
        verbose_name = _("表彰")

    def __str__(self) -> str:
        return f"{self.recipient} · {self.title}"

    @property
    def recipient(self) -> str:
        if self.recipient_type == RecipientType.MEMBER and self.member_id:
            return self.member.name
        if self.recipient_type == RecipientType.UNION and self.recipient_union_id:
            return self.recipient_union.name
        return self.team_name


class NewsReport(TenantModel):
    """An information report (信息报道) sent up, and where it was published."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="news_reports",
                              verbose_name=_("工会"))
    reporter = models.ForeignKey("members.Member", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="news_reports", verbose_name=_("报送人（会员）"))
    reporter_name = models.CharField(_("报送人"), max_length=30)
    title = models.CharField(_("标题"), max_length=200)
    date = models.DateField(_("报送日期"))
    published_in = models.CharField(_("刊发媒体"), max_length=100, blank=True)
    created_by = user_field()
    attachments = GenericRelation("ledger.Attachment")
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["tenant", "date"], name="news_tenant_date"),
                   models.Index(fields=["union", "date"], name="news_union_date")]
        verbose_name = _("信息报道")

    def __str__(self) -> str:
        return self.title


class RewardRule(TenantModel):
    """One threshold of a federation's reward rule for news reports: from `min_count` reports, this reward."""

    union = models.ForeignKey("org.Union", on_delete=models.CASCADE, related_name="reward_rules",
                              verbose_name=_("总工会"))
    min_count = models.PositiveIntegerField(_("报道数量达到"))
    reward = models.CharField(_("奖励"), max_length=100)
    amount = money_field(_("奖金（元）"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["min_count"]
        constraints = [models.UniqueConstraint(fields=["union", "min_count"], name="reward_threshold_unique")]
        verbose_name = _("信息报道奖励规则")


def attachment_path(instance, filename: str) -> str:
    # The stored name never carries the uploader's file name; that is kept in `name`.
    return f"ledger/{instance.tenant_id}/{instance.uploaded_at:%Y/%m}/{instance.token}.{instance.file_type}"


class Attachment(TenantModel):
    """A photo or document (sign-in sheet, minutes) on any ledger entry, stored through Django's storage."""

    union = union_field()
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    entry = GenericForeignKey("content_type", "object_id")
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=200)
    token = models.CharField(max_length=32, editable=False)
    name = models.CharField(_("文件名"), max_length=200)
    file_type = models.CharField(_("类型"), max_length=8)
    size = models.PositiveIntegerField(_("大小（字节）"))
    note = models.CharField(_("说明"), max_length=100, blank=True)
    uploaded_by = user_field()
    uploaded_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="attachment_entry")]
        verbose_name = _("附件")

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return self.file_type in ("jpg", "png")
