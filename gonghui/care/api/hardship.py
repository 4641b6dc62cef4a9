"""/api/care/hardship/: files (every reading logged), their reviews, aid, and the watch list."""

from datetime import date
from decimal import Decimal

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from gonghui.core.filters import list_route
from gonghui.core.api import MaskedIdNumber, Page, created
from gonghui.core.filters import filtered_page
from gonghui.org.api_routes import RecordRoutes

from .. import selectors, services
from ..filters import AidFilters, FileFilters
from .common import payload_named

router = Router()


class HouseholdIn(Schema):
    name: str
    relation: str
    monthly_income: Decimal | None = None


class HouseholdOut(Schema):
    name: str
    relation: str
    monthly_income: Decimal


class ReviewOut(Schema):
    step: str
    outcome: str
    level: str
    close_reason: str
    on_date: date
    note: str


class FileOut(Schema):
    id: int
    member_id: int
    member_name: str = Field(alias="member.name")
    id_number_masked: MaskedIdNumber = Field(alias="member.id_number")
    union_id: int
    applied_on: date
    causes: list[str] = Field(alias="cause_list")
    cause_note: str
    applicant_income: Decimal
    household_size: int
    household_income: Decimal
    income_per_head: Decimal
    status: str
    level: str
    approved_on: date | None
    last_reviewed_on: date | None
    closed_on: date | None
    close_reason: str


class FileDetailOut(FileOut):
    household: list[HouseholdOut]
    reviews: list[ReviewOut]

    @staticmethod
    def resolve_household(obj):
        return list(obj.household.all())

    @staticmethod
    def resolve_reviews(obj):
        return list(obj.reviews.all())


FilePage = Page[FileOut]


class FileChangeIn(Schema):
    applied_on: date
    causes: list[str]
    applicant_income: Decimal | None = None
    household: list[HouseholdIn] = []
    cause_note: str = ""


class FileIn(FileChangeIn):
    member: int


class DecisionIn(Schema):
    approve: bool
    on_date: date
    note: str = ""


class FederationDecisionIn(DecisionIn):
    level: str = ""


class YearlyReviewIn(Schema):
    outcome: str
    on_date: date
    level: str = ""
    close_reason: str = ""
    note: str = ""


class AidIn(Schema):
    kind: str
    amount: Decimal | None = None
    paid_on: date
    fund_source: str
    note: str = ""


class AidOut(Schema):
    id: int
    file_id: int
    member_name: str = Field(alias="file.member.name")
    union_id: int
    kind: str
    amount: Decimal
    paid_on: date
    fund_source: str
    note: str


AidPage = Page[AidOut]


@router.get("/hardship/files", response=FilePage, summary="困难职工档案列表（身份证号已脱敏；返回的档案均记录查看）")
def list_files(request, query: Query[FileFilters.query_schema()]):
    page = filtered_page(request, query, FileFilters, selectors.hardship_file_list)
    services.hardship_files_read_log(actor=request.user, files=page["results"])
    return page


@router.post("/hardship/files", response={201: FileDetailOut}, summary="建档申请")
def apply_file(request, payload: FileIn):
    return created(request, services.hardship_file_apply, **payload_named(request, payload))


def _read_logged(request, file):
    services.hardship_file_read_log(actor=request.user, file=file)
    return file


FILES = RecordRoutes(router, __name__, "file", plural="hardship/files", key="file_id", find=selectors.hardship_file_get,
                     record="file")
FILES.get(FileDetailOut, summary="困难职工档案详情（每次查看均记录）", show=_read_logged)
FILES.update(services.hardship_file_update, FileDetailOut, FileChangeIn,
             summary="修改建档申请（仅限待工会初审；会员不能修改，家庭成员整体替换）")
FILES.act("union-review", services.hardship_file_union_review, FileDetailOut, DecisionIn, name="union_review",
          summary="工会初审")
FILES.act("federation-review", services.hardship_file_federation_review, FileDetailOut, FederationDecisionIn,
          name="federation_review", summary="总工会审核")
FILES.act("yearly-review", services.hardship_file_yearly_review, FileDetailOut, YearlyReviewIn, name="yearly_review",
          summary="年度复核（动态管理）")
FILES.add("aid", services.aid_payment_create, AidOut, AidIn, name="pay_aid", summary="发放救助")


list_route(router, __name__, "list_aid", "/hardship/aid", AidPage, AidFilters, selectors.aid_list, summary="救助发放列表")


class WatchOut(Schema):
    review_due: list[FileOut]
    never_helped: list[FileOut]


@router.get("/hardship/watch", response=WatchOut, summary="超过一年未复核、建档后从未救助的档案（各最多200条，均记录查看）")
def watch(request):
    due = list(selectors.files_review_due(user=request.user, today=timezone.localdate())[:200])
    never = list(selectors.files_never_helped(user=request.user)[:200])
    services.hardship_files_read_log(actor=request.user, files={file.pk: file for file in due + never}.values())
    return {"review_due": due, "never_helped": never}
