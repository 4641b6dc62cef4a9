from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.files import random_file_name
from gonghui.core.models import TenantModel, union_field, user_field

from .choices import ExportFormat, ExportStatus, ImportMode, ImportStatus
from .columns import FIELDS


# A job holds these: the page polls them, a cancel reaches them, and clean-up leaves their files alone.
RUNNING_IMPORT = (ImportStatus.CHECKING, ImportStatus.WRITING)


# Stored under random names: the uploader's file name (often a unit's name, sometimes a person's) stays
# in the database, and no path can be guessed from an import's or export's name or number.
def import_path(instance, filename: str) -> str:
    return random_file_name(f"rosters/imports/{timezone.now():%Y/%m}", filename)


def error_path(instance, filename: str) -> str:
    return random_file_name(f"rosters/errors/{timezone.now():%Y/%m}", filename)


def export_path(instance, filename: str) -> str:
    return random_file_name(f"rosters/exports/{timezone.now():%Y/%m}", filename)


class JobProgress(TenantModel):
    """What a background job has done so far; the page polls it, so it survives a reload."""

    union = union_field(_("工会"))
    created_by = user_field()
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # When a worker took the job up (None while it waits in the queue): a job running since then whose
    # process is gone (gonghui.core.jobs.job_alive) was interrupted, not queued.
    started_at = models.DateTimeField(null=True, blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_written = models.PositiveIntegerField(default=0)
    cancel_requested = models.BooleanField(default=False)
    message = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True


class RosterImport(JobProgress):
    """One uploaded roster on its way in: file, chosen sheet and columns, dry-run counts, outcome."""

    file = models.FileField(upload_to=import_path)
    original_name = models.CharField(_("文件名"), max_length=200)
    kind = models.CharField(max_length=4)
    sheets = models.JSONField(default=list)  # [{"name": ..., "rows": n or None}]
    sheet_name = models.CharField(_("工作表"), max_length=100, blank=True)
    header_row = models.IntegerField(null=True, blank=True)  # 0-based row index in the sheet
    headers = models.JSONField(default=list)
    mapping = models.JSONField(default=dict)  # field name -> 0-based column index
    status = models.CharField(_("状态"), max_length=16, choices=ImportStatus.choices)
    mode = models.CharField(_("导入方式"), max_length=16, choices=ImportMode.choices, blank=True)
    rows_read = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    new_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    first_errors = models.JSONField(default=list)  # [{"row": n, "message": ...}]
    error_file = models.FileField(upload_to=error_path, blank=True)
    # What the write needs from the dry run when it takes the kept rows instead of the file: the key they
    # were checked under, how many rows the check rejected and the first of them ({} when none are kept).
    staged = models.JSONField(default=dict)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("花名册导入")

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_running(self) -> bool:
        return self.status in RUNNING_IMPORT

    def column_labels(self) -> dict[str, str]:
        """Field label -> the header of the column it is read from, for the page to show."""
        return {f.label: self.headers[self.mapping[f.key]] for f in FIELDS
                if f.key in self.mapping and self.mapping[f.key] < len(self.headers)}

    def percent(self) -> int:
        return min(100, round(100 * self.rows_checked / self.rows_total)) if self.rows_total else 0


class RosterExport(JobProgress):
    """A member list written to a file, as filtered on screen; every export is kept and logged."""

    format = models.CharField(_("格式"), max_length=4, choices=ExportFormat.choices)
    query = models.CharField(_("筛选条件"), max_length=500, blank=True)  # the list's query string
    status = models.CharField(_("状态"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.RUNNING)
    file = models.FileField(upload_to=export_path, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("花名册导出")

    def percent(self) -> int:
        return min(100, round(100 * self.rows_written / self.rows_total)) if self.rows_total else 0

    @property
    def is_running(self) -> bool:
        return self.status == ExportStatus.RUNNING
