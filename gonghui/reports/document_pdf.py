"""The summary's .docx as a PDF, rendered on the server by LibreOffice (`--headless --convert-to pdf`).

LibreOffice reads fonts through fontconfig: config/fonts.conf maps the official fonts the .docx names
(仿宋_GB2312, 楷体_GB2312, 方正小标宋简体, 黑体, 宋体) to the Debian faces the Makefile installs. Each run has a
profile of its own in a temporary directory, so two conversions at once do not share (and lock) one.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

FONTS_CONF = Path(settings.BASE_DIR) / "config" / "fonts.conf"
TIMEOUT_SECONDS = 180


class ConversionFailed(Exception):
    pass


def office_binary() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def docx_to_pdf(docx: bytes) -> bytes:
    binary = office_binary()
    if binary is None:
        raise ConversionFailed("LibreOffice is not installed (Makefile: browser)")
    with tempfile.TemporaryDirectory(prefix="summary-pdf-") as tmp:
        source = Path(tmp) / "summary.docx"
        source.write_bytes(docx)
        env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": tmp}
        result = subprocess.run(
            [binary, "--headless", "--norestore", "--nologo", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", "pdf", "--outdir", tmp, str(source)],
            env=env, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        target = source.with_suffix(".pdf")
        if result.returncode != 0 or not target.exists():
            raise ConversionFailed(result.stderr.decode("utf-8", "replace")[-500:])
        return target.read_bytes()
