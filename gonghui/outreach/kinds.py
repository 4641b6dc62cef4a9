"""The four record types of the app, each described once: what its list, export, forms and API are made of.

views.py, urls.py and api.py build the same pages and endpoints for every kind from this table, so a list,
its export and its API filter, show and write alike.
"""

from collections.abc import Callable
from dataclasses import dataclass

from gonghui.core.figures import Column

from . import forms, selectors, services
from .filters import CourseFilters, GiftFilters, MerchantFilters, OrderFilters, SurveyFilters


@dataclass(frozen=True)
class Kind:
    name: str  # URL names: outreach:<plural>, <name>_create, <name>_edit, <name>_delete, <name>_export
    plural: str
    title: str  # the list's heading and the export's file name
    noun: str  # 登记<noun>, 编辑<noun>
    filters: type
    select: Callable  # (user=, filters=) -> scoped queryset
    get: Callable  # (user=, pk=) -> one record, or 404
    form: type
    fields: tuple[str, ...]  # what the edit form edits (the service's editable fields)
    writes: tuple[Callable, Callable, Callable]  # its create, update and delete services
    record: str  # the record's keyword in its update and delete services: survey=, order=
    columns: tuple[Column, ...]  # the list's and the export's, the union added first
    by_union: bool = False  # created at a union (?union_pk), not placed by an enterprise
    figures: tuple[str, ...] = ()  # the registry's figures this list is behind

    def create(self, actor, union, data: dict):
        """`union` is None for a record placed by its enterprise: only a union's own kinds take one."""
        at = {"union": union} if self.by_union else {}
        return self.writes[0](actor=actor, **at, **data)

    def update(self, actor, record, data: dict):
        return self.writes[1](actor=actor, **{self.record: record}, **data)

    def delete(self, actor, record) -> None:
        self.writes[2](actor=actor, **{self.record: record})


ENTERPRISE = Column("企业", "enterprise.name")

SURVEY = Kind(
    name="survey", plural="surveys", title="调查访问企业", noun="调查访问",
    filters=SurveyFilters, select=selectors.survey_list, get=selectors.survey_get, form=forms.SurveyForm,
    fields=services.SURVEY_FIELDS, record="survey",
    writes=(services.survey_create, services.survey_update, services.survey_delete),
    columns=(Column("调查日期", "surveyed_on"), ENTERPRISE, Column("调查内容", "topic"),
             Column("涉及职工（人次）", "workers_reached"), Column("调查情况", "findings")),
    figures=("outreach.enterprises_surveyed", "outreach.workers_reached"),
)

GIFT = Kind(
    name="gift", plural="gifts", title="赠送企业物品", noun="赠送物品",
    filters=GiftFilters, select=selectors.gift_list, get=selectors.gift_get, form=forms.GiftForm,
    fields=services.GIFT_FIELDS, record="gift",
    writes=(services.gift_create, services.gift_update, services.gift_delete),
    columns=(Column("赠送日期", "given_on"), ENTERPRISE, Column("物品名称", "item"), Column("数量", "quantity"),
             Column("单位", "unit"), Column("价值（元）", "value")),
    figures=("outreach.gifts_given",),
)

MERCHANT = Kind(
    name="merchant", plural="merchants", title="特约服务商户", noun="特约服务商户",
    filters=MerchantFilters, select=selectors.merchant_list, get=selectors.merchant_get, form=forms.MerchantForm,
    fields=services.MERCHANT_FIELDS, by_union=True, record="merchant",
    writes=(services.merchant_create, services.merchant_update, services.merchant_delete),
    columns=(Column("商户名称", "name"), Column("地址", "address"), Column("优惠内容", "offer"),
             Column("签约日期", "contracted_on"), Column("终止日期", "ended_on")),
    figures=("outreach.merchants_contracted",),
)

COURSE = Kind(
    name="course", plural="courses", title="课程目录", noun="课程",
    filters=CourseFilters, select=selectors.course_list, get=selectors.course_get, form=forms.CourseForm,
    fields=services.COURSE_FIELDS, by_union=True, record="course",
    writes=(services.course_create, services.course_update, services.course_delete),
    columns=(Column("系列", "series"), Column("课程名称", "title"), Column("课程介绍", "description")),
)

ORDER = Kind(
    name="order", plural="orders", title="企业点课", noun="点课",
    filters=OrderFilters, select=selectors.order_list, get=selectors.order_get, form=forms.OrderForm,
    fields=services.ORDER_FIELDS, record="order",
    writes=(services.course_order_create, services.course_order_update, services.course_order_delete),
    columns=(Column("点课日期", "ordered_on"), ENTERPRISE, Column("系列", "course.series"),
             Column("课程", "course.title"), Column("状态", "get_state_display"), Column("送课日期", "delivered_on"),
             Column("送课活动（台帐）", "activity.title")),
    figures=("outreach.courses_ordered", "outreach.courses_delivered"),
)

KINDS = (SURVEY, GIFT, MERCHANT, COURSE, ORDER)

def form_choices(kind: Kind, user) -> dict:
    """The querysets a kind's form picks from: the user's own enterprises, courses and ledger activities."""
    every = {"enterprise": lambda: selectors.enterprise_choices(user=user),
             "course": lambda: selectors.course_choices(user=user),
             "activity": lambda: selectors.activity_choices(user=user)}
    return {name: choices() for name, choices in every.items() if name in kind.form.base_fields}
