"""The rosters app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    NEEDS_SHEET = "needs_sheet", _("待选择工作表")
    CHECKING = "checking", _("检查中")
    NEEDS_MAPPING = "needs_mapping", _("待确认列")
    CHECKED = "checked", _("已检查，待导入")
    WRITING = "writing", _("导入中")
    DONE = "done", _("已导入")
    REFUSED = "refused", _("未导入")
    CANCELLED = "cancelled", _("已取消")
    FAILED = "failed", _("出错")
    EXPIRED = "expired", _("已过期")


class ImportMode(models.TextChoices):
    SKIP_REJECTED = "skip_rejected", _("导入有效行，跳过有误的行")
    ALL_OR_NOTHING = "all_or_nothing", _("全部无误才导入")


class ExportFormat(models.TextChoices):
    XLSX = "xlsx", "Excel (.xlsx)"
    CSV = "csv", "CSV (.csv)"


class ExportStatus(models.TextChoices):
    RUNNING = "running", _("生成中")
    DONE = "done", _("已完成")
    CANCELLED = "cancelled", _("已取消")
    FAILED = "failed", _("出错")
    EXPIRED = "expired", _("已过期")
