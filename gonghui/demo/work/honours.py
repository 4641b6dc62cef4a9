"""Honours (表彰) and news reports (信息报道) of the demo year, with the county's reward rule for reports."""

from datetime import date, timedelta
from decimal import Decimal
from random import Random

from gonghui.ledger.models import Activity, ActivityKind, HonourLevel, RecipientType
from gonghui.ledger.services import honour_create, news_report_create, reward_rule_create
from gonghui.members.models import Member
from gonghui.org.models import JointScope, OrgType, Union

from ..sampling import Weighted
from .context import Work

# The county's prefecture and province: fictional city, real province (the ID numbers are Hubei's).
CITY_BODY = "荆江市总工会"
PROVINCE_BODY = "湖北省总工会"
# (threshold of reports in the year, reward, bonus in yuan): "按照任务完成数的多少予以不同的奖励".
COUNTY_RULE = ((3, "通报表扬", None), (6, "优秀通讯员", Decimal("300.00")), (10, "十佳通讯员", Decimal("800.00")))
STREET_RULE = ((4, "信息报道先进个人", Decimal("200.00")),)
OUTLETS = {"县总工会门户网站": 5, "《{county}工运》": 3, "{county}融媒体中心": 2, "荆江市总工会微信公众号": 1.5,
           "《工人日报》": 0.2, "": 2}
VERBS = {ActivityKind.MEETING: "召开", ActivityKind.STUDY: "开展", ActivityKind.TRAINING: "举办", ActivityKind.LEGAL_EDUCATION: "开展"}
REPORT_SHARE = 0.35
AWARD_DAY = {HonourLevel.NATIONAL: 22, HonourLevel.PROVINCE: 24, HonourLevel.CITY: 26, HonourLevel.COUNTY: 28,
             HonourLevel.STREET: 29, HonourLevel.COMMUNITY: 30}
NATIONAL_BODY = "中华全国总工会"
# A street's own 评选 ("举办了戚家山最美职工评选活动，共评出最美职工10名") and a community union's own.
STREET_AWARDS = 10
COMMUNITY_TITLE = "社区优秀工会积极分子"


def build_honours(work: Work) -> int:
    rng = work.rng("honours")
    made = 0
    for title, level in (("优秀工会积极分子", HonourLevel.COUNTY), ("优秀工会工作者", HonourLevel.COUNTY), ("最美职工", HonourLevel.COUNTY),
                         ("五一劳动奖章", HonourLevel.CITY), ("五一劳动奖章", HonourLevel.PROVINCE)):
        count = {HonourLevel.COUNTY: 5, HonourLevel.CITY: 2, HonourLevel.PROVINCE: 1}[level]
        day = _award_day(work, level)
        for member in _honoured_members(work, rng, work.scaled(count), on=day):
            union = _recorder(work, level, member.union)
            honour_create(actor=work.staff.of(union), union=union, recipient_type=RecipientType.MEMBER,
                          member=member, title=_prefixed(title, level), level=level, date=day,
                          awarding_body=_awarding_body(work, level))
            made += 1
    made += _team_honours(work, rng)
    made += _union_honours(work, rng)
    made += _teacher_honours(work, rng)
    made += _local_honours(work, work.rng("local honours"))
    return made


def _award_day(work: Work, level: str = HonourLevel.COUNTY) -> date:
    """Awards are handed out before May Day, the province's first; early in the year, last year's are the latest."""
    eve = date(work.year, 4, AWARD_DAY[level])
    return eve if eve <= work.as_of else date(work.year - 1, 12, AWARD_DAY[level])


def _prefixed(title: str, level: str) -> str:
    return {HonourLevel.CITY: "市", HonourLevel.PROVINCE: "省", HonourLevel.NATIONAL: "全国"}.get(level, "") + title


def _awarding_body(work: Work, level: str) -> str:
    bodies = {HonourLevel.CITY: CITY_BODY, HonourLevel.PROVINCE: PROVINCE_BODY, HonourLevel.NATIONAL: NATIONAL_BODY}
    return bodies.get(level, f"{work.county}总工会")


def _recorder(work: Work, level: str, union: Union) -> Union:
    """County honours are entered by the county; higher ones by the honoured union, which keeps the certificate."""
    return work.root if level == HonourLevel.COUNTY else union


def _honoured_members(work: Work, rng: Random, count: int, *, on: date, kinds=None, among=None) -> list[Member]:
    unions = [u for u in (among or work.grassroots) if kinds is None or u.org_type in kinds]
    chosen = rng.sample(unions, min(count, len(unions)))
    members = [work.pick(rng, work.roster(u), 1, joined_by=on) for u in chosen]
    return [found[0] for found in members if found]


def _team_honours(work: Work, rng: Random) -> int:
    made = 0
    enterprises = [g for g in work.tree.grassroots if g.union.org_type == OrgType.ENTERPRISE and g.groups]
    for n, grassroots in enumerate(rng.sample(enterprises, min(work.scaled(6, floor=2), len(enterprises)))):
        level = HonourLevel.CITY if n == 0 else HonourLevel.COUNTY
        union = _recorder(work, level, grassroots.union)
        on = _award_day(work, level)
        team = f"{work.short(grassroots.union)}{rng.choice(grassroots.groups).name.removesuffix('小组')}"
        honour_create(actor=work.staff.of(union), union=union, recipient_type=RecipientType.TEAM, team_name=team,
                      title=_prefixed("工人先锋号", level), level=level, date=on,
                      awarding_body=_awarding_body(work, level))
        made += 1
    return made


def _union_honours(work: Work, rng: Random) -> int:
    made = 0
    # The first is the county's pride, 全国模范职工之家; the next two the province's and the city's.
    picked = rng.sample(work.grassroots, min(work.scaled(6, floor=3), len(work.grassroots)))
    for n, union in enumerate(picked):
        level = (HonourLevel.NATIONAL, HonourLevel.PROVINCE, HonourLevel.CITY)[n] if n < 3 else HonourLevel.COUNTY
        recorder = _recorder(work, level, union)
        honour_create(actor=work.staff.of(recorder), union=recorder, recipient_type=RecipientType.UNION,
                      recipient_union=union, title=_prefixed("模范职工之家", level), level=level,
                      date=_award_day(work, level), awarding_body=_awarding_body(work, level))
        made += 1
    return made


def _teacher_honours(work: Work, rng: Random) -> int:
    """十佳师德标兵, named before Teachers' Day."""
    day = date(work.year, 9, 8)
    if day > work.as_of:
        day = date(work.year - 1, 9, 8)
    chosen = _honoured_members(work, rng, work.scaled(4, floor=1), on=day, kinds=(OrgType.SCHOOL,))
    for member in chosen:
        honour_create(actor=work.staff.of(work.root), union=work.root, recipient_type=RecipientType.MEMBER,
                      member=member, title="“十佳师德标兵”", level=HonourLevel.COUNTY, date=day,
                      awarding_body=f"{work.county}教育局、{work.county}总工会")
    return len(chosen)


def _local_honours(work: Work, rng: Random) -> int:
    """Each street's 最美职工, chosen among its unions' members, and a community union's own honour."""
    made = 0
    for street in work.tree.streets:
        day = _award_day(work, HonourLevel.STREET)
        among = work.grassroots_under(street)
        for member in _honoured_members(work, rng, work.scaled(STREET_AWARDS, floor=2), on=day, among=among):
            honour_create(actor=work.staff.of(street), union=street, recipient_type=RecipientType.MEMBER,
                          member=member, title=f"{work.short(street)}最美职工", level=HonourLevel.STREET, date=day,
                          awarding_body=street.name)
            made += 1
    communities = [u for u in work.grassroots if u.joint_scope == JointScope.COMMUNITY]
    day = _award_day(work, HonourLevel.COMMUNITY)
    for union in communities:
        for member in _honoured_members(work, rng, 1, on=day, among=[union]):
            honour_create(actor=work.staff.of(union), union=union, recipient_type=RecipientType.MEMBER,
                          member=member, title=COMMUNITY_TITLE, level=HonourLevel.COMMUNITY, date=day,
                          awarding_body=union.name)
            made += 1
    return made


def build_news(work: Work, activities: list[Activity]) -> int:
    """Reports on a share of the ledger's activities, by one or two reporters per union: some reach the rewards."""
    rng = work.rng("news")
    for min_count, reward, amount in COUNTY_RULE:
        reward_rule_create(actor=work.staff.of(work.root), union=work.root, min_count=min_count, reward=reward,
                           amount=amount)
    street = work.tree.streets[0]
    for min_count, reward, amount in STREET_RULE:
        reward_rule_create(actor=work.staff.of(street), union=street, min_count=min_count, reward=reward,
                           amount=amount)
    reporters: dict[int, list[Member]] = {}
    outlets = Weighted({name.format(county=work.county): weight for name, weight in OUTLETS.items()})
    made = 0
    for activity in activities:
        if activity.kind == ActivityKind.PUBLICITY or rng.random() > REPORT_SHARE:
            continue
        union = activity.union
        if union.id not in reporters:
            reporters[union.id] = work.pick(rng, work.pool(rng, union, unions=2), rng.choice((1, 2)),
                                            joined_by=work.as_of)
        if not reporters[union.id]:
            continue
        day = min(activity.date + timedelta(days=rng.randint(0, 3)), work.as_of)
        news_report_create(actor=work.staff.of(union), union=union, reporter=rng.choice(reporters[union.id]),
                           title=f"{work.short(union)}{VERBS.get(activity.kind, '举办')}{activity.title}", date=day,
                           published_in=outlets.pick(rng))
        made += 1
    return made
