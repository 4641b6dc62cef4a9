"""Hardship files: the application and its correction before the first review; the state every write of a file
starts from."""

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gonghui.core.money import CENT
from gonghui.core.services import delete_with_history, require_within, require_writer
from gonghui.members.models import Member

from ..choices import OPEN_STATUSES, HardshipCause, HardshipFileStatus, HouseholdRelation
from ..models import HardshipFile, HouseholdMember
from ..rules import check_amount, check_choice, check_date, check_member, raise_if, require_care_access, save_checked

MAX_HOUSEHOLD = 20
ONE_OPEN_FILE = "该会员已有在审或在档的困难职工档案，不能重复申请"


def _causes(errors: dict, causes: Iterable[str]) -> str:
    chosen = set(causes or ())
    if not chosen:
        errors["causes"] = "请至少选择一项致困原因"
    elif chosen - set(HardshipCause.values):
        errors["causes"] = "致困原因不在可选范围内"
    return "," + ",".join(c for c in HardshipCause.values if c in chosen) + ","


def _household(errors: dict, rows: Iterable[dict]) -> list[HouseholdMember]:
    people, problems = [], []
    for n, row in enumerate(rows or (), start=1):
        row_errors: dict[str, str] = {}
        name = (row.get("name") or "").strip()
        if not name:
            row_errors["name"] = "请填写姓名"
        check_choice(row_errors, "relation", row.get("relation") or "", HouseholdRelation, "请选择与申请人关系")
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
    require_status(file, HardshipFileStatus.APPLIED, "修改",
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


def require_status(file: HardshipFile, status: str, action: str, *, hint: str = "") -> None:
    if file.status != status:
        message = f"该档案当前状态为“{file.get_status_display()}”，不能{action}"
        raise ValidationError({"__all__": f"{message}：{hint}" if hint else message})


def start_file_write(actor, file: HardshipFile) -> HardshipFile:
    require_writer(actor)
    require_care_access(actor)
    require_within(actor, file.union)
    return _lock_file(file)
