"""Member rows checked elsewhere (a roster import) in a table of their own, compared with the member
records and merged into them in SQL: the one bulk write path into the member tables.

The caller checks each row (gonghui.members.rules is the shared rulebook) and hands over `MemberRow`
values; this module owns every statement that names a member table. PostgreSQL loads the stage with
COPY (psycopg 3), SQLite with executemany. Everything after the load is the same SQL on both: classify
each row as new / updated / unchanged / held elsewhere, then INSERT … SELECT and UPDATE … FROM into
members_member, with the join events (members_memberevent) and the audit-trail rows
(members_historicalmember) written alongside. The write itself goes through
`services.member_rows_import`.
"""

from collections.abc import Iterable
from datetime import date, datetime
from enum import IntEnum
from typing import NamedTuple

from django.db import DatabaseError, connection, transaction

from gonghui.core.identifiers import ID_TAIL_LENGTH
from gonghui.org.models import Union

from .models import Member, MemberEvent
from .rules import membership_clash_message


class MemberRow(NamedTuple):
    """One checked row's values, in the stage's column order after row_no. Blank optional cells are None."""

    union_id: int
    group_id: int | None
    name: str
    id_number: str
    birth_date: date
    gender: str
    ethnicity: str | None
    phone: str | None
    education: str | None
    political_status: str | None
    category: str | None
    join_date: date
    card_number: str | None


VALUE_COLUMNS = MemberRow._fields
STAGE_COLUMNS = ("row_no", *VALUE_COLUMNS)
STAGE_DDL = """CREATE {kind} TABLE {table} (
    row_no integer NOT NULL, union_id bigint NOT NULL, group_id bigint, name varchar(30) NOT NULL,
    id_number varchar(18) NOT NULL, birth_date date NOT NULL, gender varchar(1) NOT NULL, ethnicity varchar(10),
    phone varchar(11), education varchar(16), political_status varchar(16), category varchar(12),
    join_date date NOT NULL, card_number varchar(30))"""
# Blank optional cells stay NULL in the stage: they keep what the member record already has.
OPTIONAL = ("ethnicity", "phone", "education", "political_status", "category", "card_number")
NEW_DEFAULTS = {"ethnicity": "'汉族'", "phone": "''", "education": "''", "political_status": "''",
                "category": "'employed'", "card_number": "''"}
IMPORT_NOTE = "花名册导入"
# The audit-trail version as save_with_history writes it: when, why, what kind of change, by whom.
HISTORY_COLUMNS = "history_date, history_change_reason, history_type, history_user_id"


class RowOutcome(IntEnum):
    NEW = 1
    UPDATED = 2
    UNCHANGED = 3
    ELSEWHERE = 4  # active in a union outside the importer's subtree
    MOVED = 5  # active in another union of the subtree: that is a transfer, not an import


class MemberStage:
    """Checked rows on their way into the member tables, under one name.

    `{name}_chunk` (temporary) holds the rows of one chunk as loaded; `{name}_plan` (temporary) adds
    what each row would do. `{name}` keeps every checked row of a dry run (`keep`), so that the write
    can take them from there in one statement instead of reading and checking the file again. On
    PostgreSQL it is UNLOGGED: it outlives the job's connection, writes no WAL, and a crash empties
    it, which `kept_count` then shows.
    """

    def __init__(self, name: str):
        self.chunk = connection.ops.quote_name(f"{name}_chunk")
        self.kept = connection.ops.quote_name(name)
        self.plan = connection.ops.quote_name(f"{name}_plan")
        self.member = connection.ops.quote_name(Member._meta.db_table)
        self.history = connection.ops.quote_name(Member.history.model._meta.db_table)

    def _run(self, sql: str, params: Iterable = ()) -> int:
        with connection.cursor() as cursor:
            cursor.execute(sql, list(params))
            return cursor.rowcount

    def _rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, list(params))
            return cursor.fetchall()

    def create(self, *, keep: bool = False) -> None:
        """A fresh chunk table; with keep, a fresh table to keep the dry run's rows in as well."""
        self.drop(kept=keep)
        self._run(STAGE_DDL.format(kind="TEMPORARY", table=self.chunk))
        if keep:
            kind = "UNLOGGED" if connection.vendor == "postgresql" else ""
            self._run(STAGE_DDL.format(kind=kind, table=self.kept))

    def drop(self, *, kept: bool = True) -> None:
        """The temporary tables, and unless told otherwise the kept rows (they hold full ID numbers)."""
        for table in (self.plan, self.chunk, *((self.kept,) if kept else ())):
            self._run(f"DROP TABLE IF EXISTS {table}")

    def load(self, rows: list[tuple]) -> None:
        """Replace the chunk table's rows with these: (row number, *MemberRow)."""
        columns = ", ".join(STAGE_COLUMNS)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"TRUNCATE {self.chunk}")
                with cursor.cursor.copy(f"COPY {self.chunk} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.execute(f"DELETE FROM {self.chunk}")
                marks = ", ".join(["%s"] * len(STAGE_COLUMNS))
                cursor.executemany(f"INSERT INTO {self.chunk} ({columns}) VALUES ({marks})", rows)

    def keep(self) -> None:
        """Add the loaded chunk to the kept rows."""
        self._run(f"INSERT INTO {self.kept} SELECT * FROM {self.chunk}")

    def kept_done(self) -> None:
        """The dry run has kept its last row: statistics for the write's one pass over them."""
        if connection.vendor == "postgresql":
            self._run(f"ANALYZE {self.kept}")

    def kept_count(self) -> int | None:
        """How many rows are kept, or None when there is no such table (dropped, or never kept)."""
        try:
            with transaction.atomic():
                return self._rows(f"SELECT COUNT(*) FROM {self.kept}")[0][0]
        except DatabaseError:
            return None

    def classify(self, *, node: Union, assign_ids: bool, kept: bool = False) -> dict[RowOutcome, int]:
        """Match each row by ID number against the tenant's active members and say what it would do.

        One CREATE TABLE … AS pass over the loaded chunk, or with kept over every kept row (no UPDATE
        of them); with assign_ids, new rows get their member id here too, so events and audit rows
        need no lookup afterwards.
        """
        s = self.kept if kept else self.chunk
        changed = " OR ".join(
            ["s.name <> m.name", "s.join_date <> m.join_date",
             "(s.group_id IS NOT NULL AND (m.group_id IS NULL OR s.group_id <> m.group_id))"]
            + [f"(s.{c} IS NOT NULL AND s.{c} <> m.{c})" for c in OPTIONAL])
        self._run(f"DROP TABLE IF EXISTS {self.plan}")
        self._run(f"""
            CREATE TEMPORARY TABLE {self.plan} AS
            SELECT s.*, CASE WHEN m.id IS NULL THEN {self._new_id() if assign_ids else 'NULL'} ELSE m.id END
                       AS member_id,
                   m.union_id AS old_union_id, CASE
                WHEN m.id IS NULL THEN {RowOutcome.NEW:d}
                WHEN substr(u.path, 1, %s) <> %s THEN {RowOutcome.ELSEWHERE:d}
                WHEN m.union_id <> s.union_id THEN {RowOutcome.MOVED:d}
                WHEN {changed} THEN {RowOutcome.UPDATED:d}
                ELSE {RowOutcome.UNCHANGED:d} END AS kind
            FROM {s} s
            LEFT JOIN {self._holder()}
            LEFT JOIN {connection.ops.quote_name(Union._meta.db_table)} u ON u.id = m.union_id""",
                  [len(node.path), node.path, node.tenant_id])
        counts = dict.fromkeys(RowOutcome, 0)
        counts.update({RowOutcome(k): n for k, n in self._rows(f"SELECT kind, COUNT(*) FROM {self.plan} GROUP BY kind")})
        return counts

    def _holder(self) -> str:
        """The active member holding each staged ID number: one index lookup per row.

        A chunk is small beside the tenant's members, and those were just inserted by this very
        transaction (so PostgreSQL's statistics do not know them yet): left to itself the planner
        hashes every member of the county for each chunk. LATERAL … LIMIT 1 keeps it to the index
        on (tenant_id, id_number); SQLite always joins that way.
        """
        match = "m.tenant_id = %s AND m.status = 'active' AND m.id_number = s.id_number"
        if connection.vendor == "postgresql":
            return f"LATERAL (SELECT * FROM {self.member} m WHERE {match} LIMIT 1) m ON true"
        return f"{self.member} m ON {match}"

    def _new_id(self) -> str:
        if connection.vendor == "postgresql":
            return f"nextval(pg_get_serial_sequence('{Member._meta.db_table}', 'id'))"
        # SQLite holds the write lock for the whole transaction, so MAX(id) cannot move under us.
        return f"s.row_no + (SELECT COALESCE(MAX(id), 0) FROM {self.member})"

    def rejections(self) -> dict[int, str]:
        union_table = connection.ops.quote_name(Union._meta.db_table)
        rows = self._rows(f"""SELECT p.row_no, p.kind, u.name FROM {self.plan} p
                              JOIN {union_table} u ON u.id = p.old_union_id
                              WHERE p.kind IN ({RowOutcome.ELSEWHERE:d}, {RowOutcome.MOVED:d})""")
        return {row_no: _clash_message(RowOutcome(kind), union_name) for row_no, kind, union_name in rows}

    def merge(self, *, counts: dict[RowOutcome, int], tenant_id: int, actor_id: int, now: datetime) -> int:
        """Write the classified chunk's new and updated rows, their join events and audit-trail rows.

        Statements with nothing to do are skipped: an UPDATE … FROM over an empty set may still make
        the planner hash the whole member table.
        """
        stamp = connection.ops.adapt_datetimefield_value(now)
        if connection.vendor == "postgresql":
            # Foreign keys are checked as each row goes in, not queued a million times for COMMIT.
            self._run("SET CONSTRAINTS ALL IMMEDIATE")
        written = 0
        if counts[RowOutcome.NEW]:
            written += self._insert_new(tenant_id, actor_id, stamp)
        if counts[RowOutcome.UPDATED]:
            written += self._update_changed(actor_id, stamp)
        return written

    def _new_member(self, tenant_id: int, stamp) -> tuple[list[str], list[str], list]:
        """Columns of members_member and, for each, its value from the plan for a new member."""
        values = {c: (f"COALESCE({c}, {NEW_DEFAULTS[c]})" if c in NEW_DEFAULTS else c) for c in VALUE_COLUMNS}
        values.update(id="member_id", tenant_id="%s", id_tail=f"substr(id_number, length(id_number) - {ID_TAIL_LENGTH - 1})", status="'active'",
                      created_at="%s", updated_at="%s")
        columns = [f.column for f in Member._meta.concrete_fields]
        params = {"tenant_id": tenant_id, "created_at": stamp, "updated_at": stamp}
        return columns, [values[c] for c in columns], [params[c] for c in columns if c in params]

    def _insert_new(self, tenant_id: int, actor_id: int, stamp) -> int:
        """New members, their join events and their first audit-trail version, all from the plan."""
        columns, select, params = self._new_member(tenant_id, stamp)
        new = f"FROM {self.plan} WHERE kind = {RowOutcome.NEW:d}"
        written = self._run(f"INSERT INTO {self.member} ({', '.join(columns)}) SELECT {', '.join(select)} {new}",
                            params)
        event_table = connection.ops.quote_name(MemberEvent._meta.db_table)
        self._run(f"""INSERT INTO {event_table} (tenant_id, member_id, union_id, kind, on_date, note, by_id, created_at)
                      SELECT %s, member_id, union_id, 'join', join_date, %s, %s, %s {new}""",
                  [tenant_id, IMPORT_NOTE, actor_id, stamp])
        self._run(f"""INSERT INTO {self.history} ({', '.join(columns)}, {HISTORY_COLUMNS})
                      SELECT {', '.join(select)}, %s, %s, '+', %s {new}""", [*params, stamp, IMPORT_NOTE, actor_id])
        return written

    def _update_changed(self, actor_id: int, stamp) -> int:
        m = self.member
        if connection.vendor == "postgresql":
            self._run(f"ANALYZE {self.plan}")
        sets = ["name = p.name", "join_date = p.join_date", f"group_id = COALESCE(p.group_id, {m}.group_id)",
                *(f"{c} = COALESCE(p.{c}, {m}.{c})" for c in OPTIONAL), "updated_at = %s"]
        written = self._run(f"UPDATE {m} SET {', '.join(sets)} FROM {self.plan} p "
                            f"WHERE p.kind = {RowOutcome.UPDATED:d} AND {m}.id = p.member_id", [stamp])
        columns = [f.column for f in Member._meta.concrete_fields]
        self._run(f"""INSERT INTO {self.history} ({', '.join(columns)}, {HISTORY_COLUMNS})
                      SELECT {', '.join('m.' + c for c in columns)}, %s, %s, '~', %s
                      FROM {m} m JOIN {self.plan} p ON m.id = p.member_id
                      WHERE p.kind = {RowOutcome.UPDATED:d}""", [stamp, IMPORT_NOTE, actor_id])
        return written


def _clash_message(kind: RowOutcome, union_name: str) -> str:
    if kind == RowOutcome.ELSEWHERE:  # outside the importer's subtree: the union is not named
        return membership_clash_message(None)
    return f"此人已是“{union_name}”的在册会员；调换工会请办理转会，不能通过花名册导入"
