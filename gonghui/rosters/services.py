"""Every write of the rosters app: uploads, the choices a user makes on the way, cancels, exports."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from python_calamine import CalamineError, PasswordError

from gonghui.core.jobs import job_alive
from gonghui.core.services import access_log_record, require_within, require_writer_within
from gonghui.members.bulk import MemberStage

from . import tasks
from .checking import UnionDirectory
from .columns import FIELDS_BY_KEY, missing_required
from .exporting import export_rows_count, runs_in_background, write_export
from .importing import stage_name
from .models import RUNNING_IMPORT, ExportFormat, ExportStatus, ImportMode, ImportStatus, RosterExport, RosterImport
from .reading import RosterRefused, Sheet, check_row_limit, check_size, list_sheets, sniff

RESTARTABLE = (ImportStatus.NEEDS_SHEET, ImportStatus.NEEDS_MAPPING, ImportStatus.CHECKED, ImportStatus.REFUSED,
               ImportStatus.CANCELLED, ImportStatus.FAILED)


def _refused(exc: RosterRefused, field: str = "file") -> ValidationError:
    return ValidationError({field: str(exc)})


@transaction.atomic
def roster_import_create(*, actor, upload: UploadedFile) -> RosterImport:
    """Sniff and size the file before any row is read; refuse it whole, or keep it and start the dry run."""
    require_writer_within(actor, actor.union, field="file")
    name = upload.name or "roster"
    try:
        check_size(upload.size or 0)  # before reading a byte of an oversized upload into memory
        data = upload.read()
        kind = sniff(data, name=name)
        sheets = list_sheets(data, kind)
        if not sheets:
            raise RosterRefused("工作簿中没有工作表")
        for sheet in sheets if len(sheets) == 1 else ():
            check_row_limit(sheet)
    except RosterRefused as exc:
        raise _refused(exc) from None
    except PasswordError:
        raise ValidationError({"file": "文件设置了打开密码，请在 Excel 中取消密码后再上传"}) from None
    except CalamineError:  # a file that only looks like a spreadsheet from its first bytes
        raise ValidationError({"file": "文件已损坏或不是有效的 Excel 表格，无法打开"}) from None
    upload.seek(0)
    roster = RosterImport(tenant_id=actor.union.tenant_id, union=actor.union, created_by=actor,
                          original_name=name[:200],
                          kind=kind, sheets=[{"name": s.name, "rows": s.rows} for s in sheets],
                          status=ImportStatus.NEEDS_SHEET)
    roster.file.save(name, upload, save=False)
    roster.save()
    if len(sheets) == 1:
        _start_check(roster, sheets[0])
    return roster


def _start_check(roster: RosterImport, sheet: Sheet, *, mapping: dict | None = None, header_row: int | None = None):
    roster.sheet_name = sheet.name
    roster.mapping = mapping or {}
    roster.header_row = header_row
    if mapping is None:
        roster.headers = []
    roster.rows_total = max((sheet.rows or 0) - 1, 0)
    roster.staged = {}  # the new dry run keeps its own rows
    _reset_progress(roster, status=ImportStatus.CHECKING)
    roster.save()
    tasks.roster_check.enqueue(roster.pk)


def _reset_progress(roster: RosterImport, *, status: str) -> None:
    roster.status, roster.cancel_requested, roster.message, roster.finished_at = status, False, "", None
    roster.started_at = None  # queued until a worker takes it up
    roster.rows_read = roster.rows_checked = roster.rows_written = 0


def _require_editable(actor, roster: RosterImport, allowed) -> None:
    require_writer_within(actor, roster.union)
    if roster.status not in allowed:
        raise ValidationError({"__all__": f"该导入当前为“{roster.get_status_display()}”，不能进行此操作"})


@transaction.atomic
def roster_import_choose_sheet(*, actor, roster: RosterImport, sheet_name: str) -> RosterImport:
    _require_editable(actor, roster, RESTARTABLE)
    sheet = next((Sheet(s["name"], s["rows"]) for s in roster.sheets if s["name"] == sheet_name), None)
    if sheet is None:
        raise ValidationError({"sheet_name": "请选择文件中的一个工作表"})
    try:
        check_row_limit(sheet)
    except RosterRefused as exc:
        raise _refused(exc, "sheet_name") from None
    _start_check(roster, sheet)
    return roster


@transaction.atomic
def roster_import_map(*, actor, roster: RosterImport, mapping: dict[str, int | None]) -> RosterImport:
    """The user says which column holds what; nothing is written until the dry run has been seen."""
    _require_editable(actor, roster, RESTARTABLE)
    chosen = {key: int(index) for key, index in mapping.items() if index is not None and key in FIELDS_BY_KEY}
    errors = {}
    union_required = UnionDirectory(node=actor.union).default_union_id is None
    for field in missing_required(chosen, union_required=union_required):
        errors[field.key] = f"请指定“{field.label}”所在的列"
    taken: dict[int, str] = {}
    for key, index in chosen.items():
        if index in taken:
            errors[key] = f"该列已指定为“{FIELDS_BY_KEY[taken[index]].label}”"
        taken.setdefault(index, key)
        if not 0 <= index < max(len(roster.headers), 1):
            errors[key] = "文件中没有这一列"
    if errors:
        raise ValidationError(errors)
    sheet = next(Sheet(s["name"], s["rows"]) for s in roster.sheets if s["name"] == roster.sheet_name)
    _start_check(roster, sheet, mapping=chosen, header_row=roster.header_row)
    return roster


# A worker killed mid-job (SIGKILL, out of memory, the machine restarted) leaves the job marked as
# running: the page would poll it for ever and refuse to start it again. The write ran in one
# transaction that died with it, so the dry run's result still stands and the write may start again.
INTERRUPTED = "后台处理进程意外停止，{what}中断"
INTERRUPTED_IMPORT = {
    ImportStatus.WRITING: (ImportStatus.CHECKED, INTERRUPTED.format(what="导入") + "，数据库未作任何改动；可以重新开始导入"),
    ImportStatus.CHECKING: (ImportStatus.FAILED, INTERRUPTED.format(what="检查") + "，未写入任何数据；请重新上传文件"),
}
INTERRUPTED_EXPORT = INTERRUPTED.format(what="导出") + "，未生成文件；请重新导出"


def _interrupted(job) -> bool:
    return job.is_running and job.started_at is not None and not job_alive(job._meta.label_lower, job.pk)


def _settle(job, **fields) -> None:
    """Only if it is still the same run: a job that ended meanwhile saved its outcome before letting go."""
    same_run = type(job).objects.filter(pk=job.pk, status=job.status, started_at=job.started_at)
    if same_run.update(**fields, finished_at=timezone.now()):
        job.refresh_from_db()


def roster_import_settle(*, roster: RosterImport) -> RosterImport:
    """An import whose job lost its process goes back to where the user can start it again."""
    if _interrupted(roster):
        status, message = INTERRUPTED_IMPORT[roster.status]
        _settle(roster, status=status, message=message, rows_written=0, cancel_requested=False)
    return roster


def roster_export_settle(*, export: RosterExport) -> RosterExport:
    """An export whose job lost its process: no file was recorded, the user may export again."""
    if _interrupted(export):
        _settle(export, status=ExportStatus.FAILED, message=INTERRUPTED_EXPORT)
    return export


@transaction.atomic
def roster_import_start(*, actor, roster: RosterImport, mode: str) -> RosterImport:
    """After the dry run: write, skipping rejected rows or only if every row is valid (again, after an
    interrupted write: through the API the import may not have been looked at since)."""
    roster_import_settle(roster=roster)
    _require_editable(actor, roster, (ImportStatus.CHECKED,))
    if mode not in ImportMode.values:
        raise ValidationError({"mode": "请选择导入方式"})
    roster.mode = mode
    _reset_progress(roster, status=ImportStatus.WRITING)
    roster.save()
    tasks.roster_write.enqueue(roster.pk)
    return roster


def roster_import_cancel(*, actor, roster: RosterImport) -> None:
    """Only a flag: the job looks at it between batches and rolls back what it had not committed."""
    require_writer_within(actor, roster.union)
    if not roster.is_running:
        raise ValidationError({"__all__": "该导入没有在进行中"})
    RosterImport.objects.filter(pk=roster.pk).update(cancel_requested=True)


@transaction.atomic
def roster_export_create(*, actor, query: str, fmt: str) -> RosterExport:
    """Export the member list as filtered on screen; small lists are written at once, large ones in the background."""
    if fmt not in ExportFormat.values:
        raise ValidationError({"format": "请选择导出格式"})
    require_within(actor, actor.union, field="format")
    export = RosterExport.objects.create(tenant_id=actor.union.tenant_id, union=actor.union, created_by=actor,
                                         format=fmt, query=query[:500])
    export.rows_total = export_rows_count(export)
    access_log_record(user=actor, obj=export, action="export_members",
                      detail=f"导出会员花名册 {export.rows_total} 人（{fmt}）{query}")
    if not runs_in_background(export):
        write_export(export)
        export.status, export.finished_at = ExportStatus.DONE, timezone.now()
        export.save()
    else:
        export.save()
        tasks.roster_export.enqueue(export.pk)
    return export


def roster_export_cancel(*, actor, export: RosterExport) -> None:
    require_within(actor, export.union)
    if export.created_by_id != actor.pk:
        raise ValidationError({"__all__": "只能取消自己发起的导出"})
    RosterExport.objects.filter(pk=export.pk, status=ExportStatus.RUNNING).update(cancel_requested=True)


def error_file_download_record(*, actor, roster: RosterImport) -> None:
    """The error file holds the uploaded rows unmasked: the uploader, or a role that may see full numbers."""
    if actor.pk != roster.created_by_id and not actor.may_reveal_identity:
        raise PermissionDenied("错误清单含有完整的身份证号码，只有上传人或可查看完整号码的角色可以下载")
    access_log_record(user=actor, obj=roster, action="download_roster_errors", detail=roster.original_name)


def export_download_record(*, actor, export: RosterExport) -> None:
    access_log_record(user=actor, obj=export, action="download_export", detail=f"下载会员花名册导出 {export.rows_total} 人")


def roster_files_expire(*, now: datetime) -> dict[str, int]:
    """Delete uploads, error files and exports older than ROSTER_KEEP_DAYS: they hold full ID numbers.

    The record stays (who imported or exported what, and when); only the file goes. An import that was
    still waiting for the user can no longer be written and says so. Running jobs are left alone. Each
    file is deleted before its row is saved, so a run that stops half-way is finished by the next one.
    """
    days = settings.GONGHUI["ROSTER_KEEP_DAYS"]
    cutoff = now - timedelta(days=days)
    counts = {"imports": 0, "exports": 0}
    stale = RosterImport.objects.filter(created_at__lt=cutoff).exclude(status__in=RUNNING_IMPORT)
    for roster in stale.exclude(file="", error_file=""):
        roster.file.delete(save=False)
        roster.error_file.delete(save=False)
        MemberStage(stage_name(roster.pk)).drop()  # a dry run's kept rows hold the same ID numbers
        roster.staged = {}
        if roster.status != ImportStatus.DONE:
            roster.status = ImportStatus.EXPIRED
            roster.message = f"上传已超过 {days} 天未导入，文件已删除；如需导入请重新上传"
        roster.save(update_fields=["file", "error_file", "staged", "status", "message"])
        counts["imports"] += 1
    for export in RosterExport.objects.filter(created_at__lt=cutoff).exclude(status=ExportStatus.RUNNING).exclude(file=""):
        export.file.delete(save=False)
        export.status, export.message = ExportStatus.EXPIRED, f"导出文件已超过 {days} 天，已删除；如需要请重新导出"
        export.save(update_fields=["file", "status", "message"])
        counts["exports"] += 1
    return counts
