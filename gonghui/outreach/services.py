"""Every write of the outreach app: the writer, the subtree, the input, then a save with history.

Errors are collected per field and raised together, so a form shows all of them at once. A record about
an enterprise takes the enterprise's union (see models.py); the enterprise must be in the writer's subtree.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from gonghui.core.formatting import future_error
from gonghui.core.money import check_money
from gonghui.core.scoping import contains, is_within
from gonghui.core.services import (checked_save, delete_with_history, fields_assign, require_writer,
                                   require_writer_within, text_required)
from gonghui.org.models import Enterprise, Union

from .models import Course, CourseOrder, Gift, Merchant, OrderState, Survey

MAX_WORKERS = 100_000
MAX_QUANTITY = 100_000
NOT_YOURS_ENTERPRISE = "找不到该企业，或不在本工会管辖范围内"
NOT_YOURS_COURSE = "找不到该课程，或不在您的管辖范围内"
NOT_YOURS_ACTIVITY = "找不到该台帐活动，或不在您的管辖范围内"

SURVEY_FIELDS = ("enterprise", "surveyed_on", "workers_reached", "topic", "findings")
GIFT_FIELDS = ("enterprise", "given_on", "item", "quantity", "unit", "value")
MERCHANT_FIELDS = ("name", "address", "offer", "contracted_on", "ended_on")
COURSE_FIELDS = ("title", "series", "description")
ORDER_FIELDS = ("enterprise", "course", "ordered_on", "state", "activity", "delivered_on")


# What every record type shares ----------------------------------------------------------------

def _count(record, errors: dict, name: str, *, label: str, high: int) -> None:
    value = getattr(record, name)
    if value is None or not 1 <= value <= high:
        errors[name] = f"{label}应在1至{high}之间"


def _not_future(record, errors: dict, name: str, label: str) -> None:
    if error := future_error(getattr(record, name), label):
        errors.setdefault(name, error)


def _placed(record, enterprise: Enterprise | None, *, actor, errors: dict) -> None:
    """A record about an enterprise belongs to the enterprise's union, which must be in the writer's subtree."""
    if enterprise is None or not is_within(actor, enterprise.union):
        errors["enterprise"] = NOT_YOURS_ENTERPRISE
        return
    record.enterprise, record.tenant_id, record.union = enterprise, enterprise.tenant_id, enterprise.union


def _enterprise_create(model, check, *, actor, enterprise: Enterprise | None, **fields):
    require_writer(actor)
    record, errors = model(**fields), {}
    _placed(record, enterprise, actor=actor, errors=errors)
    check(record, errors, actor=actor)
    return checked_save(record, errors, actor=actor, exclude=["enterprise"])


def _enterprise_update(record, check, editable, *, actor, fields: dict):
    require_writer_within(actor, record.union)
    enterprise = fields.pop("enterprise", record.enterprise)
    fields_assign(record, fields, editable)
    errors: dict[str, str] = {}
    _placed(record, enterprise, actor=actor, errors=errors)
    check(record, errors, actor=actor)
    return checked_save(record, errors, actor=actor, exclude=["enterprise"])


def _union_create(model, check, *, actor, union: Union, **fields):
    require_writer_within(actor, union)
    record, errors = model(tenant_id=union.tenant_id, union=union, **fields), {}
    check(record, errors, actor=actor)
    return checked_save(record, errors, actor=actor)


def _union_update(record, check, editable, *, actor, fields: dict):
    require_writer_within(actor, record.union)
    fields_assign(record, fields, editable)
    errors: dict[str, str] = {}
    check(record, errors, actor=actor)
    return checked_save(record, errors, actor=actor)


def _delete(record, *, actor, in_use: str = "") -> None:
    require_writer_within(actor, record.union)
    try:
        with transaction.atomic():
            delete_with_history(record, actor=actor)
    except ProtectedError:
        raise ValidationError({"__all__": in_use}) from None


# Surveys --------------------------------------------------------------------------------------

def _check_survey(survey: Survey, errors: dict, *, actor) -> None:
    text_required(survey, errors, topic="调查内容")
    _not_future(survey, errors, "surveyed_on", "调查日期")
    _count(survey, errors, "workers_reached", label="涉及职工人次", high=MAX_WORKERS)


@transaction.atomic
def survey_create(*, actor, enterprise: Enterprise | None, surveyed_on: date, workers_reached: int, topic: str,
                  findings: str = "") -> Survey:
    return _enterprise_create(Survey, _check_survey, actor=actor, enterprise=enterprise, surveyed_on=surveyed_on,
                              workers_reached=workers_reached, topic=topic, findings=findings)


@transaction.atomic
def survey_update(*, actor, survey: Survey, **fields) -> Survey:
    return _enterprise_update(survey, _check_survey, SURVEY_FIELDS, actor=actor, fields=fields)


@transaction.atomic
def survey_delete(*, actor, survey: Survey) -> None:
    _delete(survey, actor=actor)


# Goods given ----------------------------------------------------------------------------------

def _check_gift(gift: Gift, errors: dict, *, actor) -> None:
    text_required(gift, errors, item="物品名称", unit="单位")
    _not_future(gift, errors, "given_on", "赠送日期")
    _count(gift, errors, "quantity", label="数量", high=MAX_QUANTITY)
    gift.value = check_money(errors, "value", gift.value, label="价值")


@transaction.atomic
def gift_create(*, actor, enterprise: Enterprise | None, given_on: date, item: str, quantity: int, unit: str = "件",
                value: Decimal = Decimal(0)) -> Gift:
    return _enterprise_create(Gift, _check_gift, actor=actor, enterprise=enterprise, given_on=given_on, item=item,
                              quantity=quantity, unit=unit, value=value)


@transaction.atomic
def gift_update(*, actor, gift: Gift, **fields) -> Gift:
    return _enterprise_update(gift, _check_gift, GIFT_FIELDS, actor=actor, fields=fields)


@transaction.atomic
def gift_delete(*, actor, gift: Gift) -> None:
    _delete(gift, actor=actor)


# Partner merchants ----------------------------------------------------------------------------

def _check_merchant(merchant: Merchant, errors: dict, *, actor) -> None:
    text_required(merchant, errors, name="商户名称", offer="优惠内容")
    _not_future(merchant, errors, "contracted_on", "签约日期")
    start, end = merchant.contracted_on, merchant.ended_on
    if start and end and end < start:
        errors["ended_on"] = f"终止日期不能早于签约日期（{start:%Y-%m-%d}）"


@transaction.atomic
def merchant_create(*, actor, union: Union, name: str, offer: str, contracted_on: date, address: str = "",
                    ended_on: date | None = None) -> Merchant:
    return _union_create(Merchant, _check_merchant, actor=actor, union=union, name=name, offer=offer,
                         contracted_on=contracted_on, address=address, ended_on=ended_on)


@transaction.atomic
def merchant_update(*, actor, merchant: Merchant, **fields) -> Merchant:
    return _union_update(merchant, _check_merchant, MERCHANT_FIELDS, actor=actor, fields=fields)


@transaction.atomic
def merchant_delete(*, actor, merchant: Merchant) -> None:
    _delete(merchant, actor=actor)


# The course catalogue and its orders ----------------------------------------------------------

def _check_course(course: Course, errors: dict, *, actor) -> None:
    text_required(course, errors, title="课程名称", series="系列")


@transaction.atomic
def course_create(*, actor, union: Union, title: str, series: str, description: str = "") -> Course:
    return _union_create(Course, _check_course, actor=actor, union=union, title=title, series=series,
                         description=description)


@transaction.atomic
def course_update(*, actor, course: Course, **fields) -> Course:
    return _union_update(course, _check_course, COURSE_FIELDS, actor=actor, fields=fields)


@transaction.atomic
def course_delete(*, actor, course: Course) -> None:
    _delete(course, actor=actor, in_use="该课程已有点课记录，不能删除")


def _check_delivery(order: CourseOrder, errors: dict) -> None:
    """Delivered: the day and the ledger's activity that held the session; otherwise neither."""
    if order.state != OrderState.DELIVERED:
        if order.delivered_on:
            errors["delivered_on"] = "尚未送课，不能填写送课日期"
        if order.activity_id:
            errors["activity"] = "尚未送课，不能关联送课活动"
        return
    if not order.delivered_on:
        errors["delivered_on"] = "已送课，请填写送课日期"
    elif order.ordered_on and order.delivered_on < order.ordered_on:
        errors["delivered_on"] = f"送课日期不能早于点课日期（{order.ordered_on:%Y-%m-%d}）"
    else:
        _not_future(order, errors, "delivered_on", "送课日期")
    if not order.activity_id:
        errors["activity"] = "已送课，请选择台帐中登记的送课活动"


def _check_order(order: CourseOrder, errors: dict, *, actor) -> None:
    course = order.course if order.course_id else None
    if course is None or not is_within(actor, course.union):
        errors["course"] = NOT_YOURS_COURSE
    elif "enterprise" not in errors and not contains(course.union, order.union):
        errors["course"] = f"该课程由{course.union.name}开设，只有其辖区内的企业可以点课"
    _not_future(order, errors, "ordered_on", "点课日期")
    _check_delivery(order, errors)
    # The session is held by the union that offers the course or one under it.
    if order.activity_id and "activity" not in errors and course is not None and (
            not is_within(actor, order.activity.union) or not contains(course.union, order.activity.union)):
        errors["activity"] = NOT_YOURS_ACTIVITY


@transaction.atomic
def course_order_create(*, actor, enterprise: Enterprise | None, course: Course | None, ordered_on: date,
                        state: str = OrderState.REQUESTED, activity=None,
                        delivered_on: date | None = None) -> CourseOrder:
    return _enterprise_create(CourseOrder, _check_order, actor=actor, enterprise=enterprise, course=course,
                              ordered_on=ordered_on, state=state, activity=activity, delivered_on=delivered_on)


@transaction.atomic
def course_order_update(*, actor, order: CourseOrder, **fields) -> CourseOrder:
    return _enterprise_update(order, _check_order, ORDER_FIELDS, actor=actor, fields=fields)


@transaction.atomic
def course_order_delete(*, actor, order: CourseOrder) -> None:
    _delete(order, actor=actor)
