"""The openaffairs app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PostingCategory(models.TextChoices):
    FINANCE = "finance", _("财务")
    AWARDS = "awards", _("评优评先")
    TITLES = "titles", _("职称")
    WELFARE = "welfare", _("福利")
    DECISIONS = "decisions", _("重大决策")
    OTHER = "other", _("其他")


class PostingKind(models.TextChoices):
    NOTICE = "notice", _("公开事项")
    TOPIC = "topic", _("讨论话题")
    ESSAY_CALL = "essay_call", _("征文启事")


class PostingStatus(models.TextChoices):
    DRAFT = "draft", _("待审批")
    APPROVED = "approved", _("已公开")


class CommentKind(models.TextChoices):
    QUESTION = "question", _("提问")
    OPINION = "opinion", _("意见建议")


class CatalogueItemState(models.TextChoices):
    """Where a catalogue item stands (read, never stored: it moves with the calendar)."""

    ON_TIME = "on_time", _("按时公开")
    LATE = "late", _("逾期公开")
    MISSED = "missed", _("未按时公开")
    PENDING = "pending", _("待公开")
