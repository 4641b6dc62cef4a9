"""The JSON API of member services, under /api/care/.

Payloads name members and enterprises by id in the fields `member` and
`enterprise`, so a service's error about them comes back under the same key.
Hardship files, aid and fund payouts need the user's care grant (403 without).
"""

from dataclasses import asdict
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from gonghui.core.api import Page, PageNumber, Year, page_of
from gonghui.core.identifiers import mask_id_number
from gonghui.core.routers import reporting
from gonghui.org.selectors import enterprise_list, union_get

from . import selectors, services
from .rules import ENTERPRISE_NOT_YOURS, NOT_YOURS

router = Router(tags=["care"])


def _member(request, pk: int):
    member = selectors.care_member_get(user=request.user, pk=pk)
    if member is None:
        raise ValidationError({"member": NOT_YOURS})
    return member


def _enterprise(request, pk: int | None):
    if pk is None:
        return None
    enterprise = enterprise_list(user=request.user).filter(pk=pk).first()
    if enterprise is None:
        raise ValidationError({"enterprise": ENTERPRISE_NOT_YOURS})
    return enterprise


def _union(request, pk: int | None):
    return union_get(user=request.user, pk=pk) if pk else None


class PageQuery(Schema):
    union_id: int | None = None
    page: PageNumber = 1


class PeriodQuery(PageQuery):
    start: date | None = None
    end: date | None = None


def _filters(request, query: PageQuery, **extra) -> dict:
    data = {k: v for k, v in query.dict().items() if k not in ("union_id", "page") and v not in (None, "")}
    return {"union": _union(request, query.union_id), **data, **extra}


# ---------------------------------------------------------------- hardship files and aid


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
    id_number_masked: str
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

    @staticmethod
    def resolve_id_number_masked(obj) -> str:
        return mask_id_number(obj.member.id_number)


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


class FileQuery(PageQuery):
    q: str = ""
    status: str = ""
    level: str = ""
    cause: str = ""


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


class AidQuery(PeriodQuery):
    q: str = ""
    kind: str = ""
    fund_source: str = ""


@router.get("/hardship/files", response=FilePage, summary="困难职工档案列表（身份证号已脱敏）")
def list_files(request, query: Query[FileQuery]):
    return page_of(selectors.hardship_file_list(user=request.user, **_filters(request, query)), page=query.page)


@router.post("/hardship/files", response={201: FileDetailOut}, summary="建档申请")
def apply_file(request, payload: FileIn):
    data = payload.dict()
    data["member"] = _member(request, data["member"])
    return Status(201, services.hardship_file_apply(actor=request.user, **data))


def _file(request, file_id: int):
    return selectors.hardship_file_get(user=request.user, pk=file_id)


@router.get("/hardship/files/{file_id}", response=FileDetailOut, summary="困难职工档案详情（每次查看均记录）")
def get_file(request, file_id: int):
    file = _file(request, file_id)
    services.hardship_file_read_log(actor=request.user, file=file)
    return file


@router.put("/hardship/files/{file_id}", response=FileDetailOut,
            summary="修改建档申请（仅限待工会初审；会员不能修改，家庭成员整体替换）")
def update_file(request, file_id: int, payload: FileChangeIn):
    return services.hardship_file_update(actor=request.user, file=_file(request, file_id), **payload.dict())


@router.post("/hardship/files/{file_id}/union-review", response=FileDetailOut, summary="工会初审")
def union_review(request, file_id: int, payload: DecisionIn):
    return services.hardship_file_union_review(actor=request.user, file=_file(request, file_id), **payload.dict())


@router.post("/hardship/files/{file_id}/federation-review", response=FileDetailOut, summary="总工会审核")
def federation_review(request, file_id: int, payload: FederationDecisionIn):
    return services.hardship_file_federation_review(actor=request.user, file=_file(request, file_id),
                                                    **payload.dict())


@router.post("/hardship/files/{file_id}/yearly-review", response=FileDetailOut, summary="年度复核（动态管理）")
def yearly_review(request, file_id: int, payload: YearlyReviewIn):
    return services.hardship_file_yearly_review(actor=request.user, file=_file(request, file_id), **payload.dict())


@router.post("/hardship/files/{file_id}/aid", response={201: AidOut}, summary="发放救助")
def pay_aid(request, file_id: int, payload: AidIn):
    return Status(201, services.aid_payment_create(actor=request.user, file=_file(request, file_id),
                                                   **payload.dict()))


@router.get("/hardship/aid", response=AidPage, summary="救助发放列表")
def list_aid(request, query: Query[AidQuery]):
    return page_of(selectors.aid_list(user=request.user, **_filters(request, query)), page=query.page)


class WatchOut(Schema):
    review_due: list[FileOut]
    never_helped: list[FileOut]


@router.get("/hardship/watch", response=WatchOut, summary="超过一年未复核、建档后从未救助的档案（各最多200条）")
def watch(request):
    return {"review_due": list(selectors.files_review_due(user=request.user, today=timezone.localdate())[:200]),
            "never_helped": list(selectors.files_never_helped(user=request.user)[:200])}


# ---------------------------------------------------------------- funds


class FundOut(Schema):
    id: int
    enterprise_id: int
    enterprise_name: str = Field(alias="enterprise.name")
    union_id: int
    established_on: date
    balance: Decimal
    note: str


FundPage = Page[FundOut]


class FundIn(Schema):
    enterprise: int
    established_on: date
    note: str = ""


class ContributionIn(Schema):
    amount: Decimal | None = None
    on_date: date
    source: str = ""


class ContributionOut(Schema):
    id: int
    fund_id: int
    amount: Decimal
    on_date: date
    source: str


class PayoutIn(Schema):
    member: int
    amount: Decimal | None = None
    paid_on: date
    reason: str


class PayoutOut(Schema):
    id: int
    fund_id: int
    member_id: int
    amount: Decimal
    paid_on: date
    reason: str


class FundQuery(PageQuery):
    q: str = ""


@router.get("/funds", response=FundPage, summary="企业帮困基金列表")
def list_funds(request, query: Query[FundQuery]):
    return page_of(selectors.fund_list(user=request.user, **_filters(request, query)), page=query.page)


@router.post("/funds", response={201: FundOut}, summary="建立企业帮困基金")
def create_fund(request, payload: FundIn):
    data = payload.dict()
    data["enterprise"] = _enterprise(request, data["enterprise"])
    return Status(201, services.fund_create(actor=request.user, **data))


@router.get("/funds/{fund_id}", response=FundOut, summary="帮困基金详情")
def get_fund(request, fund_id: int):
    return selectors.fund_get(user=request.user, pk=fund_id)


@router.post("/funds/{fund_id}/contributions", response={201: ContributionOut}, summary="基金筹集")
def contribute(request, fund_id: int, payload: ContributionIn):
    fund = selectors.fund_get(user=request.user, pk=fund_id)
    return Status(201, services.fund_contribute(actor=request.user, fund=fund, **payload.dict()))


@router.get("/funds/{fund_id}/payouts", response=list[PayoutOut], summary="基金救助明细")
def list_payouts(request, fund_id: int):
    fund = selectors.fund_get(user=request.user, pk=fund_id)
    return selectors.fund_payouts(user=request.user, fund=fund)


@router.post("/funds/{fund_id}/payouts", response={201: PayoutOut}, summary="基金救助（余额不足时拒绝）")
def payout(request, fund_id: int, payload: PayoutIn):
    fund = selectors.fund_get(user=request.user, pk=fund_id)
    data = payload.dict()
    data["member"] = _member(request, data["member"])
    return Status(201, services.fund_payout(actor=request.user, fund=fund, **data))


# ---------------------------------------------------------------- visits, schooling aid


class VisitIn(Schema):
    member: int | None = None
    enterprise: int | None = None
    reason: str
    campaign: str = ""
    visited_on: date
    visitors: str
    money: Decimal | None = Decimal(0)
    goods: str = ""
    goods_value: Decimal | None = Decimal(0)
    workers_reached: int = 0
    note: str = ""


class VisitOut(Schema):
    id: int
    union_id: int
    member_id: int | None
    enterprise_id: int | None
    target_name: str
    reason: str
    campaign: str
    visited_on: date
    visitors: str
    money: Decimal
    goods: str
    goods_value: Decimal
    workers_reached: int
    note: str


VisitPage = Page[VisitOut]


class VisitQuery(PeriodQuery):
    reason: str = ""
    campaign: str = ""


class GrantIn(Schema):
    member: int
    student_name: str
    school_level: str
    school_name: str = ""
    amount: Decimal | None = None
    granted_on: date


class GrantOut(Schema):
    id: int
    union_id: int
    member_id: int
    student_name: str
    school_level: str
    school_name: str
    amount: Decimal
    granted_on: date


GrantPage = Page[GrantOut]


class GrantQuery(PeriodQuery):
    school_level: str = ""


@router.get("/visits", response=VisitPage, summary="慰问列表")
def list_visits(request, query: Query[VisitQuery]):
    return page_of(selectors.visit_list(user=request.user, **_filters(request, query)), page=query.page)


@router.post("/visits", response={201: VisitOut}, summary="登记慰问（会员或企业二者选一）")
def create_visit(request, payload: VisitIn):
    data = payload.dict()
    data["member"] = _member(request, data["member"]) if data["member"] is not None else None
    data["enterprise"] = _enterprise(request, data["enterprise"])
    return Status(201, services.visit_create(actor=request.user, **data))


@router.get("/schooling-grants", response=GrantPage, summary="金秋助学列表")
def list_grants(request, query: Query[GrantQuery]):
    return page_of(selectors.schooling_grant_list(user=request.user, **_filters(request, query)), page=query.page)


@router.post("/schooling-grants", response={201: GrantOut}, summary="登记金秋助学")
def create_grant(request, payload: GrantIn):
    data = payload.dict()
    data["member"] = _member(request, data["member"])
    return Status(201, services.schooling_grant_create(actor=request.user, **data))


# ---------------------------------------------------------------- mutual medical aid and service cards


class UnitIn(Schema):
    union: int
    enterprise: int | None = None
    year: int
    whole_unit: bool = False


class UnitOut(Schema):
    id: int
    union_id: int
    enterprise_id: int | None
    name: str
    year: int
    whole_unit: bool


UnitPage = Page[UnitOut]


class UnitQuery(PageQuery):
    year: Year | None = None


class EnrolIn(Schema):
    member: int
    category: str
    enrolled_on: date


class EnrolWholeUnitIn(Schema):
    enrolled_on: date


class EnrolOut(Schema):
    id: int
    unit_id: int
    member_id: int
    member_name: str = Field(alias="member.name")
    year: int
    category: str
    enrolled_on: date


EnrolPage = Page[EnrolOut]


class EnrolQuery(UnitQuery):
    q: str = ""
    category: str = ""


class ClaimIn(Schema):
    amount: Decimal | None = None
    paid_on: date
    note: str = ""


class ClaimOut(Schema):
    id: int
    enrolment_id: int
    amount: Decimal
    paid_on: date
    note: str


class CardIn(Schema):
    member: int
    collected_on: date


class CardIssueIn(Schema):
    issued_on: date
    card_number: str = ""


class CardOut(Schema):
    id: int
    member_id: int
    union_id: int
    collected_on: date
    issued_on: date | None
    card_number: str


CardPage = Page[CardOut]


class CardQuery(PageQuery):
    q: str = ""
    issued: str = ""


@router.get("/medical/units", response=UnitPage, summary="医疗互助参保单位")
def list_units(request, query: Query[UnitQuery]):
    return page_of(selectors.medical_unit_list(user=request.user, **_filters(request, query)), page=query.page)


@router.post("/medical/units", response={201: UnitOut}, summary="单位参保")
def create_unit(request, payload: UnitIn):
    data = payload.dict()
    data["union"] = union_get(user=request.user, pk=data["union"])
    data["enterprise"] = _enterprise(request, data["enterprise"])
    return Status(201, services.medical_unit_enrol(actor=request.user, **data))


@router.post("/medical/units/{unit_id}/enrolments", response={201: EnrolOut}, summary="会员参保")
def enrol(request, unit_id: int, payload: EnrolIn):
    unit = selectors.medical_unit_get(user=request.user, pk=unit_id)
    data = payload.dict()
    data["member"] = _member(request, data["member"])
    return Status(201, services.medical_member_enrol(actor=request.user, unit=unit, **data))


@router.post("/medical/units/{unit_id}/whole-unit", response={200: dict}, summary="全员参保")
def enrol_whole_unit(request, unit_id: int, payload: EnrolWholeUnitIn):
    unit = selectors.medical_unit_get(user=request.user, pk=unit_id)
    return {"enrolled": services.medical_enrol_whole_unit(actor=request.user, unit=unit, **payload.dict())}


@router.get("/medical/enrolments", response=EnrolPage, summary="医疗互助参保人员")
def list_enrolments(request, query: Query[EnrolQuery]):
    return page_of(selectors.medical_enrolment_list(user=request.user, **_filters(request, query)),
                   page=query.page)


@router.post("/medical/enrolments/{enrolment_id}/claims", response={201: ClaimOut}, summary="医疗互助赔付")
def create_claim(request, enrolment_id: int, payload: ClaimIn):
    enrolment = selectors.medical_enrolment_get(user=request.user, pk=enrolment_id)
    return Status(201, services.medical_claim_create(actor=request.user, enrolment=enrolment, **payload.dict()))


@router.get("/service-cards", response=CardPage, summary="服务卡")
def list_cards(request, query: Query[CardQuery]):
    return page_of(selectors.service_card_list(user=request.user, **_filters(request, query)), page=query.page)


@router.post("/service-cards", response={201: CardOut}, summary="服务卡信息采集")
def collect_card(request, payload: CardIn):
    data = payload.dict()
    data["member"] = _member(request, data["member"])
    return Status(201, services.service_card_collect(actor=request.user, **data))


@router.post("/service-cards/{card_id}/issue", response=CardOut, summary="制卡")
def issue_card(request, card_id: int, payload: CardIssueIn):
    card = selectors.service_card_get(user=request.user, pk=card_id)
    return services.service_card_issue(actor=request.user, card=card, **payload.dict())


# ---------------------------------------------------------------- statistics


class SentenceOut(Schema):
    key: str
    heading: str
    sentence: str
    definition: str


class StatisticsOut(Schema):
    union_id: int
    start: date
    end: date
    sentences: list[SentenceOut]
    figures: dict


class StatisticsQuery(Schema):
    union_id: int
    start: date
    end: date


@router.get("/statistics", response=StatisticsOut, summary="帮扶服务统计：某工会及下级、某期间的各项数字")
@reporting
def statistics(request, query: Query[StatisticsQuery]):
    union = union_get(user=request.user, pk=query.union_id)
    if query.start > query.end:
        raise ValidationError({"end": "截止日期不能早于起始日期"})
    figures = selectors.care_statistics(user=request.user, union=union, start=query.start, end=query.end,
                                        chart=False)
    sections = ("hardship", "funds", "winter", "summer", "schooling", "visits", "medical", "cards")
    return {"union_id": union.pk, "start": query.start, "end": query.end,
            "sentences": [line._asdict() for line in figures.sentences()],
            "figures": {name: _section(getattr(figures, name)) for name in sections}}


def _section(section) -> dict | None:
    """None for a section the user may not read (hardship figures without the care grant)."""
    return _plain(asdict(section)) if section is not None else None


def _plain(value):
    """Figures as JSON: money as strings of yuan, so no cent is lost to floating point."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
