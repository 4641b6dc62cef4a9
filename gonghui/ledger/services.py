import secrets
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from gonghui.core.files import stored_with
from gonghui.core.formatting import future_error
from gonghui.core.money import check_money
from gonghui.core.scoping import contains
from gonghui.core.services import (delete_with_history, fields_assign, record_create, record_update,
                                   require_writer_within, save_with_history)
from gonghui.members.models import Member
from gonghui.org.models import Union
from gonghui.plans.models import PlanItem, PlanItemStatus

from .files import ALLOWED, content_matches, extension_of
from .models import (CONTEST_KINDS, Activity, ActivityKind, ActivityParticipant, ActivityResult, ActivityTally,
                     Attachment, Honour, HonourLevel, ItemTally, NewsReport, RecipientType, RewardRule)

MAX_PARTICIPANTS = 1_000_000
ACTIVITY_FIELDS = ("kind", "title", "series", "date", "end_date", "place", "organiser", "participant_count", "cost",
                   "results", "plan_item", "participants")


def _outsiders(union: Union, members: Iterable[Member]) -> str:
    """The members not on the roster of the union's subtree, named, for the error message."""
    return "、".join(f"{m.name}（{m.union.name}）" for m in members if not contains(union, m.union))


def _delete(obj, *, actor, union: Union | None = None) -> None:
    """Delete a record, its attachments (ledger entries have them) going with it."""
    require_writer_within(actor, obj.union if union is None else union)
    if isinstance(obj, (Activity, Honour, NewsReport)):
        _delete_attachments(obj, actor=actor)
    delete_with_history(obj, actor=actor)


def _require_text(obj, field: str, message: str, errors: dict) -> None:
    setattr(obj, field, (getattr(obj, field) or "").strip())
    if not getattr(obj, field):
        errors[field] = message


# --- activities --------------------------------------------------------------------------------------------


def _check_plan_item(activity: Activity, errors: dict) -> None:
    item: PlanItem | None = activity.plan_item
    if item is None:
        return
    if item.union_id != activity.union_id:
        errors["plan_item"] = "所选计划事项不属于该工会的计划"
        return
    if item.status == PlanItemStatus.DROPPED:
        errors["plan_item"] = "所选计划事项已取消"
    year = item.plan.year
    if activity.date and activity.date.year != year:
        errors["date"] = f"活动日期须在计划年度（{year}年）内"
    if activity.end_date and activity.end_date.year != year:
        errors["end_date"] = f"结束日期须在计划年度（{year}年）内"


def _check_activity(activity: Activity, participants: list[Member]) -> None:
    errors: dict[str, str] = {}
    _require_text(activity, "title", "请填写活动名称", errors)
    # "一小时讲堂" and "一小时讲堂 " are one series: the sessions are counted by the name.
    activity.series = (activity.series or "").strip()
    if activity.kind not in ActivityKind.values:
        errors["kind"] = "请选择活动类别"
    if error := future_error(activity.date, "活动日期"):
        errors["date"] = error
    if activity.date and activity.end_date and activity.end_date < activity.date:
        errors["end_date"] = "结束日期不能早于开始日期"
    if activity.participant_count is None:
        activity.participant_count = len(participants)
    if activity.participant_count < 0:
        errors["participant_count"] = "参加人数不能为负数"
    elif activity.participant_count > MAX_PARTICIPANTS:
        errors["participant_count"] = "参加人数过大，请核对"
    elif activity.participant_count < len(participants):
        errors["participant_count"] = f"参加人数不能少于所选参加人员（{len(participants)}人）"
    check_money(errors, "cost", activity.cost, label="费用")
    outsiders = _outsiders(activity.union, participants)
    if outsiders:
        errors["participants"] = f"以下人员不在本工会（含下级工会）的会员名册中：{outsiders}"
    _check_plan_item(activity, errors)
    if errors:
        raise ValidationError(errors)
    activity.full_clean(exclude=["tenant", "union", "plan_item", "created_by"], validate_constraints=False)


def _tally_keys(activity: Activity) -> set[tuple]:
    """The counters one activity adds to: its union's month and kind, and the plan item it fulfils."""
    keys = {(ActivityTally, (("tenant_id", activity.tenant_id), ("union_id", activity.union_id),
                             ("year", activity.date.year), ("month", activity.date.month), ("kind", activity.kind)))}
    if activity.plan_item_id:
        keys.add((ItemTally, (("tenant_id", activity.tenant_id), ("plan_item_id", activity.plan_item_id),
                              ("month", activity.date.month))))
    return keys


def _bump(model, key: dict, delta: int) -> None:
    """Add to one counter, creating it the first time; a concurrent first insert is caught and retried."""
    if model.objects.filter(**key).update(count=F("count") + delta):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, count=delta)
    except IntegrityError:
        model.objects.filter(**key).update(count=F("count") + delta)


def _retally(before: set[tuple], after: set[tuple]) -> None:
    for model, key in before - after:
        _bump(model, dict(key), -1)
    for model, key in after - before:
        _bump(model, dict(key), +1)


@transaction.atomic
def tally_rebuild(*, tenant_id: int) -> int:
    """Recount a tenant's counters from the activities: after a bulk load that bypassed the services."""
    ActivityTally.objects.filter(tenant_id=tenant_id).delete()
    ItemTally.objects.filter(tenant_id=tenant_id).delete()
    activities = Activity.objects.filter(tenant_id=tenant_id).annotate(year=ExtractYear("date"),
                                                                        month=ExtractMonth("date"))
    by_kind = activities.values_list("union_id", "year", "month", "kind").annotate(n=Count("id")).order_by()
    by_item = (activities.filter(plan_item__isnull=False).values_list("plan_item_id", "month")
               .annotate(n=Count("id")).order_by())
    kinds = ActivityTally.objects.bulk_create(
        (ActivityTally(tenant_id=tenant_id, union_id=union_id, year=year, month=month, kind=kind, count=n)
         for union_id, year, month, kind, n in by_kind.iterator(chunk_size=10_000)), batch_size=5000)
    items = ItemTally.objects.bulk_create(
        (ItemTally(tenant_id=tenant_id, plan_item_id=item_id, month=month, count=n)
         for item_id, month, n in by_item.iterator(chunk_size=10_000)), batch_size=5000)
    return len(kinds) + len(items)


def _set_participants(activity: Activity, members: list[Member]) -> None:
    wanted = {m.id for m in members}
    activity.participations.exclude(member_id__in=wanted).delete()
    have = set(activity.participations.values_list("member_id", flat=True))
    ActivityParticipant.objects.bulk_create(
        ActivityParticipant(tenant_id=activity.tenant_id, activity=activity, member_id=member_id)
        for member_id in wanted - have)


@transaction.atomic
def activity_create(*, actor, union: Union, kind: str, title: str, date: date, end_date: date | None = None,
                    series: str = "", place: str = "", organiser: str = "", participant_count: int | None = None,
                    participants: Iterable[Member] = (), cost: Decimal | int = 0, results: str = "",
                    plan_item: PlanItem | None = None) -> Activity:
    require_writer_within(actor, union)
    participants = list(participants)
    activity = Activity(tenant_id=union.tenant_id, union=union, kind=kind, title=title, date=date, end_date=end_date,
                        series=series, place=place, organiser=organiser, participant_count=participant_count,
                        cost=Decimal(cost if cost is not None else 0), results=results, plan_item=plan_item,
                        created_by=actor)
    _check_activity(activity, participants)
    save_with_history(activity, actor=actor)
    _set_participants(activity, participants)
    _retally(set(), _tally_keys(activity))
    return activity


@transaction.atomic
def activity_update(*, actor, activity: Activity, **fields) -> Activity:
    require_writer_within(actor, activity.union)
    participants = list(fields.pop("participants", activity.participants.select_related("union")))
    if fields.get("cost") is None:
        fields.pop("cost", None)
    before = _tally_keys(activity)
    fields_assign(activity, fields, ACTIVITY_FIELDS)
    _check_activity(activity, participants)
    save_with_history(activity, actor=actor)
    _set_participants(activity, participants)
    _retally(before, _tally_keys(activity))
    return activity


@transaction.atomic
def activity_delete(*, actor, activity: Activity) -> None:
    before = _tally_keys(activity)
    _delete(activity, actor=actor)
    _retally(before, set())


@transaction.atomic
def activity_set_attendance(*, actor, activity: Activity, attended: Iterable[int]) -> Activity:
    """Who of the registered participants came (a training's sign-in sheet)."""
    require_writer_within(actor, activity.union)
    attended = {int(pk) for pk in attended}
    registered = set(activity.participations.values_list("member_id", flat=True))
    if attended - registered:
        raise ValidationError({"attended": "出勤人员须是已登记的参加人员"})
    activity.participations.update(attended=False)
    activity.participations.filter(member_id__in=attended).update(attended=True)
    return activity


@transaction.atomic
def activity_result_add(*, actor, activity: Activity, member: Member | None = None, team_name: str = "",
                        rank: int | None = None, prize: str = "") -> ActivityResult:
    require_writer_within(actor, activity.union)
    if activity.kind not in CONTEST_KINDS:
        raise ValidationError({"__all__": "只有文体活动、劳动竞赛和技能比武可以登记名次和奖项"})
    result = ActivityResult(tenant_id=activity.tenant_id, activity=activity, member=member,
                            team_name=(team_name or "").strip(), rank=rank, prize=(prize or "").strip())
    errors: dict[str, str] = {}
    if bool(member) == bool(result.team_name):
        errors["member"] = "请选择获奖会员，或填写获奖团队（二选一）"
    elif member and not contains(activity.union, member.union):
        errors["member"] = f"{_outsiders(activity.union, [member])}不在本工会（含下级工会）的会员名册中"
    if rank is not None and rank < 1:
        errors["rank"] = "名次须为正整数"
    if rank is None and not result.prize:
        errors["prize"] = "请填写名次或奖项"
    if errors:
        raise ValidationError(errors)
    result.full_clean(exclude=["tenant", "activity", "member"], validate_constraints=False)
    save_with_history(result, actor=actor)
    return result


@transaction.atomic
def activity_result_delete(*, actor, result: ActivityResult) -> None:
    _delete(result, actor=actor, union=result.activity.union)


# --- honours -----------------------------------------------------------------------------------------------

HONOUR_FIELDS = ("recipient_type", "member", "team_name", "recipient_union", "title", "level", "date",
                 "awarding_body", "note")


def _check_honour(honour: Honour) -> None:
    errors: dict[str, str] = {}
    kind = honour.recipient_type
    if kind not in RecipientType.values:
        errors["recipient_type"] = "请选择表彰对象"
    # Only the recipient of the chosen kind is kept.
    if kind != RecipientType.MEMBER:
        honour.member = None
    if kind != RecipientType.TEAM:
        honour.team_name = ""
    if kind != RecipientType.UNION:
        honour.recipient_union = None
    if kind == RecipientType.MEMBER:
        if honour.member is None:
            errors["member"] = "请选择获表彰的会员"
        elif not contains(honour.union, honour.member.union):
            errors["member"] = f"{_outsiders(honour.union, [honour.member])}不在本工会（含下级工会）的会员名册中"
    if kind == RecipientType.TEAM:
        _require_text(honour, "team_name", "请填写获表彰的集体名称", errors)
    if kind == RecipientType.UNION:
        target = honour.recipient_union
        if target is None:
            errors["recipient_union"] = "请选择获表彰的工会"
        elif not contains(honour.union, target):
            errors["recipient_union"] = "获表彰的工会须是本工会或下级工会"
    _require_text(honour, "title", "请填写荣誉称号", errors)
    _require_text(honour, "awarding_body", "请填写授予单位", errors)
    if honour.level not in HonourLevel.values:
        errors["level"] = "请选择表彰级别"
    if error := future_error(honour.date, "表彰日期"):
        errors["date"] = error
    if errors:
        raise ValidationError(errors)
    honour.full_clean(exclude=["tenant", "union", "member", "recipient_union", "created_by"],
                      validate_constraints=False)


@transaction.atomic
def honour_create(*, actor, union: Union, recipient_type: str, title: str, level: str, date: date,
                  awarding_body: str, member: Member | None = None, team_name: str = "",
                  recipient_union: Union | None = None, note: str = "") -> Honour:
    return record_create(Honour, actor=actor, union=union, check=_check_honour, recipient_type=recipient_type,
                         member=member, team_name=team_name, recipient_union=recipient_union, title=title, level=level,
                         date=date, awarding_body=awarding_body, note=note, created_by=actor)


@transaction.atomic
def honour_update(*, actor, honour: Honour, **fields) -> Honour:
    return record_update(honour, actor=actor, fields=fields, editable=HONOUR_FIELDS, check=_check_honour)


@transaction.atomic
def honour_delete(*, actor, honour: Honour) -> None:
    _delete(honour, actor=actor)


# --- news reports and the reward rule ----------------------------------------------------------------------

NEWS_FIELDS = ("reporter", "reporter_name", "title", "date", "published_in")


def _check_news(report: NewsReport) -> None:
    errors: dict[str, str] = {}
    if report.reporter is not None:
        if contains(report.union, report.reporter.union):
            report.reporter_name = report.reporter.name
        else:
            errors["reporter"] = f"{_outsiders(report.union, [report.reporter])}不在本工会（含下级工会）的会员名册中"
    _require_text(report, "reporter_name", "请选择报送人或填写报送人姓名", errors)
    _require_text(report, "title", "请填写报道标题", errors)
    if error := future_error(report.date, "报送日期"):
        errors["date"] = error
    if errors:
        raise ValidationError(errors)
    report.full_clean(exclude=["tenant", "union", "reporter", "created_by"], validate_constraints=False)


@transaction.atomic
def news_report_create(*, actor, union: Union, title: str, date: date, reporter: Member | None = None,
                       reporter_name: str = "", published_in: str = "") -> NewsReport:
    return record_create(NewsReport, actor=actor, union=union, check=_check_news, reporter=reporter,
                         reporter_name=reporter_name, title=title, date=date, published_in=published_in,
                         created_by=actor)


@transaction.atomic
def news_report_update(*, actor, report: NewsReport, **fields) -> NewsReport:
    return record_update(report, actor=actor, fields=fields, editable=NEWS_FIELDS, check=_check_news)


@transaction.atomic
def news_report_delete(*, actor, report: NewsReport) -> None:
    _delete(report, actor=actor)


@transaction.atomic
def reward_rule_create(*, actor, union: Union, min_count: int, reward: str, amount: Decimal | None = None
                       ) -> RewardRule:
    """One threshold of the federation's rule: "按照任务完成数的多少予以不同的奖励"."""
    require_writer_within(actor, union)
    if not union.is_federation:
        raise ValidationError({"union": "只有总工会可以设置信息报道奖励规则"})
    rule = RewardRule(tenant_id=union.tenant_id, union=union, min_count=min_count, reward=reward, amount=amount)
    errors: dict[str, str] = {}
    if min_count is None or min_count < 1:
        errors["min_count"] = "报道数量须为正整数"
    elif RewardRule.objects.filter(union=union, min_count=min_count).exists():
        errors["min_count"] = f"已有“{min_count}篇”这一档奖励"
    _require_text(rule, "reward", "请填写奖励内容", errors)
    check_money(errors, "amount", amount, label="奖金")
    if errors:
        raise ValidationError(errors)
    rule.full_clean(exclude=["tenant", "union"], validate_constraints=False)
    save_with_history(rule, actor=actor)
    return rule


@transaction.atomic
def reward_rule_delete(*, actor, rule: RewardRule) -> None:
    _delete(rule, actor=actor)


# --- attachments -------------------------------------------------------------------------------------------


def _check_upload(upload) -> str:
    """The file's type, after checking its size, its extension and that its first bytes agree."""
    limit = settings.GONGHUI["ATTACHMENT_MAX_BYTES"]
    if upload.size == 0:
        raise ValidationError({"file": "文件是空的"})
    if upload.size > limit:
        raise ValidationError({"file": f"文件过大（{upload.size / 1048576:.1f} MB），每个附件不能超过 "
                                       f"{limit / 1048576:.0f} MB"})
    ext = extension_of(upload.name)
    if ext not in ALLOWED:
        shown = f"“.{ext}”" if ext else "无扩展名的文件"
        raise ValidationError({"file": f"不支持的文件类型：{shown}；只能上传 {'、'.join(ALLOWED)} 文件"})
    if not content_matches(upload, ext):
        raise ValidationError({"file": f"文件内容不是有效的{ALLOWED[ext]}，与扩展名“.{ext}”不符"})
    return ext


@transaction.atomic
def attachment_add(*, actor, entry: Activity | Honour | NewsReport, file, note: str = "") -> Attachment:
    require_writer_within(actor, entry.union)
    ext = _check_upload(file)
    attachment = Attachment(tenant_id=entry.tenant_id, union_id=entry.union_id, object_id=entry.pk,
                            content_type=ContentType.objects.get_for_model(entry), token=secrets.token_hex(16),
                            name=(file.name or "")[-200:], file_type=ext, size=file.size, note=note,
                            uploaded_by=actor, uploaded_at=timezone.now())
    attachment.full_clean(exclude=["tenant", "union", "content_type", "file", "uploaded_by"],
                          validate_constraints=False)
    stored_with(attachment.file, f"upload.{ext}", file, lambda: save_with_history(attachment, actor=actor))
    return attachment


def _delete_attachments(entry, *, actor) -> None:
    for attachment in Attachment.objects.filter(content_type=ContentType.objects.get_for_model(entry),
                                                object_id=entry.pk):
        _drop_file_on_commit(attachment)
        delete_with_history(attachment, actor=actor)


def _drop_file_on_commit(attachment: Attachment) -> None:
    storage, name = attachment.file.storage, attachment.file.name
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def attachment_delete(*, actor, attachment: Attachment) -> None:
    _delete(attachment, actor=actor)
    _drop_file_on_commit(attachment)
