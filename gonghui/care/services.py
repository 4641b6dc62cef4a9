"""Every write of member services: hardship files and aid, hardship funds, visits, mutual medical aid, service cards."""

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from gonghui.core.money import CENT
from gonghui.core.pages import FIRST_YEAR
from gonghui.core.scoping import is_within
from gonghui.core.services import (
    access_log_record,
    delete_with_history,
    require_within,
    require_writer,
    save_with_history,
)
from gonghui.members.choices import Category as MemberCategory
from gonghui.members.choices import Status as MemberStatus
from gonghui.members.models import Member
from gonghui.org.models import Enterprise
from gonghui.org.models import UnionLevel
from gonghui.org.models import Union

from .choices import (
    OPEN_STATUSES,
    YEARLY_OUTCOMES,
    AidKind,
    Campaign,
    Cause,
    CloseReason,
    FileStatus,
    FundSource,
    HardshipLevel,
    MedicalCategory,
    Relation,
    ReviewOutcome,
    ReviewStep,
    SchoolLevel,
    VisitReason,
)
from .models import (
    AidPayment,
    FundContribution,
    FundPayout,
    HardshipFile,
    HardshipFund,
    HardshipReview,
    HouseholdMember,
    MedicalAidClaim,
    MedicalAidEnrolment,
    MedicalAidUnit,
    SchoolingGrant,
    ServiceCard,
    Visit,
)
from .rules import (
    ENTERPRISE_NOT_YOURS,
    check_amount,
    check_date,
    check_member,
    raise_if,
    require_care_access,
)

MAX_HOUSEHOLD = 20
MAX_WORKERS_REACHED = 100_000
ONE_OPEN_FILE = "该会员已有在审或在档的困难职工档案，不能重复申请"


def _save(obj, *, actor, clean_exclude: Iterable[str] = ()) -> None:
    obj.full_clean(exclude=["tenant", "union", *clean_exclude], validate_constraints=False)
    save_with_history(obj, actor=actor)


def _check_choice(errors: dict, field: str, value: str, choices, message: str) -> None:
    if value not in choices.values:
        errors[field] = message


# ---------------------------------------------------------------- hardship files


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
        _check_choice(row_errors, "relation", row.get("relation") or "", Relation, "请选择与申请人关系")
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
        _save(person, actor=actor, clean_exclude=["file"])


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
            _save(file, actor=actor, clean_exclude=["member", "created_by"])
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
    file = _start_file_write(actor, file)
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
    _save(file, actor=actor, clean_exclude=["member", "created_by"])
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


def _start_file_write(actor, file: HardshipFile) -> HardshipFile:
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
    file = _start_file_write(actor, file)
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
    file = _start_file_write(actor, file)
    _require_status(file, FileStatus.UNION_APPROVED, "进行总工会审核")
    _require_federation_reviewer(actor, file)
    errors: dict = {}
    _check_review_date(errors, file, on_date)
    _require_reason_if_rejected(errors, approve, note)
    if approve:
        _check_choice(errors, "level", level, HardshipLevel, "审核通过时请选择困难类别")
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
        _check_choice(errors, "level", level, HardshipLevel, "调整等级时请选择新的困难类别")
        if level == file.level:
            errors["level"] = "新的困难类别与原类别相同；不调整请选择“维持”"
    elif outcome == ReviewOutcome.CLOSED:
        _check_choice(errors, "close_reason", close_reason, CloseReason, "销档时请选择原因：脱困、转出或死亡")


@transaction.atomic
def hardship_file_yearly_review(*, actor, file: HardshipFile, outcome: str, on_date: date, level: str = "",
                                close_reason: str = "", note: str = "") -> HardshipFile:
    """动态管理: each active file is looked at again every year: kept, moved to another level, or closed."""
    file = _start_file_write(actor, file)
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


def _require_payable(file: HardshipFile) -> None:
    if file.status == FileStatus.CLOSED:
        raise ValidationError({"__all__": f"该困难职工档案已于{file.closed_on:%Y-%m-%d}销档"
                                          f"（{file.get_close_reason_display()}），不能再发放救助"})
    if file.status != FileStatus.ACTIVE:
        raise ValidationError({"__all__": f"该困难职工档案尚未审核建档（当前为“{file.get_status_display()}”），"
                                          "不能发放救助"})


@transaction.atomic
def aid_payment_create(*, actor, file: HardshipFile, kind: str, amount: Decimal, paid_on: date, fund_source: str,
                       note: str = "") -> AidPayment:
    file = _start_file_write(actor, file)
    _require_payable(file)
    errors: dict = {}
    _check_choice(errors, "kind", kind, AidKind, "请选择救助类型")
    _check_choice(errors, "fund_source", fund_source, FundSource, "请选择资金来源")
    amount = check_amount(errors, "amount", amount)
    check_date(errors, "paid_on", paid_on, not_before=file.approved_on, not_before_label="建档日期")
    raise_if(errors)
    payment = AidPayment(tenant_id=file.tenant_id, union=file.union, file=file, kind=kind, amount=amount,
                         paid_on=paid_on, fund_source=fund_source, note=note.strip(), created_by=actor)
    _save(payment, actor=actor, clean_exclude=["file", "created_by"])
    return payment


# ---------------------------------------------------------------- enterprise hardship funds


@transaction.atomic
def fund_create(*, actor, enterprise: Enterprise, established_on: date, note: str = "") -> HardshipFund:
    require_writer(actor)
    errors: dict = {}
    if not is_within(actor, enterprise.union):
        errors["enterprise"] = ENTERPRISE_NOT_YOURS
    elif enterprise.union.level != UnionLevel.GRASSROOTS:
        errors["enterprise"] = "该企业尚未建立工会：帮困基金由企业工会管理，请先建会"
    elif HardshipFund.objects.filter(tenant_id=enterprise.tenant_id, enterprise=enterprise).exists():
        errors["enterprise"] = "该企业已建立帮困基金"
    check_date(errors, "established_on", established_on)
    raise_if(errors)
    fund = HardshipFund(tenant_id=enterprise.tenant_id, union=enterprise.union, enterprise=enterprise,
                        established_on=established_on, note=note.strip(), created_by=actor)
    _save(fund, actor=actor, clean_exclude=["enterprise", "created_by"])
    return fund


def _lock_fund(actor, fund: HardshipFund) -> HardshipFund:
    """The fund row locked (SELECT ... FOR UPDATE) until commit: concurrent payouts queue on it."""
    require_writer(actor)
    require_within(actor, fund.union)
    return HardshipFund.objects.select_for_update().select_related("union", "enterprise").get(pk=fund.pk)


@transaction.atomic
def fund_contribute(*, actor, fund: HardshipFund, amount: Decimal, on_date: date,
                    source: str = "") -> FundContribution:
    fund = _lock_fund(actor, fund)
    errors: dict = {}
    amount = check_amount(errors, "amount", amount)
    check_date(errors, "on_date", on_date, not_before=fund.established_on, not_before_label="基金建立日期")
    raise_if(errors)
    fund.balance += amount
    save_with_history(fund, actor=actor)
    contribution = FundContribution(tenant_id=fund.tenant_id, union=fund.union, fund=fund, amount=amount,
                                    on_date=on_date, source=source.strip(), created_by=actor)
    _save(contribution, actor=actor, clean_exclude=["fund", "created_by"])
    return contribution


@transaction.atomic
def fund_payout(*, actor, fund: HardshipFund, member: Member, amount: Decimal, paid_on: date,
                reason: str) -> FundPayout:
    """Aid from an enterprise's fund to one of its members; the balance may reach zero, never below."""
    require_care_access(actor)
    fund = _lock_fund(actor, fund)
    errors: dict = {}
    check_member(errors, actor, member)
    if "member" not in errors and not member.union.path.startswith(fund.union.path):
        errors["member"] = "该会员不属于此企业的工会，不能从本基金救助"
    amount = check_amount(errors, "amount", amount)
    if amount is not None and amount > fund.balance:
        errors["amount"] = f"基金余额不足：当前余额{fund.balance}元，本次支出{amount}元，不能透支"
    check_date(errors, "paid_on", paid_on, not_before=fund.established_on, not_before_label="基金建立日期")
    if not reason.strip():
        errors["reason"] = "请填写救助事由"
    raise_if(errors)
    fund.balance -= amount
    save_with_history(fund, actor=actor)
    payout = FundPayout(tenant_id=fund.tenant_id, union=fund.union, fund=fund, member=member, amount=amount,
                        paid_on=paid_on, reason=reason.strip(), created_by=actor)
    _save(payout, actor=actor, clean_exclude=["fund", "member", "created_by"])
    return payout


# ---------------------------------------------------------------- visits and campaigns


def _visit_target(errors: dict, actor, *, member: Member | None, enterprise: Enterprise | None,
                  campaign: str) -> Union | None:
    if (member is None) == (enterprise is None):
        errors["member"] = "请填写慰问会员或选择慰问企业，二者选其一"
        return None
    if campaign == Campaign.SUMMER_COOLING and enterprise is None:
        errors["campaign"] = "夏送清凉慰问的对象是企业"
    if campaign == Campaign.WINTER_WARMTH and member is None:
        errors["campaign"] = "送温暖慰问的对象是职工"
    if member is not None:
        # A funeral visit comes after the member's death: any status may be visited.
        check_member(errors, actor, member, must_be_active=False)
        return member.union
    if not is_within(actor, enterprise.union):
        errors["enterprise"] = ENTERPRISE_NOT_YOURS
    return enterprise.union


def _check_workers(errors: dict, workers_reached: int, *, enterprise: Enterprise | None, campaign: str) -> None:
    if enterprise is None and workers_reached:
        errors["workers_reached"] = "慰问个人时不填写覆盖职工人数"
    elif workers_reached < 0 or workers_reached > MAX_WORKERS_REACHED:
        errors["workers_reached"] = f"覆盖职工人数应在0至{MAX_WORKERS_REACHED}之间"
    elif campaign == Campaign.SUMMER_COOLING and workers_reached == 0:
        errors["workers_reached"] = "请填写夏送清凉覆盖的职工人数"


@transaction.atomic
def visit_create(*, actor, reason: str, visited_on: date, visitors: str, member: Member | None = None,
                 enterprise: Enterprise | None = None, campaign: str = "", money: Decimal = Decimal(0),
                 goods: str = "", goods_value: Decimal = Decimal(0), workers_reached: int = 0,
                 note: str = "") -> Visit:
    require_writer(actor)
    errors: dict = {}
    union = _visit_target(errors, actor, member=member, enterprise=enterprise, campaign=campaign)
    _check_choice(errors, "reason", reason, VisitReason, "请选择慰问事由")
    if campaign:
        _check_choice(errors, "campaign", campaign, Campaign, "所属活动不在可选范围内")
    check_date(errors, "visited_on", visited_on)
    if not visitors.strip():
        errors["visitors"] = "请填写慰问人"
    money = check_amount(errors, "money", money, allow_zero=True)
    goods_value = check_amount(errors, "goods_value", goods_value, allow_zero=True)
    if goods_value and not goods.strip():
        errors["goods"] = "填写了慰问品价值，请写明慰问品"
    _check_workers(errors, workers_reached or 0, enterprise=enterprise, campaign=campaign)
    raise_if(errors)
    visit = Visit(tenant_id=union.tenant_id, union=union, member=member, enterprise=enterprise, reason=reason,
                  campaign=campaign, visited_on=visited_on, visitors=visitors.strip(), money=money,
                  goods=goods.strip(), goods_value=goods_value, workers_reached=workers_reached or 0,
                  note=note.strip(), created_by=actor)
    _save(visit, actor=actor, clean_exclude=["member", "enterprise", "created_by"])
    return visit


@transaction.atomic
def schooling_grant_create(*, actor, member: Member, student_name: str, school_level: str, amount: Decimal,
                           granted_on: date, school_name: str = "") -> SchoolingGrant:
    """金秋助学: one student of a worker's family."""
    require_writer(actor)
    errors: dict = {}
    check_member(errors, actor, member)
    if not student_name.strip():
        errors["student_name"] = "请填写学生姓名"
    _check_choice(errors, "school_level", school_level, SchoolLevel, "请选择学段：大学、中学或小学")
    amount = check_amount(errors, "amount", amount)
    check_date(errors, "granted_on", granted_on)
    raise_if(errors)
    grant = SchoolingGrant(tenant_id=member.tenant_id, union=member.union, member=member,
                           student_name=student_name.strip(), school_level=school_level,
                           school_name=school_name.strip(), amount=amount, granted_on=granted_on, created_by=actor)
    _save(grant, actor=actor, clean_exclude=["member", "created_by"])
    return grant


# ---------------------------------------------------------------- mutual medical aid and service cards


def _check_year(errors: dict, year: int) -> None:
    this_year = timezone.localdate().year
    if not FIRST_YEAR <= (year or 0) <= this_year + 1:
        errors["year"] = f"参保年度应在{FIRST_YEAR}至{this_year + 1}年之间"


@transaction.atomic
def medical_unit_enrol(*, actor, union: Union, year: int, enterprise: Enterprise | None = None,
                       whole_unit: bool = False) -> MedicalAidUnit:
    """A unit joins mutual medical aid for a year: a grassroots union, or one enterprise it covers."""
    require_writer(actor)
    require_within(actor, union)
    errors: dict = {}
    if union.level != UnionLevel.GRASSROOTS:
        errors["union"] = "参保单位须是基层工会或其覆盖的企业"
    if enterprise is not None and enterprise.union_id != union.pk:
        errors["enterprise"] = "该企业不在此工会的覆盖范围内"
    _check_year(errors, year)
    same = MedicalAidUnit.objects.filter(union=union, year=year, enterprise=enterprise)
    if not errors and same.exists():
        errors["enterprise" if enterprise else "union"] = f"该单位{year}年度已参保"
    raise_if(errors)
    unit = MedicalAidUnit(tenant_id=union.tenant_id, union=union, enterprise=enterprise, year=year,
                          whole_unit=whole_unit, created_by=actor)
    _save(unit, actor=actor, clean_exclude=["enterprise", "created_by"])
    return unit


def _basic_category(member: Member) -> str:
    return MedicalCategory.RETIRED if member.category == MemberCategory.RETIRED else MedicalCategory.EMPLOYED


@transaction.atomic
def medical_member_enrol(*, actor, unit: MedicalAidUnit, member: Member, category: str,
                         enrolled_on: date) -> MedicalAidEnrolment:
    require_writer(actor)
    require_within(actor, unit.union)
    errors: dict = {}
    check_member(errors, actor, member)
    if "member" not in errors and member.union_id != unit.union_id:
        errors["member"] = "该会员不属于此参保单位的工会"
    _check_choice(errors, "category", category, MedicalCategory, "请选择参保类别：在职、退休、安康或特种")
    check_date(errors, "enrolled_on", enrolled_on)
    if not errors and MedicalAidEnrolment.objects.filter(member=member, year=unit.year, category=category).exists():
        errors["category"] = f"该会员{unit.year}年度已参加此类别互助"
    raise_if(errors)
    enrolment = MedicalAidEnrolment(tenant_id=unit.tenant_id, union=unit.union, unit=unit, member=member,
                                    year=unit.year, category=category, enrolled_on=enrolled_on)
    _save(enrolment, actor=actor, clean_exclude=["unit", "member"])
    return enrolment


@transaction.atomic
def medical_enrol_whole_unit(*, actor, unit: MedicalAidUnit, enrolled_on: date) -> int:
    """全员参保: every active member of the unit's union not yet enrolled this year, in 在职 or 退休 by category."""
    require_writer(actor)
    require_within(actor, unit.union)
    errors: dict = {}
    check_date(errors, "enrolled_on", enrolled_on)
    raise_if(errors)
    enrolled = MedicalAidEnrolment.objects.filter(
        tenant_id=unit.tenant_id, year=unit.year, category__in=[MedicalCategory.EMPLOYED, MedicalCategory.RETIRED],
    ).values("member_id")
    members = (Member.objects.filter(union=unit.union, status=MemberStatus.ACTIVE).exclude(pk__in=enrolled)
               .only("id", "category"))
    rows = [MedicalAidEnrolment(tenant_id=unit.tenant_id, union=unit.union, unit=unit, member=m, year=unit.year,
                                category=_basic_category(m), enrolled_on=enrolled_on) for m in members.iterator()]
    bulk_create_with_history(rows, MedicalAidEnrolment, batch_size=1000, default_user=actor)
    unit.whole_unit = True
    save_with_history(unit, actor=actor)
    return len(rows)


@transaction.atomic
def medical_claim_create(*, actor, enrolment: MedicalAidEnrolment, amount: Decimal, paid_on: date,
                         note: str = "") -> MedicalAidClaim:
    require_writer(actor)
    require_within(actor, enrolment.union)
    errors: dict = {}
    amount = check_amount(errors, "amount", amount)
    check_date(errors, "paid_on", paid_on, not_before=enrolment.enrolled_on, not_before_label="参保日期")
    raise_if(errors)
    claim = MedicalAidClaim(tenant_id=enrolment.tenant_id, union=enrolment.union, enrolment=enrolment, amount=amount,
                            paid_on=paid_on, note=note.strip())
    _save(claim, actor=actor, clean_exclude=["enrolment"])
    return claim


@transaction.atomic
def service_card_collect(*, actor, member: Member, collected_on: date) -> ServiceCard:
    require_writer(actor)
    errors: dict = {}
    check_member(errors, actor, member)
    check_date(errors, "collected_on", collected_on)
    if "member" not in errors and ServiceCard.objects.filter(tenant_id=member.tenant_id, member=member).exists():
        errors["member"] = "该会员的服务卡信息已采集"
    raise_if(errors)
    card = ServiceCard(tenant_id=member.tenant_id, union=member.union, member=member, collected_on=collected_on)
    _save(card, actor=actor, clean_exclude=["member"])
    return card


@transaction.atomic
def service_card_issue(*, actor, card: ServiceCard, issued_on: date, card_number: str = "") -> ServiceCard:
    require_writer(actor)
    require_within(actor, card.union)
    card = ServiceCard.objects.select_for_update().get(pk=card.pk)
    if card.issued_on:
        raise ValidationError({"__all__": f"该会员的服务卡已于{card.issued_on:%Y-%m-%d}制卡"})
    errors: dict = {}
    check_date(errors, "issued_on", issued_on, not_before=card.collected_on, not_before_label="信息采集日期")
    raise_if(errors)
    card.issued_on, card.card_number = issued_on, card_number.strip()
    _save(card, actor=actor, clean_exclude=["member"])
    return card


def hardship_file_read_log(*, actor, file: HardshipFile) -> None:
    """Every opening of a hardship file, on a page or through the API, goes to the access log."""
    access_log_record(user=actor, obj=file, action="view_hardship_file", detail=file.member.name)
