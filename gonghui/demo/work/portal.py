"""The member portal in the demo year: members who opened it, activities opened for sign-up with members'
places and waiting lists, and aid applications sent from the phone, all entered through the portal's services
at the moments of the demo year (never after as_of)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from gonghui.ledger.models import ActivityKind
from gonghui.portal import services

from .context import Work

OFFERS = (("职工登山比赛", ActivityKind.CULTURE_SPORTS, "西山森林公园"), ("亲子手工课堂", ActivityKind.FESTIVAL, "职工之家"),
          ("急救知识培训", ActivityKind.TRAINING, "工会会议室"), ("劳动法律知识讲座", ActivityKind.LEGAL_EDUCATION, "三楼报告厅"))
NOTES = ("家属住院，医药费负担重", "孩子考上大学，学费有困难", "本人患病，收入减少", "家庭遭受火灾")


@dataclass
class PortalSummary:
    accounts: int = 0
    offers: int = 0
    signups: int = 0
    aid_requests: int = 0


def _moment(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def build_portal(work: Work) -> PortalSummary:
    rng, summary = work.rng("portal"), PortalSummary()
    start = date(work.year, 1, 1)
    wanted, unions = work.scaled(30, floor=3), 0
    # A small county's unions have a handful of members each: those with two or more take part.
    for union in work.sample_unions(rng, work.grassroots, len(work.grassroots)):
        members = work.roster(union)[:12]
        if unions >= wanted:
            break
        if len(members) < 2:
            continue
        unions += 1
        for member in members:
            if (day := work.day_between(rng, start, work.as_of)) is not None:
                services.account_consent(account=services.account_open(member=member), at=_moment(day))
                summary.accounts += 1
        title, kind, place = rng.choice(OFFERS)
        held = work.day_between(rng, start + timedelta(days=14), work.as_of)
        if held is None:
            continue
        published = _moment(held - timedelta(days=12))
        offer = services.offer_create(actor=work.staff.of(union), union=union, kind=kind, title=title, held_on=held,
                                      place=place, capacity=max(2, len(members) // 2),
                                      deadline=_moment(held - timedelta(days=1), 18), now=published)
        summary.offers += 1
        for n, member in enumerate(rng.sample(members, rng.randint(2, len(members)))):
            services.signup_create(member=member, offer=offer, now=published + timedelta(hours=n + 1))
            summary.signups += 1
        member = rng.choice(members)
        sent = work.day_between(rng, start, work.as_of)
        if sent is not None:
            note = rng.choice(NOTES)
            if "大学" in note:
                services.aid_request_create(member=member, kind="schooling", note=note, student_name=f"{member.name[0]}小明",
                                            school_level="university", sent_on=sent)
            else:
                services.aid_request_create(member=member, kind="hardship", note=note, causes=["illness"],
                                            applicant_income="2100", sent_on=sent)
            summary.aid_requests += 1
    return summary
