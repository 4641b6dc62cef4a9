"""The field shapes every care record shares."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def money_field(label: str, **kwargs) -> models.DecimalField:
    return models.DecimalField(label, max_digits=12, decimal_places=2, **kwargs)


def actor_fk() -> models.ForeignKey:
    return models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("经办人"))
