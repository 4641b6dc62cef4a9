"""The proposals app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalCategory(models.TextChoices):
    OPERATIONS = "operations", _("生产经营")
    PAY = "pay", _("工资福利")
    SAFETY = "safety", _("劳动保护")
    TEACHING = "teaching", _("教育教学")
    LIVING = "living", _("生活后勤")
    MANAGEMENT = "management", _("民主管理")
    OTHER = "other", _("其他")


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("草稿（征集附议）")
    SUBMITTED = "submitted", _("待审查")
    ACCEPTED = "accepted", _("已立案待交办")
    OPINION = "opinion", _("转为意见建议")
    MERGED = "merged", _("已并案")
    ASSIGNED = "assigned", _("已交办待签收")
    HANDLING = "handling", _("办理中")
    REPLIED = "replied", _("已答复待审核")
    TO_JUDGE = "to_judge", _("待提案人评价")
    CLOSED = "closed", _("已办结（落实跟踪）")
    DONE = "done", _("已落实")


# Assigned and not yet replied to: what an overdue deadline means.
OPEN_STATES = (ProposalState.ASSIGNED, ProposalState.HANDLING)


class ReplyKind(models.TextChoices):
    MEASURES = "measures", _("已采取措施")
    PLAN = "plan", _("有困难，列入计划")
    CANNOT = "cannot", _("不能办理")


class ProposalVerdict(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASIC = "basic", _("基本满意")
    NOT_SATISFIED = "not_satisfied", _("不满意")
