from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def union_field(verbose_name=None, **kwargs) -> models.ForeignKey:
    """A record's union (or tenant): the union is kept while the record is, and lists no records back."""
    kwargs = {"on_delete": models.PROTECT, "related_name": "+", **kwargs}
    return models.ForeignKey("org.Union", verbose_name=verbose_name, **kwargs)


def user_field(verbose_name=None, **kwargs) -> models.ForeignKey:
    """A record's officer (who entered, reviewed, approved it): kept while the record is, never listed back."""
    return models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                             verbose_name=verbose_name, **kwargs)


def money_field(verbose_name, *, max_digits: int = 12, **kwargs) -> models.DecimalField:
    """An amount in yuan to the fen."""
    return models.DecimalField(verbose_name, max_digits=max_digits, decimal_places=2, **kwargs)


class TenantModel(models.Model):
    """Every table of union data carries its top federation (the tenant).

    The tenant is the distribution key if the schema is later sharded with
    Citus; SCOPE_PATH names the materialised path that scoping filters on.
    """

    SCOPE_PATH = "union__path"

    tenant = union_field(db_index=False)

    class Meta:
        abstract = True


class AccessLog(models.Model):
    """A read of sensitive data: a full ID number, a hardship file, a dispute case, an export."""

    tenant = union_field(db_index=False)
    user = user_field()
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(_("操作"), max_length=40)
    object_type = models.CharField(_("对象类型"), max_length=60)
    object_id = models.CharField(_("对象编号"), max_length=40, blank=True)
    detail = models.CharField(_("说明"), max_length=300, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["tenant", "object_type", "object_id"]), models.Index(fields=["tenant", "-at"]),
            # The audit administrator reads across tenants: newest first, or one record's reads.
            models.Index(fields=["-at"], name="core_accesslog_at"),
            models.Index(fields=["object_type", "object_id", "-at"], name="core_accesslog_record_at"),
        ]
        verbose_name = _("敏感信息访问记录")


class FigureGeneration(models.Model):
    """A tenant's figures' generation: bumped after every committed write to its tables, so a figure
    kept in a cache under an older number is never read again (`gonghui.core.figure_cache`). In the
    database, not the cache, so every server process sees a bump at once whatever cache it keeps."""

    tenant_id = models.BigIntegerField(primary_key=True)
    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("统计口径版本")
