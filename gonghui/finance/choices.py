"""The finance app's enums: what each choice is stored as and says on screen."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import chart


class ChartKind(models.TextChoices):
    GRASSROOTS = chart.GRASSROOTS, _("基层工会会计科目")
    COUNTY = chart.COUNTY, _("县级以上工会会计科目")


class AccountCategory(models.TextChoices):
    ASSET = chart.ASSET, _("资产类")
    LIABILITY = chart.LIABILITY, _("负债类")
    NET_ASSET = chart.NET_ASSET, _("净资产类")
    INCOME = chart.INCOME, _("收入类")
    EXPENDITURE = chart.EXPENDITURE, _("支出类")


class VoucherStatus(models.TextChoices):
    DRAFT = "draft", _("待审核")
    REVIEWED = "reviewed", _("已审核")
    POSTED = "posted", _("已记账")


class LineKind(models.TextChoices):
    """What a line buys, as far as the spending rules ask."""

    ORDINARY = "ordinary", _("一般支出")
    GIFT = "gift", _("慰问品")
    CASH_CARD = "cash_card", _("现金或购物卡（作为礼品）")
    EQUIPMENT = "equipment", _("设备购置")


class AllocationChannel(models.TextChoices):
    TAX = "tax", _("税务代收")
    DIRECT = "direct", _("自主拨缴")


class AuditScope(models.TextChoices):
    BUDGET = "budget", _("预算执行")
    SPENDING = "spending", _("经费支出")
    ASSETS = "assets", _("固定资产")
    ALLOCATION = "allocation", _("拨缴经费和会费")


class AuditStatus(models.TextChoices):
    OPEN = "open", _("审查中")
    NOTIFIED = "notified", _("已下达整改通知")
    ANSWERED = "answered", _("已反馈整改情况")
    CLOSED = "closed", _("已销号")
