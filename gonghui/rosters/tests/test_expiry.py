"""Uploaded rosters, error files and exports hold full ID numbers: they are deleted after ROSTER_KEEP_DAYS."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from gonghui.members.bulk import MemberStage
from gonghui.rosters import services
from gonghui.rosters.importing import stage_name
from gonghui.rosters.models import ExportStatus, ImportMode, ImportStatus, RosterImport

pytestmark = pytest.mark.django_db
WEEK_AND_A_DAY = timedelta(days=8)


def _checked(cast, fixture_file) -> RosterImport:
    roster = services.roster_import_create(actor=cast.street_admin, upload=fixture_file("roster.xlsx"))
    services.roster_import_choose_sheet(actor=cast.street_admin, roster=roster, sheet_name="花名册")
    roster.refresh_from_db()
    assert roster.status == ImportStatus.CHECKED and roster.file and roster.error_file
    return roster


def _stored(*files) -> list[bool]:
    return [f.storage.exists(f.name) for f in files]


def test_an_abandoned_upload_is_deleted_after_the_keep_days_and_can_no_longer_be_written(cast, fixture_file,
                                                                                          client_for):
    roster = _checked(cast, fixture_file)
    upload, errors = roster.file, roster.error_file
    assert services.roster_files_expire(now=timezone.now() + timedelta(days=6)) == {"imports": 0, "exports": 0}
    assert _stored(upload, errors) == [True, True]
    assert services.roster_files_expire(now=timezone.now() + WEEK_AND_A_DAY) == {"imports": 1, "exports": 0}
    roster.refresh_from_db()
    assert roster.status == ImportStatus.EXPIRED and not roster.file and not roster.error_file
    assert _stored(upload, errors) == [False, False]
    assert MemberStage(stage_name(roster.pk)).kept_count() is None  # nor the rows the dry run kept
    with pytest.raises(ValidationError, match="已过期"):
        services.roster_import_start(actor=cast.street_admin, roster=roster, mode=ImportMode.SKIP_REJECTED)
    page = client_for(cast.street_admin).get(reverse("rosters:import_detail", args=[roster.pk])).content.decode()
    assert "上传已超过 7 天未导入，文件已删除" in page and "下载全部有误的行" not in page


def test_a_running_import_keeps_its_file(cast, fixture_file):
    roster = _checked(cast, fixture_file)
    RosterImport.objects.filter(pk=roster.pk).update(status=ImportStatus.WRITING)
    assert services.roster_files_expire(now=timezone.now() + WEEK_AND_A_DAY)["imports"] == 0
    assert _stored(roster.file) == [True]


def test_a_written_import_keeps_its_outcome_and_loses_its_error_file(cast, fixture_file):
    roster = _checked(cast, fixture_file)
    services.roster_import_start(actor=cast.street_admin, roster=roster, mode=ImportMode.SKIP_REJECTED)
    roster.refresh_from_db()
    outcome, errors = roster.message, roster.error_file
    services.roster_files_expire(now=timezone.now() + WEEK_AND_A_DAY)
    roster.refresh_from_db()
    assert roster.status == ImportStatus.DONE and roster.message == outcome and not roster.error_file
    assert _stored(errors) == [False]


def test_an_old_export_file_is_deleted_and_no_longer_offered(cast, client_for, settings):
    settings.GONGHUI = {**settings.GONGHUI, "ROSTER_KEEP_DAYS": 2}
    client = client_for(cast.street_admin)
    export = services.roster_export_create(actor=cast.street_admin, query="", fmt="csv")
    stored = export.file
    assert services.roster_files_expire(now=timezone.now() + timedelta(days=3)) == {"imports": 0, "exports": 1}
    export.refresh_from_db()
    assert export.status == ExportStatus.EXPIRED and _stored(stored) == [False]
    page = client.get(reverse("rosters:export_detail", args=[export.pk])).content.decode()
    assert "导出文件已超过 2 天，已删除" in page and 'data-action="download"' not in page
    assert client.get(reverse("rosters:export_download", args=[export.pk])).status_code == 404


def test_the_daily_command_reports_what_it_deleted(cast, fixture_file, settings):
    settings.GONGHUI = {**settings.GONGHUI, "ROSTER_KEEP_DAYS": 0}
    _checked(cast, fixture_file)
    out = StringIO()
    call_command("roster_files_expire", stdout=out)
    assert out.getvalue().strip() == "已删除文件：导入 1 个，导出 0 个"
