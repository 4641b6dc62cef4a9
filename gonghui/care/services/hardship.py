"""Hardship files: the application, its correction before the first review, and the three reviews."""

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gonghui.core.money import CENT
from gonghui.core.services import (
    delete_with_history,
    require_within,
    require_writer,
    save_with_history,
)
from gonghui.members.models import Member

from ..choices import (
    OPEN_STATUSES,
    YEARLY_OUTCOMES,
    Cause,
    CloseReason,
    FileStatus,
    HardshipLevel,
    Relation,
    ReviewOutcome,
    ReviewStep,
)
from ..models import HardshipFile, HardshipReview, HouseholdMember
from ..rules import (
    check_amount,
    check_choice,
    check_date,
    check_member,
    raise_if,
    require_care_access,
    save_checked,
)

MAX_HOUSEHOLD = 20


ONE_OPEN_FILE = "该会员已有在审或在档的困难职工档案，不能重复申请"


def _causes(errors: dict, causes: Iterable[str]) -> str:
    chosen = set(causes or ())
    if not chosen:
        errors["causes"] = "请至少选择一项致困原因"
    elif chosen - set(Cause.values):
        errors["causes"] = "致困原因不在可选范围内"
    return "," + ",".join(c for c in Cause.values if c in chosen) + ","


def _household(errors: dict, rows: Iterable[dict]) -> list[HouseholdMember]:
    people, problems = [], []
    for n, row in enumerate(rows or (), start=1):
        row_errors: dict[str, str] = {}
        name = (row.get("name") or "").strip()
        if not name:
            row_errors["name"] = "请填写姓名"
        check_choice(row_errors, "relation", row.get("relation") or "", Relation, "请选择与申请人关系")
        income = check_amount(row_errors, "monthly_income", row.get("monthly_income"), allow_zero=True)
        problems += [f"第{n}位家庭成员：{message}" for message in row_errors.values()]
        people.append(HouseholdMember(name=name, relation=row.get("relation"), monthly_income=income))
    if len(people) > MAX_HOUSEHOLD:
        problems.append(f"家庭成员最多登记{MAX_HOUSEHOLD}人")
    if problems:
        errors["household"] = problems
    return people


def income_per_head(applicant_income: Decimal, incomes: Iterable[Decimal]) -> tuple[int, Decimal, Decimal]:
    """(household size, monthly household income, monthly income per head); the applicant counts as one."""
    incomes = list(incomes)
    size = 1 + len(incomes)
    total = applicant_income + sum(incomes, Decimal(0))
    return size, total, (total / size).quantize(CENT, ROUND_HALF_UP)


def _application(errors: dict, *, applied_on: date, causes: Iterable[str], applicant_income: Decimal,
                 household: Iterable[dict], cause_note: str) -> tuple[dict, list[HouseholdMember]]:
    """What an application says, checked, as the file's fields with its household figures worked out.

    The same rules hold when the application is filed and when it is corrected before the first review.
    """
    check_date(errors, "applied_on", applied_on)
    cause_text = _causes(errors, causes)
    income = check_amount(errors, "applicant_income", applicant_income, allow_zero=True)
    people = _household(errors, household)
    if errors:
        return {}, people  # the caller raises: no figures from amounts that failed their check
    size, total, per_head = income_per_head(income, [p.monthly_income for p in people])
    return {"applied_on": applied_on, "causes": cause_text, "cause_note": cause_note.strip(),
            "applicant_income": income, "household_size": size, "household_income": total,
            "income_per_head": per_head}, people


def _add_household(file: HardshipFile, people: list[HouseholdMember], *, actor) -> None:
    for person in people:
        person.tenant_id, person.file = file.tenant_id, file
        save_checked(person, actor=actor, clean_exclude=["file"])


@transaction.atomic
def hardship_file_apply(*, actor, member: Member, applied_on: date, causes: Iterable[str],
                        applicant_income: Decimal, household: Iterable[dict] = (),
                        cause_note: str = "") -> HardshipFile:
    """A member applies for a hardship file; it waits for the union's first review."""
    require_writer(actor)
    require_care_access(actor)
    errors: dict = {}
    check_member(errors, actor, member)
    application, people = _application(errors, applied_on=applied_on, causes=causes,
                                       applicant_income=applicant_income, household=household,
                                       cause_note=cause_note)
    if "member" not in errors and HardshipFile.objects.filter(member=member, status__in=OPEN_STATUSES).exists():
        errors["member"] = ONE_OPEN_FILE
    raise_if(errors)
    file = HardshipFile(tenant_id=member.tenant_id, union=member.union, member=member, created_by=actor,
                        **application)
    try:
        with transaction.atomic():
            save_checked(file, actor=actor, clean_exclude=["member", "created_by"])
    except IntegrityError:
        # Two officers filing for the same member at once: the partial unique index decides.
        raise ValidationError({"member": ONE_OPEN_FILE}) from None
    _add_household(file, people, actor=actor)
    return file


@transaction.atomic
def hardship_file_update(*, actor, file: HardshipFile, applied_on: date, causes: Iterable[str],
                         applicant_income: Decimal, household: Iterable[dict] = (),
                         cause_note: str = "") -> HardshipFile:
    """Corrects an application before the union's first review; the member stays, the household is replaced."""
    file = start_file_write(actor, file)
    # Once reviewed, the figures are what the reviewers decided on: later changes are the yearly review's.
    _require_status(file, FileStatus.APPLIED, "修改",
                    hint="申请只能在工会初审前修改，建档后的情况变化请通过年度复核办理")
    errors: dict = {}
    application, people = _application(errors, applied_on=applied_on, causes=causes,
                                       applicant_income=applicant_income, household=household,
                                       cause_note=cause_note)
    raise_if(errors)
    for field, value in application.items():
        setattr(file, field, value)
    save_checked(file, actor=actor, clean_exclude=["member", "created_by"])
    for old in file.household.all():
        delete_with_history(old, actor=actor)
    _add_household(file, people, actor=actor)
    return file


def _lock_file(file: HardshipFile) -> HardshipFile:
    """The file as it is now, locked: two reviews of one file cannot both pass the state check."""
    return HardshipFile.objects.select_for_update().select_related("union", "member").get(pk=file.pk)


def _require_status(file: HardshipFile, status: str, action: str, *, hint: str = "") -> None:
    if file.status != status:
        message = f"该档案当前状态为“{file.get_status_display()}”，不能{action}"
        raise ValidationError({"__all__": f"{message}：{hint}" if hint else message})


def start_file_write(actor, file: HardshipFile) -> HardshipFile:
    require_writer(actor)
    require_care_access(actor)
    require_within(actor, file.union)
    return _lock_file(file)


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
    _require_status(file, FileStatus.APPLIED, "进行工会初审")
    errors: dict = {}
    _check_review_date(errors, file, on_date)
    _require_reason_if_rejected(errors, approve, note)
    raise_if(errors)
    file.status = FileStatus.UNION_APPROVED if approve else FileStatus.REJECTED
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
    _require_status(file, FileStatus.UNION_APPROVED, "进行总工会审核")
    _require_federation_reviewer(actor, file)
    errors: dict = {}
    _check_review_date(errors, file, on_date)
    _require_reason_if_rejected(errors, approve, note)
    if approve:
        check_choice(errors, "level", level, HardshipLevel, "审核通过时请选择困难类别")
    raise_if(errors)
    if approve:
        file.status, file.level, file.approved_on, file.last_reviewed_on = FileStatus.ACTIVE, level, on_date, on_date
    else:
        file.status, level = FileStatus.REJECTED, ""
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
    _require_status(file, FileStatus.ACTIVE, "进行年度复核")
    errors: dict = {}
    _check_review_date(errors, file, on_date)
    _check_yearly(errors, file, outcome=outcome, level=level, close_reason=close_reason)
    raise_if(errors)
    file.last_reviewed_on = on_date
    if outcome == ReviewOutcome.LEVEL_CHANGED:
        file.level = level
    if outcome == ReviewOutcome.CLOSED:
        file.status, file.closed_on, file.close_reason = FileStatus.CLOSED, on_date, close_reason
    _record_review(file, actor=actor, step=ReviewStep.YEARLY, outcome=outcome, on_date=on_date, note=note,
                   level=level if outcome == ReviewOutcome.LEVEL_CHANGED else "",
                   close_reason=close_reason if outcome == ReviewOutcome.CLOSED else "")
    return file
