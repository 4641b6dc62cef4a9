"""The federation's year view and the ledger list on a 1,000,000-member county with 5,000,000 ledger entries (issue 5).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_ledger .venv/bin/python bench/bench_ledger.py

Data: the demo county (bench/common.ensure_county, 1,000,000 members), plans for 2025 and 2026 made
from the shipped templates through the real service, then 4,930,000 activities, 20,000 honours and
50,000 news reports written with COPY over 2022 to the 25th of November 2026 (about a million entries
a year), day by day as a ledger is kept, one in ten activities of 2025-2026 fulfilling an item of its
union's plan, one in a hundred with five named participants. The secondary indexes are dropped for
the COPY and built again after it; the monthly counters are then recounted from the activities. A
second run reuses the data.

Measures (server time, views through RequestFactory with templates rendered, median of 9 runs):
the year view of the county and of a street federation (as of the day it runs), and the activity
list filtered by a street's subtree and a period, by kind, and by a participant's name. The baseline, in the same run, is the floor for a page of the ledger: the
first 20 activities by primary key, with no scoping, join, filter or count.
"""

import time
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from common import county_from_args, report, sql_ms, vacuum_analyze, view_ms

from django.db import connection, transaction
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.demo.bulk import analyze, constraints_suspended, copy_rows
from gonghui.ledger.models import (Activity, ActivityParticipant, ActivityTally, Honour, ItemTally, ActivityKind,
                                   HonourLevel, NewsReport, RecipientType)
from gonghui.ledger.services import tally_rebuild
from gonghui.members.models import Member
from gonghui.org.models import UnionLevel
from gonghui.org.models import OrgType, Union
from gonghui.plans.models import Plan, PlanItem, PlanTemplate
from gonghui.plans.services import plan_create_from_template, plan_file

SEED = 5
YEARS = range(2022, 2027)
LAST_DAY = date(2026, 11, 25)
ACTIVITIES = 4_930_000
HONOURS = 20_000
NEWS = 50_000
TARGET_MS = 200
TEMPLATE_FOR = {OrgType.SCHOOL: "school", OrgType.AGENCY: "agency", OrgType.ENTERPRISE: "enterprise",
                OrgType.COMMUNITY: "street"}
FEDERATION_TEMPLATE = {UnionLevel.COUNTY: "county", UnionLevel.STREET: "street"}
ACTIVITY_COLUMNS = ("tenant_id", "union_id", "kind", "title", "date", "end_date", "place", "organiser",
                    "participant_count", "cost", "results", "series", "plan_item_id", "created_by_id", "created_at")
TITLES = {
    ActivityKind.MEETING: ("工会委员会例会", "职工座谈会", "新教师座谈会"),
    ActivityKind.STUDY: ("学习《工会法》", "主题教育学习会"),
    ActivityKind.CULTURE_SPORTS: ("职工趣味运动会", "乒乓球比赛", "拔河比赛", "职工书画展", "羽毛球比赛"),
    ActivityKind.FESTIVAL: ("庆祝三八妇女节", "庆祝五一劳动节", "庆祝教师节", "重阳节慰问"),
    ActivityKind.COMPETITION: ("“安康杯”竞赛", "“三零”劳动竞赛", "立功竞赛"),
    ActivityKind.SKILL_CONTEST: ("叉车技能比武", "点钞技能比赛", "应急处置技能比武"),
    ActivityKind.TRAINING: ("一小时课堂", "后备干部培训班", "安全生产讲座"),
    ActivityKind.LEGAL_EDUCATION: ("劳动法律知识竞赛", "普法宣传周"),
    ActivityKind.PUBLICITY: ("员工活动园地", "微信平台推广"),
    ActivityKind.OTHER: ("结对共建活动",),
}
KINDS = list(TITLES)


def build_plans(*, root: Union, actor: User) -> None:
    """Plans for 2025 and 2026 through the service; for 2026 one union in twenty has none and one in ten
    of the others left it a draft, so the year view has unions that have not filed."""
    rng = Random(SEED)
    templates = {t.code: t for t in PlanTemplate.objects.filter(union__isnull=True)}
    for union in Union.objects.filter(tenant_id=root.pk).order_by("path"):
        code = FEDERATION_TEMPLATE.get(union.level) or TEMPLATE_FOR[union.org_type]
        for year in (2025, 2026):
            if year == 2026 and rng.random() < 0.05:
                continue
            with transaction.atomic():
                plan = plan_create_from_template(actor=actor, union=union, year=year, template=templates[code])
                if year == 2025 or rng.random() < 0.9:
                    plan_file(actor=actor, plan=plan)


def _days() -> list[date]:
    first, last = date(YEARS[0], 1, 1), min(date(YEARS[-1], 12, 31), LAST_DAY)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _activity_rows(*, root: Union, actor: User, unions: list[Union], weights: list[int], items: dict):
    """Day by day, as a ledger is written: each day's share of the entries, spread over the unions."""
    rng = Random(SEED)
    now = timezone.now()
    days = _days()
    places = ("职工之家", "会议室", "操场", "活动中心", "")
    per_day, extra = divmod(ACTIVITIES, len(days))
    for n, day in enumerate(days):
        for union in rng.choices(unions, weights=weights, k=per_day + (n < extra)):
            kind = KINDS[rng.randrange(len(KINDS))]
            plan_item = None
            if day.year >= 2025 and rng.random() < 0.1:
                candidates = items.get((union.id, day.year, day.month))
                if candidates:
                    plan_item = candidates[rng.randrange(len(candidates))]
            yield (root.pk, union.id, kind, rng.choice(TITLES[kind]), day, None, rng.choice(places), "工会",
                   rng.randrange(5, 300), Decimal(rng.randrange(0, 500000)) / 100, "", "", plan_item, actor.pk, now)


def _plan_items_by_month(root: Union) -> dict:
    items: dict = {}
    for item_id, union_id, year, months in PlanItem.objects.filter(tenant_id=root.pk).values_list(
            "id", "union_id", "plan__year", "months"):
        for month in range(1, 13):
            if months & (1 << (month - 1)):
                items.setdefault((union_id, year, month), []).append(item_id)
    return items


def build_ledger(*, root: Union, actor: User) -> None:
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE ledger_activityparticipant, ledger_activityresult, ledger_attachment, ledger_honour, "
                       "ledger_newsreport, ledger_activity, ledger_activitytally, plans_planitem, plans_plan CASCADE")
    build_plans(root=root, actor=actor)
    print(f"plans: {time.monotonic() - started:.0f} s", flush=True)
    members_by_union: dict[int, list[int]] = {}
    for union_id, member_id in Member.objects.filter(tenant_id=root.pk).values_list("union_id", "id").iterator(
            chunk_size=50_000):
        members_by_union.setdefault(union_id, []).append(member_id)
    unions = list(Union.objects.filter(tenant_id=root.pk).order_by("path"))
    # Busier unions have more members; federations record their own county- and street-wide events.
    weights = [len(members_by_union.get(u.id, ())) or 2000 for u in unions]
    items = _plan_items_by_month(root)

    tables = [Activity, ActivityParticipant, Honour, NewsReport]
    with transaction.atomic(), constraints_suspended(models=tables, indexes=True):
        copy_rows(model=Activity, columns=ACTIVITY_COLUMNS,
                  rows=_activity_rows(root=root, actor=actor, unions=unions, weights=weights, items=items))
        print(f"activities written: {time.monotonic() - started:.0f} s", flush=True)
        _participants(root=root, members_by_union=members_by_union)
        _honours_and_news(root=root, actor=actor, unions=unions, weights=weights, members_by_union=members_by_union)
    print(f"indexes and foreign keys rebuilt: {time.monotonic() - started:.0f} s", flush=True)
    vacuum_analyze(tables)
    counters = tally_rebuild(tenant_id=root.pk)
    analyze(models=[Plan, PlanItem, ActivityTally, ItemTally])
    print(f"{counters:,} monthly counters; ledger built in {time.monotonic() - started:.0f} s", flush=True)


def _participants(*, root: Union, members_by_union: dict[int, list[int]]) -> None:
    rng = Random(SEED + 1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, union_id FROM ledger_activity WHERE tenant_id = %s AND id %% 100 = 0", [root.pk])
        picked = cursor.fetchall()

    def rows():
        for activity_id, union_id in picked:
            pool = members_by_union.get(union_id)
            if pool:
                for member_id in set(rng.choice(pool) for _ in range(5)):
                    yield root.pk, activity_id, member_id, True

    copy_rows(model=ActivityParticipant, columns=("tenant_id", "activity_id", "member_id", "attended"), rows=rows())


def _honours_and_news(*, root, actor, unions, weights, members_by_union) -> None:
    rng = Random(SEED + 2)
    grassroots = [(u, w) for u, w in zip(unions, weights) if members_by_union.get(u.id)]
    levels = list(HonourLevel.values)
    days = _days()

    def honours():
        for union in rng.choices([u for u, _ in grassroots], weights=[w for _, w in grassroots], k=HONOURS):
            yield (root.pk, union.id, RecipientType.MEMBER, rng.choice(members_by_union[union.id]), "", None,
                   rng.choice(("先进个人", "最美职工", "师德标兵", "模范职工")), rng.choice(levels), rng.choice(days),
                   "县总工会", "", actor.pk)

    def news():
        for i, union in enumerate(rng.choices(unions, weights=weights, k=NEWS)):
            yield (root.pk, union.id, None, f"通讯员{i % 40:02d}", f"{union.name}工作动态", rng.choice(days),
                   rng.choice(("区总工会网站", "职工服务微信平台", "县报")), actor.pk)

    copy_rows(model=Honour, rows=honours(), columns=(
        "tenant_id", "union_id", "recipient_type", "member_id", "team_name", "recipient_union_id", "title", "level",
        "date", "awarding_body", "note", "created_by_id"))
    copy_rows(model=NewsReport, rows=news(), columns=(
        "tenant_id", "union_id", "reporter_id", "reporter_name", "title", "date", "published_in", "created_by_id"))


def ensure_ledger(*, root: Union, actor: User) -> None:
    loaded = (Activity.objects.filter(tenant_id=root.pk).count() + Honour.objects.filter(tenant_id=root.pk).count()
              + NewsReport.objects.filter(tenant_id=root.pk).count())
    if loaded != ACTIVITIES + HONOURS + NEWS:
        print(f"building 5,000,000 ledger entries (found {loaded:,}) …", flush=True)
        build_ledger(root=root, actor=actor)



def participant_name() -> str:
    """Someone named on an activity; the name is shared by a dozen or so members across the county."""
    first = ActivityParticipant.objects.order_by("id").values_list("member_id", flat=True)[5000]
    return Member.objects.get(pk=first).name


def floor_ms() -> float:
    return sql_ms("SELECT * FROM ledger_activity ORDER BY id LIMIT 20")


def main() -> None:
    members, root = county_from_args()
    county_admin = User.objects.get(username="county_admin")
    ensure_ledger(root=root, actor=county_admin)
    street = Union.objects.filter(tenant_id=root.pk, level=UnionLevel.STREET).order_by("path").first()
    street_admin = User.objects.filter(union=street).first() or county_admin
    baseline = floor_ms()
    year = {"year": 2026}
    quarter = {"union": street.pk, "date_from": "2026-07-01", "date_to": "2026-09-30"}
    rows = [
        ("year view, county federation, 2026", view_ms(county_admin, "/plans/year/", year),
         TARGET_MS, baseline),
        ("year view, street federation, 2026", view_ms(street_admin, "/plans/year/", year),
         TARGET_MS, baseline),
        ("ledger list, street subtree, one quarter", view_ms(county_admin, "/ledger/", quarter),
         TARGET_MS, baseline),
        ("ledger list, street subtree, one quarter, page 50", view_ms(county_admin, "/ledger/",
                                                                     {**quarter, "page": 50}), TARGET_MS, baseline),
        ("ledger list, street subtree, 2026, trainings", view_ms(street_admin, "/ledger/", {"date_from": "2026-01-01", "date_to": "2026-12-31",
                                                      "kind": ActivityKind.TRAINING}), TARGET_MS, baseline),
        ("ledger list, county, one month", view_ms(county_admin, "/ledger/",
                                                   {"date_from": "2026-10-01", "date_to": "2026-10-31"}),
         TARGET_MS, baseline),
        ("ledger list, county, 2026, one participant by name", view_ms(county_admin, "/ledger/", {"participant": participant_name(), "date_from": "2026-01-01"}),
         TARGET_MS, baseline),
    ]
    total = Activity.objects.filter(tenant_id=root.pk).count()
    print(f"\n{members:,} members, {total:,} activities; baseline (first 20 activities by id) {baseline:.2f} ms\n")
    report(rows)


if __name__ == "__main__":
    main()
