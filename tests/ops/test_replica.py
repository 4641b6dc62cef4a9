"""Report reads go to the streaming replica, writes to the primary (PostgreSQL with DATABASE_REPLICA_URL).

`make test-postgres` starts the replica (scripts/replica.sh) and sets DATABASE_REPLICA_URL; under CI=true a
replica that is missing or down fails this test instead of skipping it.
"""

import os
import subprocess
import time

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gonghui.core.routers import reporting
from gonghui.members.models import Member
from gonghui.org.models import Union
from gonghui.testing import build_cast

from .conftest import ROOT

IN_CI = os.environ.get("CI") == "true"
if connection.vendor != "postgresql":
    pytest.skip("the read replica is PostgreSQL's", allow_module_level=True)
if "replica" not in settings.DATABASES:
    if IN_CI:
        raise RuntimeError("CI runs the PostgreSQL suite with DATABASE_REPLICA_URL (see Makefile, test-postgres)")
    pytest.skip("DATABASE_REPLICA_URL is not set", allow_module_level=True)

pytestmark = [pytest.mark.replica, pytest.mark.django_db(transaction=True, databases=["default", "replica"])]


def _replica_up() -> bool:
    return subprocess.run([ROOT / "scripts/replica.sh", "status"], capture_output=True).returncode == 0


@pytest.fixture
def replica():
    if not _replica_up():
        started = subprocess.run([ROOT / "scripts/replica.sh", "start"], capture_output=True, text=True)
        if started.returncode or not _replica_up():
            message = f"the read replica does not run: {started.stdout}{started.stderr}"
            pytest.fail(message) if IN_CI else pytest.skip(message)
    return connections["replica"]


def _writes(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]


def _replicated(pk: int, *, name: str) -> bool:
    """Wait (at most 10 s) until the replica has replayed the primary's write."""
    for _ in range(100):
        if Member.objects.using("replica").filter(pk=pk, name=name).exists():
            return True
        time.sleep(0.1)
    return False


def test_the_replica_is_a_read_only_copy_of_the_primary(replica):
    with replica.cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery(), current_setting('port')")
        assert cursor.fetchone() == (True, str(settings.DATABASES["replica"]["PORT"]))


def test_statistics_read_the_replica_and_writes_go_to_the_primary(replica, client):
    cast = build_cast()
    assert _replicated(cast.member_a1.pk, name=cast.member_a1.name)
    client.force_login(cast.county_admin)
    with CaptureQueriesContext(replica) as on_replica, CaptureQueriesContext(connections["default"]) as on_primary:
        page = client.get(reverse("care:statistics"))
    assert page.status_code == 200
    assert on_replica.captured_queries and not _writes(on_replica)
    assert not any("care_" in q["sql"] for q in on_primary.captured_queries)  # the figures came from the replica

    with CaptureQueriesContext(replica) as on_replica, CaptureQueriesContext(connections["default"]) as on_primary:
        with reporting:
            Member.objects.filter(pk=cast.member_a1.pk).update(name="张伟伟")  # a write inside a report
            assert Member.objects.get(pk=cast.member_a1.pk).name in ("张伟", "张伟伟")  # read from the replica
    assert _writes(on_primary)
    assert not _writes(on_replica)
    assert len(on_replica.captured_queries) == 1
    assert _replicated(cast.member_a1.pk, name="张伟伟")


def test_reads_outside_reports_and_inside_a_write_stay_on_the_primary(replica):
    county = build_cast().county
    with CaptureQueriesContext(replica) as on_replica:
        Union.objects.get(pk=county.pk)
        with reporting, transaction.atomic():
            Union.objects.get(pk=county.pk)
    assert on_replica.captured_queries == []
