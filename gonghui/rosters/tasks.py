"""Background jobs (django-tasks): the database queue by default, Redis when configured."""

import contextlib
import logging
from collections.abc import Callable, Iterator

from django.utils import timezone
from django_tasks import task

from gonghui.core.jobs import job_lock, job_outcome

from .models import ExportStatus, ImportStatus, RosterExport, RosterImport

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def taken_up(model, pk: int) -> Iterator[None]:
    """The job's lock held while it runs, and the time it was taken up: services.*_settle reads both."""
    with job_lock(model._meta.label_lower, pk):
        model.objects.filter(pk=pk).update(started_at=timezone.now())
        yield


def _guarded(roster: RosterImport, job: Callable[[RosterImport], None]) -> None:
    """An unexpected error ends the job as 出错 on the page; the write transaction has rolled back.

    The outcome is saved before the lock goes: a job without its lock and still running is a dead one.
    """
    with taken_up(RosterImport, roster.pk):
        try:
            job(roster)
        except Exception:
            logger.exception("roster import %s failed", roster.pk)
            RosterImport.objects.filter(pk=roster.pk).update(
                status=ImportStatus.FAILED, finished_at=timezone.now(),
                message="处理时出错，数据库未作改动；请检查文件后重试，或联系系统管理员")


def _roster(import_id: int) -> RosterImport:
    return RosterImport.objects.select_related("created_by__union", "union").get(pk=import_id)


@task()
def roster_check(import_id: int) -> None:
    from .importing import run_dry_run

    _guarded(_roster(import_id), run_dry_run)


@task()
def roster_write(import_id: int) -> None:
    from .importing import run_write

    _guarded(_roster(import_id), run_write)


@task()
def roster_export(export_id: int) -> None:
    from .exporting import ExportCancelled, write_export

    export = RosterExport.objects.select_related("created_by__union").get(pk=export_id)

    def progress(count: int) -> None:
        RosterExport.objects.filter(pk=export.pk).update(rows_written=count)
        if RosterExport.objects.filter(pk=export.pk, cancel_requested=True).exists():
            raise ExportCancelled

    # the outcome is saved inside taken_up: a job without its lock and still running is a dead one
    with taken_up(RosterExport, export.pk), job_outcome(export, "roster export", ExportStatus.FAILED, "导出时出错，请重试"):
        try:
            write_export(export, on_chunk=progress)
            export.status = ExportStatus.DONE
        except ExportCancelled:
            export.status, export.message = ExportStatus.CANCELLED, "已取消"
