"""The users of bench_load.py (locust runs this file; bench_load.py writes the sessions it reads).

Each locust user takes one logged-in session of its own (the cookie of a session row that bench_load.py
created for a county, street or grassroots user) and, after a think time of LOAD_WAIT seconds ("1,3":
uniformly between 1 and 3), opens the member list, its home page or the care statistics, and now and
then the baseline. Redirects are not followed: a redirect to the login page is an error, not a 200.
"""

import json
import os
from itertools import cycle

from locust import HttpUser, between, task

SESSIONS = json.loads(open(os.environ["LOAD_SESSIONS"], encoding="utf-8").read())
_next_session = cycle(SESSIONS["sessions"])
_low, _high = (float(x) for x in os.environ.get("LOAD_WAIT", "1,3").split(","))


class UnionUser(HttpUser):
    wait_time = between(_low, _high)

    def on_start(self):
        session = next(_next_session)
        # Set by hand: the production cookie is Secure, so requests' jar would not send it over plain http.
        self.client.headers["Cookie"] = f"{SESSIONS['cookie_name']}={session['key']}"

    def _get(self, name: str, path: str, params: dict | None = None):
        with self.client.get(path, params=params, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code} {response.headers.get('Location', '')}")

    @task(3)
    def member_list(self):
        self._get("member list", "/members/")

    @task(3)
    def home(self):
        self._get("home", "/")

    @task(3)
    def care_statistics(self):
        self._get("care statistics", "/care/statistics/", SESSIONS["statistics_period"])

    @task(1)
    def baseline(self):
        self._get("baseline: static file", SESSIONS["baseline_path"])
