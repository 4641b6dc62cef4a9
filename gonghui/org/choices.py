"""The org app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnionLevel(models.TextChoices):
    COUNTY = "county", _("县总工会")
    STREET = "street", _("街道/乡镇总工会")
    GRASSROOTS = "grassroots", _("基层工会")


class Formation(models.TextChoices):
    SINGLE = "single", _("单建")
    JOINT = "joint", _("联合")


class JointScope(models.TextChoices):
    COMMUNITY = "community", _("社区")
    VILLAGE = "village", _("村")
    INDUSTRY = "industry", _("行业")
    REGIONAL = "regional", _("区域")


class OrgType(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业")
    SCHOOL = "school", _("学校")
    AGENCY = "agency", _("机关事业单位")
    COMMUNITY = "community", _("社区")


class CommitteeBody(models.TextChoices):
    COMMITTEE = "committee", _("工会委员会")
    FUNDS_AUDIT = "funds_audit", _("经费审查委员会")
    WOMEN = "women", _("女职工委员会")


class SeatRole(models.TextChoices):
    CHAIR = "chair", _("主任/主席")
    VICE_CHAIR = "vice_chair", _("副主任/副主席")
    MEMBER = "member", _("委员")
