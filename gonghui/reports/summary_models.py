"""The officer's edited year-end summary (年度工作总结草稿): one per union and period."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, union_field, user_field
from gonghui.core.periods import Period

from .choices import PdfStatus


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
    updated_by = user_field()
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


def _pdf_path(instance, filename: str) -> str:
    from gonghui.core.files import random_file_name

    return random_file_name(f"reports/summaries/{instance.tenant_id}", filename)


class SummaryPdf(TenantModel):
    """A summary's PDF, converted by the job worker: the .docx as its requester saw it, then the PDF."""

    union = union_field(_("工会"))
    title = models.CharField(_("标题"), max_length=120)
    status = models.CharField(_("状态"), max_length=12, choices=PdfStatus.choices, default=PdfStatus.QUEUED)
    # Made by someone with the care grant: it may state care figures, so only those with the grant read it.
    with_care = models.BooleanField(default=False)
    docx = models.FileField(upload_to=_pdf_path, blank=True)
    pdf = models.FileField(upload_to=_pdf_path, blank=True)
    message = models.CharField(_("说明"), max_length=200, blank=True)
    created_by = user_field()
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("年度工作总结PDF")

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        return {PdfStatus.QUEUED: 10, PdfStatus.CONVERTING: 50}.get(self.status, 100)

    @property
    def is_running(self) -> bool:
        return self.status in (PdfStatus.QUEUED, PdfStatus.CONVERTING)
