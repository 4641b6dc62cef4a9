"""Congresses (职代会 / 教代会 / 会员代表大会): a union's congress by term (届), its delegates by constituency,
its sessions (次) with agenda items and resolutions, requests for an extra session, and democratic evaluation.

A congress is one term of one union's congress ("四届"); a session is one meeting of it ("四届一次"). The
voting rules (quorum, what passes) are the congress's own fields, two thirds present and a majority of all
delegates by default; the composition its delegates must have is per kind (`rules.COMPOSITION`).
A delegate is a member of the union (or of a union beneath a federation's congress); a delegate whose
membership ended no longer counts, and a by-election names the seat they held (`replaces`).

Democratic evaluation is anonymous: who voted is a `Voter` row, how they voted only adds to the counts on
each `Subject`, with no key between the two and no audit trail on the counts (its timestamps would pair them).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, union_field
from gonghui.core.uploads import StoredFile, stored_file_path

from .choices import CongressKind, CongressPower, DelegateStatus, EvaluationMethod, Occupation, PassRule, SessionKind


class Congress(TenantModel):
    """One term (届) of a union's congress."""

    union = union_field(_("工会"))
    kind = models.CharField(_("类别"), max_length=10, choices=CongressKind.choices)
    term = models.PositiveSmallIntegerField(_("届次"))
    starts_on = models.DateField(_("本届开始日期"))
    ends_on = models.DateField(_("本届届满日期"))
    quorum_numerator = models.PositiveSmallIntegerField(_("法定人数（分子）"), default=2)
    quorum_denominator = models.PositiveSmallIntegerField(_("法定人数（分母）"), default=3)
    pass_rule = models.CharField(_("表决通过规则"), max_length=8, choices=PassRule.choices,
                                 default=PassRule.ALL_DELEGATES)
    extra_session_percent = models.PositiveSmallIntegerField(_("提议召开临时会议所需代表比例（%）"), default=30)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "union", "kind", "term"], name="congress_term_once")]
        indexes = [models.Index(fields=["union", "starts_on"], name="congress_union_starts")]
        verbose_name = _("职代会")

    def __str__(self) -> str:
        return f"第{self.term}届{self.get_kind_display()}"

    @property
    def short_name(self) -> str:
        return {CongressKind.WORKERS: "职代会", CongressKind.TEACHERS: "教代会", CongressKind.MEMBERS: "会员代表大会"}[self.kind]


class Constituency(TenantModel):
    """A delegation or constituency (代表团 / 选区) delegates are elected by."""

    union = union_field()
    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, related_name="constituencies",
                                 verbose_name=_("职代会"))
    name = models.CharField(_("代表团（选区）"), max_length=60)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "congress", "name"], name="constituency_name_once")]
        verbose_name = _("代表团")

    def __str__(self) -> str:
        return self.name


class Delegate(TenantModel):
    """A member elected delegate for a term, by a constituency; a by-election names the seat it fills."""

    union = union_field()
    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, related_name="delegates",
                                 verbose_name=_("职代会"))
    constituency = models.ForeignKey(Constituency, on_delete=models.PROTECT, related_name="delegates",
                                     verbose_name=_("代表团（选区）"))
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+", verbose_name=_("会员"))
    occupation = models.CharField(_("代表类别"), max_length=12, choices=Occupation.choices)
    elected_on = models.DateField(_("当选日期"))
    status = models.CharField(_("状态"), max_length=8, choices=DelegateStatus.choices, default=DelegateStatus.ACTIVE)
    left_on = models.DateField(_("离任日期"), null=True, blank=True)
    left_reason = models.CharField(_("离任原因"), max_length=100, blank=True)
    replaces = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="successor", verbose_name=_("补选接替"))
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["congress", "status"], name="delegate_congress_status"),
                   models.Index(fields=["tenant", "congress", "constituency", "id"], name="delegate_tenant_seat"),
                   models.Index(fields=["union", "elected_on"], name="delegate_union_elected")]
        verbose_name = _("代表")

    def __str__(self) -> str:
        return self.member.name


class Session(TenantModel):
    """One meeting (次) of a congress, with how many delegates it had and how many came."""

    union = union_field()
    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, related_name="sessions",
                                 verbose_name=_("职代会"))
    number = models.PositiveSmallIntegerField(_("会次"))
    kind = models.CharField(_("会议类型"), max_length=8, choices=SessionKind.choices, default=SessionKind.REGULAR)
    held_on = models.DateField(_("召开日期"))
    proposals_due_on = models.DateField(_("提案截止日期"), null=True, blank=True)
    # The delegates in office when the attendance was recorded: the base of the quorum and of "passed".
    delegates_total = models.PositiveIntegerField(_("应到代表"), default=0)
    delegates_present = models.PositiveIntegerField(_("实到代表"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "congress", "number"], name="session_number_once")]
        indexes = [models.Index(fields=["union", "held_on"], name="session_union_held")]
        verbose_name = _("会议")

    def __str__(self) -> str:
        return f"{self.congress.union.name}{self.name}"

    @property
    def name(self) -> str:
        extra = "（临时会议）" if self.kind == SessionKind.EXTRA else ""
        return f"{_numeral(self.congress.term)}届{_numeral(self.number)}次{self.congress.short_name}{extra}"

    @property
    def quorate(self) -> bool:
        congress = self.congress
        return (self.delegates_present is not None and self.delegates_total > 0
                and self.delegates_present * congress.quorum_denominator
                >= self.delegates_total * congress.quorum_numerator)


def _numeral(n: int) -> str:
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return f"{'' if tens == 1 else digits[tens]}十{digits[ones] if ones else ''}" if n < 100 else str(n)


class AgendaItem(TenantModel):
    union = union_field()
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("会议"))
    order = models.PositiveSmallIntegerField(_("序号"))
    title = models.CharField(_("议题"), max_length=120)
    power = models.CharField(_("行使职权"), max_length=10, choices=CongressPower.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("议程")

    def __str__(self) -> str:
        return self.title


# Migration 0003 names the upload path by this name; it is the shared one.
document_path = stored_file_path


class AgendaDocument(StoredFile):
    """A document laid before the congress with an agenda item (a report, a draft agreement), served only
    through `congress:document` after the access check."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="documents", verbose_name=_("议题"))
    history = HistoricalRecords()

    class Meta(StoredFile.Meta):
        verbose_name = _("会议文件")


class Resolution(TenantModel):
    """A vote of a session: the counts, and whether it passed by the congress's rule."""

    union = union_field()
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="resolutions",
                                verbose_name=_("会议"))
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="resolutions", verbose_name=_("议题"))
    title = models.CharField(_("决议"), max_length=120)
    votes_for = models.PositiveIntegerField(_("赞成"))
    votes_against = models.PositiveIntegerField(_("反对"))
    votes_abstain = models.PositiveIntegerField(_("弃权"))
    passed = models.BooleanField(_("是否通过"))
    decided_on = models.DateField(_("表决日期"))
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "decided_on"], name="resolution_union_decided")]
        verbose_name = _("决议")

    def __str__(self) -> str:
        return self.title


class SessionRequest(TenantModel):
    """Delegates asking for an extra session (临时会议); it is carried when enough of them signed."""

    union = union_field()
    congress = models.ForeignKey(Congress, on_delete=models.PROTECT, related_name="requests",
                                 verbose_name=_("职代会"))
    reason = models.CharField(_("提议事由"), max_length=200)
    requested_on = models.DateField(_("提议日期"))
    signers = models.ManyToManyField(Delegate, related_name="+", verbose_name=_("联名代表"))
    delegates_total = models.PositiveIntegerField(_("代表总数"))
    reached = models.BooleanField(_("达到提议人数"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("临时会议提议")

    def __str__(self) -> str:
        return self.reason


class Evaluation(TenantModel):
    """A democratic evaluation (民主评议) held at a session, of cadres or of the union's work."""

    union = union_field()
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="evaluations",
                                verbose_name=_("会议"))
    title = models.CharField(_("评议名称"), max_length=120)
    method = models.CharField(_("评议方式"), max_length=8, choices=EvaluationMethod.choices,
                              default=EvaluationMethod.GRADES)
    held_on = models.DateField(_("评议日期"))
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "held_on"], name="evaluation_union_held")]
        verbose_name = _("民主评议")

    def __str__(self) -> str:
        return self.title


class Subject(TenantModel):
    """One person (or the union's work) evaluated, with the counts the ballots added up to."""

    union = union_field()
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="subjects",
                                   verbose_name=_("民主评议"))
    name = models.CharField(_("评议对象"), max_length=60)
    post = models.CharField(_("职务"), max_length=60, blank=True)
    excellent = models.PositiveIntegerField(_("优秀"), default=0)
    competent = models.PositiveIntegerField(_("称职"), default=0)
    basic = models.PositiveIntegerField(_("基本称职"), default=0)
    incompetent = models.PositiveIntegerField(_("不称职"), default=0)
    score_total = models.PositiveIntegerField(_("总分"), default=0)
    ballots = models.PositiveIntegerField(_("票数"), default=0)

    class Meta:
        ordering = ["id"]
        verbose_name = _("评议对象")

    def __str__(self) -> str:
        return self.name

    @property
    def score_average(self):
        return round(self.score_total / self.ballots, 1) if self.ballots else None


class Voter(TenantModel):
    """That a delegate cast a ballot in an evaluation, never what it said."""

    union = union_field()
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="voters")
    delegate = models.ForeignKey(Delegate, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "evaluation", "delegate"], name="one_ballot_each")]
        verbose_name = _("投票代表")
