"""Uploaded files leave the server only through a view that has checked access.

Files are stored under random names (see each app's upload_to); the name a user sees lives in the
database and reaches the browser only in Content-Disposition. When nginx fronts the app
(FILES_X_ACCEL_PREFIX set), the view answers with X-Accel-Redirect to an `internal` location and
nginx sends the bytes; otherwise Django streams the file itself.
"""

import os
import re
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header

# An ID number (15 or 18 characters) or a mobile number (11 digits) inside a file name.
LONG_NUMBER_RE = re.compile(r"\d{11,17}[\dXx]?")


# A file left by a job killed mid-write is removed by the next job after this long (no job runs for a day).
WORK_FILE_MAX_AGE = 24 * 3600


@contextmanager
def work_file(suffix: str) -> Iterator[str]:
    """A temporary file for a job's output (error lists and exports hold full ID numbers), in the
    server's own folder beside MEDIA_ROOT rather than the machine's shared /tmp.

    It is removed when the block ends; a job killed inside the block leaves it behind, so each new
    one first clears what killed jobs left (`WORK_FILE_MAX_AGE`).
    """
    folder = Path(settings.WORK_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    work_files_sweep(folder)
    fd, path = tempfile.mkstemp(suffix=suffix, dir=folder)
    os.close(fd)
    try:
        yield path
    finally:
        with _gone_ok():
            os.unlink(path)


def work_files_sweep(folder: Path, *, max_age: float = WORK_FILE_MAX_AGE) -> None:
    cutoff = time.time() - max_age
    for path in folder.iterdir():
        with _gone_ok():
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()


@contextmanager
def _gone_ok() -> Iterator[None]:
    # Another worker may have removed the same file first.
    try:
        yield
    except FileNotFoundError:
        pass


def random_file_name(folder: str, filename: str) -> str:
    """`folder/<uuid>.<ext>`: the stored path says nothing about the file and cannot be guessed."""
    suffix = PurePosixPath(filename).suffix.lower()
    suffix = suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
    return f"{folder.rstrip('/')}/{uuid.uuid4().hex}{suffix}"


def download_name(name: str, *, fallback: str = "下载文件") -> str:
    """The display name for Content-Disposition, with any ID or phone number it carried taken out."""
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    stem = re.sub(r"[-_ ]{2,}", "-", LONG_NUMBER_RE.sub("", stem)).strip("-_ ")
    return f"{stem or fallback}{dot}{suffix}"


def stored_with(field_file, name: str, content, save: Callable[[], None]) -> None:
    """Store an upload under `name`, then run `save` (the record's save); a record that could not be saved
    leaves no file behind in the storage."""
    field_file.save(name, content, save=False)
    try:
        save()
    except Exception:
        field_file.delete(save=False)
        raise


def private_file_response(field_file, *, filename: str, as_attachment: bool = True,
                          content_type: str | None = None) -> HttpResponse:
    """The stored file as a download named `filename`; a file gone from storage is a 404."""
    name = download_name(filename)
    prefix = settings.FILES_X_ACCEL_PREFIX
    if prefix:
        if not field_file.storage.exists(field_file.name):
            raise Http404
        response = HttpResponse(content_type=content_type or "application/octet-stream")
        response["X-Accel-Redirect"] = quote(f"/{prefix.strip('/')}/{field_file.name}")
        response["Content-Disposition"] = content_disposition_header(as_attachment, name)
        return response
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=as_attachment, filename=name, content_type=content_type)
