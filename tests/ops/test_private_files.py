"""Uploaded files have no public URL; they leave only through views that check access, under random names."""

import importlib
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches, reverse

from gonghui.rosters import services
from gonghui.rosters.models import ExportFormat, RosterExport

pytestmark = pytest.mark.django_db
ROSTER = Path(__file__).resolve().parents[2] / "gonghui/rosters/tests/fixtures/roster_simple.xlsx"
RANDOM = r"[0-9a-f]{32}"


@pytest.fixture
def debug_urls(settings):
    """The URLs as a DEBUG (development) checkout builds them: the mode that used to serve /media/."""
    import config.urls

    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def roster(cast, media):
    upload = SimpleUploadedFile("甲一机械厂-联系人13812345678.xlsx", ROSTER.read_bytes())
    roster = services.roster_import_create(actor=cast.officer, upload=upload)
    roster.refresh_from_db()
    assert roster.error_file
    return roster


def test_stored_names_are_random_and_the_display_name_stays_in_the_database(roster, media):
    assert re.fullmatch(rf"rosters/imports/\d{{4}}/\d{{2}}/{RANDOM}\.xlsx", roster.file.name)
    assert re.fullmatch(rf"rosters/errors/\d{{4}}/\d{{2}}/{RANDOM}\.xlsx", roster.error_file.name)
    assert roster.original_name == "甲一机械厂-联系人13812345678.xlsx"
    assert (media / roster.file.name).is_file()
    assert not [p for p in media.rglob("*") if "甲一" in p.name or "错误清单" in p.name]


def test_media_is_not_served_to_anyone_in_any_mode(roster, cast, client, debug_urls):
    for path in (roster.file.name, roster.error_file.name):
        assert client.get(f"/media/{path}").status_code == 404
    client.force_login(cast.county_admin)
    assert client.get(f"/media/{roster.file.name}").status_code == 404


def test_error_file_download_is_named_for_the_upload_without_its_phone_number(roster, cast, client_for):
    response = client_for(cast.officer).get(reverse("rosters:import_errors", args=[roster.pk]))
    assert response.status_code == 200
    assert "13812345678" not in response["Content-Disposition"]
    assert "filename*=utf-8''%E7%94%B2%E4%B8%80" in response["Content-Disposition"]  # 甲一…
    assert response["Content-Disposition"].endswith("%E9%94%99%E8%AF%AF%E6%B8%85%E5%8D%95.xlsx")  # 错误清单.xlsx


def test_behind_nginx_the_download_is_handed_over_with_x_accel_redirect(cast, client_for, media, settings):
    settings.FILES_X_ACCEL_PREFIX = "/protected-files/"
    export = services.roster_export_create(actor=cast.county_admin, query="", fmt=ExportFormat.CSV)
    export = RosterExport.objects.get(pk=export.pk)
    assert re.fullmatch(rf"rosters/exports/\d{{4}}/\d{{2}}/{RANDOM}\.csv", export.file.name)
    response = client_for(cast.county_admin).get(reverse("rosters:export_download", args=[export.pk]))
    assert response["X-Accel-Redirect"] == f"/protected-files/{export.file.name}"
    assert response.content == b"" and "attachment" in response["Content-Disposition"]
