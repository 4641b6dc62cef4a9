"""The checks app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RubricKind(models.TextChoices):
    SIX_HAVES = "six_haves", _("基层工会“六有”")
    WORKERS_HOME = "workers_home", _("职工之家")
    TEACHERS_HOME = "teachers_home", _("教职工之家")
    VITALITY = "vitality", _("活力基层工会创建")
    TEAM_UPGRADE = "team_upgrade", _("班组升级")
    LABOUR_LAW = "labour_law", _("劳动法律监督检查")
    OTHER = "other", _("其他考核")


class ScoringMethod(models.TextChoices):
    ADD = "add", _("加分")
    DEDUCT = "deduct", _("扣分")
    PASS_FAIL = "pass_fail", _("达标/不达标")


class EvidenceKind(models.TextChoices):
    DOCUMENT = "document", _("文件资料")
    LEDGER = "ledger", _("台帐记录")
    FIGURE = "figure", _("统计数据")


class AssessmentStatus(models.TextChoices):
    SELF = "self", _("自评中")
    SUBMITTED = "submitted", _("待复核")
    REVIEWED = "reviewed", _("已复核")
    PUBLICISED = "publicised", _("公示中")
    NAMED = "named", _("已命名")
    FAILED = "failed", _("未达标")
    WITHDRAWN = "withdrawn", _("已摘牌")


class NoticeStatus(models.TextChoices):
    OPEN = "open", _("待企业答复")
    ANSWERED = "answered", _("待复查")
    CLOSED = "closed", _("已整改")
