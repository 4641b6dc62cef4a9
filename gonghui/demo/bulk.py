"""Writing generated rows fast: COPY on PostgreSQL, batched INSERTs on SQLite.

Neither path sends model signals, so no simple-history rows are written:
the audit trail is for what users change, not for generated data.
"""

from collections.abc import Callable, Iterable, Sequence
from itertools import islice

from django.db import connection
from django.db.models import Max, Model

from gonghui.members.models import Member, MemberEvent

from .members import EVENT_COLUMNS, MEMBER_COLUMNS

BATCH_SIZE = 20_000


def reserve_ids(*, model: type[Model], count: int) -> int:
    """The first of `count` consecutive primary keys nobody else will be given.

    Members are written with explicit ids so their events can point at them
    without reading the ids back.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [model._meta.db_table])
            (sequence,) = cursor.fetchone()
            cursor.execute("SELECT nextval(%s)", [sequence])
            (first,) = cursor.fetchone()
            if count > 1:
                cursor.execute("SELECT setval(%s, %s)", [sequence, first + count - 1])
        return first
    # SQLite: the transaction holds the write lock, so max(id) cannot move under us.
    return (model.objects.aggregate(last=Max("id"))["last"] or 0) + 1


def copy_rows(*, model: type[Model], columns: Sequence[str], rows: Iterable[tuple]) -> None:
    quote = connection.ops.quote_name
    sql = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    with connection.cursor() as cursor:
        # Django's wrapper has no COPY; the psycopg 3 cursor underneath does.
        with cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


def insert_rows(*, model: type[Model], columns: Sequence[str], rows: Iterable[tuple]) -> None:
    model.objects.bulk_create((model(**dict(zip(columns, row))) for row in rows), batch_size=1000)


def write_members(
    *,
    drafts: Iterable[tuple[tuple, tuple[tuple, ...]]],
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Write (member row, event rows) pairs batch by batch; returns (members, events) written."""
    write = copy_rows if connection.vendor == "postgresql" else insert_rows
    drafts = iter(drafts)
    members = events = 0
    while batch := list(islice(drafts, batch_size)):
        event_rows = [event for _, member_events in batch for event in member_events]
        write(model=Member, columns=MEMBER_COLUMNS, rows=(member for member, _ in batch))
        write(model=MemberEvent, columns=EVENT_COLUMNS, rows=event_rows)
        members += len(batch)
        events += len(event_rows)
        if progress:
            progress(members)
    return members, events


def analyze(*, models: Sequence[type[Model]]) -> None:
    """Fresh planner statistics, so the first queries after a big load do not guess."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
