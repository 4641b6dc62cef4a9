"""Reads of the year-end summary: the saved draft of a union and period, else a fresh one from the figures."""

from datetime import date

from django.http import Http404

from gonghui.core.periods import Period
from gonghui.core.scoping import get_visible_or_404, may_access_care, visible

from .summary import Block, Summary, summary_build
from .summary_models import SummaryDraft, SummaryPdf


def summary_draft_get(*, user, union, period: Period) -> SummaryDraft | None:
    return (visible(SummaryDraft.objects.all(), user)
            .filter(union=union, period_start=period.start, period_end=period.end).first())


def summary_get(*, user, union, period: Period, today: date) -> tuple[Summary, SummaryDraft | None]:
    """The summary as saved, or built afresh when nobody has saved one for this union and period."""
    draft = summary_draft_get(user=user, union=union, period=period)
    if draft is None:
        return summary_build(user=user, union=union, period=period, today=today), None
    return Summary(union=union, period=period, title=draft.title, written_on=draft.written_on,
                   blocks=[Block.from_json(b) for b in draft.paragraphs], edited=dict(draft.edited_figures)), draft


def summary_pdf_get(*, user, pk) -> SummaryPdf:
    """A PDF job of the user's subtree; one made with the care grant is found only by those who hold it."""
    job = get_visible_or_404(SummaryPdf.objects.select_related("union"), user, pk=pk)
    if job.with_care and not may_access_care(user):
        raise Http404
    return job
