"""The production server under 200 logged-in users for 60 s on a 1,000,000-member county (issue 11).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_load .venv/bin/python bench/bench_load.py \
        [--members N] [--users 200] [--seconds 60] [--wait 1,3]

Data: the demo county (bench/common.py builds or reuses it) with the care records of bench_care.py and the
dispute cases of bench_rights.py, so that the statistics have a year to count. Users: the demo county_admin
and one federation admin per street and one officer per grassroots union (created here, all with the care
grant), each locust user with a session of its own, created in the session table as a login would
(bench/load_locustfile.py sends its cookie): 5 % of the sessions are the county's, 20 % streets', 75 %
grassroots unions'.

The server is `make serve`'s: gunicorn -c config/gunicorn.py config.wsgi, DJANGO_ENV=production, on
127.0.0.1 (DJANGO_SECURE_SSL_REDIRECT=0: no TLS proxy in front of it here; every other production
setting as deployed), workers and threads from GUNICORN_WORKERS / GUNICORN_THREADS when set. Locust,
headless, on the same 2 cores: each user waits `--wait` seconds (uniform) between requests, so the load
is bounded (200 users at 1–3 s is about 80 requests a second), and picks the member list, the home page
or the care statistics of the last full year (weights 3 each), or the baseline (weight 1): a static file
served by whitenoise through the same gunicorn workers. Fails (exit 1) on any error or a page's
p95 at or above 300 ms.
"""

import argparse
import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from bench_care import ensure_care, fresh_statistics
from bench_rights import ensure_rights
from common import county_from_args, vacuum_analyze

from django.conf import settings
from django.db import connection
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import override_settings

from gonghui.accounts.models import Role, User
from gonghui.accounts.sessions import REFRESHED
from gonghui.members.models import Member
from gonghui.org.models import Union, UnionLevel

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
TARGET_P95_MS = 300
SPAWN_RATE = 50  # users started a second
PAGES = ("member list", "home", "care statistics")
BASELINE = "baseline: static file"
SHARES = {"county": 0.05, "street": 0.20, "grassroots": 0.75}
YEAR = date.today().year - 1


def bench_users(root: Union) -> dict[str, list[User]]:
    """The county admin of the demo, and one user per street and per grassroots union (made once)."""
    found = {"county": [User.objects.get(username="county_admin")], "street": [], "grassroots": []}
    for kind, level, role in (("street", UnionLevel.STREET, Role.FEDERATION_ADMIN),
                              ("grassroots", UnionLevel.GRASSROOTS, Role.UNION_OFFICER)):
        for union in Union.objects.filter(tenant_id=root.pk, level=level).order_by("path"):
            user, created = User.objects.get_or_create(
                username=f"load_{kind}_{union.pk}",
                defaults={"union": union, "role": role, "full_name": "压测用户", "may_access_care": True})
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            found[kind].append(user)
    return found


def sessions_for(users: dict[str, list[User]], *, count: int, secret: str) -> list[dict]:
    """`count` session rows as a login through the login page writes them, signed with the server's key."""
    Session.objects.all().delete()  # the bench database has no other sessions worth keeping
    picked = []
    for kind, share in SHARES.items():
        pool = users[kind]
        picked += [(kind, pool[n % len(pool)]) for n in range(max(1, round(count * share)))]
    rows = []
    with override_settings(SECRET_KEY=secret):
        for kind, user in picked[:count]:
            store = SessionStore()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store[REFRESHED] = int(time.time())  # the login response's save sets it (IdleSessionMiddleware)
            store.create()
            rows.append({"key": store.session_key, "kind": kind, "user": user.username})
    return rows


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(*, port: int, secret: str) -> dict[str, str]:
    return {**os.environ, "DJANGO_ENV": "production", "DJANGO_SECRET_KEY": secret,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SECURE_SSL_REDIRECT": "0",
            "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_ACCESS_LOG": str(OUT / "load_access.log")}


def collect_static(env: dict) -> str:
    """collectstatic as `make serve` runs it; the baseline is the stylesheet's hashed (manifest) name."""
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env,
                   check=True)
    manifest = json.loads((Path(settings.STATIC_ROOT) / "staticfiles.json").read_text())
    return settings.STATIC_URL + manifest["paths"]["css/app.css"]


def start_server(env: dict, port: int, probe: str) -> subprocess.Popen:
    log = open(OUT / "load_gunicorn.log", "w")
    server = subprocess.Popen([str(BIN / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"], cwd=ROOT, env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{probe}", timeout=5) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    sys.exit(f"the server did not answer on 127.0.0.1:{port}; see {OUT / 'load_gunicorn.log'}")


def warm_up(port: int, sessions: list[dict], paths: list[str], *, rounds: int = 12) -> None:
    """Each page a few times for each kind of user before the run, so that every worker has imported
    its modules, compiled its templates and opened its database connection, as a server running for a
    while has: the run measures a warm server. Then each page once for every user, so that the figure cache
    holds each user's union, as it does on a server that has been answering these users for ten minutes
    (the figures are kept for FIGURE_CACHE_SECONDS, 600, and forgotten on a write): the run measures the
    steady state. The time of that first, cold pass is printed."""
    cookies = [f"__Secure-sessionid={s['key']}" for s in {s["kind"]: s for s in sessions}.values()]

    def get(job):
        cookie, path = job
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Cookie": cookie})
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(get, [(c, p) for _ in range(rounds) for c in cookies for p in paths]))
        started = time.perf_counter()
        every_user = [(f"__Secure-sessionid={s['key']}", p) for s in sessions for p in paths]
        list(pool.map(get, every_user))
    print(f"cold pass: {len(every_user)} requests, one per user and page, in {time.perf_counter() - started:.1f} s",
          flush=True)


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()  # gunicorn's arbiter stops its workers on SIGTERM
    try:
        server.wait(timeout=40)
    except subprocess.TimeoutExpired:
        server.kill()


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_pids(server: subprocess.Popen) -> list[int]:
    """gunicorn's workers, and the PostgreSQL backends serving this database (but this process's own)."""
    try:
        workers = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    except OSError:
        workers = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        backends = [pid for (pid,) in cursor.fetchall()]
    return [int(pid) for pid in workers] + [-pid for pid in backends]  # backends negated to tell them apart


class Watch(threading.Thread):
    """Every 5 s while locust runs: the 1-minute load average (the machine is shared) and the CPU time of
    the server's processes, each taken at its last sighting (workers are recycled, connections closed)."""

    def __init__(self, server: subprocess.Popen):
        super().__init__(daemon=True)
        self.server = server
        self.load = [os.getloadavg()[0]]
        self.start_cpu = self._cpu()
        self.last_cpu = dict(self.start_cpu)
        self.done = threading.Event()

    def _cpu(self) -> dict[int, float]:
        found = {pid: cpu_seconds(abs(pid)) for pid in server_pids(self.server)}
        return {pid: cpu for pid, cpu in found.items() if cpu is not None}

    def run(self):
        while not self.done.wait(5):
            self.load.append(os.getloadavg()[0])
            self.last_cpu.update(self._cpu())
        connection.close()

    def cpu_used(self) -> tuple[float, float]:
        """CPU seconds used during the run by (gunicorn workers, PostgreSQL backends)."""
        used = {pid: cpu - self.start_cpu.get(pid, 0.0) for pid, cpu in self.last_cpu.items()}
        return sum(v for pid, v in used.items() if pid > 0), sum(v for pid, v in used.items() if pid < 0)


def run_locust(*, port: int, users: int, seconds: int, wait: str, sessions_file: Path) -> list[dict]:
    ramp = users // SPAWN_RATE + 1
    env = {**os.environ, "LOAD_SESSIONS": str(sessions_file), "LOAD_WAIT": wait}
    # --reset-stats: the figures start once all users run, and cover `seconds` at full load.
    subprocess.run([str(BIN / "locust"), "-f", str(ROOT / "bench" / "load_locustfile.py"), "--headless",
                    "--host", f"http://127.0.0.1:{port}", "--users", str(users), "--spawn-rate", str(SPAWN_RATE),
                    "--run-time", f"{seconds + ramp}s", "--reset-stats", "--only-summary", "--stop-timeout", "10",
                    "--csv", str(OUT / "load"), "--exit-code-on-error", "0", "--loglevel", "WARNING"],
                   cwd=ROOT, env=env, check=True)
    with open(OUT / "load_stats.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def service_times(since: float) -> dict[str, list[float]]:
    """Each page's times in the workers (gunicorn's access log, `%(M)sms`), from the run's start on."""
    paths = {"/members/": "member list", "/": "home", "/care/statistics/": "care statistics"}
    found: dict[str, list[float]] = {}
    for line in (OUT / "load_access.log").read_text(encoding="utf-8").splitlines():
        try:
            stamp = time.mktime(time.strptime(line.split("[", 1)[1].split(" ", 1)[0], "%d/%b/%Y:%H:%M:%S"))
            path = line.split('"GET ', 1)[1].split(" ", 1)[0].split("?", 1)[0]
            ms = float(line.rsplit(" ", 1)[1].removesuffix("ms"))
        except (IndexError, ValueError):
            continue
        if stamp >= since:
            found.setdefault(paths.get(path, BASELINE if path.startswith("/static/") else path), []).append(ms)
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def report(rows: list[dict], watch: Watch, served: dict[str, list[float]]) -> bool:
    by_name = {row["Name"]: row for row in rows}
    baseline = float(by_name[BASELINE]["95%"]) or 1.0
    print(f"\n{'page':24} {'requests':>9} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
          f"{'max ms':>7} {'errors':>7} {'p95 ÷ baseline p95':>19}  ok")
    ok = True
    for name in (*PAGES, BASELINE, "Aggregated"):
        row = by_name[name]
        p95, errors = float(row["95%"]), int(row["Failure Count"])
        fine = errors == 0 and (name not in PAGES or p95 < TARGET_P95_MS)
        ok &= fine
        print(f"{name:24} {int(row['Request Count']):9,} {float(row['Requests/s']):7.1f} {float(row['50%']):7.0f} "
              f"{p95:7.0f} {float(row['99%']):7.0f} {float(row['Max Response Time']):7.0f} {errors:7} "
              f"{p95 / baseline:19.1f}  {'yes' if fine else 'NO'}")
    print(f"\nin the workers (gunicorn's access log; the rest of a response time is waiting for a worker):")
    for name in (*PAGES, BASELINE):
        times = served.get(name, [])
        print(f"  {name:24} p50 {percentile(times, 0.5):6.0f} ms  p95 {percentile(times, 0.95):6.0f} ms  "
              f"({len(times):,} requests)")
    workers, backends = watch.cpu_used()
    total = int(by_name["Aggregated"]["Request Count"]) or 1
    print(f"CPU used: gunicorn workers {workers:.1f} s, PostgreSQL backends {backends:.1f} s: "
          f"{1000 * workers / total:.1f} + {1000 * backends / total:.1f} ms a request on average")
    print(f"load average (1 min) during the run: {min(watch.load):.1f}–{max(watch.load):.1f}; "
          f"target: every page's p95 < {TARGET_P95_MS} ms, no error")
    failures = OUT / "load_failures.csv"
    if failures.exists() and failures.stat().st_size > 60:
        print(f"errors: {failures}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--wait", default="1,3", help="think time between a user's requests, seconds: low,high")
    members, root = county_from_args(parser)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    users = bench_users(root)
    ensure_rights(root)
    ensure_care(root, users["county"][0])
    fresh_statistics()
    vacuum_analyze((Member, Session))

    secret = secrets.token_urlsafe(50)
    port = free_port()
    env = server_env(port=port, secret=secret)
    baseline_path = collect_static(env)
    sessions_file = OUT / "load_sessions.json"
    sessions = sessions_for(users, count=args.users, secret=secret)
    sessions_file.write_text(json.dumps({
        "cookie_name": "__Secure-sessionid",  # settings.SESSION_COOKIE_NAME under DJANGO_ENV=production
        "sessions": sessions,
        "statistics_period": {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31"},
        "baseline_path": baseline_path,
    }))
    workers = env.get("GUNICORN_WORKERS", "(config default)")
    print(f"{members:,} members; {args.users} users for {args.seconds} s, think time {args.wait} s; "
          f"gunicorn on 127.0.0.1:{port}, workers {workers}, threads {env.get('GUNICORN_THREADS', '1')}; "
          f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    server = start_server(env, port, baseline_path)
    period = f"start={YEAR}-01-01&end={YEAR}-12-31"
    warm_up(port, sessions, ["/members/", "/", f"/care/statistics/?{period}"])
    watch = Watch(server)
    watch.start()
    started = time.time()
    try:
        rows = run_locust(port=port, users=args.users, seconds=args.seconds, wait=args.wait,
                          sessions_file=sessions_file)
    finally:
        watch.done.set()
        watch.join()
        stop_server(server)
    # Full load from the end of the ramp (as locust's --reset-stats) to the end.
    ramp = args.users // SPAWN_RATE + 1
    sys.exit(0 if report(rows, watch, service_times(started + ramp)) else 1)


if __name__ == "__main__":
    main()
