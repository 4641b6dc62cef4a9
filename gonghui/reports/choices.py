"""The reports app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PdfStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    CONVERTING = "converting", _("转换中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("出错")
