"""Whether the process running a background job is still alive, and a test's point to stop it at.

A job holds a lock for as long as it runs (`job_lock`); whoever holds it, the database (PostgreSQL:
a session advisory lock) or the kernel (SQLite: flock on a file beside the database) lets go of it
when the process dies, SIGKILL and the OOM killer included. A job the page shows as running, that
had been taken up (its `started_at` set) and whose lock is free, has lost its process: the job queue
itself cannot tell (django-tasks leaves such a task "RUNNING" for ever), so the page asks here.
"""

import contextlib
import fcntl
import logging
import os
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from django.db import DatabaseError, connection
from django.utils import timezone

logger = logging.getLogger(__name__)


def _key(kind: str) -> int:
    return zlib.crc32(kind.encode()) & 0x7FFFFFFF


def _lock_file(kind: str, pk: int) -> Path | None:
    """Beside the SQLite file, so every process using that database finds the same one."""
    if connection.is_in_memory_db():  # tests with the immediate backend: the job runs inside the request
        return None
    folder = Path(connection.settings_dict["NAME"]).parent / "job-locks"
    folder.mkdir(exist_ok=True)
    return folder / f"{kind}-{pk}.lock"  # never deleted: a new file under the old name would split the lock


@contextlib.contextmanager
def job_lock(kind: str, pk: int) -> Iterator[None]:
    """Held while the job runs; taken on the job's own connection, so it goes when that process goes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [_key(kind), pk])
        try:
            yield
        finally:
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:  # a lost connection let go already
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [_key(kind), pk])
        return
    path = _lock_file(kind, pk)
    if path is None:
        yield
        return
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield  # closing the file lets go of the lock


@contextlib.contextmanager
def job_outcome(job, what: str, failed, message: str) -> Iterator[None]:
    """Saves the job with its end time once the block has run: the block sets the status it ended in.

    An unexpected error ends the job as `failed` with `message` for the page (the traceback goes to the
    log, never to the user) instead of leaving it running for ever.
    """
    try:
        yield
    except Exception:
        logger.exception("%s %s failed", what, job.pk)
        job.status, job.message = failed, message
    job.finished_at = timezone.now()
    job.save()


def job_alive(kind: str, pk: int) -> bool:
    """Whether some process holds the job's lock; a look only, it never takes the lock from the job."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("""SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2
                              AND classid::bigint = %s AND objid::bigint = %s
                              AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))""",
                           [_key(kind), pk])
            return cursor.fetchone()[0]
    path = _lock_file(kind, pk)
    if path is None or not path.exists():
        return path is None
    with open(path, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False  # the lock was free; closing the file lets go of it at once


def fault_point(name: str) -> None:
    """Where tests/ops/test_faults.py kills the job worker: a known moment inside a job's work.

    A kill timed by the clock would land before, inside or after the write depending on the machine's
    load; here the job says it has got this far (it writes its pid to GONGHUI_FAULT_FILE) and waits
    to be killed. Inert unless GONGHUI_FAULT_POINT names this point, which no deployment sets.
    """
    if os.environ.get("GONGHUI_FAULT_POINT") != name:
        return
    Path(os.environ["GONGHUI_FAULT_FILE"]).write_text(str(os.getpid()))
    time.sleep(300)
