"""The competitions app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TeamPlanStep(models.TextChoices):
    PILOT = "pilot", _("确立试点班组")
    TARGETS = "targets", _("确立目标")
    FEASIBILITY = "feasibility", _("可行性论证")
    PLAN = "plan", _("夺标计划书")
    TRACKING = "tracking", _("过程跟踪")


class InnovationKind(models.TextChoices):
    INNOVATION = "innovation", _("岗位自主创新")
    FAULT_CASE = "fault_case", _("典型故障排除案例")


class CompetitionTheme(models.TextChoices):
    MERIT = "merit", _("立功竞赛")
    THREE_ZERO = "three_zero", _("“三零”竞赛")
    ANKANG = "ankang", _("“安康杯”竞赛")
    SKILLS = "skills", _("技能比武")
    ENERGY = "energy", _("节能降耗")
    OTHER = "other", _("其他")


class EntryKind(models.TextChoices):
    UNION = "union", _("企业（工会）")
    TEAM = "team", _("班组")
    PERSON = "person", _("个人")


class HonourKind(models.TextChoices):
    PIONEER = "pioneer", _("工人先锋号")
    MAY_DAY = "may_day", _("五一劳动奖")
    ANKANG = "ankang", _("安康杯优胜单位")


class NominationStatus(models.TextChoices):
    RECOMMENDED = "recommended", _("基层推荐")
    ASSESSED = "assessed", _("上级考核")
    PUBLICISED = "publicised", _("公示")
    APPROVED = "approved", _("审批通过")
