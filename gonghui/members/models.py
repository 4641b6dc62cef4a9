from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.identifiers import ID_TAIL_LENGTH, id_tail
from gonghui.core.models import TenantModel, union_field, user_field

from .choices import Education, EventKind, Gender, MemberCategory, MemberStatus, PoliticalStatus, TransferStatus


class Member(TenantModel):
    """A membership (会员档案). One person holds one active membership per tenant."""

    # The tenant is the union's own tenant, copied by the services from the union they were given, so the
    # database does not check it again: each check cost a roster import's members INSERT about 30 %
    # (docs/benchmarks.md, Rosters, fifth pass). PROTECT still acts in the ORM. The union key stays
    # checked: it is the record's own relation, the one that says where the member belongs.
    tenant = union_field(db_index=False, db_constraint=False)
    # Keeps its own index although member_union_status_name begins with union_id: a street's lists and
    # coverage figures (union_id IN (...)) bitmap-scan this small one, twice as fast as the composite.
    union = models.ForeignKey("org.Union", on_delete=models.PROTECT, related_name="members", verbose_name=_("所属工会"))
    group = models.ForeignKey(
        "org.UnionGroup", on_delete=models.SET_NULL, null=True, blank=True, related_name="members", verbose_name=_("工会小组")
    )
    name = models.CharField(_("姓名"), max_length=30)
    id_number = models.CharField(_("身份证号码"), max_length=18)
    # The last four characters, kept apart so "search by ID tail" is an index lookup.
    id_tail = models.CharField(max_length=ID_TAIL_LENGTH, editable=False)
    birth_date = models.DateField(_("出生日期"))
    gender = models.CharField(_("性别"), max_length=1, choices=Gender.choices)
    ethnicity = models.CharField(_("民族"), max_length=10, default="汉族")
    phone = models.CharField(_("手机号码"), max_length=11, blank=True)
    education = models.CharField(_("学历"), max_length=16, choices=Education.choices, blank=True)
    political_status = models.CharField(_("政治面貌"), max_length=16, choices=PoliticalStatus.choices, blank=True)
    category = models.CharField(_("人员类别"), max_length=12, choices=MemberCategory.choices,
                                default=MemberCategory.EMPLOYED)
    join_date = models.DateField(_("入会日期"))
    card_number = models.CharField(_("会员卡号"), max_length=30, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=MemberStatus.choices, default=MemberStatus.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Audit-trail versions are only ever read per member (by id, which keeps its index). Every other index
    # simple-history would add costs each imported row a write and no query reads it. The acting user is
    # kept without a database constraint, as simple-history already keeps the record's own keys: the
    # check costs a roster import 3 s a million rows, and deleting a user still nulls it through the ORM.
    history = HistoricalRecords(no_db_index=["tenant", "union", "group"], user_db_constraint=False)

    class Meta:
        # The partial unique index also serves every lookup of an active holder by ID number.
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "id_number"], condition=Q(status="active"), name="one_active_membership_per_person"
            )
        ]
        indexes = [
            # The list's sort orders, walked in order so a first page reads twenty rows, not a million.
            models.Index(fields=["union", "status", "name", "id"], name="member_union_status_name"),
            models.Index(fields=["tenant", "status", "name", "id"], name="member_tenant_status_name"),
            # By join date whatever the status (新入会 counts joins of any status): nearly every member is
            # active, so a list of the active walks it as well, filtering as it goes (no tenth index).
            models.Index(fields=["tenant", "join_date", "id"], name="member_tenant_joined"),
            models.Index(fields=["tenant", "id_tail"], name="member_id_tail"),
            models.Index(fields=["tenant", "phone"], name="member_phone"),
            models.Index(fields=["name"], name="member_name_prefix", opclasses=["varchar_pattern_ops"]),
        ]
        verbose_name = _("会员")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.id_tail = id_tail(self.id_number)
        super().save(*args, **kwargs)


class MemberEvent(TenantModel):
    """One step in a membership's life, kept as history."""

    # Events are read per member only; the other keys are never searched on, so they carry no index
    # (a roster import writes one event per new member). Deleting a union or user, which PROTECT
    # checks against these keys, scans the table instead: a rare administrator's act.
    # No key of this append-only history is checked by the database: the services write it from rows they
    # have just read or written, and PROTECT and CASCADE still act in the ORM (Django's, not the database's).
    # Each check cost a roster import about 3 s a million rows; the member key's, which also locks the new
    # member row and so writes its heap page again, about three times the event INSERT itself
    # (docs/benchmarks.md, Rosters, fifth pass).
    tenant = union_field(db_index=False, db_constraint=False)
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="events", db_constraint=False)
    union = union_field(db_index=False, db_constraint=False)
    kind = models.CharField(_("事项"), max_length=16, choices=EventKind.choices)
    on_date = models.DateField(_("日期"))
    other_union = union_field(null=True, blank=True, db_index=False, db_constraint=False)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    by = user_field(null=True, blank=True, db_index=False, db_constraint=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on_date", "-id"]


class Transfer(TenantModel):
    """A transfer is sent by one union and accepted (or returned) by the other."""

    SCOPE_PATH = "from_union__path"

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="transfers")
    from_union = union_field(_("转出工会"))
    to_union = union_field(_("转入工会"))
    status = models.CharField(_("状态"), max_length=10, choices=TransferStatus.choices, default=TransferStatus.PENDING)
    on_date = models.DateField(_("转出日期"))
    reason = models.CharField(_("原因"), max_length=200, blank=True)
    requested_by = user_field()
    decided_by = user_field(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member"], condition=Q(status="pending"), name="one_pending_transfer")
        ]
