from django.db import models
from django.utils.translation import gettext_lazy as _


class DisputeKind(models.TextChoices):
    # The labels are the words of the year summaries ("其中劳动合同5件，工资纠纷10件…").
    LABOUR_CONTRACT = "labour_contract", _("劳动合同")
    WAGES = "wages", _("工资纠纷")
    WORK_INJURY = "work_injury", _("工伤纠纷")
    SOCIAL_INSURANCE = "social_insurance", _("社会保险纠纷")
    OTHER = "other", _("其他")


class DisputeOutcome(models.TextChoices):
    MEDIATED = "mediated", _("调解成功")
    NOT_MEDIATED = "not_mediated", _("调解不成")
    ARBITRATION = "arbitration", _("转劳动仲裁")
    COURT = "court", _("转人民法院")


class CaseState(models.TextChoices):
    """List filter only: whether a case is still open, open past its time limit, or closed."""

    OPEN = "open", _("办理中")
    PAST_LIMIT = "past_limit", _("已超期")
    CLOSED = "closed", _("已结案")


class PetitionChannel(models.TextChoices):
    VISIT = "visit", _("来访")
    LETTER = "letter", _("来信")
    PHONE = "phone", _("来电")
    ONLINE = "online", _("网上信访")


class ContractKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", _("综合性集体合同")
    WAGE = "wage", _("工资专项集体合同")
    WOMEN = "women", _("女职工权益保护专项集体合同")
    SAFETY = "safety", _("劳动安全卫生专项集体合同")


class ContractScope(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业")
    REGIONAL = "regional", _("区域性")
    INDUSTRY = "industry", _("行业性")


class ContractState(models.TextChoices):
    """List filter only."""

    IN_FORCE = "in_force", _("有效")
    EXPIRING = "expiring", _("即将到期")
    EXPIRED = "expired", _("已到期")
