"""The ledger app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    MEETING = "meeting", _("会议座谈")
    STUDY = "study", _("学习教育")
    CULTURE_SPORTS = "culture_sports", _("文体活动")
    FESTIVAL = "festival", _("节日活动")
    COMPETITION = "competition", _("劳动竞赛")
    SKILL_CONTEST = "skill_contest", _("技能比武")
    TRAINING = "training", _("培训讲座")
    LEGAL_EDUCATION = "legal_education", _("普法教育")
    PUBLICITY = "publicity", _("宣传")
    OTHER = "other", _("其他")


class HonourLevel(models.TextChoices):
    # Lowest first: a community's or a street's own honours ("社区级", "街道级") sit below the county's.
    COMMUNITY = "community", _("社区级")
    STREET = "street", _("街道级")
    COUNTY = "county", _("县级")
    CITY = "city", _("市级")
    PROVINCE = "province", _("省级")
    NATIONAL = "national", _("国家级")


class RecipientType(models.TextChoices):
    MEMBER = "member", _("个人")
    TEAM = "team", _("集体（班组、团队）")
    UNION = "union", _("工会组织")
