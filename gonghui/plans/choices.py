"""The plans app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkArea(models.TextChoices):
    DEMOCRATIC = "democratic", _("民主管理")
    ETHICS = "ethics", _("思想道德与学习")
    COMPETITION = "competition", _("劳动竞赛与技能提升")
    RIGHTS = "rights", _("维权与普法")
    CARE = "care", _("帮扶与关爱")
    CULTURE = "culture", _("文体活动")
    SELF_CONSTRUCTION = "self_construction", _("自身建设")
    PUBLICITY = "publicity", _("宣传工作")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    FILED = "filed", _("已报送")


class PlanItemStatus(models.TextChoices):
    ACTIVE = "active", _("执行中")
    DONE = "done", _("已完成")
    DROPPED = "dropped", _("已取消")
