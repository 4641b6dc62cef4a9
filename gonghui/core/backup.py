"""Backups: the database and the uploaded files in one timestamped folder, with the row count of every table.

PostgreSQL is dumped with pg_dump (custom format) from a snapshot the counts are read in, so the manifest
describes exactly the dump. SQLite is copied online with the backup API and counted from the copy. The
uploaded files are archived after the database, so every file the database names is in the archive.
Nothing here knows a domain app: every table the database holds is counted.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import time
from dataclasses import dataclass
from glob import glob
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"


class BackupError(Exception):
    pass


def pg_tool(name: str) -> str:
    """pg_dump / pg_restore: PG_BIN_DIR, then PATH, then Debian's newest /usr/lib/postgresql/<n>/bin."""
    candidates = [Path(os.environ["PG_BIN_DIR"]) / name] if os.environ.get("PG_BIN_DIR") else []
    if found := shutil.which(name):
        candidates.append(Path(found))
    candidates += [Path(p) for p in sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    raise BackupError(f"{name} not found: install the PostgreSQL client or set PG_BIN_DIR")


def pg_env(settings_dict: dict) -> dict[str, str]:
    """libpq's environment for a Django database: the password never appears on a command line."""
    keys = {"PGHOST": "HOST", "PGPORT": "PORT", "PGUSER": "USER", "PGPASSWORD": "PASSWORD", "PGDATABASE": "NAME"}
    env = dict(os.environ)
    env.update({var: str(settings_dict[key]) for var, key in keys.items() if settings_dict.get(key)})
    return env


def table_counts(cursor, tables) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


@dataclass
class Backup:
    folder: Path
    manifest: dict


def _dump_postgres(connection, folder: Path) -> dict[str, int]:
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        # The counts and pg_dump read the same snapshot, held open until the dump is written.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = table_counts(cursor, connection.introspection.table_names(cursor))
        dump = subprocess.run([pg_tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}", "--no-owner",
                               f"--file={folder / PG_DUMP}"],
                              env=pg_env(connection.settings_dict), capture_output=True, text=True)
        if dump.returncode:
            raise BackupError(f"pg_dump failed: {dump.stderr.strip()}")
    return counts


def _copy_sqlite(connection, folder: Path) -> dict[str, int]:
    connection.ensure_connection()
    copy = sqlite3.connect(folder / SQLITE_COPY)
    try:
        connection.connection.backup(copy)
        cursor = copy.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        return table_counts(cursor, [row[0] for row in cursor.fetchall()])
    finally:
        copy.close()


def _archive_media(folder: Path) -> dict[str, int]:
    root = Path(settings.MEDIA_ROOT)
    files = size = 0
    with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
        for path in sorted(root.rglob("*")) if root.is_dir() else ():
            if path.is_file():
                archive.add(path, arcname=str(path.relative_to(root)))
                files, size = files + 1, size + path.stat().st_size
    return {"files": files, "bytes": size}


def backup_create(*, dest: Path, using: str = "default") -> Backup:
    """A folder `<dest>/<YYYYmmdd-HHMMSS>/` holding the database, the media archive and the manifest."""
    connection = connections[using]
    started = time.monotonic()
    folder = Path(dest) / timezone.localtime().strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    if connection.vendor == "postgresql":
        counts, database = _dump_postgres(connection, folder), PG_DUMP
    elif connection.vendor == "sqlite":
        counts, database = _copy_sqlite(connection, folder), SQLITE_COPY
    else:
        raise BackupError(f"no backup for the {connection.vendor} database")
    manifest = {
        "created_at": timezone.now().isoformat(),
        "vendor": connection.vendor,
        "database": database,
        "media": MEDIA_ARCHIVE,
        "media_files": _archive_media(folder),
        "tables": counts,
        "seconds": round(time.monotonic() - started, 2),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return Backup(folder=folder, manifest=manifest)


def manifest_read(folder: Path) -> dict:
    return json.loads((Path(folder) / MANIFEST).read_text())


def counts_compare(expected: dict[str, int], found: dict[str, int]) -> dict[str, tuple[int, int | None]]:
    """Tables whose count differs from the manifest's: {table: (in the manifest, found, None if missing)}."""
    return {table: (count, found.get(table)) for table, count in sorted(expected.items()) if found.get(table) != count}
