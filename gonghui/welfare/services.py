"""Writes of the welfare records. Each record type has create/update/delete; what they share is here once:
the writer and union checks, the person helped (member or non-member), the audit trail.

Every check reports in Chinese at its field; nothing is saved unless every field passes.
"""

from collections.abc import Callable
from datetime import date

from django.db import models, transaction

from gonghui.core.formatting import future_error
from gonghui.core.money import check_money
from gonghui.core.scoping import contains, is_within
from gonghui.core.services import (check_and_save, checked_update, fields_assign, record_delete,
                                   require_writer_within)
from gonghui.org.models import Union

from .models import ChildrenProgramme, DonationDrive, EmploymentAid, PersonHelped, Recuperation

NOT_YOURS_MEMBER = "找不到该会员，或不在本工会管辖范围内"
MAX_PEOPLE = 1_000_000  # donors of one drive, children of one programme: beyond it, a typo
MAX_CLASSES = 1_000
MAX_ITEMS = 10_000_000

Errors = dict[str, str]
Check = Callable[[models.Model, Errors], None]
# The member a record is about is checked by _person (the actor's, under the recording union), not by full_clean.
UNCHECKED = ("member",)


def _label(record: models.Model, field: str) -> str:
    """The field's name on the form, its unit left off: "费用（元）" is "费用" in a message."""
    return str(record._meta.get_field(field).verbose_name).split("（")[0]


def _text(record, errors: Errors, field: str, *, required: bool = True) -> None:
    value = (getattr(record, field) or "").strip()
    setattr(record, field, value)
    if required and not value:
        errors[field] = f"请填写{_label(record, field)}"


def _day(record, errors: Errors, field: str, *, future: bool = False) -> date | None:
    value = getattr(record, field)
    if not isinstance(value, date):
        errors[field] = f"请填写{_label(record, field)}"
        return None
    if not future and (message := future_error(value, _label(record, field))):
        errors[field] = message
    return value


def _count(record, errors: Errors, field: str, *, high: int, low: int = 0) -> None:
    value = getattr(record, field)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        errors[field] = f"{_label(record, field)}应在{low}至{high}之间"


def _money(record, errors: Errors, field: str) -> None:
    amount = check_money(errors, field, getattr(record, field), label=_label(record, field), required=True)
    if amount is not None:
        setattr(record, field, amount)


def _person(record: PersonHelped, errors: Errors, *, actor) -> None:
    """A member must be the actor's and sit under the recording union; their name is kept for the lists."""
    member = record.member
    if member is not None:
        if not (is_within(actor, member.union) and contains(record.union, member.union)):
            errors["member"] = NOT_YOURS_MEMBER
            return
        record.name = member.name
        return
    _text(record, errors, "name")
    if "name" in errors:
        errors["name"] = "请填写姓名（非会员求职者），或填写会员身份证号码"


def _create(model: type[models.Model], *, actor, union: Union, fields: dict, editable: tuple[str, ...],
            check: Check):
    require_writer_within(actor, union)
    record = model(tenant_id=union.tenant_id, union=union)
    fields_assign(record, fields, editable)
    return check_and_save(record, check, actor=actor, exclude=UNCHECKED)


def _delete(record, *, actor) -> None:
    record_delete(record, actor=actor)


# Employment aid (再就业援助) -----------------------------------------------------------------------

AID_FIELDS = ("member", "name", "aided_on", "employer", "post", "helped_by")


def _check_aid(actor) -> Check:
    def check(aid: EmploymentAid, errors: Errors) -> None:
        _person(aid, errors, actor=actor)
        _day(aid, errors, "aided_on")
        _text(aid, errors, "employer")
        _text(aid, errors, "post", required=False)
        _text(aid, errors, "helped_by", required=False)

    return check


@transaction.atomic
def employment_aid_create(*, actor, union: Union, **fields) -> EmploymentAid:
    return _create(EmploymentAid, actor=actor, union=union, fields=fields, editable=AID_FIELDS,
                   check=_check_aid(actor))


@transaction.atomic
def employment_aid_update(*, actor, aid: EmploymentAid, **fields) -> EmploymentAid:
    return checked_update(aid, actor=actor, fields=fields, editable=AID_FIELDS, check=_check_aid(actor),
                          exclude=UNCHECKED)


@transaction.atomic
def employment_aid_delete(*, actor, aid: EmploymentAid) -> None:
    _delete(aid, actor=actor)


# Check-ups and rest stays (体检 / 疗休养) ------------------------------------------------------------

RECUPERATION_FIELDS = ("member", "name", "kind", "on_date", "place", "cost")


def _check_recuperation(actor) -> Check:
    def check(stay: Recuperation, errors: Errors) -> None:
        _person(stay, errors, actor=actor)
        _day(stay, errors, "on_date")
        _text(stay, errors, "place")
        _money(stay, errors, "cost")

    return check


@transaction.atomic
def recuperation_create(*, actor, union: Union, **fields) -> Recuperation:
    return _create(Recuperation, actor=actor, union=union, fields=fields, editable=RECUPERATION_FIELDS,
                   check=_check_recuperation(actor))


@transaction.atomic
def recuperation_update(*, actor, stay: Recuperation, **fields) -> Recuperation:
    return checked_update(stay, actor=actor, fields=fields, editable=RECUPERATION_FIELDS,
                          check=_check_recuperation(actor), exclude=UNCHECKED)


@transaction.atomic
def recuperation_delete(*, actor, stay: Recuperation) -> None:
    _delete(stay, actor=actor)


# Children's summer programmes (小候鸟暑期放心班) ------------------------------------------------------

PROGRAMME_FIELDS = ("name", "start_on", "end_on", "classes", "children")


def _check_programme(programme: ChildrenProgramme, errors: Errors) -> None:
    _text(programme, errors, "name")
    start = _day(programme, errors, "start_on")
    # A programme is entered when it opens: it may end after today, never before it began.
    end = _day(programme, errors, "end_on", future=True)
    if start and end and end < start:
        errors["end_on"] = "结束日期不能早于开班日期"
    _count(programme, errors, "classes", low=1, high=MAX_CLASSES)
    _count(programme, errors, "children", high=MAX_PEOPLE)


@transaction.atomic
def children_programme_create(*, actor, union: Union, **fields) -> ChildrenProgramme:
    return _create(ChildrenProgramme, actor=actor, union=union, fields=fields, editable=PROGRAMME_FIELDS,
                   check=_check_programme)


@transaction.atomic
def children_programme_update(*, actor, programme: ChildrenProgramme, **fields) -> ChildrenProgramme:
    return checked_update(programme, actor=actor, fields=fields, editable=PROGRAMME_FIELDS, check=_check_programme,
                          exclude=UNCHECKED)


@transaction.atomic
def children_programme_delete(*, actor, programme: ChildrenProgramme) -> None:
    _delete(programme, actor=actor)


# Donation drives (慈善一日捐) --------------------------------------------------------------------

DRIVE_FIELDS = ("name", "held_on", "purpose", "donors", "amount", "clothes", "books", "other_items")


def _check_drive(drive: DonationDrive, errors: Errors) -> None:
    _text(drive, errors, "name")
    _day(drive, errors, "held_on")
    _text(drive, errors, "purpose", required=False)
    _count(drive, errors, "donors", high=MAX_PEOPLE)
    _money(drive, errors, "amount")
    for field in ("clothes", "books", "other_items"):
        _count(drive, errors, field, high=MAX_ITEMS)


@transaction.atomic
def donation_drive_create(*, actor, union: Union, **fields) -> DonationDrive:
    return _create(DonationDrive, actor=actor, union=union, fields=fields, editable=DRIVE_FIELDS,
                   check=_check_drive)


@transaction.atomic
def donation_drive_update(*, actor, drive: DonationDrive, **fields) -> DonationDrive:
    return checked_update(drive, actor=actor, fields=fields, editable=DRIVE_FIELDS, check=_check_drive,
                          exclude=UNCHECKED)


@transaction.atomic
def donation_drive_delete(*, actor, drive: DonationDrive) -> None:
    _delete(drive, actor=actor)
