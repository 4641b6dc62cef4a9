"""The summary's PDF in the background (django-tasks): LibreOffice takes seconds, more on a busy server."""

from django.core.files.base import ContentFile
from django_tasks import task

from gonghui.core.jobs import job_outcome

from .summary_models import PdfStatus, SummaryPdf


@task()
def summary_pdf_convert(pdf_id: int) -> None:
    from .document_pdf import docx_to_pdf

    job = SummaryPdf.objects.get(pk=pdf_id)
    SummaryPdf.objects.filter(pk=job.pk).update(status=PdfStatus.CONVERTING)
    with job_outcome(job, "summary pdf", PdfStatus.FAILED, "转换PDF时出错，请稍后重试或下载Word文档"):
        with job.docx.open("rb") as docx:
            content = docx_to_pdf(docx.read())
        job.pdf.save("summary.pdf", ContentFile(content), save=False)
        job.status, job.message = PdfStatus.DONE, ""
