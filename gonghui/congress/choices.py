"""The congress app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CongressKind(models.TextChoices):
    WORKERS = "workers", _("职工代表大会")
    TEACHERS = "teachers", _("教职工代表大会")
    MEMBERS = "members", _("会员代表大会")


class PassRule(models.TextChoices):
    ALL_DELEGATES = "all", _("全体代表过半数")
    PRESENT = "present", _("到会代表过半数")


class Occupation(models.TextChoices):
    """What a delegate does, as the composition rules count it."""

    FRONT_LINE = "front_line", _("一线职工")
    TEACHER = "teacher", _("教师")
    TECHNICAL = "technical", _("专业技术人员")
    MANAGER = "manager", _("中层以上管理人员")
    OTHER = "other", _("其他")


class DelegateStatus(models.TextChoices):
    ACTIVE = "active", _("在任")
    LEFT = "left", _("已离任")


class CongressPower(models.TextChoices):
    """The four powers of a congress (四项职权) an agenda item uses."""

    ADVISE = "advise", _("审议建议")
    ADOPT = "adopt", _("审议通过")
    DECIDE = "decide", _("审议决定")
    SUPERVISE = "supervise", _("评议监督")


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("例会")
    EXTRA = "extra", _("临时会议")


class EvaluationGrade(models.TextChoices):
    EXCELLENT = "excellent", _("优秀")
    COMPETENT = "competent", _("称职")
    BASIC = "basic", _("基本称职")
    INCOMPETENT = "incompetent", _("不称职")


class EvaluationMethod(models.TextChoices):
    GRADES = "grades", _("等次评议")
    SCORES = "scores", _("百分制评分")
