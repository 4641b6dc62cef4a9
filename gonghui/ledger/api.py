from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from ninja import File, Form, Query, Router, Schema
from ninja.files import UploadedFile

from gonghui.core.api import Page, RecordId, Year, created, deleted
from gonghui.core.filters import filtered_page
from gonghui.core.scoping import visible
from gonghui.members.models import Member
from gonghui.members.selectors import member_get
from gonghui.core.filters import list_route
from gonghui.org.api_routes import RecordRoutes
from gonghui.org.selectors import union_get
from gonghui.plans.selectors import plan_items_for_ledger

from . import selectors, services
from .filters import ActivityFilters, HonourFilters, NewsFilters

router = Router(tags=["ledger"])


class ActivityOut(Schema):
    id: int
    union_id: int
    kind: str
    title: str
    series: str
    date: date
    end_date: date | None
    place: str
    organiser: str
    participant_count: int
    participant_ids: list[int]
    cost: Decimal
    results: str
    plan_item_id: int | None

    @staticmethod
    def resolve_participant_ids(obj) -> list[int]:
        return sorted(p.member_id for p in obj.participations.all())


ActivityPage = Page[ActivityOut]


class ActivityIn(Schema):
    kind: str
    title: str
    series: str = ""
    date: date
    end_date: date | None = None
    place: str = ""
    organiser: str = ""
    participant_count: int | None = None
    participant_ids: list[RecordId] = []
    cost: Decimal | None = None
    results: str = ""
    plan_item_id: int | None = None


class ResultIn(Schema):
    member_id: int | None = None
    team_name: str = ""
    rank: int | None = None
    prize: str = ""


class ResultOut(Schema):
    id: int
    activity_id: int
    member_id: int | None
    team_name: str
    rank: int | None
    prize: str


class AttendanceIn(Schema):
    attended_ids: list[RecordId]


class HonourOut(Schema):
    id: int
    union_id: int
    recipient_type: str
    member_id: int | None
    team_name: str
    recipient_union_id: int | None
    recipient: str
    title: str
    level: str
    date: date
    awarding_body: str
    note: str


class HonourIn(Schema):
    recipient_type: str
    title: str
    level: str
    date: date
    awarding_body: str
    member_id: int | None = None
    team_name: str = ""
    recipient_union_id: int | None = None
    note: str = ""


HonourPage = Page[HonourOut]


class NewsOut(Schema):
    id: int
    union_id: int
    reporter_id: int | None
    reporter_name: str
    title: str
    date: date
    published_in: str


class NewsIn(Schema):
    title: str
    date: date
    reporter_id: int | None = None
    reporter_name: str = ""
    published_in: str = ""


NewsPage = Page[NewsOut]


class RewardRuleIn(Schema):
    min_count: int
    reward: str
    amount: Decimal | None = None


class RewardRuleOut(Schema):
    id: int
    union_id: int
    min_count: int
    reward: str
    amount: Decimal | None


class TallyOut(Schema):
    union_id: int
    reporter: str
    count: int
    reward: str
    amount: Decimal | None


class AttachmentOut(Schema):
    id: int
    name: str
    file_type: str
    size: int
    note: str
    uploaded_at: datetime


class MemberLedgerOut(Schema):
    member_id: int
    activities: list[ActivityOut]
    results: list[ResultOut]
    honours: list[HonourOut]
    news: list[NewsOut]


def _members(request, ids: list[int], field: str = "participant_ids") -> list[Member]:
    """Members the caller may see; anyone else is reported as not found, as a 404 would be."""
    found = list(visible(Member.objects.select_related("union"), request.user).filter(pk__in=ids))
    missing = sorted(set(ids) - {m.pk for m in found})
    if missing:
        raise ValidationError({field: f"找不到编号为 {'、'.join(map(str, missing))} 的会员，或不在您的管辖范围内"})
    return found


def _member(request, member_id: int | None, field: str) -> Member | None:
    return _members(request, [member_id], field)[0] if member_id is not None else None


def _activity_fields(request, union, payload: ActivityIn) -> dict:
    data = payload.dict()
    data["participants"] = _members(request, data.pop("participant_ids"))
    item_id = data.pop("plan_item_id")
    data["plan_item"] = None
    if item_id is not None:
        data["plan_item"] = plan_items_for_ledger(user=request.user, union=union).filter(pk=item_id).first()
        if data["plan_item"] is None:
            raise ValidationError({"plan_item_id": "找不到该计划事项，或它不属于该工会的计划"})
    return data


# --- activities --------------------------------------------------------------------------------------------


@router.get("/activities", response=ActivityPage, summary="活动台帐（按类别、期间、工会及下级、参加人筛选）")
def list_activities(request, query: Query[ActivityFilters.query_schema()]):
    def select(**kwargs):
        return selectors.activity_list(**kwargs).prefetch_related("participations")

    return filtered_page(request, query, ActivityFilters, select)


@router.post("/unions/{union_id}/activities", response={201: ActivityOut}, summary="登记活动")
def create_activity(request, union_id: int, payload: ActivityIn):
    union = union_get(user=request.user, pk=union_id)
    data = _activity_fields(request, union, payload)
    if data["cost"] is None:
        data["cost"] = 0
    return created(request, services.activity_create, union=union, **data)


ACTIVITIES = RecordRoutes(router, __name__, "activity", plural="activities", key="activity_id",
                          find=selectors.activity_get, record="activity")
ACTIVITIES.get(ActivityOut)


@router.put("/activities/{activity_id}", response=ActivityOut, summary="修改活动")
def update_activity(request, activity_id: int, payload: ActivityIn):
    activity = selectors.activity_get(user=request.user, pk=activity_id)
    data = _activity_fields(request, activity.union, payload)
    return services.activity_update(actor=request.user, activity=activity, **data)


ACTIVITIES.delete(services.activity_delete, summary="删除活动")


@router.post("/activities/{activity_id}/attendance", response=ActivityOut, summary="登记出勤（培训签到）")
def set_attendance(request, activity_id: int, payload: AttendanceIn):
    activity = selectors.activity_get(user=request.user, pk=activity_id)
    return services.activity_set_attendance(actor=request.user, activity=activity, attended=payload.attended_ids)


@router.get("/activities/{activity_id}/results", response=list[ResultOut], summary="比赛名次")
def list_results(request, activity_id: int):
    return list(selectors.activity_results(activity=selectors.activity_get(user=request.user, pk=activity_id)))


@router.post("/activities/{activity_id}/results", response={201: ResultOut}, summary="登记名次或奖项")
def add_result(request, activity_id: int, payload: ResultIn):
    activity = selectors.activity_get(user=request.user, pk=activity_id)
    data = payload.dict()
    member = _member(request, data.pop("member_id"), "member_id")
    return created(request, services.activity_result_add, activity=activity, member=member, **data)


# --- honours -----------------------------------------------------------------------------------------------


def _honour_fields(request, payload: HonourIn) -> dict:
    data = payload.dict()
    data["member"] = _member(request, data.pop("member_id"), "member_id")
    union_id = data.pop("recipient_union_id")
    data["recipient_union"] = union_get(user=request.user, pk=union_id) if union_id else None
    return data


list_route(router, __name__, "list_honours", "/honours", HonourPage, HonourFilters, selectors.honour_list, summary="表彰台帐")


HONOURS = RecordRoutes(router, __name__, "honour", plural="honours", key="honour_id", find=selectors.honour_get,
                       record="honour", data=_honour_fields)
HONOURS.create(services.honour_create, HonourOut, HonourIn, summary="登记表彰")
HONOURS.get(HonourOut)
HONOURS.update(services.honour_update, HonourOut, HonourIn, summary="修改表彰")
HONOURS.delete(services.honour_delete, summary="删除表彰")


# --- news reports and rewards ------------------------------------------------------------------------------


def _news_fields(request, payload: NewsIn) -> dict:
    data = payload.dict()
    data["reporter"] = _member(request, data.pop("reporter_id"), "reporter_id")
    return data


list_route(router, __name__, "list_news", "/news", NewsPage, NewsFilters, selectors.news_list, summary="信息报道")


NEWS = RecordRoutes(router, __name__, "news", plural="news", key="report_id", find=selectors.news_get,
                    record="report", data=_news_fields)
NEWS.create(services.news_report_create, NewsOut, NewsIn, summary="登记信息报道")


@router.get("/news/tally", response=list[TallyOut], summary="信息报道统计与奖励（按报送人）")
def news_tally(request, year: Year, union_id: int | None = None):
    union = union_get(user=request.user, pk=union_id or request.user.union_id)
    return [{"union_id": r.union.id, "reporter": r.reporter, "count": r.count,
             "reward": r.reward.reward if r.reward else "", "amount": r.amount}
            for r in selectors.news_tally(user=request.user, union=union, year=year)]


NEWS.get(NewsOut)
NEWS.update(services.news_report_update, NewsOut, NewsIn, summary="修改信息报道")
NEWS.delete(services.news_report_delete, summary="删除信息报道")


@router.get("/unions/{union_id}/reward-rules", response=list[RewardRuleOut], summary="总工会的信息报道奖励规则")
def list_reward_rules(request, union_id: int):
    return list(selectors.reward_rules(union=union_get(user=request.user, pk=union_id)))


@router.post("/unions/{union_id}/reward-rules", response={201: RewardRuleOut}, summary="添加一档奖励")
def create_reward_rule(request, union_id: int, payload: RewardRuleIn):
    union = union_get(user=request.user, pk=union_id)
    return created(request, services.reward_rule_create, union=union, **payload.dict())


@router.delete("/reward-rules/{rule_id}", response={204: None}, summary="删除一档奖励")
def delete_reward_rule(request, rule_id: int):
    return deleted(request, services.reward_rule_delete, rule=selectors.reward_rule_get(user=request.user, pk=rule_id))


# --- attachments and a member's ledger ---------------------------------------------------------------------


@router.get("/{label}/{entry_id}/attachments", response=list[AttachmentOut],
            summary="台帐记录的附件（label：activity、honour、newsreport）；下载地址 /ledger/attachments/{id}/")
def list_attachments(request, label: str, entry_id: int):
    return list(selectors.attachments_of(entry=selectors.entry_get(user=request.user, label=label, pk=entry_id)))


@router.post("/{label}/{entry_id}/attachments", response={201: AttachmentOut}, summary="上传附件")
def add_attachment(request, label: str, entry_id: int, file: File[UploadedFile], note: Form[str] = ""):
    entry = selectors.entry_get(user=request.user, label=label, pk=entry_id)
    return created(request, services.attachment_add, entry=entry, file=file, note=note)


@router.delete("/attachments/{attachment_id}", response={204: None}, summary="删除附件")
def delete_attachment(request, attachment_id: int):
    attachment = selectors.attachment_get(user=request.user, pk=attachment_id)
    return deleted(request, services.attachment_delete, attachment=attachment)


@router.get("/members/{member_id}", response=MemberLedgerOut, summary="会员参加的活动、名次、表彰和信息报道")
def member_ledger(request, member_id: int):
    ledger = selectors.member_ledger(user=request.user, member=member_get(user=request.user, pk=member_id))
    # Each activity lists its participants and each honour names its recipient: fetched once, not per row.
    activities = ledger.activities.prefetch_related("activity__participations")
    return {"member_id": member_id, "activities": [p.activity for p in activities], "results": list(ledger.results),
            "honours": list(ledger.honours.select_related("member", "recipient_union")), "news": list(ledger.news)}
