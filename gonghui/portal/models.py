"""The member portal's records: members' accounts and sign-in codes, activities open for sign-up and the
sign-ups, and what members send their union (aid applications with their documents, transfer requests)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, union_field, user_field
from gonghui.ledger.models import ActivityKind
from gonghui.members.choices import MemberStatus

from .choices import AidRequestKind, RequestStatus, SignUpStatus


class MemberAccount(TenantModel):
    """A member's way into the portal: consent to the privacy notice, a request to close it."""

    SCOPE_PATH = "member__union__path"

    member = models.OneToOneField("members.Member", on_delete=models.CASCADE, related_name="portal_account")
    consented_at = models.DateTimeField(_("同意隐私政策时间"), null=True, blank=True)
    consent_version = models.CharField(max_length=10, blank=True)
    last_sign_in_at = models.DateTimeField(null=True, blank=True)
    closure_requested_at = models.DateTimeField(_("申请注销时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("注销时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("会员服务账号")


class SignInCode(models.Model):
    """One code asked for a phone number. A row is kept for numbers on no record too, so the limits and the
    answer are the same whether the number exists; the number itself is kept only as a keyed digest."""

    # The member's tenant when the number is a member's (so deleting a tenant takes its codes with it).
    tenant = models.ForeignKey("org.Union", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                               db_index=False)
    phone_digest = models.CharField(max_length=64)
    address = models.GenericIPAddressField(null=True, blank=True)
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    code_digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["phone_digest", "-created_at"], name="portal_code_phone"),
                   models.Index(fields=["address", "-created_at"], name="portal_code_address")]


class ActivationLink(TenantModel):
    """A one-time link a union prints for a member without a phone on record."""

    SCOPE_PATH = "member__union__path"

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")
    token_digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_by = user_field()
    created_at = models.DateTimeField(auto_now_add=True)


class Offer(TenantModel):
    """An activity a union opens for members to sign up to (活动报名)."""

    union = union_field(_("工会"))
    kind = models.CharField(_("类别"), max_length=16, choices=ActivityKind.choices)
    title = models.CharField(_("活动名称"), max_length=200)
    held_on = models.DateField(_("活动日期"))
    place = models.CharField(_("地点"), max_length=100, blank=True)
    description = models.TextField(_("活动说明"), blank=True)
    capacity = models.PositiveIntegerField(_("名额"))
    deadline = models.DateTimeField(_("报名截止时间"))
    subtree = models.BooleanField(_("下级工会会员可报名"), default=False)
    categories = models.CharField(_("可报名人员类别"), max_length=80, blank=True,
                                  help_text=_("不选即所有类别"))
    taken = models.PositiveIntegerField(_("已报名"), default=0)
    activity = models.ForeignKey("ledger.Activity", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("台帐活动"))
    created_by = user_field()
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(taken__lte=F("capacity")), name="offer_not_oversubscribed")]
        indexes = [models.Index(fields=["tenant", "deadline"], name="offer_tenant_deadline")]
        verbose_name = _("活动报名")

    def __str__(self) -> str:
        return self.title

    @property
    def remaining(self) -> int:
        return max(self.capacity - self.taken, 0)

    def open_to(self, member) -> bool:
        """Whether the member may sign up, deadline aside: an active member of the offer's union, or of a union
        below it when the offer is open to its subtree, of a category it names (any, when it names none).
        `selectors.offers_for_member` is the same rule as a query."""
        union = member.union
        if member.status != MemberStatus.ACTIVE or union.tenant_id != self.tenant_id:
            return False
        if not (union.pk == self.union_id or (self.subtree and union.path.startswith(self.union.path))):
            return False
        return not self.categories or f",{member.category}," in self.categories


class SignUp(TenantModel):
    SCOPE_PATH = "offer__union__path"

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="signups")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("状态"), max_length=10, choices=SignUpStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "offer", "member"], condition=~Q(status="cancelled"),
                                               name="one_signup_per_member")]
        indexes = [models.Index(fields=["offer", "status", "created_at"], name="signup_queue")]
        verbose_name = _("报名")


class AidRequest(TenantModel):
    """帮扶申请: a member's application, sent from the phone; the union accepts it into care's workflow."""

    CARE_GRANT_REQUIRED = True

    union = union_field(_("工会"))
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("申请类别"), max_length=10, choices=AidRequestKind.choices)
    causes = models.CharField(_("致困原因"), max_length=120, blank=True)
    applicant_income = models.DecimalField(_("本人月收入（元）"), max_digits=10, decimal_places=2, null=True, blank=True)
    student_name = models.CharField(_("学生姓名"), max_length=30, blank=True)
    school_level = models.CharField(_("学段"), max_length=12, blank=True)
    school_name = models.CharField(_("学校"), max_length=60, blank=True)
    note = models.CharField(_("情况说明"), max_length=500)
    sent_on = models.DateField(_("提交日期"))
    status = models.CharField(_("状态"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.SENT)
    hardship_file = models.ForeignKey("care.HardshipFile", on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="+")
    grant = models.ForeignKey("care.SchoolingGrant", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reply = models.CharField(_("工会答复"), max_length=200, blank=True)
    decided_by = user_field(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "status"], name="aidrequest_union_status"),
                   models.Index(fields=["tenant", "sent_on"], name="aidrequest_tenant_sent")]
        verbose_name = _("帮扶申请")

    @property
    def cause_labels(self) -> str:
        from gonghui.care.choices import HardshipCause

        chosen = set(self.causes.split(","))
        return "、".join(str(label) for value, label in HardshipCause.choices if value in chosen)


def document_path(instance, filename: str) -> str:
    from gonghui.core.files import random_file_name

    return random_file_name("portal/documents", filename)


class AidDocument(TenantModel):
    CARE_GRANT_REQUIRED = True
    SCOPE_PATH = "request__union__path"

    request = models.ForeignKey(AidRequest, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to=document_path)
    name = models.CharField(_("文件名"), max_length=100)
    file_type = models.CharField(max_length=4)
    created_at = models.DateTimeField(auto_now_add=True)


class TransferAsk(TenantModel):
    """A member who changed job asks to move to another union; the union starts the transfer from it."""

    union = union_field(_("工会"))
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    to_union = union_field(_("转入工会"))
    reason = models.CharField(_("原因"), max_length=200)
    status = models.CharField(_("状态"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.SENT)
    transfer = models.ForeignKey("members.Transfer", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+")
    decided_by = user_field(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "member"], condition=Q(status="sent"),
                                               name="one_open_transfer_ask")]
        verbose_name = _("转会申请")


class JoinRequest(TenantModel):
    """入会申请: a worker whose employer has no union asks to join; the street federation it is sent to assigns
    it to a union or a joint union (the record then belongs to that union, which enrols the worker)."""

    union = union_field(_("受理工会"))
    name = models.CharField(_("姓名"), max_length=30)
    phone = models.CharField(_("手机号码"), max_length=11)
    employer = models.CharField(_("工作单位"), max_length=100)
    note = models.CharField(_("补充说明"), max_length=300, blank=True)
    address_digest = models.CharField(max_length=64)
    status = models.CharField(_("状态"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.SENT)
    decided_by = user_field(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["address_digest", "-created_at"], name="join_address")]
        verbose_name = _("入会申请")
