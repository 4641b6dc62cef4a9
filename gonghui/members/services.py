from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from gonghui.core.figure_cache import figures_changed
from gonghui.core.identifiers import id_tail
from gonghui.core.scoping import is_within
from gonghui.core.services import access_log_record, fields_assign, require_writer_within, save_with_history
from gonghui.org.models import UnionLevel, Union, UnionGroup

from .bulk import MemberStage, RowOutcome
from .choices import EventKind, MemberCategory, MemberStatus, TransferStatus
from .models import Member, MemberEvent, Transfer
from .rules import member_values_check, membership_clash_message

EDITABLE = ("name", "id_number", "gender", "birth_date", "ethnicity", "phone", "education",
            "political_status", "category", "join_date", "card_number", "group")


def _check(member: Member, *, actor, entered_birth: date | None, entered_gender: str) -> None:
    values, errors = member_values_check(
        name=member.name, id_number=member.id_number, join_date=member.join_date, entered_birth=entered_birth,
        entered_gender=entered_gender, phone=member.phone, ethnicity=member.ethnicity)
    for key, value in values.items():
        setattr(member, key, value)
    if member.group_id and member.group.union_id != member.union_id:
        errors["group"] = "工会小组不属于该会员所在工会"
    if errors:
        raise ValidationError(errors)
    member.id_tail = id_tail(member.id_number)
    clash = active_holder(tenant_id=member.tenant_id, id_number=member.id_number, exclude_pk=member.pk)
    if clash:
        seen = clash.union.name if is_within(actor, clash.union) else None
        raise ValidationError({"id_number": membership_clash_message(seen)})
    member.full_clean(exclude=["tenant", "union", "group"], validate_constraints=False)


def active_holder(*, tenant_id: int, id_number: str, exclude_pk=None) -> Member | None:
    qs = Member.objects.select_related("union").filter(tenant_id=tenant_id, id_number=id_number,
                                                       status=MemberStatus.ACTIVE)
    return qs.exclude(pk=exclude_pk).first() if exclude_pk else qs.first()


def _save(member: Member, *, actor) -> None:
    try:
        with transaction.atomic():
            save_with_history(member, actor=actor)
    except IntegrityError:
        # Two officers entering the same person at once: the partial unique index decides.
        raise ValidationError({"id_number": "此人已在全县有有效会籍"}) from None


def _event(member: Member, *, actor, kind: str, on_date: date, union: Union | None = None,
           other_union: Union | None = None, note: str = "") -> None:
    MemberEvent.objects.create(tenant_id=member.tenant_id, member=member, union=union or member.union, kind=kind,
                               on_date=on_date, other_union=other_union, note=note, by=actor)


@transaction.atomic
def member_create(*, actor, union: Union, name: str, id_number: str, join_date: date,
                  group: UnionGroup | None = None, gender: str = "", birth_date: date | None = None,
                  ethnicity: str = "汉族", phone: str = "", education: str = "", political_status: str = "",
                  category: str = MemberCategory.EMPLOYED, card_number: str = "") -> Member:
    require_writer_within(actor, union)
    if union.level != UnionLevel.GRASSROOTS:
        raise ValidationError({"union": "会员须登记在基层工会"})
    member = Member(tenant_id=union.tenant_id, union=union, group=group, name=name, id_number=id_number,
                    ethnicity=ethnicity, phone=phone, education=education, political_status=political_status,
                    category=category, join_date=join_date, card_number=card_number)
    _check(member, actor=actor, entered_birth=birth_date, entered_gender=gender)
    _save(member, actor=actor)
    _event(member, actor=actor, kind=EventKind.JOIN, on_date=join_date)
    return member


@transaction.atomic
def member_update(*, actor, member: Member, **fields) -> Member:
    require_writer_within(actor, member.union)
    entered_birth = fields.pop("birth_date", None)
    entered_gender = fields.pop("gender", "")
    fields_assign(member, fields, EDITABLE)
    _check(member, actor=actor, entered_birth=entered_birth, entered_gender=entered_gender)
    _save(member, actor=actor)
    return member


@transaction.atomic
def member_rows_import(*, actor, stage: MemberStage, counts: dict[RowOutcome, int]) -> int:
    """Write checked rows waiting in a stage, as `stage.classify` found them: new members with their join
    event, changed ones updated, each with its audit-trail version, all attributed to the actor.

    The rows were checked by the caller against `rules.member_values_check` and the actor's subtree; what
    the stage says is held elsewhere is left alone. Returns the number of members written.
    """
    require_writer_within(actor, actor.union)
    written = stage.merge(counts=counts, tenant_id=actor.union.tenant_id, actor_id=actor.pk, now=timezone.now())
    figures_changed(actor.union.tenant_id)  # written in SQL: no save signal tells the figure cache
    return written


def _event_allowed(member: Member, *, actor, on_date: date) -> None:
    """A change in a membership (retirement, leaving, a transfer): a writer over an active member, on a past day."""
    require_writer_within(actor, member.union)
    _require_active(member)
    _check_event_date(member, on_date)


def _require_active(member: Member) -> None:
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError({"__all__": f"该会员当前状态为“{member.get_status_display()}”，不能办理此事项"})


def _check_event_date(member: Member, on_date: date) -> None:
    if on_date > timezone.localdate():
        raise ValidationError({"on_date": "日期不能晚于今天"})
    if on_date < member.join_date:
        raise ValidationError({"on_date": "日期不能早于入会日期"})


@transaction.atomic
def member_retire(*, actor, member: Member, on_date: date) -> Member:
    _event_allowed(member, actor=actor, on_date=on_date)
    if member.category == MemberCategory.RETIRED:
        raise ValidationError({"__all__": "该会员已是退休会员"})
    member.category = MemberCategory.RETIRED
    save_with_history(member, actor=actor)
    _event(member, actor=actor, kind=EventKind.RETIRE, on_date=on_date)
    return member


@transaction.atomic
def member_end(*, actor, member: Member, kind: str, on_date: date, note: str = "") -> Member:
    """Leave (退会) or death: the membership ends, the record stays."""
    _event_allowed(member, actor=actor, on_date=on_date)
    statuses = {EventKind.LEAVE: MemberStatus.LEFT, EventKind.DEATH: MemberStatus.DECEASED}
    if kind not in statuses:
        raise ValidationError({"kind": "请选择退会或去世"})
    Transfer.objects.filter(member=member, status=TransferStatus.PENDING).update(status=TransferStatus.CANCELLED)
    member.status = statuses[kind]
    save_with_history(member, actor=actor)
    _event(member, actor=actor, kind=kind, on_date=on_date, note=note)
    return member


@transaction.atomic
def transfer_request(*, actor, member: Member, to_union: Union, on_date: date, reason: str = "") -> Transfer:
    _event_allowed(member, actor=actor, on_date=on_date)
    if to_union.tenant_id != member.tenant_id or to_union.level != UnionLevel.GRASSROOTS:
        raise ValidationError({"to_union": "转入工会须是本县的基层工会"})
    if to_union.pk == member.union_id:
        raise ValidationError({"to_union": "转入工会不能与当前工会相同"})
    if Transfer.objects.filter(member=member, status=TransferStatus.PENDING).exists():
        raise ValidationError({"__all__": "该会员已有一笔待接收的转会"})
    transfer = Transfer(tenant_id=member.tenant_id, member=member, from_union=member.union, to_union=to_union,
                        on_date=on_date, reason=reason, requested_by=actor)
    transfer.full_clean()
    save_with_history(transfer, actor=actor)
    return transfer


def _decide(transfer: Transfer, *, actor, status: str, side: Union) -> None:
    require_writer_within(actor, side)
    if transfer.status != TransferStatus.PENDING:
        raise ValidationError({"__all__": f"该转会已{transfer.get_status_display()}，不能再处理"})
    transfer.status, transfer.decided_by, transfer.decided_at = status, actor, timezone.now()
    save_with_history(transfer, actor=actor)


@transaction.atomic
def transfer_accept(*, actor, transfer: Transfer, group: UnionGroup | None = None) -> Member:
    _decide(transfer, actor=actor, status=TransferStatus.ACCEPTED, side=transfer.to_union)
    member = transfer.member
    if group is not None and group.union_id != transfer.to_union_id:
        raise ValidationError({"group": "工会小组不属于转入工会"})
    _event(member, actor=actor, kind=EventKind.TRANSFER_OUT, on_date=transfer.on_date, union=transfer.from_union,
           other_union=transfer.to_union, note=transfer.reason)
    member.union, member.group = transfer.to_union, group
    save_with_history(member, actor=actor)
    _event(member, actor=actor, kind=EventKind.TRANSFER_IN, on_date=timezone.localdate(), union=transfer.to_union,
           other_union=transfer.from_union)
    return member


@transaction.atomic
def transfer_reject(*, actor, transfer: Transfer) -> Transfer:
    _decide(transfer, actor=actor, status=TransferStatus.REJECTED, side=transfer.to_union)
    return transfer


@transaction.atomic
def transfer_cancel(*, actor, transfer: Transfer) -> Transfer:
    _decide(transfer, actor=actor, status=TransferStatus.CANCELLED, side=transfer.from_union)
    return transfer


def identity_reveal(*, actor, member: Member) -> dict[str, str]:
    """Full ID number and phone, for roles granted them; every reveal is logged."""
    if not actor.may_reveal_identity:
        raise PermissionDenied("您的角色不能查看完整身份证号码和手机号码")
    access_log_record(user=actor, obj=member, action="reveal_identity", detail=member.name)
    return {"id_number": member.id_number, "phone": member.phone}
