"""Building a whole demo county in one transaction."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from random import Random
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.members.models import Member, MemberEvent
from gonghui.org.models import Union

from .bulk import BATCH_SIZE, analyze, constraints_suspended, reserve_ids, worth_rebuilding, write_members
from .logins import create_demo_users
from .members import MemberRows, Quota, apportion
from .reset import find_demo_root
from .tree import Tree, build_tree
from .work import WorkSummary, build_work

PROGRESS_EVERY = 100_000


class DemoAlreadyLoaded(Exception):
    pass


@dataclass
class County:
    root: Union
    tree: Tree
    users: dict[str, User]
    members: int
    events: int
    seconds: float
    work: WorkSummary | None = None

    @property
    def streets(self) -> list[Union]:
        return self.tree.streets

    @property
    def grassroots(self) -> list[Union]:
        return [g.union for g in self.tree.grassroots]


def member_quotas(*, tree: Tree, members: int) -> list[Quota]:
    """Members of each grassroots union, in proportion to the headcount it covers."""
    sizes = apportion(total=members, weights=[g.headcount for g in tree.grassroots])
    return [
        Quota(
            union_id=g.union.id,
            org_type=g.union.org_type,
            founded_on=g.union.founded_on,
            group_ids=tuple(group.id for group in g.groups),
            size=size,
        )
        for g, size in zip(tree.grassroots, sizes)
    ]


def build_county(
    *,
    seed: int,
    members: int,
    stdout: TextIO | None = None,
    as_of: date | None = None,
    batch_size: int = BATCH_SIZE,
    rebuild_indexes: bool | None = None,
    work: bool = False,
) -> County:
    """Generate the demo county: the same seed gives the same names and numbers.

    as_of (default today) is the day join and leave dates may not pass.
    rebuild_indexes (PostgreSQL only) drops the member tables' indexes and
    foreign keys during the load; by default it does so for big loads.
    work=True enters a year of plans, ledger, care and rights work up to
    as_of (see gonghui.demo.work); benchmarks leave it off.
    """
    if find_demo_root() is not None:
        raise DemoAlreadyLoaded("the demo county is already loaded")
    started = time.monotonic()
    say = _printer(stdout)
    with transaction.atomic():
        as_of = as_of or timezone.localdate()
        tree = build_tree(rng=Random(seed), as_of=as_of)
        say(f"组织树：{1 + len(tree.streets) + len(tree.grassroots)} 个工会，{len(tree.enterprises)} 家企业")
        users = create_demo_users(tree=tree)
        rows = MemberRows(
            seed=seed,
            tenant_id=tree.root.id,
            first_id=reserve_ids(model=Member, count=members),
            as_of=as_of,
            created_at=timezone.now(),
        )
        if rebuild_indexes is None:
            rebuild_indexes = worth_rebuilding(model=Member, adding=members)
        with constraints_suspended(models=[Member, MemberEvent] if rebuild_indexes else [], indexes=True):
            written, events = write_members(
                drafts=rows.rows(member_quotas(tree=tree, members=members)),
                batch_size=batch_size,
                progress=_progress(say, total=members),
            )
            if rebuild_indexes:
                say("会员：重建索引和外键约束")
        year = None
        if work:
            say(f"工作记录：{as_of.year}年1月1日至{as_of.month}月{as_of.day}日的计划、台帐、帮扶和维权")
            year = build_work(tree=tree, users=users, seed=seed, as_of=as_of, members=written)
    analyze(models=[Member, MemberEvent])
    return County(
        root=tree.root,
        tree=tree,
        users=users,
        members=written,
        events=events,
        seconds=time.monotonic() - started,
        work=year,
    )


def _progress(say: Callable[[str], None], *, total: int) -> Callable[[int], None]:
    reported = [0]

    def progress(done: int) -> None:
        # Batches rarely end on a round number; report once per PROGRESS_EVERY crossed.
        if done // PROGRESS_EVERY > reported[0] // PROGRESS_EVERY or done == total:
            reported[0] = done
            say(f"会员：已写入 {done:,} / {total:,}")

    return progress


def _printer(stdout: TextIO | None) -> Callable[[str], None]:
    def say(message: str) -> None:
        if stdout is not None:
            stdout.write(message + "\n")

    return say
