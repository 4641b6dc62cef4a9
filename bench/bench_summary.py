"""The year-end summary (issue 12) of a 1,000,000-member county with 5,000,000 ledger entries: under 5 s.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_summary .venv/bin/python bench/bench_summary.py

Data: the ledger benchmark's (bench/bench_ledger.py: the demo county's 1,000,000 members, plans, 4,930,000
activities, honours and news reports over 2022–2026), built here by its own functions when missing. Building
it takes a long while on a shared machine, so `--from-database gonghui_bench_ledger` first copies that
benchmark's database when this one does not exist yet (CREATE DATABASE … TEMPLATE, then migrate).

Measures (median of 5 runs, after one warm-up): the summary as the county's federation admin writes it for
2025, every registered figure read (`summary_build` then `summary_render`), then its .docx; the summary page
through RequestFactory with the template rendered, for the county and for a street. The figures are whatever
the apps have registered when it runs: the time grows with them. So a second pass adds 30 figures shaped
as the ledger's will be (for each activity kind: how many, how many took part, what it cost; `bench.*`,
registered by this script only) and measures again. Baseline, in the same run: a bare count of the tenant's
2025 activities.
"""

import argparse
import sys
import time
from datetime import date

from common import ensure_county, ensure_database, median_ms, report, require_postgresql, sql_ms, view_ms

from django.core.cache import cache
from django.db import connection

from gonghui.accounts.models import User
from gonghui.core.figures import Figure, Style, figure_register, figures_all
from gonghui.core.periods import year_period
from gonghui.core.scoping import subtree_cache
from gonghui.ledger.figures import KIND_SECTIONS  # each kind in the chapter the ledger writes it in
from gonghui.ledger.models import Activity, ActivityKind
from gonghui.org.models import Union, UnionLevel
from gonghui.reports.document import summary_docx
from gonghui.reports.summary import summary_build, summary_render

TARGET_MS = 5000
PERIOD = year_period(2025)


def copy_database(source: str) -> None:
    """This benchmark's database as a copy of `source`, when it does not exist yet."""
    import psycopg

    settings = connection.settings_dict
    with psycopg.connect(host=settings["HOST"], port=settings["PORT"] or 5432, user=settings["USER"],
                         dbname="postgres", autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [settings["NAME"]]).fetchone():
            return
        print(f"copying {source} …", flush=True)
        admin.execute(f'CREATE DATABASE "{settings["NAME"]}" TEMPLATE "{source}"')


def _activities(kind):
    return lambda period: Activity.objects.filter(kind=kind, date__range=(period.start, period.end))


def ledger_shaped_figures() -> list[Figure]:
    """For each activity kind: the activities, their participants and their cost (sums like the ledger's)."""
    figures = []
    for kind, label in ActivityKind.choices:
        section, records = KIND_SECTIONS[kind], _activities(kind)
        figures += [
            Figure(key=f"bench.{kind}_count", label=f"{label}次数", sentence=f"开展{label}{{value}}次",
                   definition="bench", section=section, records=records, unit="次"),
            Figure(key=f"bench.{kind}_people", label=f"{label}人次", sentence=f"参加{{value}}人次",
                   definition="bench", section=section, records=records, unit="人次", total="participant_count"),
            Figure(key=f"bench.{kind}_cost", label=f"{label}经费", sentence=f"投入资金{{value}}万元",
                   definition="bench", section=section, records=records, unit="万元", total="cost",
                   style=Style.WAN),
        ]
    return figures


def _summary(user, union) -> None:
    with subtree_cache():
        summary = summary_build(user=user, union=union, period=PERIOD, today=date(2026, 12, 1))
        summary_docx(summary_render(summary, user=user))


def summary_ms(user, union) -> float:
    """Median of later runs: the figures kept by the figure cache, as for every writer after the first."""
    return median_ms(lambda: _summary(user, union), runs=5, warmup=1)


def cold_ms(user, union) -> float:
    """One run with the figure cache emptied: the first summary after a write counts every figure."""
    cache.clear()
    started = time.perf_counter()
    _summary(user, union)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--from-database", default="")
    args = parser.parse_args()
    require_postgresql()
    if args.from_database:
        copy_database(args.from_database)
    ensure_database()
    root = ensure_county(members=args.members)
    county_admin = User.objects.get(username="county_admin")
    sys.argv = sys.argv[:1]  # bench_ledger reads no options of its own
    from bench_ledger import ensure_ledger

    ensure_ledger(root=root, actor=county_admin)
    street = Union.objects.filter(tenant_id=root.pk, level=UnionLevel.STREET).order_by("path").first()
    street_admin = User.objects.filter(union=street).first() or county_admin
    baseline = sql_ms("SELECT count(*) FROM ledger_activity WHERE tenant_id = %s AND date BETWEEN %s AND %s",
                      [root.pk, PERIOD.start, PERIOD.end])
    registered = len(figures_all())
    rows = [(f"summary of the county, 2025, {registered} figures, cold figure cache", cold_ms(county_admin, root),
             TARGET_MS, baseline)]
    rows += measure(county_admin, root, street_admin, street, baseline, f"{registered} figures")
    figure_register(*ledger_shaped_figures())
    rows += measure(county_admin, root, street_admin, street, baseline, f"{len(figures_all())} figures")
    print(f"\n{args.members:,} members, {Activity.objects.filter(tenant_id=root.pk).count():,} activities, "
          f"{registered} registered figures; baseline (count of the county's 2025 activities) {baseline:.1f} ms\n")
    report(rows)


def measure(county_admin, root, street_admin, street, baseline, figures: str) -> list:
    page = {"union": root.pk, "period": "2025"}
    return [
        (f"summary of the county, 2025, {figures}: text and .docx", summary_ms(county_admin, root), TARGET_MS,
         baseline),
        (f"summary of a street, 2025, {figures}: text and .docx", summary_ms(street_admin, street), TARGET_MS,
         baseline),
        (f"summary page, county, 2025, {figures}", view_ms(county_admin, "/reports/summary/", page), TARGET_MS,
         baseline),
        (f"summary page, street, 2025, {figures}", view_ms(street_admin, "/reports/summary/",
                                                          {**page, "union": street.pk}), TARGET_MS, baseline),
    ]


if __name__ == "__main__":
    main()
