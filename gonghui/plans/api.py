from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from gonghui.core.api import Page, Year, created
from gonghui.core.filters import list_route
from gonghui.org.api_routes import RecordRoutes
from gonghui.org.selectors import union_get

from . import selectors, services
from .filters import PlanFilters

router = Router(tags=["plans"])


class PlanOut(Schema):
    id: int
    union_id: int
    union_name: str = Field(alias="union.name")
    year: int
    guiding_ideas: str
    key_tasks: str
    status: str
    source: str
    filed_at: datetime | None


class LineOut(Schema):
    """A line as written, in a template or a plan."""

    id: int
    area: str
    title: str
    detail: str
    months: list[int]
    owner: str
    target_count: int | None
    target_unit: str
    position: int

    @staticmethod
    def resolve_months(obj) -> list[int]:
        return obj.month_list


class ItemOut(LineOut):
    status: str


class ProgressOut(Schema):
    item: ItemOut
    done: int
    label: str
    complete: bool
    overdue: bool
    overdue_months: list[int]


class PlanDetailOut(PlanOut):
    items: list[ProgressOut]

    @staticmethod
    def resolve_items(obj) -> list[dict]:
        return _progress(selectors.plan_progress(plan=obj, as_of=timezone.localdate()))


PlanPage = Page[PlanOut]


class PlanIn(Schema):
    year: int
    template_id: int | None = None
    copy_previous: bool = False
    guiding_ideas: str = ""
    key_tasks: str = ""


class PlanUpdateIn(Schema):
    guiding_ideas: str = ""
    key_tasks: str = ""


class ItemIn(Schema):
    area: str
    title: str
    months: list[int]
    detail: str = ""
    owner: str = ""
    target_count: int | None = None
    target_unit: str = ""
    status: str = "active"


class TemplateOut(Schema):
    id: int
    name: str
    suited_for: str
    union_id: int | None
    guiding_ideas: str
    key_tasks: str
    items: list[LineOut]

    @staticmethod
    def resolve_items(obj) -> list:
        return list(obj.items.all())


class UnionYearOut(Schema):
    union_id: int
    union_name: str
    plan_id: int | None
    plan_status: str
    items: int
    complete: int
    overdue: int
    entries: int
    behind: bool


class KindCount(Schema):
    kind: str
    label: str
    count: int


class YearOut(Schema):
    union_id: int
    year: int
    plan_id: int | None
    items: int
    complete: int
    overdue: list[ProgressOut]
    this_month: list[ProgressOut]
    kinds: list[KindCount]
    subtree: list[UnionYearOut]


def _progress(rows) -> list[dict]:
    return [{"item": r.item, "done": r.done, "label": r.label, "complete": r.complete, "overdue": r.overdue,
             "overdue_months": r.overdue_months} for r in rows]


def _union_year(row) -> dict:
    return {"union_id": row.union.id, "union_name": row.union.name, "plan_id": row.plan.id if row.plan else None,
            "plan_status": row.plan.status if row.plan else "", "items": row.items, "complete": row.complete,
            "overdue": row.overdue, "entries": row.entries, "behind": row.behind}


list_route(router, __name__, "list_plans", "/", PlanPage, PlanFilters, selectors.plan_list, summary="工作计划列表（本会及下级）")


@router.post("/unions/{union_id}", response={201: PlanOut},
             summary="新建年度计划：从模板（template_id）、沿用上一年（copy_previous）或空白")
def create_plan(request, union_id: int, payload: PlanIn):
    union = union_get(user=request.user, pk=union_id)
    if payload.template_id and payload.copy_previous:
        raise ValidationError({"template_id": "模板和沿用上一年只能选一种"})
    if payload.copy_previous:
        plan = services.plan_copy_from_previous(actor=request.user, union=union, year=payload.year)
    elif payload.template_id:
        template = selectors.templates_for(user=request.user, union=union).filter(pk=payload.template_id).first()
        if template is None:
            raise ValidationError({"template_id": "找不到该模板，或该模板不适用于此工会"})
        plan = services.plan_create_from_template(actor=request.user, union=union, year=payload.year,
                                                  template=template)
    else:
        plan = services.plan_create(actor=request.user, union=union, year=payload.year,
                                    guiding_ideas=payload.guiding_ideas, key_tasks=payload.key_tasks)
    return Status(201, plan)


@router.get("/templates", response=list[TemplateOut], summary="可用的计划模板")
def list_templates(request):
    return list(selectors.template_list(user=request.user).prefetch_related("items"))


@router.get("/missing", response=list[UnionYearOut], summary="未报送该年度计划的下级工会")
def missing(request, year: Year, union_id: int | None = None):
    union = union_get(user=request.user, pk=union_id or request.user.union_id)
    return [_union_year(row) for row in selectors.missing_plans(user=request.user, union=union, year=year)]


@router.get("/year", response=YearOut, summary="年度概览：计划进度、本月安排、逾期事项、台帐分类、下级工会")
def year_view(request, year: Year, union_id: int | None = None):
    union = union_get(user=request.user, pk=union_id or request.user.union_id)
    glance = selectors.year_glance(user=request.user, union=union, year=year, as_of=timezone.localdate())
    return {"union_id": union.id, "year": year, "plan_id": glance.plan.id if glance.plan else None,
            "items": len(glance.progress), "complete": glance.complete, "overdue": _progress(glance.overdue),
            "this_month": _progress(glance.this_month),
            "kinds": [{"kind": k, "label": str(label), "count": n} for k, label, n in glance.kinds],
            "subtree": [_union_year(row) for row in glance.subtree]}


# After /templates, /missing and /year: a plan is at the router's root.
PLANS = RecordRoutes(router, __name__, "plan", plural="", key="plan_id", find=selectors.plan_get, record="plan")
PLANS.get(PlanDetailOut, summary="计划详情及各事项进度")
PLANS.update(services.plan_update, PlanOut, PlanUpdateIn, summary="修改指导思想与工作重点")
PLANS.act("file", services.plan_file, PlanOut, name="file_plan", summary="报送计划")


@router.post("/{plan_id}/items", response={201: ItemOut}, summary="添加工作事项")
def create_item(request, plan_id: int, payload: ItemIn):
    plan = selectors.plan_get(user=request.user, pk=plan_id)
    data = payload.dict()
    data.pop("status")
    return created(request, services.plan_item_create, plan=plan, **data)


ITEMS = RecordRoutes(router, __name__, "item", plural="items", key="item_id", find=selectors.plan_item_get,
                     record="item")
ITEMS.update(services.plan_item_update, ItemOut, ItemIn, summary="修改工作事项")
ITEMS.delete(services.plan_item_delete, summary="删除工作事项（已登记的台帐保留）")

