"""The three reviews of a hardship file: the union's first review, the federation's, and the yearly one."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from gonghui.core.services import save_with_history

from ..choices import YEARLY_OUTCOMES, CloseReason, HardshipFileStatus, HardshipLevel, ReviewOutcome, ReviewStep
from ..models import HardshipFile, HardshipReview
from ..rules import check_choice, check_date, raise_if
from .hardship import require_status, start_file_write


def _record_review(file: HardshipFile, *, actor, step: str, outcome: str, on_date: date, note: str,
                   level: str = "", close_reason: str = "") -> None:
    save_with_history(file, actor=actor)
    HardshipReview.objects.create(tenant_id=file.tenant_id, file=file, step=step, outcome=outcome, level=level,
                                  close_reason=close_reason, on_date=on_date, note=note.strip(), by=actor)


def _check_review_date(errors: dict, file: HardshipFile, on_date: date) -> None:
    since = file.last_reviewed_on or file.applied_on
    label = "上次审核日期" if file.last_reviewed_on else "申请日期"
    check_date(errors, "on_date", on_date, not_before=since, not_before_label=label)


def _require_reason_if_rejected(errors: dict, approve: bool, note: str) -> None:
    if not approve and not note.strip():
        errors["note"] = "不通过时请填写意见"


@transaction.atomic
def hardship_file_union_review(*, actor, file: HardshipFile, approve: bool, on_date: date,
                               note: str = "") -> HardshipFile:
    """The union's first review (初审): passes the file up to the federation, or turns it down."""
    file = start_file_write(actor, file)
    require_status(file, HardshipFileStatus.APPLIED, "进行工会初审")
    errors: dict = {}
    _check_review_date(errors, file, on_date)
    _require_reason_if_rejected(errors, approve, note)
    raise_if(errors)
    file.status = HardshipFileStatus.UNION_APPROVED if approve else HardshipFileStatus.REJECTED
    _record_review(file, actor=actor, step=ReviewStep.UNION, on_date=on_date, note=note,
                   outcome=ReviewOutcome.APPROVED if approve else ReviewOutcome.REJECTED)
    return file


def _require_federation_reviewer(actor, file: HardshipFile) -> None:
    node = actor.union
    above = node.path != file.union.path and file.union.path.startswith(node.path)
    if not (actor.is_federation_admin and above):
        raise ValidationError({"__all__": "总工会审核须由该工会的上级总工会管理员办理"})
    if file.reviews.filter(step=ReviewStep.UNION, by=actor).exists():
        raise ValidationError({"__all__": "您已办理过该档案的工会初审，总工会审核须由另一人办理"})


@transaction.atomic
def hardship_file_federation_review(*, actor, file: HardshipFile, approve: bool, on_date: date, level: str = "",
                                    note: str = "") -> HardshipFile:
    """The federation's review: sets the level and opens the file, or turns it down."""
    file = start_file_write(actor, file)
    require_status(file, HardshipFileStatus.UNION_APPROVED, "进行总工会审核")
    _require_federation_reviewer(actor, file)
    errors: dict = {}
    _check_review_date(errors, file, on_date)
    _require_reason_if_rejected(errors, approve, note)
    if approve:
        check_choice(errors, "level", level, HardshipLevel, "审核通过时请选择困难类别")
    raise_if(errors)
    if approve:
        file.status, file.level = HardshipFileStatus.ACTIVE, level
        file.approved_on = file.last_reviewed_on = on_date
    else:
        file.status, level = HardshipFileStatus.REJECTED, ""
    _record_review(file, actor=actor, step=ReviewStep.FEDERATION, on_date=on_date, note=note, level=level,
                   outcome=ReviewOutcome.APPROVED if approve else ReviewOutcome.REJECTED)
    return file


def _check_yearly(errors: dict, file: HardshipFile, *, outcome: str, level: str, close_reason: str) -> None:
    if outcome not in YEARLY_OUTCOMES:
        errors["outcome"] = "请选择复核结论：维持、调整等级或销档"
    elif outcome == ReviewOutcome.LEVEL_CHANGED:
        check_choice(errors, "level", level, HardshipLevel, "调整等级时请选择新的困难类别")
        if level == file.level:
            errors["level"] = "新的困难类别与原类别相同；不调整请选择“维持”"
    elif outcome == ReviewOutcome.CLOSED:
        check_choice(errors, "close_reason", close_reason, CloseReason, "销档时请选择原因：脱困、转出或死亡")


@transaction.atomic
def hardship_file_yearly_review(*, actor, file: HardshipFile, outcome: str, on_date: date, level: str = "",
                                close_reason: str = "", note: str = "") -> HardshipFile:
    """动态管理: each active file is looked at again every year: kept, moved to another level, or closed."""
    file = start_file_write(actor, file)
    require_status(file, HardshipFileStatus.ACTIVE, "进行年度复核")
    errors: dict = {}
    _check_review_date(errors, file, on_date)
    _check_yearly(errors, file, outcome=outcome, level=level, close_reason=close_reason)
    raise_if(errors)
    file.last_reviewed_on = on_date
    if outcome == ReviewOutcome.LEVEL_CHANGED:
        file.level = level
    if outcome == ReviewOutcome.CLOSED:
        file.status, file.closed_on, file.close_reason = HardshipFileStatus.CLOSED, on_date, close_reason
    _record_review(file, actor=actor, step=ReviewStep.YEARLY, outcome=outcome, on_date=on_date, note=note,
                   level=level if outcome == ReviewOutcome.LEVEL_CHANGED else "",
                   close_reason=close_reason if outcome == ReviewOutcome.CLOSED else "")
    return file
