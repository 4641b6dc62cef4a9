from django.db import models
from django.utils.translation import gettext_lazy as _


class HardshipCause(models.TextChoices):
    ILLNESS = "illness", _("患病")
    DISABILITY = "disability", _("残疾")
    UNEMPLOYMENT = "unemployment", _("失业")
    SCHOOLING = "schooling", _("子女就学")
    DISASTER = "disaster", _("灾害")
    SINGLE_PARENT = "single_parent", _("单亲家庭")
    OTHER = "other", _("其他")


class HouseholdRelation(models.TextChoices):
    SPOUSE = "spouse", _("配偶")
    CHILD = "child", _("子女")
    PARENT = "parent", _("父母")
    OTHER = "other", _("其他")


class HardshipLevel(models.TextChoices):
    DEEP = "deep", _("深度困难")
    RELATIVE = "relative", _("相对困难")
    ACCIDENTAL = "accidental", _("意外致困")


class HardshipFileStatus(models.TextChoices):
    APPLIED = "applied", _("待工会初审")
    UNION_APPROVED = "union_approved", _("待总工会审核")
    ACTIVE = "active", _("在档")
    REJECTED = "rejected", _("未通过")
    CLOSED = "closed", _("已销档")


# A member may hold only one file that is still open (applied, under review or active).
OPEN_STATUSES = (HardshipFileStatus.APPLIED, HardshipFileStatus.UNION_APPROVED, HardshipFileStatus.ACTIVE)


class CloseReason(models.TextChoices):
    RECOVERED = "recovered", _("脱困")
    TRANSFERRED = "transferred", _("转出")
    DECEASED = "deceased", _("死亡")


class ReviewStep(models.TextChoices):
    UNION = "union", _("工会初审")
    FEDERATION = "federation", _("总工会审核")
    YEARLY = "yearly", _("年度复核")


class ReviewOutcome(models.TextChoices):
    APPROVED = "approved", _("通过")
    REJECTED = "rejected", _("不通过")
    KEPT = "kept", _("维持")
    LEVEL_CHANGED = "level_changed", _("调整等级")
    CLOSED = "closed", _("销档")


YEARLY_OUTCOMES = (ReviewOutcome.KEPT, ReviewOutcome.LEVEL_CHANGED, ReviewOutcome.CLOSED)


class AidPaymentKind(models.TextChoices):
    LIVING = "living", _("生活救助")
    MEDICAL = "medical", _("医疗救助")
    SCHOOLING = "schooling", _("助学救助")
    TEMPORARY = "temporary", _("临时救助")


class FundSource(models.TextChoices):
    HIGHER_UNION = "higher_union", _("上级工会帮扶资金")
    OWN_FUNDS = "own_funds", _("本级工会经费")
    ENTERPRISE_FUND = "enterprise_fund", _("企业帮困基金")
    GOVERNMENT = "government", _("政府专项资金")
    DONATION = "donation", _("社会捐助")


class VisitReason(models.TextChoices):
    # The first five are the 五必访; 两贺四访 is covered by the same reasons.
    ILLNESS = "illness", _("生病住院")
    WEDDING_FUNERAL = "wedding_funeral", _("婚丧喜事")
    CHILDBIRTH = "childbirth", _("生育")
    RETIREMENT = "retirement", _("退休")
    HARDSHIP = "hardship", _("重大困难")
    FESTIVAL = "festival", _("节日慰问")
    HEAT = "heat", _("高温慰问")
    OTHER = "other", _("其他")


class VisitCampaign(models.TextChoices):
    WINTER_WARMTH = "winter_warmth", _("送温暖（元旦春节）")
    SUMMER_COOLING = "summer_cooling", _("夏送清凉")


class SchoolLevel(models.TextChoices):
    UNIVERSITY = "university", _("大学")
    SECONDARY = "secondary", _("中学")
    PRIMARY = "primary", _("小学")


class MedicalCategory(models.TextChoices):
    EMPLOYED = "employed", _("在职")
    RETIRED = "retired", _("退休")
    ANKANG = "ankang", _("安康")
    SPECIAL = "special", _("特种")
