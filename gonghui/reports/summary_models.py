"""The officer's edited year-end summary (年度工作总结草稿): one per union and period."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel
from gonghui.core.periods import Period


class SummaryDraft(TenantModel):
    """The text as the officer left it; figures stay tokens (`{{figure:<key>}}`), read again when shown."""

    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="summary_drafts",
                              verbose_name=_("工会"))
    period_code = models.CharField(_("期间代码"), max_length=20, blank=True)
    period_start = models.DateField(_("起始日期"))
    period_end = models.DateField(_("截止日期"))
    title = models.CharField(_("标题"), max_length=120)
    written_on = models.DateField(_("成文日期"))
    # [{"level": 0..3, "text": "...", "section": "CARE"}]: see gonghui.reports.summary.Block
    paragraphs = models.JSONField(_("正文"), default=list, blank=True)
    # {figure key: the value typed over by hand}
    edited_figures = models.JSONField(_("手工修改的数值"), default=dict, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "union", "period_start", "period_end"],
                                               name="one_summary_per_union_period")]
        verbose_name = _("年度工作总结")

    def __str__(self) -> str:
        return self.title

    @property
    def period(self) -> Period:
        return Period(start=self.period_start, end=self.period_end, code=self.period_code)
