from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FEDERATION_ADMIN = "federation_admin", _("总工会管理员")
    UNION_OFFICER = "union_officer", _("工会干部")
    AUDITOR = "auditor", _("只读审计员")


class User(AbstractUser):
    """A person who logs in, bound to one node of the tree; sees only its subtree.

    System administrators (is_superuser) have no node and use only Django's admin.
    """

    union = models.ForeignKey(
        "org.Union", on_delete=models.PROTECT, null=True, blank=True, related_name="users", verbose_name=_("所属工会")
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices, default=Role.UNION_OFFICER)
    full_name = models.CharField(_("姓名"), max_length=30, blank=True)
    # Grants beyond the role: seeing full ID numbers and phones, and the
    # sensitive care and rights records (hardship files, disputes, petitions).
    may_reveal_identity = models.BooleanField(_("可查看完整身份证号和手机号"), default=False)
    may_access_care = models.BooleanField(_("可查看帮扶与维权档案"), default=False)

    @property
    def can_write(self) -> bool:
        return self.union_id is not None and self.role != Role.AUDITOR

    @property
    def is_federation_admin(self) -> bool:
        return self.role == Role.FEDERATION_ADMIN

    def display_name(self) -> str:
        return self.full_name or self.username
