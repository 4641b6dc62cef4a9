"""The portal app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SignUpStatus(models.TextChoices):
    TAKEN = "taken", _("已报名")
    WAITING = "waiting", _("候补")
    CANCELLED = "cancelled", _("已取消")


class AidRequestKind(models.TextChoices):
    HARDSHIP = "hardship", _("困难帮扶")
    SCHOOLING = "schooling", _("金秋助学")


class RequestStatus(models.TextChoices):
    SENT = "sent", _("已提交，待工会受理")
    ACCEPTED = "accepted", _("工会已受理")
    DECLINED = "declined", _("未受理")
