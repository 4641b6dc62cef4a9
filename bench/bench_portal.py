"""500 members sign up at once for an activity with 100 places, through the production server (issue 16).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_portal .venv/bin/python bench/bench_portal.py \
        [--members 500] [--places 100]

Data: a small county (gonghui.testing's cast) and `--members` members of one grassroots union, each with a
portal account and a session of its own made in the session table as the code sign-in leaves it. The server
is bench_load.py's: gunicorn -c config/gunicorn.py config.wsgi, DJANGO_ENV=production, on 127.0.0.1. Every
member first opens the activity's page (the baseline, measured in the same run: a read of the same page by
the same members), then all of them press 我要报名 at once (a barrier releases 500 threads together).
Passes when exactly `--places` places are taken, the rest wait, no request fails and the sign-ups' p95 is
under 300 ms.
"""

import argparse
import os
import secrets
import string
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta

from bench_load import OUT, collect_static, free_port, server_env, start_server, stop_server
from common import ensure_database, require_postgresql

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from gonghui.accounts.sessions import REFRESHED
from gonghui.members.models import Member
from gonghui.org.models import Union
from gonghui.portal import services
from gonghui.portal.auth import SESSION_KEY
from gonghui.portal.models import MemberAccount, Offer, SignUp, SignUpStatus

TARGET_P95_MS = 300
REFUSED: list[str] = []  # the first refusal's page, printed to say why


def county_and_members(count: int):
    from gonghui.testing import build_cast

    union = Union.objects.filter(name="甲一机械厂工会").first()
    cast = None
    if union is None:
        cast = build_cast()
        union = cast.union_a1
    have = Member.objects.filter(union=union, name__startswith="压测会员").count()
    Member.objects.bulk_create([
        Member(tenant_id=union.tenant_id, union=union, name=f"压测会员{n}", id_number=f"33010619900101{n:04d}",
               birth_date=timezone.localdate().replace(year=1990), gender="M", phone=f"1370000{n:04d}",
               join_date=timezone.localdate().replace(year=2015)) for n in range(have, count)])
    members = list(Member.objects.select_related("union").filter(union=union, name__startswith="压测会员")
                   .order_by("id")[:count])
    for member in members:
        if not MemberAccount.objects.filter(member=member, consented_at__isnull=False).exists():
            services.account_consent(account=services.account_open(member=member))
    return union, members


def fresh_offer(union, places: int) -> Offer:
    from gonghui.accounts.models import User

    officer = User.objects.filter(union=union, role="union_officer").first()
    return services.offer_create(actor=officer, union=union, kind="culture_sports", title="压测：职工篮球赛",
                                 held_on=timezone.localdate() + timedelta(days=10), capacity=places,
                                 deadline=timezone.now() + timedelta(days=9))


def sessions_for(members, *, secret: str) -> list[str]:
    Session.objects.all().delete()
    keys = []
    with override_settings(SECRET_KEY=secret):
        for member in members:
            store = SessionStore()
            store[SESSION_KEY] = member.portal_account.pk
            store[REFRESHED] = int(time.time())
            store.create()
            keys.append(store.session_key)
    return keys


def timed(request) -> tuple[float, int]:
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
        if status >= 400 and not REFUSED:
            REFUSED.append(error.read()[:3000].decode("utf-8", "replace"))
    except OSError:
        status = 0  # refused, reset or timed out
    return (time.perf_counter() - start) * 1000, status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def all_at_once(jobs, *, spread: float = 0.0) -> list[tuple[float, int]]:
    """Every request released together; with `spread`, the n-th leaves n/len × spread seconds later."""
    results: list = [None] * len(jobs)
    gate = threading.Barrier(len(jobs))

    def run(n, request):
        gate.wait()
        time.sleep(spread * n / len(jobs))
        results[n] = timed(request)

    threads = [threading.Thread(target=run, args=(n, job)) for n, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--places", type=int, default=100)
    parser.add_argument("--spread", type=float, default=0.0,
                        help="seconds over which the members press the button (0: all in the same instant)")
    args = parser.parse_args()
    require_postgresql()
    ensure_database()
    call_command("migrate", verbosity=0)
    OUT.mkdir(parents=True, exist_ok=True)
    union, members = county_and_members(args.members)
    offer = fresh_offer(union, args.places)
    secret = secrets.token_urlsafe(40)
    keys = sessions_for(members, secret=secret)
    port = free_port()
    env = server_env(port=port, secret=secret)
    collect_static(env)
    server = start_server(env, port, "/m/login/")
    opener = urllib.request.build_opener(NoRedirect)
    urllib.request.install_opener(opener)
    base = f"http://127.0.0.1:{port}/m/activities/{offer.pk}/"
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))  # Django's alphabet
    try:
        def request(key, body=None):
            headers = {"Cookie": f"__Secure-sessionid={key}; __Secure-csrftoken={csrf}"}
            data = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf}).encode() if body else None
            return urllib.request.Request(base, data=data, headers=headers)

        # Warm: each worker has imported, compiled its templates and connected before the run.
        for key in keys[:40]:
            timed(request(key))
        load_before = os.getloadavg()[0]
        baseline = all_at_once([request(key) for key in keys], spread=args.spread)
        signups = all_at_once([request(key, body=True) for key in keys], spread=args.spread)
        load_after = os.getloadavg()[0]
    finally:
        stop_server(server)
    taken = SignUp.objects.filter(offer=offer, status=SignUpStatus.TAKEN).count()
    waiting = SignUp.objects.filter(offer=offer, status=SignUpStatus.WAITING).count()
    errors = sum(1 for _, status in signups if status != 302) + sum(1 for _, status in baseline if status != 200)
    base_p95, signup_p95 = p95([ms for ms, _ in baseline]), p95([ms for ms, _ in signups])
    from collections import Counter
    if REFUSED:
        print("first refusal:", " ".join(REFUSED[0].split())[:600])
    print("answers: page", dict(Counter(status for _, status in baseline)),
          "sign-up", dict(Counter(status for _, status in signups)))
    print(f"members {len(keys)}, places {args.places}: taken {taken}, waiting {waiting}, "
          f"places counted {Offer.objects.get(pk=offer.pk).taken}, failed requests {errors}")
    print(f"| measure | p95 ms | median ms | target | × baseline |\n|---|---:|---:|---:|---:|")
    when = f"{len(keys)} within {args.spread:g} s" if args.spread else f"{len(keys)} at once"
    for label, rows in ((f"baseline: the activity page, {when}", baseline), (f"sign-up, {when}", signups)):
        values = sorted(ms for ms, _ in rows)
        print(f"| {label} | {p95(values):.0f} | {values[len(values) // 2]:.0f} | "
              f"{TARGET_P95_MS if 'sign-up' in label else ''} | {p95(values) / base_p95:.2f} |")
    print(f"load average {load_before:.1f} before, {load_after:.1f} after; cores {os.cpu_count()}")
    ok = taken == args.places and waiting == len(keys) - args.places and errors == 0 and signup_p95 < TARGET_P95_MS
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
