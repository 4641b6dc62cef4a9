"""Writing generated rows fast: COPY on PostgreSQL, batched INSERTs on SQLite.

Neither path sends model signals, so no simple-history rows are written:
the audit trail is for what users change, not for generated data.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice

from django.db import connection
from django.db.models import Max, Model

from gonghui.members.models import Member, MemberEvent

from .members import EVENT_COLUMNS, MEMBER_COLUMNS

BATCH_SIZE = 20_000
# Below this many rows, keeping the indexes up to date row by row is cheaper
# than building them again.
REBUILD_THRESHOLD = 100_000


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


def estimated_rows(*, model: type[Model]) -> int:
    """PostgreSQL's estimate of the table size: free, where count(*) reads the whole table."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        (estimate,) = cursor.fetchone()
    return max(0, int(estimate))  # -1 until the table is first analysed


def worth_rebuilding(*, model: type[Model], adding: int) -> bool:
    """A big load into a table that is small by comparison: rebuild rather than maintain."""
    return connection.vendor == "postgresql" and adding >= max(REBUILD_THRESHOLD, estimated_rows(model=model))


def big_tables(*, models: Sequence[type[Model]]) -> list[type[Model]]:
    """The tables large enough that per-row foreign key checks would dominate a bulk delete."""
    if connection.vendor != "postgresql":
        return []
    return [model for model in models if estimated_rows(model=model) >= REBUILD_THRESHOLD]


@contextmanager
def constraints_suspended(*, models: Sequence[type[Model]], indexes: bool = False) -> Iterator[None]:
    """Drop the foreign keys from and to the tables (and with indexes=True
    their secondary indexes); put them back on exit.

    This is PostgreSQL's own advice for populating a database, and it holds
    for emptying one too: one sort per index and one join per foreign key
    beat a per-row index insert and a per-row check for every key. A million
    members load in a third of the time; deleting them, which otherwise
    checks each row against every table that points at members, goes from
    minutes to seconds. The tables and their neighbours are locked until the
    transaction ends, so only the demo data load does this; if it fails, the transaction
    rolls back and the DDL with it.
    """
    if not models or connection.vendor != "postgresql":
        yield
        return
    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        _run_deferred_checks(cursor)
        restore = _drop_indexes(cursor, tables) if indexes else []
        # Indexes come back first: validating a foreign key is quicker once they exist.
        restore += _drop_foreign_keys(cursor, tables)
    yield
    with connection.cursor() as cursor:
        _run_deferred_checks(cursor)
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for statement in restore:
            cursor.execute(statement)


def _run_deferred_checks(cursor) -> None:
    # ALTER TABLE refuses a table with foreign key checks still pending.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


# Names come back from the catalogue as regclass text, which is already
# quoted (and schema-qualified where needed), so they go into the SQL as they are.


def _drop_foreign_keys(cursor, tables: list[str]) -> list[str]:
    """Drop every foreign key held by or pointing at the tables; return the SQL that adds them back."""
    quote = connection.ops.quote_name
    cursor.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'f' AND (conrelid = ANY(%s::regclass[]) OR confrelid = ANY(%s::regclass[]))",
        [tables, tables],
    )
    foreign_keys = cursor.fetchall()
    for table, name, _ in foreign_keys:
        cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
    return [
        f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}" for table, name, definition in foreign_keys
    ]


def _drop_indexes(cursor, tables: list[str]) -> list[str]:
    """Drop the indexes no constraint owns; return the SQL that recreates them."""
    cursor.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "WHERE i.indrelid = ANY(%s::regclass[]) "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
        [tables],
    )
    indexes = cursor.fetchall()
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    return [definition for _, definition in indexes]


def analyze(*, models: Sequence[type[Model]]) -> None:
    """Fresh planner statistics, so the first queries after a big load do not guess."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
