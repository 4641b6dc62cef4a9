"""Every write of the member portal: a member's sign-in, consent and closure, sign-ups, aid applications and
transfer requests (the member is the actor, `member=` / `account=`); and the union's side of each (`actor=`).

What a member sends is a request to the union: the union accepts it into the existing workflow through the
owning app's services (care's hardship file or schooling grant, members' transfer, the ledger's activity)."""

import hashlib
import hmac
import secrets
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from gonghui.care import services as care
from gonghui.care.choices import HardshipCause, SchoolLevel
from gonghui.core.figure_cache import figures_changed_now
from gonghui.core.files import stored_with
from gonghui.core.identifiers import IdentifierError, parse_mobile
from gonghui.core.money import check_money
from gonghui.core.services import require_within, require_writer_within, save_with_history, text_required
from gonghui.ledger import services as ledger
from gonghui.ledger.models import ActivityKind
from gonghui.members import services as members
from gonghui.members.choices import MemberCategory, MemberStatus
from gonghui.members.models import Member
from gonghui.org.models import UnionLevel

from .models import (
    ActivationLink,
    AidDocument,
    AidRequest,
    AidRequestKind,
    JoinRequest,
    MemberAccount,
    Offer,
    RequestStatus,
    SignInCode,
    SignUp,
    SignUpStatus,
    TransferAsk,
)
from .sms import sender
from .uploads import upload_type

CONSENT_VERSION = "2026-1"
WRONG_CODE = "验证码错误或已过期，请重新获取"
TOO_MANY = "获取验证码过于频繁，请稍后再试"
BAD_PHONE = "请输入11位手机号码"
MAX_DOCUMENTS = 6


def _digest(kind: str, text: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{text}".encode(), hashlib.sha256).hexdigest()


def _phone(raw: str) -> str:
    try:
        return parse_mobile(raw)
    except IdentifierError:
        # The identifier's own message names what was typed; this one names nothing.
        raise ValidationError({"phone": BAD_PHONE}) from None


def _conf(name: str) -> int:
    return settings.PORTAL[name]


# Signing in ---------------------------------------------------------------------------------------

def _member_for_phone(phone: str) -> Member | None:
    found = list(Member.objects.select_related("union").filter(phone=phone, status=MemberStatus.ACTIVE)
                 .exclude(portal_account__closed_at__isnull=False)[:2])
    # A number on two records names no one: the union activates such a member with a link instead.
    return found[0] if len(found) == 1 else None


@transaction.atomic
def sign_in_code_send(*, phone: str, address: str | None) -> str:
    """Sends a code to the number if it is a member's; says the same and counts the same if it is not.
    Returns the number's digest, which is all the sign-in keeps of it until the code comes back."""
    phone = _phone(phone)
    digest, now = _digest("phone", phone), timezone.now()
    hour_ago = now - timedelta(hours=1)
    recent = SignInCode.objects.filter(phone_digest=digest, created_at__gte=hour_ago)
    last = recent.order_by("-created_at").first()
    interval = _conf("CODE_INTERVAL_SECONDS")
    if last is not None and (now - last.created_at).total_seconds() < interval:
        raise ValidationError({"phone": f"验证码已发送，请{interval}秒后再重新获取"})
    if recent.count() >= _conf("CODES_PER_NUMBER_HOUR") or (
            address and SignInCode.objects.filter(address=address, created_at__gte=hour_ago).count()
            >= _conf("CODES_PER_ADDRESS_HOUR")):
        raise ValidationError({"phone": TOO_MANY})
    member = _member_for_phone(phone)
    code = f"{secrets.randbelow(10 ** 6):06d}"
    SignInCode.objects.create(tenant_id=member.tenant_id if member else None, phone_digest=digest, address=address,
                              member=member,
                              code_digest=_digest("code", digest + code),
                              expires_at=now + timedelta(minutes=_conf("CODE_MINUTES")))
    if member is not None:
        # Sent last, inside the transaction: a gateway that fails leaves no code row that counts against the number.
        sender().send_code(phone=phone, code=code)
    return digest


def account_open(*, member: Member) -> MemberAccount:
    """The member's portal account, made at the first sign-in; each sign-in is noted on it."""
    account, _ = MemberAccount.objects.get_or_create(member=member, defaults={"tenant_id": member.tenant_id})
    account.last_sign_in_at = timezone.now()
    account.save(update_fields=["last_sign_in_at"])
    return account


def sign_in_code_check(*, phone_digest: str, code: str) -> MemberAccount:
    """The member whose number (by its digest, from sign_in_code_send) the code was sent to. A wrong code uses
    up one of the code's tries, which is kept although the sign-in is refused (so this is not one transaction
    that a refusal rolls back)."""
    digest, code = phone_digest, (code or "").strip()
    with transaction.atomic():
        row = (SignInCode.objects.select_for_update()
               .filter(phone_digest=digest, used_at__isnull=True, expires_at__gt=timezone.now(),
                       tries__lt=_conf("CODE_TRIES")).order_by("-created_at").first())
        if row is None:
            raise ValidationError({"code": WRONG_CODE})
        right = hmac.compare_digest(row.code_digest, _digest("code", digest + code))
        if not right or row.member_id is None:
            SignInCode.objects.filter(pk=row.pk).update(tries=F("tries") + 1)
        else:
            row.used_at = timezone.now()
            row.save(update_fields=["used_at"])
            return account_open(member=row.member)
    raise ValidationError({"code": WRONG_CODE})


ACTIVATION_DAYS = 7


@transaction.atomic
def activation_link_create(*, actor, member: Member) -> tuple[str, ActivationLink]:
    """A one-time link (valid ACTIVATION_DAYS days) for a member with no phone on record. The token is returned
    once, to be printed, and kept only as a digest. A new link ends the member's earlier unused ones: a reprint
    replaces a lost sheet, and the lost one must not still open the account."""
    require_writer_within(actor, member.union)
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError({"member": "该会员不在册，不能开通会员服务"})
    now = timezone.now()
    ActivationLink.objects.filter(member=member, used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    token = secrets.token_urlsafe(24)
    link = ActivationLink.objects.create(tenant_id=member.tenant_id, member=member,
                                         token_digest=_digest("link", token),
                                         expires_at=now + timedelta(days=ACTIVATION_DAYS), created_by=actor)
    return token, link


@transaction.atomic
def activation_link_use(*, token: str) -> MemberAccount:
    link = (ActivationLink.objects.select_for_update().select_related("member")
            .filter(token_digest=_digest("link", token or ""), used_at__isnull=True,
                    expires_at__gt=timezone.now(), member__status=MemberStatus.ACTIVE).first())
    if link is None:
        raise ValidationError({"token": "开通链接无效、已使用或已过期，请联系所在工会重新打印"})
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    return account_open(member=link.member)


@transaction.atomic
def account_consent(*, account: MemberAccount, at: datetime | None = None) -> MemberAccount:
    account.consented_at, account.consent_version = at or timezone.now(), CONSENT_VERSION
    account.save(update_fields=["consented_at", "consent_version"])
    return account


@transaction.atomic
def account_close_request(*, account: MemberAccount) -> MemberAccount:
    if account.closure_requested_at is None:
        account.closure_requested_at = timezone.now()
        account.save(update_fields=["closure_requested_at"])
    return account


@transaction.atomic
def account_close(*, actor, account: MemberAccount) -> MemberAccount:
    """The union closes the account the member asked to close: the member can no longer sign in; the
    member's union records stay, as the union keeps them by law and by its own rules."""
    require_writer_within(actor, account.member.union)
    if account.closure_requested_at is None:
        raise ValidationError({"account": "会员未申请注销"})
    account.closed_at = account.closed_at or timezone.now()
    account.save(update_fields=["closed_at"])
    return account


# Activities open for sign-up ---------------------------------------------------------------------

OFFER_FIELDS = ("kind", "title", "held_on", "place", "description", "capacity", "deadline", "subtree", "categories")


def _check_offer(offer: Offer) -> None:
    errors: dict = {}
    text_required(offer, errors, title="活动名称")
    if offer.kind not in ActivityKind.values:
        errors["kind"] = "请选择活动类别"
    if offer.capacity is None or offer.capacity < 1:
        errors["capacity"] = "名额至少为1人"
    if offer.deadline and offer.held_on and offer.deadline.date() > offer.held_on:
        errors["deadline"] = "报名截止时间不能晚于活动日期"
    if offer.capacity is not None and offer.taken > offer.capacity:
        errors["capacity"] = f"已有{offer.taken}人报名，名额不能少于已报名人数"
    chosen = [c for c in (offer.categories or "").strip(",").split(",") if c]
    if set(chosen) - set(MemberCategory.values):
        errors["categories"] = "人员类别不在可选范围内"
    offer.categories = f",{','.join(chosen)}," if chosen else ""
    if errors:
        raise ValidationError(errors)
    offer.full_clean(exclude=["tenant", "union", "activity", "created_by"], validate_constraints=False)


@transaction.atomic
def offer_create(*, actor, union, kind: str, title: str, held_on: date, capacity: int, deadline,
                 place: str = "", description: str = "", subtree: bool = False, categories=(),
                 now: datetime | None = None) -> Offer:
    """`now`: when it is published (the demo's year); the deadline may not have passed by then."""
    require_writer_within(actor, union)
    if deadline is not None and timezone.is_naive(deadline):
        deadline = timezone.make_aware(deadline)  # a time without a zone (the API) is local time
    offer = Offer(tenant_id=union.tenant_id, union=union, kind=kind, title=title, held_on=held_on, place=place,
                  description=description, capacity=capacity, deadline=deadline, subtree=subtree,
                  categories=",".join(categories), created_by=actor)
    if deadline and deadline < (now or timezone.now()):
        raise ValidationError({"deadline": "报名截止时间已过，请重新填写"})
    _check_offer(offer)
    save_with_history(offer, actor=actor)
    return offer


def _locked(offer: Offer) -> Offer:
    # The row lock makes sign-ups and cancellations of one offer wait for each other, so the count of places
    # taken is read and written by one at a time; the check constraint stops an over-subscription regardless.
    # Only the offer's row (`of`): the joined union's row stays free for the union's other offers and writes.
    return Offer.objects.select_for_update(of=("self",)).select_related("union").get(pk=offer.pk)


@transaction.atomic
def signup_create(*, member: Member, offer: Offer, now: datetime | None = None) -> SignUp:
    """A place if one is left, else a place on the waiting list (`now`: when, for the demo's year).

    Every statement here runs holding the offer's lock, so sign-ups of one offer queue for it: a burst of
    hundreds is as fast as this is short. The lock is the last read; the second sign-up of one member is found
    by the unique constraint (the transaction, with the place it took, is then rolled back whole)."""
    offer = _locked(offer)
    if not offer.open_to(member):
        raise ValidationError({"offer": "您不在该活动的报名范围内"})
    if (now or timezone.now()) > offer.deadline:
        raise ValidationError({"offer": "报名已截止"})
    got_place = Offer.objects.filter(pk=offer.pk, taken__lt=F("capacity")).update(taken=F("taken") + 1) == 1
    signup = SignUp(tenant_id=offer.tenant_id, offer=offer, member=member,
                    status=SignUpStatus.TAKEN if got_place else SignUpStatus.WAITING)
    try:
        signup.save()
    except IntegrityError:
        raise ValidationError({"offer": "您已报名该活动，不能重复报名"}) from None
    figures_changed_now(offer.tenant_id)
    return signup


@transaction.atomic
def signup_cancel(*, member: Member, signup: SignUp) -> SignUp:
    """A member gives up a place (or a place on the waiting list); the first one waiting moves up."""
    offer = _locked(signup.offer)
    signup = SignUp.objects.select_for_update().get(pk=signup.pk)
    if signup.member_id != member.pk:
        raise ValidationError({"signup": "找不到该报名"})
    if signup.status == SignUpStatus.CANCELLED:
        raise ValidationError({"signup": "该报名已取消"})
    if timezone.localdate() >= offer.held_on:
        raise ValidationError({"signup": "活动当天及之后不能取消报名"})
    had_place = signup.status == SignUpStatus.TAKEN
    signup.status, signup.cancelled_at = SignUpStatus.CANCELLED, timezone.now()
    signup.save(update_fields=["status", "cancelled_at"])
    if had_place:
        first = (SignUp.objects.select_for_update().filter(offer=offer, status=SignUpStatus.WAITING)
                 .order_by("created_at", "id").first())
        if first is not None:
            first.status = SignUpStatus.TAKEN
            first.save(update_fields=["status"])
        else:
            Offer.objects.filter(pk=offer.pk).update(taken=F("taken") - 1)
    return signup


@transaction.atomic
def offer_record_attendance(*, actor, offer: Offer, attended=None) -> Offer:
    """Once held, the activity goes into the ledger with those who had a place as its participants
    (`attended`: the member ids who came, all of them when not given)."""
    require_writer_within(actor, offer.union)
    offer = _locked(offer)
    if offer.activity_id:
        raise ValidationError({"offer": "该活动已记入台帐"})
    if offer.held_on > timezone.localdate():
        raise ValidationError({"offer": "活动举办后才能记入台帐"})
    people = list(Member.objects.select_related("union").filter(
        pk__in=offer.signups.filter(status=SignUpStatus.TAKEN).values("member_id")))
    activity = ledger.activity_create(actor=actor, union=offer.union, kind=offer.kind, title=offer.title,
                                      date=offer.held_on, place=offer.place, participants=people,
                                      participant_count=len(people))
    if attended is not None:
        ledger.activity_set_attendance(actor=actor, activity=activity, attended=attended)
    offer.activity = activity
    save_with_history(offer, actor=actor)
    return offer


# Aid applications ---------------------------------------------------------------------------------

@transaction.atomic
def aid_request_create(*, member: Member, kind: str, note: str, causes=(), applicant_income=None,
                       student_name: str = "", school_level: str = "", school_name: str = "",
                       documents=(), sent_on: date | None = None) -> AidRequest:
    errors: dict = {}
    request = AidRequest(tenant_id=member.tenant_id, union=member.union, member=member, kind=kind, note=note,
                         student_name=student_name.strip(), school_level=school_level,
                         school_name=school_name.strip(), sent_on=sent_on or timezone.localdate())
    text_required(request, errors, note="情况说明")
    if kind == AidRequestKind.HARDSHIP:
        chosen = [c for c in HardshipCause.values if c in set(causes or ())]
        if not chosen:
            errors["causes"] = "请至少选择一项致困原因"
        request.causes = ",".join(chosen)
        request.applicant_income = check_money(errors, "applicant_income", applicant_income, required=True,
                                               label="本人月收入")
    elif kind == AidRequestKind.SCHOOLING:
        if not request.student_name:
            errors["student_name"] = "请填写学生姓名"
        if school_level not in SchoolLevel.values:
            errors["school_level"] = "请选择学段：大学、中学或小学"
    else:
        errors["kind"] = "请选择申请类别"
    documents = [d for d in documents or () if d]
    if len(documents) > MAX_DOCUMENTS:
        errors["documents"] = f"最多上传{MAX_DOCUMENTS}个文件"
    types = []
    for upload in documents:
        try:
            types.append(upload_type(upload))
        except ValidationError as error:
            errors["documents"] = f"{upload.name}：{'；'.join(error.messages)}"
            break
    if member.status != MemberStatus.ACTIVE:
        errors["member"] = "您的会籍不在册，不能提交申请"
    if errors:
        raise ValidationError(errors)
    request.full_clean(exclude=["tenant", "union", "member", "hardship_file", "grant", "decided_by"])
    request.save()
    for upload, file_type in zip(documents, types, strict=True):
        document = AidDocument(tenant_id=member.tenant_id, request=request, name=upload.name[-100:],
                               file_type=file_type)
        stored_with(document.file, upload.name, upload, document.save)
    return request


def _decide(actor, request: AidRequest | TransferAsk) -> None:
    require_writer_within(actor, request.union)
    if request.status != RequestStatus.SENT:
        raise ValidationError({"status": f"该申请{request.get_status_display()}，不能再次办理"})
    request.decided_by, request.decided_at = actor, timezone.now()


@transaction.atomic
def aid_request_accept(*, actor, request: AidRequest, amount: Decimal | None = None,
                       granted_on: date | None = None) -> AidRequest:
    """Hardship: files the application in care (it then waits for the union's first review).
    Schooling: the grant is recorded in care with its amount."""
    request = AidRequest.objects.select_for_update().select_related("member__union", "union").get(pk=request.pk)
    _decide(actor, request)
    if request.kind == AidRequestKind.HARDSHIP:
        request.hardship_file = care.hardship_file_apply(
            actor=actor, member=request.member, applied_on=request.sent_on,
            causes=request.causes.split(","), applicant_income=request.applicant_income, cause_note=request.note)
    else:
        request.grant = care.schooling_grant_create(
            actor=actor, member=request.member, student_name=request.student_name,
            school_level=request.school_level, amount=amount, granted_on=granted_on or timezone.localdate(),
            school_name=request.school_name)
    request.status = RequestStatus.ACCEPTED
    save_with_history(request, actor=actor)
    return request


@transaction.atomic
def aid_request_decline(*, actor, request: AidRequest, reply: str) -> AidRequest:
    request = AidRequest.objects.select_for_update().get(pk=request.pk)
    _decide(actor, request)
    request.reply = (reply or "").strip()
    if not request.reply:
        raise ValidationError({"reply": "请填写不予受理的原因，会员会看到这段答复"})
    request.status = RequestStatus.DECLINED
    save_with_history(request, actor=actor)
    return request


# Transfers ----------------------------------------------------------------------------------------

@transaction.atomic
def transfer_ask_create(*, member: Member, to_union, reason: str) -> TransferAsk:
    errors: dict = {}
    ask = TransferAsk(tenant_id=member.tenant_id, union=member.union, member=member, to_union=to_union,
                      reason=reason)
    text_required(ask, errors, reason="转会原因（如新的工作单位）")
    if to_union is None or to_union.tenant_id != member.tenant_id or to_union.level != UnionLevel.GRASSROOTS:
        errors["to_union"] = "请选择要转入的基层工会"
    elif to_union.pk == member.union_id:
        errors["to_union"] = "转入工会不能是您现在所在的工会"
    if TransferAsk.objects.filter(member=member, status=RequestStatus.SENT).exists():
        errors["to_union"] = "您已有一份转会申请在办理中"
    if errors:
        raise ValidationError(errors)
    ask.full_clean(exclude=["tenant", "union", "member", "to_union", "transfer", "decided_by"],
                   validate_constraints=False)
    try:
        with transaction.atomic():
            ask.save()
    except IntegrityError:
        raise ValidationError({"to_union": "您已有一份转会申请在办理中"}) from None
    return ask


@transaction.atomic
def transfer_ask_accept(*, actor, ask: TransferAsk, on_date: date) -> TransferAsk:
    """Starts members' transfer from the request (it then waits for the receiving union as any transfer)."""
    ask = TransferAsk.objects.select_for_update().select_related("member__union", "union", "to_union").get(pk=ask.pk)
    _decide(actor, ask)
    ask.transfer = members.transfer_request(actor=actor, member=ask.member, to_union=ask.to_union, on_date=on_date,
                                            reason=ask.reason)
    ask.status = RequestStatus.ACCEPTED
    ask.save()
    return ask


@transaction.atomic
def transfer_ask_decline(*, actor, ask: TransferAsk) -> TransferAsk:
    ask = TransferAsk.objects.select_for_update().get(pk=ask.pk)
    _decide(actor, ask)
    ask.status = RequestStatus.DECLINED
    ask.save()
    return ask


# Joining ------------------------------------------------------------------------------------------

JOINS_PER_ADDRESS_DAY = 5


@transaction.atomic
def join_request_create(*, street, name: str, phone: str, employer: str, note: str = "",
                        address: str | None) -> JoinRequest:
    """A worker (not yet a member, not signed in) applies to join through a street federation."""
    errors: dict = {}
    if street is None or street.level != UnionLevel.STREET:
        errors["street"] = "请选择所在的街道（乡镇）总工会"
    request = JoinRequest(tenant_id=getattr(street, "tenant_id", None), union=street, name=name, phone="",
                          employer=employer, note=note, address_digest=_digest("address", address or ""))
    text_required(request, errors, name="姓名", employer="工作单位")
    try:
        request.phone = _phone(phone)
    except ValidationError:
        errors["phone"] = BAD_PHONE
    day_ago = timezone.now() - timedelta(days=1)
    if JoinRequest.objects.filter(address_digest=request.address_digest, created_at__gte=day_ago).count() \
            >= JOINS_PER_ADDRESS_DAY:
        errors["name"] = "提交过于频繁，请明天再试或联系所在街道总工会"
    if errors:
        raise ValidationError(errors)
    request.full_clean(exclude=["tenant", "union", "decided_by"])
    request.save()
    return request


@transaction.atomic
def join_request_assign(*, actor, join: JoinRequest, union) -> JoinRequest:
    """The street passes the application to a union (or joint union) of its own; that union enrols the worker."""
    join = JoinRequest.objects.select_for_update().select_related("union").get(pk=join.pk)
    _decide(actor, join)
    if union is None or union.level != UnionLevel.GRASSROOTS or not union.path.startswith(join.union.path):
        raise ValidationError({"union": "请选择本街道（乡镇）范围内的基层工会或联合工会"})
    require_within(actor, union)
    join.union, join.status = union, RequestStatus.ACCEPTED
    join.save()
    return join
