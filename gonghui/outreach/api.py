"""/api/outreach/: each kind's list (the page's filters as query parameters) and create, through the same
selectors and services as the pages. Records named by id in a payload (enterprise, course, ledger activity)
are checked by the service, and one that is not the user's is reported at its field."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema, Status

from gonghui.core.api import Page, RecordId
from gonghui.core.filters import filtered_page
from gonghui.org.models import Enterprise
from gonghui.org.selectors import union_get

from .kinds import COURSE, GIFT, MERCHANT, ORDER, SURVEY, Kind
from .models import Course
from .selectors import Activity
from .services import NOT_YOURS_ACTIVITY, NOT_YOURS_COURSE, NOT_YOURS_ENTERPRISE

router = Router(tags=["outreach"])

# A payload's `<name>_id`: the model it names, and what is said when there is no such record.
REFERENCES = {"enterprise": (Enterprise, NOT_YOURS_ENTERPRISE), "course": (Course, NOT_YOURS_COURSE),
              "activity": (Activity, NOT_YOURS_ACTIVITY)}


def _data(payload: Schema) -> dict:
    """The payload as the service takes it: each `<name>_id` read as its record, or an error at `<name>`."""
    data = payload.dict()
    for name, (model, message) in REFERENCES.items():
        if f"{name}_id" not in data:
            continue
        pk = data.pop(f"{name}_id")
        data[name] = model.objects.select_related("union").filter(pk=pk).first() if pk is not None else None
        if pk is not None and data[name] is None:
            raise ValidationError({name: message})
    return data


class Out(Schema):
    id: int
    union_id: int


class EnterpriseOut(Out):
    enterprise_id: int


class SurveyOut(EnterpriseOut):
    surveyed_on: date
    workers_reached: int
    topic: str
    findings: str


class SurveyIn(Schema):
    enterprise_id: RecordId
    surveyed_on: date
    workers_reached: int
    topic: str
    findings: str = ""


class GiftOut(EnterpriseOut):
    given_on: date
    item: str
    quantity: int
    unit: str
    value: Decimal


class GiftIn(Schema):
    enterprise_id: RecordId
    given_on: date
    item: str
    quantity: int
    unit: str = "件"
    value: Decimal = Decimal(0)


class MerchantOut(Out):
    name: str
    address: str
    offer: str
    contracted_on: date
    ended_on: date | None


class MerchantIn(Schema):
    name: str
    offer: str
    contracted_on: date
    address: str = ""
    ended_on: date | None = None


class CourseOut(Out):
    title: str
    series: str
    description: str


class CourseIn(Schema):
    title: str
    series: str
    description: str = ""


class OrderOut(EnterpriseOut):
    course_id: int
    ordered_on: date
    state: str
    activity_id: int | None
    delivered_on: date | None


class OrderIn(Schema):
    enterprise_id: RecordId
    course_id: RecordId
    ordered_on: date
    state: str = "requested"
    activity_id: RecordId | None = None
    delivered_on: date | None = None


def _routes(kind: Kind, out: type[Schema], payload: type[Schema], *, list_summary: str, create_summary: str):
    """A kind's list and create endpoints. Created at a union (/unions/{union_id}/…) or, for a record about
    an enterprise, placed by the enterprise it names."""
    query_schema = kind.filters.query_schema()

    def list_records(request, query: Query[query_schema]):
        return filtered_page(request, query, kind.filters, kind.select)

    router.get(f"/{kind.plural}", response=Page[out], summary=list_summary,
               operation_id=f"outreach_list_{kind.plural}")(list_records)

    if kind.by_union:
        def create_at_union(request, union_id: RecordId, data: payload):
            union = union_get(user=request.user, pk=union_id)
            return Status(201, kind.create(request.user, union, _data(data)))

        router.post(f"/unions/{{union_id}}/{kind.plural}", response={201: out}, summary=create_summary,
                    operation_id=f"outreach_create_{kind.name}")(create_at_union)
    else:
        def create(request, data: payload):
            return Status(201, kind.create(request.user, None, _data(data)))

        router.post(f"/{kind.plural}", response={201: out}, summary=create_summary,
                    operation_id=f"outreach_create_{kind.name}")(create)


_routes(SURVEY, SurveyOut, SurveyIn, list_summary="调查访问企业列表", create_summary="登记调查访问")
_routes(GIFT, GiftOut, GiftIn, list_summary="赠送企业物品列表", create_summary="登记赠送物品")
_routes(MERCHANT, MerchantOut, MerchantIn, list_summary="特约服务商户列表", create_summary="登记特约服务商户")
_routes(COURSE, CourseOut, CourseIn, list_summary="课程目录", create_summary="新增课程")
_routes(ORDER, OrderOut, OrderIn, list_summary="企业点课列表", create_summary="登记点课")
