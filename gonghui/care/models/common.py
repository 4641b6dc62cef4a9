"""The field shapes every care record shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.core.models import user_field


def actor_fk() -> models.ForeignKey:
    return user_field(_("经办人"))
