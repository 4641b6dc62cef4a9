"""Open affairs (厂务公开 / 校务公开): postings, the yearly catalogue of what must be posted, members' comments.

A posting is drafted by an officer and goes up only when someone else approves it (the approval step);
it stays up from `starts_on` to `ends_on`. The bulletin (《员工活动园地》) is postings of two more kinds:
discussion topics and essay calls. A catalogue item says what a union must post in a year and by when;
an item a congress votes on must be posted before the vote (`vote_on`, a plain date: the congress app is
a sibling this app does not import). Approving a posting that answers an item marks the item posted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gonghui.core.models import TenantModel, union_field, user_field
from gonghui.core.uploads import StoredFile, stored_file_path

from .choices import CatalogueItemState, CommentKind, PostingCategory, PostingKind, PostingStatus


class CatalogueItem(TenantModel):
    """One line of a union's yearly catalogue (公开目录): what must be posted, and by when."""

    union = union_field(_("工会"))
    year = models.PositiveSmallIntegerField(_("年度"))
    category = models.CharField(_("公开类别"), max_length=12, choices=PostingCategory.choices)
    title = models.CharField(_("公开事项"), max_length=120)
    due_on = models.DateField(_("应公开日期"))
    vote_on = models.DateField(_("职代会表决日期"), null=True, blank=True)
    # The day the first approved posting answering it went up; set by the approval, never by a form.
    posted_on = models.DateField(_("公开日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "due_on"], name="oa_item_union_due")]
        verbose_name = _("公开目录事项")

    def __str__(self) -> str:
        return f"{self.year}年 {self.title}"

    def state_on(self, today) -> "CatalogueItemState":
        """Where the item stands on `today` (filters.item_state selects by the same rules)."""
        if self.posted_on is not None:
            return CatalogueItemState.ON_TIME if self.posted_on <= self.due_on else CatalogueItemState.LATE
        return CatalogueItemState.MISSED if self.due_on < today else CatalogueItemState.PENDING


# Migration 0001 names the old upload path; the same folders are now `stored_file_path`'s.
attachment_path = stored_file_path


class Posting(TenantModel):
    """A posting (公开事项) or a bulletin item; up from `starts_on` to `ends_on` once approved."""

    union = union_field(_("工会"))
    kind = models.CharField(_("栏目"), max_length=12, choices=PostingKind.choices, default=PostingKind.NOTICE)
    category = models.CharField(_("公开类别"), max_length=12, choices=PostingCategory.choices)
    title = models.CharField(_("标题"), max_length=120)
    content = models.TextField(_("公开内容"), max_length=10000)
    catalogue_item = models.ForeignKey(CatalogueItem, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="postings", verbose_name=_("对应公开目录事项"))
    starts_on = models.DateField(_("公开开始日期"))
    ends_on = models.DateField(_("公开截止日期"))
    status = models.CharField(_("状态"), max_length=10, choices=PostingStatus.choices, default=PostingStatus.DRAFT)
    drafted_by = user_field(_("起草人"))
    approved_by = user_field(_("审批人"), null=True, blank=True)
    approved_on = models.DateField(_("审批日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "approved_on"], name="oa_posting_union_approved"),
                   models.Index(fields=["union", "status", "ends_on"], name="oa_posting_union_current")]
        verbose_name = _("公开事项")

    def __str__(self) -> str:
        return self.title


class PostingAttachment(StoredFile):
    """A document or picture posted with a posting."""

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="attachments")
    history = HistoricalRecords()

    class Meta(StoredFile.Meta):
        verbose_name = _("公开附件")


class Comment(TenantModel):
    """A member's question or opinion on a posting (from the member portal), and the union's answer."""

    union = union_field(_("工会"))
    posting = models.ForeignKey(Posting, on_delete=models.PROTECT, related_name="comments",
                                verbose_name=_("公开事项"))
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("会员"))
    kind = models.CharField(_("类型"), max_length=10, choices=CommentKind.choices, default=CommentKind.QUESTION)
    text = models.TextField(_("内容"), max_length=2000)
    asked_on = models.DateField(_("提出日期"))
    answer = models.TextField(_("答复"), max_length=2000, blank=True)
    answered_by = user_field(_("答复人"), null=True, blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["union", "asked_on"], name="oa_comment_union_asked")]
        verbose_name = _("会员意见")

    def __str__(self) -> str:
        return f"{self.posting.title}：{self.text[:20]}"


