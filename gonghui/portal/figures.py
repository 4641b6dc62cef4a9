"""The member portal's figures in the registry (gonghui.core.figures): activities opened for sign-up and the
places members took (under 文体活动, beside the ledger's activities), aid applications sent from the phone
(帮扶, care's grant) and members who opened the portal (组织建设)."""

from datetime import datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from gonghui.core.figures import Column, Figure, Section
from gonghui.core.periods import Period
from gonghui.core.links import record_link

from .models import AidRequest, MemberAccount, Offer, SignUp, SignUpStatus


def _offers(period: Period) -> QuerySet:
    return Offer.objects.select_related("union").filter(held_on__range=period.span)


def _signups(period: Period) -> QuerySet:
    return SignUp.objects.select_related("offer__union", "member").filter(
        status=SignUpStatus.TAKEN, offer__held_on__range=period.span)


def _aid_requests(period: Period) -> QuerySet:
    return AidRequest.objects.select_related("union").filter(sent_on__range=period.span)


def _accounts(period: Period) -> QuerySet:
    # An aware range on the moment of consent, so the index-friendly comparison holds on either database.
    zone = timezone.get_current_timezone()
    start = datetime.combine(period.start, time.min, tzinfo=zone)
    end = datetime.combine(period.end, time.max, tzinfo=zone)
    return MemberAccount.objects.select_related("member__union").filter(consented_at__range=(start, end))


FIGURES = (
    Figure(
        key="portal.offers", label="网上活动报名", sentence="通过会员服务端发布活动报名{value}项", unit="项",
        definition="活动日期在期间内、在会员服务端发布供会员报名的活动。",
        section=Section.CULTURE, records=_offers, month_field="held_on", ranked=True,
        record_url=record_link("portal:offer"),
        columns=(Column("工会", "union.name"), Column("活动名称", "title"), Column("活动日期", "held_on"),
                 Column("名额", "capacity"), Column("已报名", "taken")),
    ),
    Figure(
        key="portal.signups", label="会员网上报名", sentence="会员网上报名参加活动{value}人次", unit="人次",
        definition="活动日期在期间内的网上报名活动中取得名额的报名（不含候补和已取消的报名）。",
        section=Section.CULTURE, records=_signups, month_field="offer__held_on",
        record_url=record_link("portal:offer", "offer_id"),
        columns=(Column("工会", "offer.union.name"), Column("活动名称", "offer.title"),
                 Column("活动日期", "offer.held_on"), Column("会员", "member.name")),
    ),
    Figure(
        key="portal.aid_requests", label="会员网上帮扶申请", sentence="会员通过手机提交帮扶申请{value}件", unit="件",
        definition="提交日期在期间内、会员在会员服务端提交的困难帮扶和金秋助学申请（无论是否受理）。",
        section=Section.CARE, records=_aid_requests, care=True, month_field="sent_on",
        record_url=record_link("portal:aid_request"),
        columns=(Column("工会", "union.name"), Column("类别", "get_kind_display"), Column("提交日期", "sent_on"),
                 Column("状态", "get_status_display")),
    ),
    Figure(
        key="portal.accounts", label="开通会员服务", sentence="{value}名会员开通会员服务", unit="人",
        definition="期间内首次登录会员服务端并同意个人信息保护告知的会员。",
        section=Section.ORGANISATION, records=_accounts,
        columns=(Column("工会", "member.union.name"), Column("会员", "member.name"),
                 Column("同意告知时间", "consented_at")),
    ),
)
