"""The two background passes over an uploaded roster: the dry run, and the write.

The dry run goes chunk by chunk: a reader thread reads and checks rows (pure
Python, no database) while this thread loads the previous chunk into the
stage, classifies it against the member records and keeps it. The database
works while Python checks, on the machine's other core.

The write takes the kept rows when they were checked under what still holds
(the same unions and groups, the same day: `RosterRun.stage_key`): one pass
classifies them all again against the member records as they are now, and
members.services.member_rows_import writes them. Otherwise it reads and
checks the file again, merging chunk by chunk as the dry run classifies. It
runs in ONE transaction: a cancel, a crash or an "all or nothing" with a
rejected row rolls everything back.
"""

import hashlib
import itertools
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.files import File
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone

from gonghui.core.files import work_file
from gonghui.core.jobs import fault_point
from gonghui.core.xlsx import write_xlsx
from gonghui.members.bulk import MemberStage, RowOutcome
from gonghui.members.services import member_rows_import

from .checking import RowChecker, UnionDirectory
from .columns import HEADER_SEARCH_ROWS, find_header, is_blank, is_totals, missing_required
from .models import ImportMode, ImportStatus, RosterImport
from .reading import RosterRefused, iter_rows

CHUNK_ROWS = 50_000
FIRST_ERRORS = 20
ERROR_HEADER = "错误说明"
ROW_HEADER = "原表行号"
DUPLICATE = "身份证号码与第{first}行重复，同一人在文件中只能出现一次"


class Cancelled(Exception):
    pass


class NeedsMapping(Exception):
    pass


class NotAllValid(Exception):
    """"All or nothing" met a rejected row: the transaction rolls back."""


@dataclass
class Pass:
    """What one pass found: rejected rows (Excel row number -> message) and counts.

    `errors` are the check's, `clashes` the people held in another union; a write from kept rows knows
    the check's rejections beyond the first few only by their number (`unlisted`).
    """

    errors: dict[int, str] = field(default_factory=dict)
    clashes: dict[int, str] = field(default_factory=dict)
    unlisted: int = 0
    counts: dict[RowOutcome, int] = field(default_factory=lambda: dict.fromkeys(RowOutcome, 0))
    read: int = 0
    written: int = 0

    @property
    def rejected(self) -> int:
        return len(self.errors) + len(self.clashes) + self.unlisted

    def all_errors(self) -> dict[int, str]:
        return {**self.errors, **self.clashes}

    def summary(self) -> dict:
        errors = self.all_errors()
        return {
            "new_count": self.counts[RowOutcome.NEW], "updated_count": self.counts[RowOutcome.UPDATED],
            "unchanged_count": self.counts[RowOutcome.UNCHANGED], "rejected_count": self.rejected,
            "rows_written": self.written, "rows_total": self.read,
            "first_errors": [{"row": n, "message": errors[n]} for n in sorted(errors)[:FIRST_ERRORS]],
        }

    def staged(self, key: str) -> dict:
        """What the write needs of this dry run's check when it takes the kept rows."""
        first = sorted(self.errors)[:FIRST_ERRORS]
        return {"key": key, "rejected": len(self.errors), "first": [[n, self.errors[n]] for n in first]}


class ProgressLine:
    """Progress written where the polling page can see it, even from inside the write transaction.

    Outside a transaction it is an ordinary update. Inside one, PostgreSQL gets it on a connection of
    its own; SKIP LOCKED lets it give way when the request that started the job still holds the row
    (the immediate backend in tests) instead of waiting for it. SQLite shows it at the end.
    """

    def __init__(self, pk: int):
        self.pk = pk
        self.side = None

    def update(self, **fields: int) -> None:
        if not connection.in_atomic_block:
            RosterImport.objects.filter(pk=self.pk).update(**fields)
        elif connection.vendor == "postgresql":
            self.side = self.side or connections.create_connection(DEFAULT_DB_ALIAS)
            table = RosterImport._meta.db_table
            sets = ", ".join(f"{RosterImport._meta.get_field(k).column} = %s" for k in fields)
            with self.side.cursor() as cursor:
                cursor.execute(f"UPDATE {table} SET {sets} WHERE id = "
                               f"(SELECT id FROM {table} WHERE id = %s FOR UPDATE SKIP LOCKED)",
                               [*fields.values(), self.pk])

    def close(self) -> None:
        if self.side is not None:
            self.side.close()


class RosterRun:
    def __init__(self, roster: RosterImport):
        self.roster = roster
        self.actor = roster.created_by
        self.stage = MemberStage(stage_name(roster.pk))
        self.progress = ProgressLine(roster.pk)

    def report(self, **fields: int) -> None:
        """Row counters only: rows_read, rows_checked, rows_written, rows_total."""
        for key, value in fields.items():
            setattr(self.roster, key, value)
        self.progress.update(**fields)

    def wrote(self, result: Pass, count: int) -> None:
        result.written += count
        self.report(rows_written=result.written)
        fault_point("roster_write")  # inside the write transaction, members written but not committed

    def check_cancel(self) -> None:
        if RosterImport.objects.filter(pk=self.roster.pk, cancel_requested=True).exists():
            raise Cancelled

    # reading and checking -------------------------------------------------------------------------
    def _data(self) -> bytes:
        with self.roster.file.open("rb") as fh:
            return fh.read()

    def _rows(self, data: bytes) -> Iterator[tuple[int, list]]:
        """(Excel row number, cells) for each row below the header that may be a person.

        The header is settled here, before the first row is handed out, so the checker sees the mapping.
        """
        rows = iter_rows(data, self.roster.kind, self.roster.sheet_name)
        head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
        self._settle_header(head)
        numbered = itertools.chain(enumerate(head, start=1), enumerate(rows, start=len(head) + 1))
        start = self.roster.header_row + 1
        return ((n, r) for n, r in numbered if n > start and not (is_blank(r) or is_totals(r)))

    def _settle_header(self, head: list[list]) -> None:
        if self.roster.header_row is None:  # only the dry run gets here, outside any transaction
            index, mapping = find_header(head)
            found = {"header_row": index, "headers": [str(c) for c in head[index]] if head else [], "mapping": mapping}
            for key, value in found.items():
                setattr(self.roster, key, value)
            RosterImport.objects.filter(pk=self.roster.pk).update(**found)
        union_required = UnionDirectory(node=self.actor.union).default_union_id is None
        if missing_required(self.roster.mapping, union_required=union_required):
            raise NeedsMapping

    def chunks(self, result: Pass) -> Iterator[list[tuple]]:
        """Checked rows, a chunk at a time, from a reader thread that never touches the database.

        Rejected rows go to result.errors; the reader only ever writes there, and this thread reads
        it after the last chunk.
        """
        rows = self._rows(self._data())
        self.checker = checker = RowChecker(mapping=self.roster.mapping, unions=UnionDirectory.load(self.actor.union))
        handoff: queue.Queue = queue.Queue(maxsize=2)
        stop = threading.Event()

        def put(item) -> None:
            while not stop.is_set():
                try:
                    handoff.put(item, timeout=0.2)
                    return
                except queue.Full:
                    continue

        def read_and_check() -> None:
            try:
                seen: dict[str, int] = {}
                chunk: list[tuple] = []
                for number, row in rows:
                    result.read += 1
                    values, messages = checker.check(row)
                    if values is not None and seen.setdefault(values.id_number, number) != number:
                        messages = [DUPLICATE.format(first=seen[values.id_number])]
                    if messages:
                        result.errors[number] = "；".join(messages)
                    else:
                        chunk.append((number, *values))
                    if result.read % CHUNK_ROWS == 0:
                        put((chunk, result.read))
                        chunk = []
                    if stop.is_set():
                        return
                put((chunk, result.read))
                put(None)
            except BaseException as exc:  # handed to the consuming thread, which raises it
                put(exc)

        reader = threading.Thread(target=read_and_check, name=f"roster-{self.roster.pk}-reader", daemon=True)
        reader.start()
        try:
            while (item := handoff.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                chunk, read = item
                self.report(rows_read=read, rows_checked=read, rows_total=max(read, self.roster.rows_total))
                yield chunk
        finally:
            stop.set()
            reader.join()

    @property
    def all_or_nothing(self) -> bool:
        return self.roster.mode == ImportMode.ALL_OR_NOTHING

    def _classify(self, result: Pass, *, assign_ids: bool, kept: bool = False) -> dict[RowOutcome, int]:
        counts = self.stage.classify(node=self.actor.union, assign_ids=assign_ids, kept=kept)
        for kind, count in counts.items():
            result.counts[kind] += count
        if counts[RowOutcome.ELSEWHERE] or counts[RowOutcome.MOVED]:
            result.clashes.update(self.stage.rejections())
        return counts

    def process(self, result: Pass, *, write: bool) -> Pass:
        """Stage and classify each chunk as it arrives; the dry run keeps it, the write merges it."""
        self.stage.create(keep=not write)
        for chunk in self.chunks(result):
            self.stage.load(chunk)
            if not write:
                self.stage.keep()
            counts = self._classify(result, assign_ids=write)
            if write and not (self.all_or_nothing and result.rejected):
                self.wrote(result, member_rows_import(actor=self.actor, stage=self.stage, counts=counts))
            self.check_cancel()
        if write and self.all_or_nothing and result.rejected:
            raise NotAllValid
        if not write:
            self.stage.kept_done()
        return result

    # the kept rows --------------------------------------------------------------------------------
    def stage_key(self, directory: UnionDirectory, *, today, kept: int) -> str:
        """What the kept rows were checked under: the file's sheet and columns, the unions and groups,
        the day (a date check moves with it) and how many rows were kept (a crash empties them)."""
        roster = self.roster
        parts = [directory.fingerprint(), roster.sheet_name, roster.header_row, sorted(roster.mapping.items()),
                 today.isoformat(), kept]
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    def keep_key(self, result: Pass) -> dict:
        kept = result.read - len(result.errors)
        return result.staged(self.stage_key(self.checker.unions, today=self.checker.today, kept=kept))

    def kept_rows_hold(self) -> bool:
        staged = self.roster.staged
        kept = self.stage.kept_count() if staged else None
        if kept is None:
            return False
        directory = UnionDirectory.load(self.actor.union)
        return staged["key"] == self.stage_key(directory, today=timezone.localdate(), kept=kept)

    def write_kept(self, result: Pass) -> Pass:
        """The dry run's checked rows, classified again against the members as they are now, written at once."""
        staged = self.roster.staged
        result.errors = {n: message for n, message in staged["first"]}
        result.unlisted = staged["rejected"] - len(result.errors)
        result.read = self.roster.rows_total
        self.report(rows_read=result.read, rows_checked=result.read)
        counts = self._classify(result, assign_ids=True, kept=True)
        if self.all_or_nothing and result.rejected:
            raise NotAllValid
        self.wrote(result, member_rows_import(actor=self.actor, stage=self.stage, counts=counts))
        self.check_cancel()
        return result

    # the error file -------------------------------------------------------------------------------
    def write_error_file(self, result: Pass) -> None:
        """The user's own rows that were rejected, with the Excel row number and the reason."""
        errors = result.all_errors()
        if not errors:
            self.roster.error_file = ""
            return
        width = len(self.roster.headers)
        headers = [*self.roster.headers, ROW_HEADER, ERROR_HEADER]
        rejected = ([*row[:width], *[""] * (width - len(row)), number, errors[number]]
                    for number, row in self._rows(self._data()) if number in errors)
        with work_file(".xlsx") as tmp:
            write_xlsx(tmp, headers, rejected, sheet_name="有误的行")
            base = self.roster.original_name.rsplit(".", 1)[0]
            with open(tmp, "rb") as fh:
                self.roster.error_file.save(f"{base}-错误清单.xlsx", File(fh), save=False)

    def finish(self, **fields) -> None:
        fields.setdefault("finished_at", timezone.now())
        for key, value in fields.items():
            setattr(self.roster, key, value)
        self.roster.save()

    def close(self, *, keep: bool = False) -> None:
        self.stage.drop(kept=not keep)
        self.progress.close()


def stage_name(import_id: int) -> str:
    return f"roster_stage_{import_id}"


def run_dry_run(roster: RosterImport) -> None:
    run = RosterRun(roster)
    kept = False
    try:
        result = run.process(Pass(), write=False)
        run.write_error_file(result)
        run.finish(status=ImportStatus.CHECKED, staged=run.keep_key(result), **result.summary())
        kept = True
    except NeedsMapping:
        run.finish(status=ImportStatus.NEEDS_MAPPING, finished_at=None)
    except Cancelled:
        run.finish(status=ImportStatus.CANCELLED, message="已取消检查")
    except RosterRefused as exc:
        run.finish(status=ImportStatus.REFUSED, message=str(exc))
    finally:
        run.close(keep=kept)


def run_write(roster: RosterImport) -> None:
    run = RosterRun(roster)
    result = Pass()
    try:
        with transaction.atomic():
            if run.kept_rows_hold():
                run.write_kept(result)
            else:
                run.process(result, write=True)
        roster.file.delete(save=False)  # the uploaded rows are in the member records now; keep no second copy
        summary = result.summary()
        run.finish(status=ImportStatus.DONE, staged={}, **summary,
                   message=f"新增 {summary['new_count']} 人，更新 {summary['updated_count']} 人，"
                           f"未变 {summary['unchanged_count']} 人，跳过有误的 {result.rejected} 行")
    except NotAllValid:
        run.finish(status=ImportStatus.REFUSED, **{**result.summary(), "rows_written": 0},
                   message=f"有 {result.rejected} 行有误；按“全部无误才导入”的选择，一行也没有导入")
    except Cancelled:
        run.finish(status=ImportStatus.CANCELLED, rows_written=0, message="已取消，数据库未作任何改动")
    except RosterRefused as exc:
        run.finish(status=ImportStatus.REFUSED, message=str(exc))
    finally:
        run.close()
