"""The outreach app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderState(models.TextChoices):
    REQUESTED = "requested", _("已点课")
    DELIVERED = "delivered", _("已送课")
    DECLINED = "declined", _("未开课")
