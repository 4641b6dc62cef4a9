from datetime import date

from ninja import Router, Schema

from gonghui.core.api import Page, created
from gonghui.core.filters import list_route

from . import selectors, services
from .api_routes import RecordRoutes
from .filters import EnterpriseFilters

router = Router(tags=["org"])


class UnionOut(Schema):
    id: int
    name: str
    code: str
    level: str
    formation: str
    joint_scope: str
    org_type: str
    depth: int
    # The materialised path: a node's parent is the node whose path is this minus its last 4 characters.
    path: str
    founded_on: date | None


class UnionIn(Schema):
    name: str
    code: str
    level: str
    formation: str = ""
    joint_scope: str = ""
    org_type: str = ""
    founded_on: date | None = None
    address: str = ""


class CoverageOut(Schema):
    unions: int
    single: int
    joint: int
    enterprises: int
    members: int
    sentence: str


class EnterpriseOut(Schema):
    id: int
    name: str
    credit_code: str
    union_id: int
    industry: str
    headcount: int
    above_designated_size: bool


class EnterpriseIn(Schema):
    name: str
    credit_code: str
    industry: str = ""
    headcount: int = 0
    above_designated_size: bool = False
    address: str = ""
    override_check: bool = False


EnterprisePage = Page[EnterpriseOut]


@router.get("/unions", response=list[UnionOut], summary="可见的全部工会（按树的顺序）")
def list_unions(request):
    return selectors.union_list(user=request.user)


UNIONS = RecordRoutes(router, __name__, "union", plural="unions", key="union_id", find=selectors.union_get,
                      record="union", data=lambda request, payload: payload.dict(exclude={"level"}))
UNIONS.get(UnionOut)


@router.post("/unions/{union_id}/children", response={201: UnionOut}, summary="新建下级工会")
def create_union(request, union_id: int, payload: UnionIn):
    parent = selectors.union_get(user=request.user, pk=union_id)
    return created(request, services.union_create, parent=parent, **payload.dict())


UNIONS.update(services.union_update, UnionOut, UnionIn, summary="修改工会（层级与隶属不在此修改）")


@router.get("/unions/{union_id}/coverage", response=CoverageOut, summary="组织覆盖情况")
def union_coverage(request, union_id: int):
    cov = selectors.coverage_for(user=request.user, union=selectors.union_get(user=request.user, pk=union_id))
    return {"unions": cov.unions, "single": cov.single, "joint": cov.joint, "enterprises": cov.enterprises,
            "members": cov.members, "sentence": cov.sentence()}


list_route(router, __name__, "list_enterprises", "/enterprises", EnterprisePage, EnterpriseFilters, selectors.enterprise_list)


ENTERPRISES = RecordRoutes(router, __name__, "enterprise", plural="enterprises", key="enterprise_id",
                           find=selectors.enterprise_get, record="enterprise")
ENTERPRISES.create(services.enterprise_create, EnterpriseOut, EnterpriseIn, summary="登记企业")
ENTERPRISES.update(services.enterprise_update, EnterpriseOut, EnterpriseIn)
