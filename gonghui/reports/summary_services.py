"""Writes of the year-end summary: the officer's draft, and next year's plan started from its headings."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from gonghui.core.figures import Section
from gonghui.core.periods import Period
from gonghui.core.scoping import may_access_care
from gonghui.core.services import record_delete, require_within, require_writer_within, save_with_history
from gonghui.org.models import Union
from gonghui.plans import services as plan_services
from gonghui.plans.models import Plan, WorkArea

from .summary import BODY, HEADING_3, Block, unknown_tokens, used_keys
from .summary_models import SummaryDraft, SummaryPdf
from .summary_tasks import summary_pdf_convert

EDITED_MAX = 20
# The plan area each chapter's headings become; a chapter another app adds lands in 自身建设.
PLAN_AREAS = {
    Section.ORGANISATION.name: WorkArea.SELF_CONSTRUCTION,
    Section.RIGHTS.name: WorkArea.RIGHTS,
    Section.CARE.name: WorkArea.CARE,
    Section.QUALITY.name: WorkArea.COMPETITION,
    Section.CULTURE.name: WorkArea.CULTURE,
    Section.DEMOCRACY.name: WorkArea.DEMOCRATIC,
    Section.CHECKS.name: WorkArea.COMPETITION,
    Section.FINANCE.name: WorkArea.SELF_CONSTRUCTION,
}


def _check_blocks(blocks: list[Block]) -> None:
    errors = {}
    for number, block in enumerate(blocks, start=1):
        if not BODY <= block.level <= HEADING_3:
            errors.setdefault("paragraphs", []).append(f"第{number}段的层级不正确")
        if unknown := unknown_tokens(block.text):
            errors.setdefault("paragraphs", []).append(
                f"第{number}段引用了不存在的统计指标：{'、'.join(unknown)}")
    if not any(block.text.strip() for block in blocks):
        errors.setdefault("paragraphs", []).append("总结正文不能为空")
    if errors:
        raise ValidationError(errors)


def _check_edited(edited: dict[str, str], blocks: list[Block]) -> dict[str, str]:
    """Hand-typed values of figures the text still names; a blank one gives the figure back its own value."""
    used = set(used_keys(blocks))
    kept = {}
    for key, text in edited.items():
        text = (text or "").strip()
        if not text or key not in used:
            continue
        if len(text) > EDITED_MAX or any(ch in text for ch in "{}\n"):
            raise ValidationError({"edited_figures": f"“{key}”的手工数值应为不超过{EDITED_MAX}个字的数字或文字"})
        kept[key] = text
    return kept


@transaction.atomic
def summary_draft_save(*, actor, union: Union, period: Period, title: str, blocks: list[Block],
                       edited: dict[str, str] | None = None) -> SummaryDraft:
    """Save the officer's text of a union's summary for a period (one draft per union and period)."""
    require_writer_within(actor, union)
    blocks = [Block(b.level, b.text.strip(), b.section) for b in blocks if b.text.strip()]
    _check_blocks(blocks)
    draft = SummaryDraft.objects.filter(tenant_id=union.tenant_id, union=union, period_start=period.start,
                                        period_end=period.end).first()
    if draft is None:
        draft = SummaryDraft(tenant_id=union.tenant_id, union=union, period_start=period.start,
                             period_end=period.end)
    draft.period_code = period.code
    draft.title = (title or "").strip()
    draft.written_on = timezone.localdate()
    draft.paragraphs = [block.as_json() for block in blocks]
    draft.edited_figures = _check_edited(edited or {}, blocks)
    draft.updated_by = actor
    draft.full_clean(exclude=["tenant", "union", "updated_by"], validate_constraints=False)
    save_with_history(draft, actor=actor)
    return draft


def plan_items_from(blocks: list[Block]) -> list[dict]:
    """Next year's plan items: the summary's headings, each under its chapter's area."""
    items, area = [], WorkArea.SELF_CONSTRUCTION
    for block in blocks:
        if block.level == BODY:
            continue
        if block.section:
            area = PLAN_AREAS.get(block.section, WorkArea.SELF_CONSTRUCTION)
        items.append({"area": area, "title": block.text[:200]})
    return items


@transaction.atomic
def summary_plan_start(*, actor, union: Union, period: Period, blocks: list[Block]) -> Plan:
    """Start the next year's plan of the union from this summary's headings (through the plans app)."""
    items = plan_items_from(blocks)
    if not items:
        raise ValidationError({"paragraphs": "总结中没有标题，无法据此制定计划"})
    year = period.end.year + 1
    return plan_services.plan_create_from_outline(actor=actor, union=union, year=year, items=items,
                                                  source=f"{period.label}工作总结")


@transaction.atomic
def summary_pdf_create(*, actor, union: Union, title: str, docx: bytes) -> SummaryPdf:
    """Queue the PDF of a summary's .docx (as `actor` sees it); the job worker converts it."""
    require_within(actor, union)
    job = SummaryPdf(tenant_id=union.tenant_id, union=union, title=title, created_by=actor,
                     with_care=may_access_care(actor))
    job.docx.save("summary.docx", ContentFile(docx), save=False)
    job.full_clean(exclude=["tenant", "union", "created_by", "docx", "pdf"], validate_constraints=False)
    job.save()
    transaction.on_commit(lambda: summary_pdf_convert.enqueue(job.pk))
    return job


@transaction.atomic
def summary_draft_delete(*, actor, draft: SummaryDraft) -> None:
    """Drop the officer's text: the page builds the summary afresh from the figures (the history keeps it)."""
    record_delete(draft, actor=actor)
