"""The job worker (`manage.py db_worker`) killed with SIGKILL in the middle of a roster import's write
and of a roster export: no handler runs, nothing is rolled back by the job itself.

The worker is a real process on the test's database (on SQLite a file: the in-memory test database
is out of a subprocess's reach). It stops at a fault point (gonghui.core.jobs.fault_point) inside the
work, says so in a file, and is killed there; then the officer's pages are read as they would be.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import date
from urllib.parse import quote

import pytest
from django.db import connection, connections
from django.urls import reverse

from gonghui.members.models import Member
from gonghui.rosters.models import ExportStatus, ImportStatus, RosterExport, RosterImport
from gonghui.testing import build_cast, make_id_number

from .conftest import ROOT

pytestmark = pytest.mark.django_db(transaction=True)
WAIT = 40  # seconds; a worker starting under load takes a few


@pytest.fixture
def database_url(transactional_db, tmp_path):
    """The test database where a worker process can reach it, as the worker's DATABASE_URL."""
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        password = f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else ""
        yield f"postgres://{quote(s['USER'])}{password}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
        return
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as target:
        connection.connection.backup(target)  # the migrated, empty test database, as a file
    memory = connections["default"]
    connections["default"] = type(memory)({**memory.settings_dict, "NAME": str(path)}, "default")
    try:
        yield f"sqlite:///{path}"
    finally:
        connections["default"].close()
        connections["default"] = memory


@pytest.fixture
def worker(database_url, settings, tmp_path):
    """Starts `manage.py db_worker` on the test's database and media; with a fault point, it stops there."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    started = []

    def start(*, fault: str = "", batch: bool = False) -> subprocess.Popen:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "GONGHUI_"))}
        env.update(DATABASE_URL=database_url, DJANGO_MEDIA_ROOT=str(settings.MEDIA_ROOT),
                   GONGHUI_VAR_DIR=str(tmp_path / "var"), GONGHUI_FAULT_POINT=fault,
                   GONGHUI_FAULT_FILE=str(tmp_path / "reached"))
        args = ["db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2", *(["--batch"] if batch else [])]
        process = subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        started.append(process)
        return process

    start.reached = tmp_path / "reached"
    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def _wait_for(check, what: str, process: subprocess.Popen | None = None):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if result := check():
            return result
        if process is not None and process.poll() is not None:
            pytest.fail(f"the worker stopped before {what}: {process.stderr.read()}")
        time.sleep(0.1)
    pytest.fail(f"no {what} within {WAIT} s")


def _page_saying(client, url: str, text: str) -> str:
    """The page once it says `text`: the database lets go of a dead connection's lock a moment after the kill."""
    def look():
        html = client.get(url).content.decode()
        return html if text in html else None

    return _wait_for(look, f"page saying {text}")


def _kill_at_fault_point(process: subprocess.Popen, reached) -> None:
    _wait_for(reached.exists, "fault point", process)
    assert int(reached.read_text()) == process.pid
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def _finish(process: subprocess.Popen) -> None:
    """A worker in batch mode runs what is queued, then exits."""
    assert process.wait(timeout=WAIT) == 0, process.stderr.read()


def _roster_csv(cast) -> bytes:
    """张伟 with a new phone (an update), two new people."""
    rows = ["姓名,身份证号码,手机,入会日期", f"张伟,{cast.member_a1.id_number},13999990011,2010-05-01",
            f"钱一,{make_id_number(date(1990, 1, 1), 201)},13700000201,2020-05-01",
            f"钱二,{make_id_number(date(1990, 1, 2), 202)},13700000202,2020-05-01"]
    return ("\n".join(rows) + "\n").encode()


def test_a_worker_killed_inside_the_roster_write_changes_no_member_and_the_import_can_start_again(
        worker, client, tmp_path):
    cast = build_cast()
    client.force_login(cast.officer)
    before = Member.objects.count()
    phone = cast.member_a1.phone
    first = worker(fault="roster_write")
    upload = tmp_path / "花名册.csv"
    upload.write_bytes(_roster_csv(cast))
    with upload.open("rb") as fh:
        client.post(reverse("rosters:import_create"), {"file": fh})
    roster = RosterImport.objects.get()
    detail = reverse("rosters:import_detail", args=[roster.pk])
    _wait_for(lambda: RosterImport.objects.filter(pk=roster.pk, status=ImportStatus.CHECKED).exists(), "dry run", first)
    assert client.post(reverse("rosters:import_start", args=[roster.pk]), {"mode": "skip_rejected"}).status_code == 302

    _kill_at_fault_point(first, worker.reached)
    assert Member.objects.count() == before
    assert Member.objects.get(pk=cast.member_a1.pk).phone == phone
    html = _page_saying(client, detail, "中断")
    assert "后台处理进程意外停止，导入中断，数据库未作任何改动；可以重新开始导入" in html
    assert "开始导入" in html and "已写入" not in html
    api = f"/api/rosters/imports/{roster.pk}"
    assert client.get(api).json()["status"] == ImportStatus.CHECKED

    restarted = client.post(f"{api}/start", {"mode": "skip_rejected"}, content_type="application/json")
    assert restarted.status_code == 200 and restarted.json()["status"] == ImportStatus.WRITING
    _finish(worker(batch=True))
    roster.refresh_from_db()
    assert roster.status == ImportStatus.DONE, roster.message
    assert Member.objects.count() == before + 2
    assert Member.objects.get(pk=cast.member_a1.pk).phone == "13999990011"
    assert "新增 2 人，更新 1 人" in client.get(detail).content.decode()


def test_a_worker_killed_during_an_export_offers_no_file_and_the_export_can_be_made_again(
        worker, client, settings, monkeypatch, tmp_path):
    monkeypatch.setattr("gonghui.rosters.exporting.INLINE_ROWS", 0)  # even three members go to the worker
    cast = build_cast()
    client.force_login(cast.county_admin)
    first = worker(fault="roster_export")
    response = client.post(reverse("rosters:export") + "?q=张", {"format": "csv"})
    export = RosterExport.objects.get()
    assert response.status_code == 302 and response.url == reverse("rosters:export_detail", args=[export.pk])

    _kill_at_fault_point(first, worker.reached)
    html = _page_saying(client, response.url, "中断")
    assert "后台处理进程意外停止，导出中断，未生成文件；请重新导出" in html and "下载文件" not in html
    assert client.get(reverse("rosters:export_download", args=[export.pk])).status_code == 404
    assert not [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]  # nothing half-written in storage
    # The half-written file stays in the server's own work folder (swept later), not in the shared /tmp.
    assert [p.suffix for p in (tmp_path / "var" / "work").iterdir()] == [".csv"]

    again = reverse("rosters:export") + "?q=%E5%BC%A0"
    assert f'href="{again}"' in html and "按相同条件重新导出" in html
    retry = client.post(again, {"format": "csv"})
    _finish(worker(batch=True))
    redone = RosterExport.objects.exclude(pk=export.pk).get()
    assert redone.status == ExportStatus.DONE and retry.url == reverse("rosters:export_detail", args=[redone.pk])
    assert "下载文件" in client.get(retry.url).content.decode()
    download = client.get(reverse("rosters:export_download", args=[redone.pk]))
    lines = b"".join(download.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith("张伟,")
