"""The summary's PDF, rendered on the server: queued, converted by the job, Chinese text in real glyphs."""

import subprocess
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.core.formatting import chinese_date

from gonghui.core.periods import year_period
from gonghui.reports.document import summary_docx
from gonghui.reports.document_pdf import docx_to_pdf, office_binary
from gonghui.reports.summary import BODY, Block, Rendered, Summary
from gonghui.reports.summary_models import PdfStatus, SummaryPdf

from .summary_helpers import build_street_year, summary_figures  # noqa: F401 (a fixture)
from .test_summary import _url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def immediate_jobs(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path


def _pdf(client, user, union, django_capture_on_commit_callbacks):
    assert office_binary(), "LibreOffice is missing: `make browser` installs it"
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(_url("reports:summary_pdf", union))
    job = SummaryPdf.objects.get()
    assert started.status_code == 302 and started["Location"] == reverse("reports:summary_pdf_job", args=[job.pk])
    return job


def test_the_pdf_shows_the_summary_in_chinese_glyphs(client, cast, summary_figures, tmp_path,  # noqa: F811
                                                     django_capture_on_commit_callbacks):
    build_street_year(cast)
    job = _pdf(client, cast.street_admin, cast.street_a, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.status == PdfStatus.DONE, job.message
    page = client.get(reverse("reports:summary_pdf_job", args=[job.pk])).content.decode()
    assert "已完成" in page and reverse("reports:summary_pdf_download", args=[job.pk]) in page

    download = client.get(reverse("reports:summary_pdf_download", args=[job.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(b"".join(download.streaming_content))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    flat = "".join(text.split())
    assert "甲街道总工会2025年工作总结" in flat
    assert "今年完成基层单建工会2家，" in flat and "覆盖企业2家" in flat
    assert "—1—" in flat and chinese_date(timezone.localdate()) in flat
    # Every font is embedded and none is a Latin face standing in for Chinese (boxes): the CJK faces of
    # config/fonts.conf draw the text.
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout.decode()
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" in fonts, fonts
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True)
    png = next(tmp_path.glob("page*.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 2000


def test_a_pdf_made_with_the_care_grant_is_not_found_without_it(client, cast, django_capture_on_commit_callbacks):
    job = _pdf(client, cast.officer, cast.union_a1, django_capture_on_commit_callbacks)
    assert job.with_care
    # officer_no_care is at the same union: the subtree would let it in, the missing grant does not.
    for user, status in ((cast.officer_no_care, 404), (cast.officer_no_reveal, 200), (cast.sibling_officer, 404)):
        client.force_login(user)
        assert client.get(reverse("reports:summary_pdf_job", args=[job.pk])).status_code == status, user


def test_the_pdf_keeps_the_standards_22_lines_of_28_characters(cast):
    """A page of body text only (the second): 22 lines, each full one 28 characters."""
    summary = Summary(union=cast.street_a, period=year_period(2025), title="测试", written_on=date(2026, 12, 1),
                      blocks=[Block(BODY, "工" * 28 * 60)])
    pdf = docx_to_pdf(summary_docx(Rendered(summary=summary, values={}), for_libreoffice=True))
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    lines = [line.strip() for line in text.splitlines() if "工" in line]
    assert len(lines) == 22, lines
    assert {len(line) for line in lines} == {28}
