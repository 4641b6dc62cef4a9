"""The dashboard and the lists behind its figures on a county of 1,000,000 members and 5,000,000 ledger entries
(issue 12).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_reports .venv/bin/python bench/bench_reports.py

Data: bench_members' county (bench/common.ensure_county, 1,000,000 members) and bench_ledger's 5,000,000
ledger entries (bench_ledger.ensure_ledger: activities, honours and news over 2022 to 25 November 2026);
a second run reuses both.

Figures: every registered figure (gonghui.core.figures). Where no app has registered a figure of ledger
activities yet, the run registers three stand-ins over the 5,000,000 entries (activities, participants
summed, costs summed; monthly and ranked), so the heaviest table is on the dashboard whatever is merged.

Measures (server time, views through RequestFactory with templates rendered, median of 9 runs): the
dashboard page, each of its sections (loaded by htmx, each its own request) and all sections one after
the other, for the county and a street federation, 1—11月 of 2026 with 同比; and the first page of the
list behind every figure for the county. The baseline, in the same run, is bench_ledger's: the first 20
activities by primary key, with no scoping, join, filter or count.
"""

import time

from bench_ledger import ensure_ledger, floor_ms
from common import county_from_args, median_ms, report, view_ms

from django.core.cache import cache
from django.db.models import QuerySet

from gonghui.accounts.models import User
from gonghui.core.figure_cache import serving
from gonghui.core.figures import Column, Figure, Ratio, Section, figure_register, figures_all
from gonghui.core.periods import Period, year_period
from gonghui.core.scoping import subtree_cache
from gonghui.ledger.models import Activity
from gonghui.org.models import Union, UnionLevel

DASHBOARD_MS = 300
LIST_MS = 100
PERIOD = {"period": "2026-M11"}


def _activities(period: Period) -> QuerySet:
    return Activity.objects.filter(date__range=(period.start, period.end))


STAND_INS = (
    Figure(key="bench.activities", label="台帐活动", sentence="开展活动{value}次", definition="期内台帐记载的活动。",
           section=Section.QUALITY, records=_activities, unit="次", month_field="date", ranked=True,
           columns=(Column("活动名称", "title"), Column("工会", "union.name"), Column("日期", "date"))),
    Figure(key="bench.participants", label="参加人次", sentence="参加职工{value}人次", definition="期内活动参加人数之和。",
           section=Section.QUALITY, records=_activities, unit="人次", total="participant_count", month_field="date",
           columns=(Column("活动名称", "title"), Column("参加人数", "participant_count"))),
    Figure(key="bench.costs", label="活动经费", sentence="投入经费{value}元", definition="期内活动费用之和。",
           section=Section.CULTURE, records=_activities, unit="元", total="cost", month_field="date", ranked=True,
           columns=(Column("活动名称", "title"), Column("费用（元）", "cost"))),
)


def stand_ins() -> list[str]:
    """The stand-ins' keys when no registered figure counts ledger activities yet (then registered), else []."""
    if any(isinstance(figure, Figure) and figure.records(year_period(2026)).model is Activity
           for figure in figures_all()):
        return []
    figure_register(*STAND_INS)
    return [figure.key for figure in STAND_INS]


def sections_ms_once(user, union: Union) -> None:
    from django.test import RequestFactory

    from gonghui.reports.dashboard import dashboard_section_page, readable

    for section in Section:
        if readable(section, user):
            request = RequestFactory().get(f"/reports/sections/{section.name}/", {"union": union.pk, **PERIOD})
            request.user = user
            with subtree_cache(), serving(request):
                dashboard_section_page(request, section.name)


def sections_ms(user, union: Union) -> tuple[float, list[tuple[str, float]]]:
    """Every section of the dashboard one after the other (what htmx asks for on load), and each alone."""
    from django.test import RequestFactory

    from gonghui.reports.dashboard import dashboard_section_page, readable

    names = [section.name for section in Section if readable(section, user)]
    params = {"union": union.pk, **PERIOD}

    def one(name):
        request = RequestFactory().get(f"/reports/sections/{name}/", params)
        request.user = user
        with subtree_cache(), serving(request):
            assert dashboard_section_page(request, name).status_code == 200

    each = [(name, median_ms(lambda name=name: one(name))) for name in names]
    return median_ms(lambda: [one(name) for name in names]), each


def main() -> None:
    members, root = county_from_args()
    county_admin = User.objects.get(username="county_admin")
    ensure_ledger(root=root, actor=county_admin)
    added = stand_ins()
    street = Union.objects.filter(tenant_id=root.pk, level=UnionLevel.STREET).order_by("path").first()
    street_admin = User.objects.filter(union=street).first() or county_admin
    baseline = floor_ms()
    # The first visitor after a write counts every figure afresh; every later one reads them kept (the rows).
    cache.clear()
    started = time.perf_counter()
    sections_ms_once(county_admin, root)
    cold_ms = (time.perf_counter() - started) * 1000
    rows = []
    for who, user, union in (("county", county_admin, root), ("street", street_admin, street)):
        params = {"union": union.pk, **PERIOD}
        page = view_ms(user, "/reports/", params)
        together, each = sections_ms(user, union)
        rows.append((f"dashboard page, {who}, 2026年1—11月", page, DASHBOARD_MS, baseline))
        rows += [(f"  section {name}, {who}", ms, DASHBOARD_MS, baseline) for name, ms in each]
        rows.append((f"dashboard, {who}: page + all sections in turn", page + together, DASHBOARD_MS, baseline))
    for figure in figures_all():
        if isinstance(figure, Ratio):
            continue
        rows.append((f"list, county, {figure.key}", view_ms(
            county_admin, f"/reports/figures/{figure.key}/", {"union": root.pk, **PERIOD}), LIST_MS, baseline))
    total = Activity.objects.filter(tenant_id=root.pk).count()
    print(f"\n{members:,} members, {total:,} activities, {len(figures_all())} figures "
          f"({', '.join(added) or 'no stand-ins'}); baseline (first 20 activities by id) {baseline:.2f} ms")
    print(f"every section of the county's dashboard, cold figure cache (the first visitor after a write): "
          f"{cold_ms:,.0f} ms; the rows below are the page as its later visitors get it\n")
    report(rows)


if __name__ == "__main__":
    main()
