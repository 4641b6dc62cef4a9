"""`manage.py backup` and a restore into a fresh database, compared table by table."""

import shutil
import sqlite3
import subprocess
import tarfile

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from gonghui.core.backup import counts_compare, manifest_read, pg_env, pg_tool, table_counts
from gonghui.members.models import Member
from gonghui.testing import build_cast

pytestmark = pytest.mark.django_db(transaction=True)
on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL backup")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backup")


@pytest.fixture
def backup(settings, tmp_path):
    """A backup of the cast's county with one uploaded file."""
    build_cast()
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "ledger/1").mkdir(parents=True)
    (settings.MEDIA_ROOT / "ledger/1/3f2a.pdf").write_bytes(b"%PDF-1.4 sign-in sheet")
    call_command("backup", dest=tmp_path / "backups")
    (folder,) = (tmp_path / "backups").iterdir()
    return folder


def _live_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return table_counts(cursor, connection.introspection.table_names(cursor))


def test_backup_holds_the_database_the_files_and_the_row_count_of_every_table(backup):
    manifest = manifest_read(backup)
    assert manifest["tables"] == _live_counts()
    assert manifest["tables"]["members_member"] == 3 and manifest["tables"]["org_union"] == 6
    assert (backup / manifest["database"]).stat().st_size > 0
    with tarfile.open(backup / "media.tar.gz") as archive:
        assert archive.getnames() == ["ledger/1/3f2a.pdf"]
        assert archive.extractfile("ledger/1/3f2a.pdf").read() == b"%PDF-1.4 sign-in sheet"
    assert manifest["media_files"] == {"files": 1, "bytes": 22}


def test_backup_check_passes_on_the_same_data_and_names_a_table_that_differs(backup, capsys):
    call_command("backup_check", backup)
    assert "tables match the backup" in capsys.readouterr().out
    Member.objects.filter(name="张伟").delete()
    with pytest.raises(CommandError, match=r"2 of \d+ tables differ"):
        call_command("backup_check", backup)
    assert "members_member: 3 in the backup, 2 here" in capsys.readouterr().err


@on_sqlite
def test_sqlite_backup_restores_into_a_fresh_file(backup, tmp_path):
    restored = tmp_path / "restored.sqlite3"
    shutil.copy(backup / "database.sqlite3", restored)
    with sqlite3.connect(restored) as db:
        counts = table_counts(db.cursor(), manifest_read(backup)["tables"])
    assert counts_compare(manifest_read(backup)["tables"], counts) == {}
    assert counts == _live_counts()


@on_postgres
def test_postgres_backup_restores_into_a_new_database(backup):
    name = f"{connection.settings_dict['NAME']}_restored"
    env = pg_env({**connection.settings_dict, "NAME": "postgres"})
    admin = psycopg.connect(dbname="postgres", host=env.get("PGHOST"), port=env.get("PGPORT"),
                            user=env.get("PGUSER"), password=env.get("PGPASSWORD"), autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        restore = subprocess.run([pg_tool("pg_restore"), "--no-owner", f"--dbname={name}", str(backup / "database.dump")],
                                 env=env, capture_output=True, text=True)
        assert restore.returncode == 0, restore.stderr
        with psycopg.connect(dbname=name, host=env.get("PGHOST"), port=env.get("PGPORT"), user=env.get("PGUSER"),
                             password=env.get("PGPASSWORD")) as restored:
            counts = table_counts(restored.cursor(), manifest_read(backup)["tables"])
        assert counts_compare(manifest_read(backup)["tables"], counts) == {}
        assert counts == _live_counts()
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
