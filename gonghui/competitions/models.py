"""Labour competitions (劳动竞赛) and work teams (班组): teams and their grade, the three-year 夺标计划,
innovation records, competitions with indicators and entries, rationalisation suggestions, safety
accidents, nominations for honours and the pairing of a model union with an ordinary one (结对共建).

A team is a production unit inside an enterprise's union, not a union group; its grade is the level of
its named 班组升级 assessment (checks). An approved nomination becomes a `ledger.Honour`; the pair's joint
activities are ledger entries linked to the pair.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.checks.models import SCORE
from gonghui.core.models import TenantModel, money_field, union_field, user_field

from .choices import CompetitionTheme, EntryKind, HonourKind, InnovationKind, NominationStatus, TeamPlanStep


class Team(TenantModel):
    union = union_field(_("所属工会"))
    enterprise = models.ForeignKey("org.Enterprise", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("企业"))
    name = models.CharField(_("班组名称"), max_length=120)
    # One of its current members; leaving the team ends it (services._team_member_end).
    leader = models.ForeignKey("TeamMember", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                               verbose_name=_("班组长"))
    grade_assessment = models.ForeignKey("checks.Assessment", on_delete=models.SET_NULL, null=True, blank=True,
                                         related_name="+", verbose_name=_("班组升级考核"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("班组")

    def __str__(self) -> str:
        return self.name

    @property
    def leader_name(self) -> str:
        return self.leader.member.name if self.leader_id else ""

    @property
    def leader_member_id(self) -> int | None:
        return self.leader.member_id if self.leader_id else None

    @property
    def headcount(self) -> int:
        """The members in the team now, counted from its records (a list annotates `member_count`)."""
        if hasattr(self, "member_count"):
            return self.member_count
        return self.memberships.filter(left_on__isnull=True).count()

    @property
    def grade(self) -> str:
        """The level of its 班组升级 assessment once named (a withdrawn one gives none)."""
        assessment = self.grade_assessment
        return assessment.level if assessment is not None and assessment.status == "named" else ""


class TeamMember(TenantModel):
    """A union member in a work team, from the day they joined it to the day they left (the row stays).

    `union` is the team's: the member must be one of that union's, and leaving the union (or moving to
    another) ends the membership through the members' events (competitions.apps)."""

    union = union_field()
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("班组"))
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+", verbose_name=_("会员"))
    joined_on = models.DateField(_("加入日期"))
    left_on = models.DateField(_("离开日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "member"], condition=models.Q(left_on__isnull=True),
                                               name="competitions_team_member_current")]
        ordering = ["joined_on", "id"]
        verbose_name = _("班组成员")

    def __str__(self) -> str:
        return f"{self.team.name}：{self.member.name}"


class TeamPlan(TenantModel):
    """The three-year 夺标计划 of a team, at one of its five steps."""

    union = union_field()
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="plans", verbose_name=_("班组"))
    start_year = models.PositiveSmallIntegerField(_("起始年度"))
    goal = models.CharField(_("夺标目标"), max_length=200)
    step = models.CharField(_("进度"), max_length=12, choices=TeamPlanStep.choices, default=TeamPlanStep.PILOT)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("夺标计划")

    def __str__(self) -> str:
        return f"{self.team.name} {self.start_year}—{self.start_year + 2}年夺标计划"


class TeamTarget(TenantModel):
    union = union_field()
    plan = models.ForeignKey(TeamPlan, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("年度"))
    target = models.CharField(_("年度目标"), max_length=200)
    result = models.CharField(_("完成情况"), max_length=200, blank=True)
    met = models.BooleanField(_("是否达成"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "id"]
        verbose_name = _("年度目标")


class Innovation(TenantModel):
    union = union_field()
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="innovations", verbose_name=_("班组"))
    kind = models.CharField(_("类型"), max_length=12, choices=InnovationKind.choices)
    title = models.CharField(_("名称"), max_length=200)
    recorded_on = models.DateField(_("日期"))
    shared = models.BooleanField(_("全公司共享"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("创新成果")


class Competition(TenantModel):
    union = union_field(_("组织单位"))
    theme = models.CharField(_("竞赛主题"), max_length=12, choices=CompetitionTheme.choices)
    title = models.CharField(_("竞赛名称"), max_length=120)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("劳动竞赛")

    def __str__(self) -> str:
        return self.title


class Indicator(TenantModel):
    """One indicator of a competition and its scoring (e.g. 零事故, a veto; 月度检查, 流动红旗)."""

    SCOPE_PATH = "competition__union__path"

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("竞赛指标"), max_length=120)
    max_score = models.DecimalField(_("分值"), **SCORE)
    veto = models.BooleanField(_("一票否决"), default=False)
    scoring = models.CharField(_("计分办法"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("竞赛指标")

    def __str__(self) -> str:
        return self.name


class Entry(TenantModel):
    """A participant of a competition: an enterprise's union, a team, or a person; its score and rank."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="entries",
                                    verbose_name=_("劳动竞赛"))
    union = union_field(_("参赛单位"))
    kind = models.CharField(_("参赛类型"), max_length=8, choices=EntryKind.choices, default=EntryKind.UNION)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="entries",
                             verbose_name=_("班组"))
    person = models.CharField(_("参赛个人"), max_length=30, blank=True)
    score = models.DecimalField(_("得分"), null=True, blank=True, **SCORE)
    vetoed = models.BooleanField(_("一票否决"), default=False)
    rank = models.PositiveIntegerField(_("名次"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["competition", "union", "kind", "team", "person"],
                                               name="competitions_entry_unique")]
        verbose_name = _("参赛")

    @property
    def name(self) -> str:
        if self.kind == EntryKind.TEAM and self.team_id:
            return self.team.name
        return self.person if self.kind == EntryKind.PERSON else self.union.name


class IndicatorValue(TenantModel):
    """One month's check (月度检查) of one indicator for one entry: a team's or a union's score that month."""

    SCOPE_PATH = "competition__union__path"

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="monthly_values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values",
                                  verbose_name=_("竞赛指标"))
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="monthly_values", verbose_name=_("参赛"))
    month = models.DateField(_("月份"), help_text=_("当月第一天"))
    value = models.DecimalField(_("得分"), **SCORE)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "entry", "month"],
                                               name="competitions_indicator_value_unique")]
        ordering = ["month", "indicator_id", "entry_id"]
        verbose_name = _("月度检查得分")


class RedFlag(TenantModel):
    """The rotating red flag (流动红旗) of a competition for one month: held by the entry with the month's best
    check (the sum of its indicator scores that month), awarded by the organiser."""

    SCOPE_PATH = "competition__union__path"

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="red_flags",
                                    verbose_name=_("劳动竞赛"))
    month = models.DateField(_("月份"))
    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="red_flags", verbose_name=_("获得者"))
    score = models.DecimalField(_("当月得分"), **SCORE)
    awarded_on = models.DateField(_("评定日期"))
    awarded_by = user_field(_("评定人"))
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["competition", "month"], name="competitions_red_flag_unique")]
        ordering = ["month"]
        verbose_name = _("流动红旗")

    def __str__(self) -> str:
        return f"{self.competition.title} {self.month:%Y年%m月}流动红旗"


class Suggestion(TenantModel):
    """A rationalisation suggestion (合理化建议): adopted or not, and what it was worth (元)."""

    union = union_field(_("工会"))
    competition = models.ForeignKey(Competition, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="suggestions", verbose_name=_("劳动竞赛"))
    title = models.CharField(_("建议名称"), max_length=200)
    proposer = models.CharField(_("建议人"), max_length=60)
    submitted_on = models.DateField(_("提出日期"))
    adopted = models.BooleanField(_("已采纳"), default=False)
    value = money_field(_("创造效益（元）"), max_digits=14, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("合理化建议")

    def __str__(self) -> str:
        return self.title


class Accident(TenantModel):
    """A safety accident at a union's workplace: it blocks honours for three years (and 零事故)."""

    union = union_field(_("工会"))
    occurred_on = models.DateField(_("发生日期"))
    description = models.CharField(_("事故情况"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("安全事故")


class Nomination(TenantModel):
    """A nomination of a union or a team for an honour: 基层推荐 → 上级考核 → 公示 → 审批."""

    union = union_field(_("被推荐单位"))
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("被推荐班组"))
    competition = models.ForeignKey(Competition, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("劳动竞赛"))
    honour_kind = models.CharField(_("荣誉"), max_length=10, choices=HonourKind.choices)
    level = models.CharField(_("级别"), max_length=12)
    awarding_body = models.CharField(_("授予单位"), max_length=60)
    reason = models.CharField(_("推荐理由"), max_length=500)
    status = models.CharField(_("状态"), max_length=12, choices=NominationStatus.choices,
                              default=NominationStatus.RECOMMENDED)
    nominated_on = models.DateField(_("推荐日期"))
    decided_on = models.DateField(_("审批日期"), null=True, blank=True)
    honour = models.ForeignKey("ledger.Honour", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("表彰"))
    nominated_by = user_field(_("推荐人"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("评先推荐")

    @property
    def recipient(self) -> str:
        return self.team.name if self.team_id else self.union.name


class Pair(TenantModel):
    """结对共建: a model union and an ordinary one, from the date of their agreement."""

    union = union_field(_("组织单位"))
    model_union = union_field(_("优秀企业工会"))
    ordinary_union = union_field(_("普通企业工会"))
    agreed_on = models.DateField(_("结对日期"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("结对共建")

    def __str__(self) -> str:
        return f"{self.model_union.name}—{self.ordinary_union.name}"


class PairActivity(TenantModel):
    """A joint activity of a pair: the ledger entry (of either union) recorded against it."""

    SCOPE_PATH = "pair__union__path"

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="activities")
    activity = models.ForeignKey("ledger.Activity", on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("台帐活动"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pair", "activity"], name="competitions_pair_activity_unique")]
        verbose_name = _("共建活动")
