"""Shared plumbing for the benchmarks: Django setup, a county of the wanted size, timing."""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from gonghui.demo.county import build_county  # noqa: E402
from gonghui.demo.reset import delete_demo, find_demo_root  # noqa: E402
from gonghui.members.models import Member  # noqa: E402
from gonghui.org.models import Union  # noqa: E402


def require_postgresql() -> None:
    if connection.vendor != "postgresql":
        sys.exit("benchmarks run on PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>")


def ensure_database() -> None:
    """Create the bench database when missing, then migrate it."""
    import psycopg

    settings = connection.settings_dict
    with psycopg.connect(host=settings["HOST"], port=settings["PORT"] or 5432, user=settings["USER"],
                         dbname="postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [settings["NAME"]]).fetchone():
            admin.execute(f'CREATE DATABASE "{settings["NAME"]}"')
    call_command("migrate", verbosity=0)


def ensure_county(*, members: int, seed: int = 7):
    """Reuse a demo county of exactly this size, else build one (COPY: about a minute per million)."""
    root = find_demo_root()
    if root is not None and Member.objects.filter(tenant_id=root.pk).count() == members:
        analyze_all()
        return root
    if root is not None:
        delete_demo()
    print(f"building a county of {members:,} members …", flush=True)
    county = build_county(seed=seed, members=members, stdout=sys.stdout)
    print(f"built in {county.seconds:.0f} s", flush=True)
    analyze_all()
    return county.root


def county_from_args(parser: argparse.ArgumentParser | None = None) -> tuple[int, Union]:
    """The --members option, and the demo county of that size on a migrated PostgreSQL database.

    A bench with options of its own adds them to a parser, passes it here, then reads them with parse_args().
    """
    parser = parser or argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    args = parser.parse_args()
    require_postgresql()
    ensure_database()
    return args.members, ensure_county(members=args.members)


def analyze_all() -> None:
    """Autovacuum may be off or behind after a bulk load; the planner needs fresh statistics."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def vacuum_analyze(models) -> None:
    """VACUUM ANALYZE the tables, as autovacuum would have by now: fresh planner statistics, and the
    visibility map without which counts cannot be index-only scans."""
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def median_ms(fn: Callable[[], object], *, runs: int = 9, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def view_ms(user, path: str, params: dict) -> float:
    """Server time of the page at `path` (found by the URL resolver): RequestFactory, template rendered.

    Each run reads subtrees and figure generations once, as a request through the middleware does; the figure
    cache is on (`FIGURE_CACHE_SECONDS`), so after the warm-up runs this is the page as its next visitors get it.
    """
    from django.test import RequestFactory
    from django.urls import resolve

    from gonghui.core.figure_cache import serving
    from gonghui.core.scoping import subtree_cache

    request = RequestFactory().get(path, params)
    request.user = user
    match = resolve(path)

    def render():
        with subtree_cache(), serving(request):
            response = match.func(request, *match.args, **match.kwargs)
        assert response.status_code == 200, response.status_code

    return median_ms(render)


def sql_ms(sql: str, params=()) -> float:
    """A baseline: one plain query, timed the same way."""
    def run():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()

    return median_ms(run)


def report(rows: list[tuple[str, float, float, float]]) -> None:
    """Print (name, ms, target ms, baseline ms) as a table with the ratio to the baseline."""
    print(f"{'measure':52} {'ms':>9} {'target':>8} {'x baseline':>11}  ok")
    for name, ms, target, baseline in rows:
        print(f"{name:52} {ms:9.1f} {target:8.0f} {ms / baseline:11.1f}  {'yes' if ms <= target else 'NO'}")
