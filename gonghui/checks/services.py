"""Every write of checks: rubrics (and their Excel import), campaigns, and each assessment's steps.

An assessment moves 自评中 → 待复核 → 已复核 (or 未达标) → 公示中 → 已命名, and a named one is later
rechecked and, if it fails, withdrawn (已摘牌). Errors are gathered per field and raised together.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Count, DecimalField, Exists, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from gonghui.core.figure_cache import figures_changed
from gonghui.core.figures import Ratio, figure_get, figure_value
from gonghui.core.files import stored_with
from gonghui.core.formatting import future_error
from gonghui.core.pages import FIRST_YEAR, LAST_YEAR
from gonghui.core.periods import Period
from gonghui.core.scoping import contains
from gonghui.core.services import (
    check_and_save,
    checked_save,
    delete_with_history,
    fields_assign,
    require_writer_within,
    save_with_history,
    text_required,
)
from .uploads import evidence_type
from gonghui.org.models import Union

from .models import (
    SCORE,
    Assessment,
    AssessmentStatus,
    Campaign,
    Evidence,
    EvidenceKind,
    ItemScore,
    NoticeStatus,
    Objection,
    Rubric,
    RubricItem,
    RubricKind,
    RubricSection,
    ScoringMethod,
    SupervisionNotice,
)
from .rubric_sheet import RubricRow, rubric_rows_read

ZERO = Decimal(0)
RUBRIC_FIELDS = ("kind", "name", "version", "levels")
ITEM_FIELDS = ("text", "max_score", "method", "deduct_per", "evidence_kind", "evidence", "veto", "figure_key",
               "figure_target")
NOT_YOUR_EVIDENCE = "该台帐记录不属于被考核单位，不能作为佐证材料"


def _levels_error(levels) -> str:
    try:
        pairs = [(Decimal(str(lowest)), str(label).strip()) for lowest, label in levels]
    except (TypeError, ValueError, InvalidOperation):
        return "等次应写作“分数线:等次”，如“90:示范；75:达标”"
    if any(not label for _, label in pairs):
        return "等次名称不能为空"
    if [p[0] for p in pairs] != sorted((p[0] for p in pairs), reverse=True):
        return "等次应从高到低排列（分数线从高到低）"
    return ""


def _check_rubric(rubric: Rubric, errors: dict) -> None:
    text_required(rubric, errors, name="细则名称")
    if error := _levels_error(rubric.levels):
        errors["levels"] = error
    else:
        rubric.levels = [[float(lowest), str(label).strip()] for lowest, label in rubric.levels]


@transaction.atomic
def rubric_create(*, actor, union: Union, kind: str, name: str, version: int = 1, levels=()) -> Rubric:
    require_writer_within(actor, union)
    rubric = Rubric(tenant_id=union.tenant_id, union=union, kind=kind, name=name, version=version,
                    levels=list(levels))
    errors: dict[str, str] = {}
    _check_rubric(rubric, errors)
    if Rubric.objects.filter(tenant_id=union.tenant_id, union=union, name=rubric.name, version=version).exists():
        errors.setdefault("version", f"本单位已有第{version}版《{rubric.name}》，请填写新的版本号")
    return checked_save(rubric, errors, actor=actor, exclude=["levels"])


@transaction.atomic
def rubric_update(*, actor, rubric: Rubric, **fields) -> Rubric:
    require_writer_within(actor, rubric.union)
    if rubric.campaigns.exists():
        raise ValidationError({"__all__": "该细则已用于考核，不能修改；请另建新版本"})
    fields_assign(rubric, fields, RUBRIC_FIELDS)
    return check_and_save(rubric, _check_rubric, actor=actor, exclude=["levels"])


def _item_errors(row: RubricRow) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not row.section:
        errors["section"] = "请填写考核项目"
    if not row.text:
        errors["text"] = "请填写考核内容"
    if row.max_score is None or row.max_score < 0 or (row.max_score == 0 and not row.veto):
        errors["max_score"] = "分值须为大于0的数（只有一票否决条目可以为0分）"
    if row.method == ScoringMethod.DEDUCT and (row.deduct_per is None or row.deduct_per <= 0):
        errors["deduct_per"] = "扣分条目须填写每次扣分（大于0）"
    if row.figure_key:
        try:
            figure_get(row.figure_key)
        except Http404:
            errors["figure_key"] = f"没有这个统计指标：{row.figure_key}"
        if row.figure_target is None:
            errors["figure_target"] = "引用统计指标的条目须填写达标值"
    if len(row.text) > 300:
        errors["text"] = "考核内容不能超过300字"
    return {**errors, **row.unread}


def _item_from(rubric: Rubric, section: RubricSection, order: int, row: RubricRow) -> RubricItem:
    return RubricItem(tenant_id=rubric.tenant_id, rubric=rubric, section=section, order=order, text=row.text,
                      max_score=row.max_score, method=row.method, deduct_per=row.deduct_per,
                      evidence_kind=row.evidence_kind, evidence=row.evidence, veto=row.veto,
                      figure_key=row.figure_key, figure_target=row.figure_target)


def _rubric_editable(rubric: Rubric) -> None:
    if rubric.campaigns.exists():
        raise ValidationError({"__all__": "该细则已用于考核，不能修改；请另建新版本"})


@transaction.atomic
def rubric_items_add(*, actor, rubric: Rubric, rows: Iterable[RubricRow]) -> list[RubricItem]:
    """Rows in the Excel layout (section, item…); any bad row is named and nothing is stored."""
    require_writer_within(actor, rubric.union)
    _rubric_editable(rubric)
    rows = list(rows)
    errors = [f"第{row.line}行：" + "；".join(problems.values()) for row in rows if (problems := _item_errors(row))]
    if not rows:
        errors.append("表格中没有考核内容")
    if errors:
        raise ValidationError({"file": errors})
    sections = {s.title: s for s in rubric.sections.all()}
    items = []
    next_item = rubric.items.count()
    for row in rows:
        section = sections.get(row.section)
        if section is None:
            section = RubricSection.objects.create(tenant_id=rubric.tenant_id, rubric=rubric,
                                                   order=len(sections) + 1, title=row.section)
            sections[row.section] = section
        next_item += 1
        items.append(_item_from(rubric, section, next_item, row))
    return bulk_create_with_history(items, RubricItem, default_user=actor)


def _typed_row(*, section: str, text: str, max_score: Decimal, method: str = ScoringMethod.ADD,
               deduct_per: Decimal | None = None, evidence_kind: str = EvidenceKind.DOCUMENT, evidence: str = "",
               veto: bool = False, figure_key: str = "", figure_target: Decimal | None = None) -> RubricRow:
    """An item typed on a form or sent to the API, as a row of the sheet (one set of checks for both)."""
    row = RubricRow(line=0, section=(section or "").strip(), text=(text or "").strip(), max_score=max_score,
                    method=method, deduct_per=deduct_per, evidence_kind=evidence_kind, evidence=evidence,
                    veto=veto, figure_key=(figure_key or "").strip(), figure_target=figure_target)
    if errors := _item_errors(row):
        raise ValidationError(errors)
    return row


@transaction.atomic
def rubric_item_add(*, actor, rubric: Rubric, **fields) -> RubricItem:
    """One item (the fields of `_typed_row`), appended to its section (made if new)."""
    require_writer_within(actor, rubric.union)
    _rubric_editable(rubric)
    return rubric_items_add(actor=actor, rubric=rubric, rows=[_typed_row(**fields)])[0]


def _item_editable(item: RubricItem, doing: str) -> None:
    """An item once scored stays as it was scored: the assessments' totals and levels were read against it."""
    if ItemScore.objects.filter(item=item).exists():
        raise ValidationError({"__all__": f"该条目已用于考核评分，不能{doing}；请另建新版本细则"})
    _rubric_editable(item.rubric)


@transaction.atomic
def rubric_item_update(*, actor, item: RubricItem, **fields) -> RubricItem:
    """An item's text, score and method changed (the fields of `_typed_row`); a new section title moves it."""
    require_writer_within(actor, item.rubric.union)
    _item_editable(item, "修改")
    row = _typed_row(**fields)
    rubric = item.rubric
    if row.section != item.section.title:
        item.section = rubric.sections.filter(title=row.section).first() or RubricSection.objects.create(
            tenant_id=rubric.tenant_id, rubric=rubric, order=rubric.sections.count() + 1, title=row.section)
    for name in ITEM_FIELDS:
        setattr(item, name, getattr(row, name))
    return checked_save(item, {}, actor=actor, exclude=["rubric", "section"])


@transaction.atomic
def rubric_item_delete(*, actor, item: RubricItem) -> None:
    """An item taken out of a rubric not yet used; its audit trail keeps what it said."""
    require_writer_within(actor, item.rubric.union)
    _item_editable(item, "删除")
    delete_with_history(item, actor=actor)


@transaction.atomic
def rubric_import(*, actor, union: Union, kind: str, name: str, version: int, levels, upload) -> Rubric:
    """A rubric from a spreadsheet in the offices' layout (rubric_sheet.HEADERS); one bad row and none is kept."""
    rows = rubric_rows_read(upload)
    rubric = rubric_create(actor=actor, union=union, kind=kind, name=name, version=version, levels=levels)
    rubric_items_add(actor=actor, rubric=rubric, rows=rows)
    return rubric


# Campaigns ---------------------------------------------------------------------------------------

def _check_campaign(campaign: Campaign, errors: dict) -> None:
    text_required(campaign, errors, name="考核名称")
    if campaign.year is None or not FIRST_YEAR <= campaign.year <= LAST_YEAR:
        errors["year"] = f"年度应在{FIRST_YEAR}至{LAST_YEAR}之间"
    if campaign.starts_on and campaign.ends_on and campaign.ends_on < campaign.starts_on:
        errors["ends_on"] = "考核期止不能早于考核期起"
    if campaign.rubric_id and not campaign.rubric.items.exists():
        errors["rubric"] = "该细则还没有考核内容"
    if campaign.rubric_id and not contains(campaign.rubric.union, campaign.union):
        errors["rubric"] = "只能使用本单位或上级制定的考核细则"


@transaction.atomic
def campaign_create(*, actor, union: Union, rubric: Rubric, name: str, year: int, starts_on: date, ends_on: date,
                    unions: Iterable[Union] = (), publicity_days: int = 7) -> Campaign:
    """A campaign of `union` (a federation); `unions` below it are assessed, each with every item to score."""
    require_writer_within(actor, union)
    campaign = Campaign(tenant_id=union.tenant_id, union=union, rubric=rubric, name=name, year=year,
                        starts_on=starts_on, ends_on=ends_on, publicity_days=publicity_days)
    check_and_save(campaign, _check_campaign, actor=actor, exclude=["rubric"])
    for assessed in unions:
        assessment_add(actor=actor, campaign=campaign, union=assessed)
    return campaign


@transaction.atomic
def assessment_add(*, actor, campaign: Campaign, union: Union, subject: str = "") -> Assessment:
    """A union (or one of its teams, named in `subject`) joins the campaign; its items are pre-filled."""
    require_writer_within(actor, campaign.union)
    if not contains(campaign.union, union) or union.pk == campaign.union_id:
        raise ValidationError({"union": "被考核单位须在组织单位之下"})
    subject = (subject or "").strip()
    if campaign.assessments.filter(union=union, subject=subject).exists():
        raise ValidationError({"union": f"{subject or union.name}已在本次考核中"})
    assessment = Assessment(tenant_id=campaign.tenant_id, campaign=campaign, union=union, subject=subject)
    save_with_history(assessment, actor=actor)
    bulk_create_with_history([ItemScore(tenant_id=campaign.tenant_id, assessment=assessment, union=union,
                                        item=item, **_prefill(item, actor, union, campaign))
                              for item in campaign.rubric.items.all()], ItemScore, default_user=actor)
    return assessment


def _prefill(item: RubricItem, actor, union: Union, campaign: Campaign) -> dict:
    """An item tied to a registered figure scores full marks when the union's figure reaches the target."""
    if not item.figure_key or item.figure_target is None:
        return {}
    figure = figure_get(item.figure_key)
    value = figure_value(figure, user=actor, union=union, period=Period(campaign.starts_on, campaign.ends_on))
    if value.value is None:
        return {}
    if isinstance(figure, Ratio):
        numerator, denominator = (part.value or 0 for part in value.parts)
        reached = Decimal(numerator) * 100 / denominator if denominator else ZERO
        url = value.parts[0].url
    else:
        reached, url = Decimal(value.value), value.url
    score = item.max_score if reached >= item.figure_target else ZERO
    return {"prefilled": score, "score": score, "prefilled_value": value.text[:40], "prefilled_url": url}


# Self-assessment -------------------------------------------------------------------------------

def _score_error(item: RubricItem, score, label: str) -> str:
    if score is None:
        return ""
    if score < 0:
        return f"{label}不能为负数"
    if score > item.max_score:
        return f"{label}不能超过该条目的分值（{item.max_score}分）"
    if item.method == ScoringMethod.PASS_FAIL and score not in (ZERO, item.max_score):
        return f"达标/不达标条目只能得0分或满分（{item.max_score}分）"
    return ""


def _row(assessment: Assessment, item: RubricItem) -> ItemScore:
    try:
        return assessment.scores.select_related("item").get(item=item)
    except ItemScore.DoesNotExist:
        raise ValidationError({"item": "该条目不属于本次考核的细则"}) from None


def _state(assessment: Assessment, *states: str, doing: str) -> None:
    if assessment.status not in states:
        raise ValidationError({"__all__": f"{assessment.get_status_display()}的考核不能{doing}"})


@transaction.atomic
def self_score_set(*, actor, assessment: Assessment, item: RubricItem, self_score: Decimal | None,
                   self_note: str = "") -> ItemScore:
    require_writer_within(actor, assessment.union)
    _state(assessment, AssessmentStatus.SELF, doing="修改自评")
    row = _row(assessment, item)
    if error := _score_error(row.item, self_score, "自评分"):
        raise ValidationError({"self_score": error})
    row.self_score, row.self_note = self_score, (self_note or "").strip()
    return checked_save(row, {}, actor=actor, exclude=["assessment", "item"])


@transaction.atomic
def evidence_add(*, actor, assessment: Assessment, item: RubricItem, file=None, activity=None,
                 name: str = "") -> Evidence:
    """A file, or a ledger record of the assessed union's subtree, offered for one item."""
    require_writer_within(actor, assessment.union)
    _state(assessment, AssessmentStatus.SELF, AssessmentStatus.SUBMITTED, doing="补充佐证材料")
    _row(assessment, item)
    if file is None and activity is None:
        raise ValidationError({"file": "请上传文件或选择台帐记录"})
    if activity is not None and not (activity.tenant_id == assessment.tenant_id
                                     and contains(assessment.union, activity.union)):
        raise ValidationError({"activity": NOT_YOUR_EVIDENCE})
    evidence = Evidence(tenant_id=assessment.tenant_id, union_id=assessment.union_id, assessment=assessment,
                        item=item, activity=activity, uploaded_by=actor, uploaded_at=timezone.now())
    if file is None:
        evidence.name = (name or "").strip() or f"台帐：{activity}"[:200]
        evidence.save()
        return evidence
    ext = evidence_type(file)
    evidence.name, evidence.file_type, evidence.size = (file.name or "")[-200:], ext, file.size
    stored_with(evidence.file, f"evidence.{ext}", file, evidence.save)
    return evidence


def _totals(assessment_ids) -> dict[int, tuple]:
    """(self total, total, scored items, items, vetoed, veto items undecided) per assessment: one query."""
    rows = (ItemScore.objects.filter(assessment_id__in=assessment_ids).values("assessment_id")
            .annotate(self_total=Sum("self_score"), total=Sum("score"), scored=Count("score"), items=Count("id"),
                      vetoed=Count("id", filter=Q(item__veto=True, veto_applies=True)),
                      undecided=Count("id", filter=Q(item__veto=True, veto_applies__isnull=True))))
    return {row["assessment_id"]: row for row in rows}


@transaction.atomic
def assessment_submit(*, actor, assessment: Assessment, on: date | None = None) -> Assessment:
    require_writer_within(actor, assessment.union)
    _state(assessment, AssessmentStatus.SELF, doing="报送自评")
    on = on or timezone.localdate()
    if error := future_error(on, "报送日期"):
        raise ValidationError({"submitted_on": error})
    missing = assessment.scores.filter(self_score__isnull=True).select_related("item").first()
    if missing is not None:
        raise ValidationError({"self_score": f"条目“{missing.item.text}”尚未自评"})
    assessment.self_total = _totals([assessment.pk])[assessment.pk]["self_total"]
    assessment.status, assessment.submitted_on = AssessmentStatus.SUBMITTED, on
    return checked_save(assessment, {}, actor=actor, exclude=["campaign"])


# Review by the federation -------------------------------------------------------------------------

def _reviewer(actor, assessment: Assessment) -> None:
    require_writer_within(actor, assessment.campaign.union, field="__all__")


@transaction.atomic
def review_score_set(*, actor, assessment: Assessment, item: RubricItem, score: Decimal | None = None,
                     occurrences: int | None = None, comment: str = "", override_reason: str = "",
                     veto_applies: bool | None = None) -> ItemScore:
    """The federation's score of one item; a deduct item may be given its occurrences instead."""
    _reviewer(actor, assessment)
    _state(assessment, AssessmentStatus.SUBMITTED, doing="复核评分")
    row = _row(assessment, item)
    item = row.item
    if occurrences is not None and item.method == ScoringMethod.DEDUCT:
        score = max(item.max_score - item.deduct_per * occurrences, ZERO)
    errors: dict[str, str] = {}
    if error := _score_error(item, score, "复核分"):
        errors["score"] = error
    override_reason = (override_reason or "").strip()
    if row.prefilled is not None and score is not None and score != row.prefilled and not override_reason:
        errors["override_reason"] = f"系统按统计数据计{row.prefilled}分，调整分数须说明理由"
    if item.veto and veto_applies is None:
        errors["veto_applies"] = "一票否决条目须认定是否存在否决情形"
    if not item.veto:
        veto_applies = None
    row.score, row.comment, row.override_reason, row.veto_applies = score, (comment or "").strip(), \
        override_reason, veto_applies
    return checked_save(row, errors, actor=actor, exclude=["assessment", "item"])


def _conclude(assessment: Assessment, totals: dict, on: date) -> None:
    assessment.total = totals["total"] or ZERO
    assessment.vetoed = totals["vetoed"] > 0
    level = "不达标" if assessment.vetoed else assessment.campaign.rubric.level_for(assessment.total)
    assessment.level = "一票否决" if assessment.vetoed else level
    assessment.reviewed_on = on
    assessment.status = AssessmentStatus.FAILED if level == "不达标" else AssessmentStatus.REVIEWED


def _conclusion_error(assessment: Assessment, totals: dict | None) -> str:
    if totals and totals["undecided"]:
        veto = assessment.scores.filter(item__veto=True, veto_applies__isnull=True).select_related("item").first()
        return f"一票否决条目“{veto.item.text}”尚未认定，不能跳过"
    if totals is None or totals["scored"] < totals["items"]:
        missing = assessment.scores.filter(score__isnull=True).select_related("item").first()
        return f"条目“{missing.item.text}”尚未复核评分" if missing else "没有考核条目"
    return ""


@transaction.atomic
def assessment_conclude(*, actor, assessment: Assessment, on: date | None = None) -> Assessment:
    """The result: the total of the review, a veto if any applies, and the rubric's level."""
    _reviewer(actor, assessment)
    _state(assessment, AssessmentStatus.SUBMITTED, doing="评定结果")
    on = on or timezone.localdate()
    totals = _totals([assessment.pk]).get(assessment.pk)
    if error := _conclusion_error(assessment, totals) or future_error(on, "复核日期"):
        raise ValidationError({"__all__": error})
    _conclude(assessment, totals, on)
    return checked_save(assessment, {}, actor=actor, exclude=["campaign"])


@transaction.atomic
def campaign_score(*, actor, campaign: Campaign, on: date | None = None) -> int:
    """Every submitted assessment fully reviewed gets its result at once, in the database: one aggregate to
    find them, one UPDATE of their totals and vetoes, one of their levels (the rules of `_conclude`).
    A county's 2,000 unions × 60 items are 120,000 scores: read into Python they would take seconds."""
    require_writer_within(actor, campaign.union)
    on = on or timezone.localdate()
    vetoes = list(campaign.rubric.items.filter(veto=True).values_list("id", flat=True))
    rows = (ItemScore.objects.filter(assessment__campaign=campaign, assessment__status=AssessmentStatus.SUBMITTED)
            .values("assessment_id").annotate(
                items=Count("id"), scored=Count("score"),
                undecided=Count("id", filter=Q(item_id__in=vetoes, veto_applies__isnull=True))))
    done = [row["assessment_id"] for row in rows if row["scored"] == row["items"] and not row["undecided"]]
    scores = ItemScore.objects.filter(assessment_id=OuterRef("pk")).order_by()
    total = Subquery(scores.values("assessment_id").annotate(sum=Sum("score")).values("sum"))
    targets = Assessment.objects.filter(pk__in=done)
    targets.update(total=Coalesce(total, Value(ZERO), output_field=DecimalField(**SCORE)), reviewed_on=on,
                   vetoed=Exists(scores.filter(item_id__in=vetoes, veto_applies=True)))
    levels = [(Decimal(str(lowest)), label) for lowest, label in campaign.rubric.levels]
    targets.update(
        level=Case(When(vetoed=True, then=Value("一票否决")),
                   *(When(total__gte=lowest, then=Value(label)) for lowest, label in levels), default=Value("不达标")),
        status=Case(When(vetoed=True, then=Value(AssessmentStatus.FAILED)),
                    *(When(total__gte=lowest, then=Value(AssessmentStatus.REVIEWED)) for lowest, _ in levels),
                    default=Value(AssessmentStatus.FAILED)))
    # The audit trail of each result, as a save would write it: one SELECT of the updated rows and one
    # INSERT of their historical versions (2,000 rows), attributed to the actor.
    Assessment.history.bulk_history_create(list(targets.order_by("pk")), update=True, default_user=actor,
                                           default_change_reason="批量评定考核结果")
    figures_changed(campaign.tenant_id)  # written in SQL: no save signal tells the figure cache
    return len(done)


@transaction.atomic
def assessment_publicise(*, actor, assessment: Assessment, starts_on: date | None = None) -> Assessment:
    _reviewer(actor, assessment)
    _state(assessment, AssessmentStatus.REVIEWED, doing="公示")
    starts_on = starts_on or timezone.localdate()
    assessment.status, assessment.publicity_starts_on = AssessmentStatus.PUBLICISED, starts_on
    assessment.publicity_ends_on = starts_on + timedelta(days=assessment.campaign.publicity_days - 1)
    return checked_save(assessment, {}, actor=actor, exclude=["campaign"])


@transaction.atomic
def objection_add(*, actor, assessment: Assessment, raised_by: str, text: str,
                  raised_on: date | None = None) -> Objection:
    _reviewer(actor, assessment)
    raised_on = raised_on or timezone.localdate()
    if assessment.publicity_starts_on is None:
        raise ValidationError({"raised_on": "该考核结果尚未公示，不能登记异议"})
    if not assessment.publicity_starts_on <= raised_on <= assessment.publicity_ends_on:
        raise ValidationError({"raised_on": f"公示期为{assessment.publicity_starts_on:%Y-%m-%d}至"
                                            f"{assessment.publicity_ends_on:%Y-%m-%d}，公示期外不能登记异议"})
    objection = Objection(tenant_id=assessment.tenant_id, union_id=assessment.union_id, assessment=assessment,
                          raised_on=raised_on, raised_by=raised_by, text=text)
    errors: dict[str, str] = {}
    text_required(objection, errors, raised_by="提出人", text="异议内容")
    return checked_save(objection, errors, actor=actor, exclude=["assessment"])


@transaction.atomic
def objection_answer(*, actor, objection: Objection, answer: str) -> Objection:
    _reviewer(actor, objection.assessment)
    objection.answer = answer
    errors: dict[str, str] = {}
    text_required(objection, errors, answer="处理意见")
    return checked_save(objection, errors, actor=actor, exclude=["assessment"])


@transaction.atomic
def assessment_name(*, actor, assessment: Assessment, on: date | None = None) -> Assessment:
    """Naming (命名) once the publicity is over and every objection has an answer."""
    _reviewer(actor, assessment)
    _state(assessment, AssessmentStatus.PUBLICISED, doing="命名")
    on = on or timezone.localdate()
    if on <= assessment.publicity_ends_on:
        raise ValidationError({"named_on": f"公示期至{assessment.publicity_ends_on:%Y-%m-%d}，公示期满后才能命名"})
    if error := future_error(on, "命名日期"):
        raise ValidationError({"named_on": error})
    if assessment.objections.filter(answer="").exists():
        raise ValidationError({"__all__": "还有公示异议未处理，处理后才能命名"})
    assessment.status, assessment.named_on = AssessmentStatus.NAMED, on
    return checked_save(assessment, {}, actor=actor, exclude=["campaign"])


@transaction.atomic
def assessment_recheck(*, actor, assessment: Assessment, passed: bool, reason: str = "",
                       on: date | None = None) -> Assessment:
    """The later re-check (复查): passed keeps the name, failed withdraws it (摘牌) with the reason."""
    _reviewer(actor, assessment)
    _state(assessment, AssessmentStatus.NAMED, doing="复查")
    on = on or timezone.localdate()
    errors: dict[str, str] = {}
    if error := future_error(on, "复查日期"):
        errors["rechecked_on"] = error
    elif on < assessment.named_on:
        errors["rechecked_on"] = "复查日期不能早于命名日期"
    assessment.rechecked_on = on
    if not passed:
        assessment.withdrawal_reason = (reason or "").strip()
        if not assessment.withdrawal_reason:
            errors["withdrawal_reason"] = "复查未通过须填写摘牌原因"
        assessment.status, assessment.withdrawn_on = AssessmentStatus.WITHDRAWN, on
    return checked_save(assessment, errors, actor=actor, exclude=["campaign"])




# Labour-law supervision (劳动法律监督): a check's findings become a notice the enterprise answers -------

def _findings(assessment: Assessment) -> str:
    rows = assessment.scores.select_related("item").order_by("item__section__order", "item__order")
    return "\n".join(f"{n}. {row.item.text}：得分{row.score}/{row.item.max_score}" + (f"，{row.comment}" if row.comment else "")
                     for n, row in enumerate((r for r in rows if r.score is not None and r.score < r.item.max_score
                                              or r.veto_applies), start=1))


@transaction.atomic
def notice_issue(*, actor, assessment: Assessment, deadline: date, issued_on: date | None = None) -> SupervisionNotice:
    """The findings of a concluded labour-law check, as a notice with a deadline."""
    _reviewer(actor, assessment)
    if assessment.campaign.rubric.kind != RubricKind.LABOUR_LAW:
        raise ValidationError({"__all__": "只有劳动法律监督检查可以下达监督意见书"})
    if assessment.status not in (AssessmentStatus.REVIEWED, AssessmentStatus.FAILED):
        raise ValidationError({"__all__": "检查评定结果后才能下达监督意见书"})
    if SupervisionNotice.objects.filter(assessment=assessment).exists():
        raise ValidationError({"__all__": "该检查已下达监督意见书"})
    issued_on = issued_on or timezone.localdate()
    findings = _findings(assessment)
    errors: dict[str, str] = {}
    if not findings:
        errors["__all__"] = "检查未发现问题，无需下达监督意见书"
    if error := future_error(issued_on, "下达日期"):
        errors["issued_on"] = error
    if deadline is None or deadline <= issued_on:
        errors["deadline"] = "整改期限须晚于下达日期"
    notice = SupervisionNotice(tenant_id=assessment.tenant_id, union_id=assessment.union_id, assessment=assessment,
                               findings=findings, issued_on=issued_on, deadline=deadline)
    return checked_save(notice, errors, actor=actor, exclude=["assessment"])


@transaction.atomic
def notice_answer(*, actor, notice: SupervisionNotice, answer: str, answered_on: date | None = None) -> SupervisionNotice:
    """The enterprise's answer (by its union, or a federation above entering it)."""
    require_writer_within(actor, notice.union)
    if notice.status == NoticeStatus.CLOSED:
        raise ValidationError({"__all__": "该监督意见书已整改完毕"})
    notice.answer, notice.answered_on = answer, answered_on or timezone.localdate()
    errors: dict[str, str] = {}
    text_required(notice, errors, answer="企业答复")
    if error := future_error(notice.answered_on, "答复日期"):
        errors["answered_on"] = error
    elif notice.answered_on < notice.issued_on:
        errors["answered_on"] = "答复日期不能早于下达日期"
    notice.status = NoticeStatus.ANSWERED
    return checked_save(notice, errors, actor=actor, exclude=["assessment"])


@transaction.atomic
def notice_close(*, actor, notice: SupervisionNotice, closed_on: date | None = None) -> SupervisionNotice:
    """The re-check finds the findings put right: the notice is closed."""
    _reviewer(actor, notice.assessment)
    if notice.status != NoticeStatus.ANSWERED:
        raise ValidationError({"__all__": "企业答复后才能复查销号"})
    notice.closed_on = closed_on or timezone.localdate()
    if error := future_error(notice.closed_on, "复查日期"):
        raise ValidationError({"closed_on": error})
    notice.status = NoticeStatus.CLOSED
    return checked_save(notice, {}, actor=actor, exclude=["assessment"])
