from django.db import models


class RecuperationKind(models.TextChoices):
    CHECK_UP = "check_up", "体检"
    REST = "rest", "疗休养"
