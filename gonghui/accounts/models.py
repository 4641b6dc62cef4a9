from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    FEDERATION_ADMIN = "federation_admin", _("总工会管理员")
    UNION_OFFICER = "union_officer", _("工会干部")
    AUDITOR = "auditor", _("只读审计员")


class Duty(models.TextChoices):
    """The three administrators of the system (三员分立), each doing only its own part.

    A duty holder is bound to no union, so it reads no union data; it holds no grants.
    """

    SYSTEM = "system", _("系统管理员")
    SECURITY = "security", _("安全管理员")
    AUDIT = "audit", _("审计管理员")


class AccountHistory(HistoricalRecords):
    """A login saves last_login alone: that is the login record (django-axes), not a change of the account."""

    def post_save(self, instance, created, using=None, **kwargs):
        if kwargs.get("update_fields") == frozenset({"last_login"}):
            return
        super().post_save(instance, created, using=using, **kwargs)


class User(AbstractUser):
    """A person who logs in, bound to one node of the tree; sees only its subtree.

    The three administrators (`duty`) have no node: they manage accounts, grants and lockouts, or
    read the logs, and never see union records. Superusers use only Django's admin.
    """

    union = models.ForeignKey(
        "org.Union", on_delete=models.PROTECT, null=True, blank=True, related_name="users", verbose_name=_("所属工会")
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices, default=Role.UNION_OFFICER)
    duty = models.CharField(_("管理员职责"), max_length=10, choices=Duty.choices, blank=True)
    full_name = models.CharField(_("姓名"), max_length=30, blank=True)
    # Grants beyond the role: seeing full ID numbers and phones, and the
    # sensitive care and rights records (hardship files, disputes, petitions).
    may_reveal_identity = models.BooleanField(_("可查看完整身份证号和手机号"), default=False)
    may_access_care = models.BooleanField(_("可查看帮扶与维权档案"), default=False)

    # Who created, deactivated or granted what is the audit administrator's to read; hashes stay out.
    history = AccountHistory(excluded_fields=["password", "last_login"])

    class Meta(AbstractUser.Meta):
        constraints = [
            models.CheckConstraint(
                name="duty_holder_has_no_union_and_no_grants",
                condition=Q(duty="") | Q(union__isnull=True, may_reveal_identity=False, may_access_care=False),
            ),
        ]

    def clean(self):
        super().clean()
        if self.duty and self.union_id is not None:
            raise ValidationError({"union": "管理员账号不能属于工会，也不能查看工会数据"})
        if self.duty and (self.may_reveal_identity or self.may_access_care):
            raise ValidationError({"may_reveal_identity": "管理员账号不能拥有查看敏感信息的权限"})

    @property
    def can_write(self) -> bool:
        return self.union_id is not None and self.role != Role.AUDITOR

    @property
    def is_federation_admin(self) -> bool:
        return self.role == Role.FEDERATION_ADMIN

    def display_name(self) -> str:
        return self.full_name or self.username
