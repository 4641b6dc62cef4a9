"""The two background passes over an uploaded roster: the dry run, and the write.

Both read and check every row the same way and load the valid ones into a
temporary stage (outside any transaction, reporting progress as they go);
the dry run then only counts, while the write merges in ONE transaction
that a cancel or a crash rolls back.
"""

import itertools
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.files import File
from django.db import connection, transaction
from django.utils import timezone

from .checking import RowChecker, UnionDirectory
from .columns import HEADER_SEARCH_ROWS, find_header, is_blank, is_totals, missing_required
from .models import ImportMode, ImportStatus, RosterImport
from .reading import RosterRefused, iter_rows
from .staging import Kind, Stage
from .xlsx import write_xlsx

BATCH_ROWS = 10_000
FIRST_ERRORS = 20
ERROR_HEADER = "错误说明"
ROW_HEADER = "原表行号"


class Cancelled(Exception):
    pass


class NeedsMapping(Exception):
    pass


@dataclass
class Pass:
    """What one pass over the file found: rejected rows (Excel row number -> message) and counts."""

    errors: dict[int, str] = field(default_factory=dict)
    counts: dict[Kind, int] = field(default_factory=dict)

    @property
    def rejected(self) -> int:
        return len(self.errors)


class RosterRun:
    def __init__(self, roster: RosterImport):
        self.roster = roster
        self.actor = roster.created_by
        self.stage = Stage(f"roster_stage_{roster.pk}")

    # progress and cancel -------------------------------------------------
    def report(self, **fields) -> None:
        """Progress is written outside the write transaction so the polling page sees it at once."""
        for key, value in fields.items():
            setattr(self.roster, key, value)
        if not connection.in_atomic_block:
            RosterImport.objects.filter(pk=self.roster.pk).update(**fields)

    def check_cancel(self) -> None:
        if RosterImport.objects.filter(pk=self.roster.pk, cancel_requested=True).exists():
            raise Cancelled

    # reading and checking ------------------------------------------------
    def _data(self) -> bytes:
        with self.roster.file.open("rb") as fh:
            return fh.read()

    def _rows(self, data: bytes) -> Iterator[tuple[int, list]]:
        """(Excel row number, cells) for each row below the header that may be a person.

        The header is settled before the first row is handed out, so the checker sees the mapping.
        """
        rows = iter_rows(data, self.roster.kind, self.roster.sheet_name)
        head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
        self._settle_header(head)
        numbered = itertools.chain(enumerate(head, start=1), enumerate(rows, start=len(head) + 1))
        start = self.roster.header_row + 1
        return ((n, r) for n, r in numbered if n > start and not (is_blank(r) or is_totals(r)))

    def _settle_header(self, head: list[list]) -> None:
        if self.roster.header_row is None:
            index, mapping = find_header(head)
            self.report(header_row=index, headers=[str(c) for c in head[index]] if head else [], mapping=mapping)
        union_required = UnionDirectory(node=self.actor.union).default_union_id is None
        if missing_required(self.roster.mapping, union_required=union_required):
            raise NeedsMapping

    def stage_rows(self) -> Pass:
        """Read, check and stage every row; rejected rows are kept with their messages."""
        rows = self._rows(self._data())
        result = Pass()
        checker = RowChecker(mapping=self.roster.mapping, unions=UnionDirectory.load(self.actor.union))
        seen: dict[str, int] = {}
        batch: list[tuple] = []
        read = 0
        self.stage.create()
        for number, row in rows:
            read += 1
            values, messages = checker.check(row)
            if values is not None:
                first = seen.setdefault(values[3], number)
                if first != number:
                    messages = [f"身份证号码与第{first}行重复，同一人在文件中只能出现一次"]
            if messages:
                result.errors[number] = "；".join(messages)
            else:
                batch.append((number, *values))
            if read % BATCH_ROWS == 0:
                self._flush(batch, read)
        self._flush(batch, read)
        self.report(rows_total=read)
        return result

    def _flush(self, batch: list[tuple], read: int) -> None:
        self.stage.load(batch)
        batch.clear()
        self.report(rows_read=read, rows_checked=read, rows_total=max(read, self.roster.rows_total))
        self.check_cancel()

    def classify(self, result: Pass, *, assign_ids: bool) -> None:
        result.counts = self.stage.classify(node=self.actor.union, assign_ids=assign_ids)
        result.errors.update(self.stage.rejections())

    # the error file --------------------------------------------------------
    def write_error_file(self, result: Pass) -> None:
        """The user's own rows that were rejected, with the Excel row number and the reason."""
        if not result.errors:
            self.roster.error_file = ""
            return
        width = len(self.roster.headers)
        headers = [*self.roster.headers, ROW_HEADER, ERROR_HEADER]
        rejected = ([*row[:width], *[""] * (width - len(row)), number, result.errors[number]]
                    for number, row in self._rows(self._data()) if number in result.errors)
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as tmp:
            write_xlsx(tmp.name, headers, rejected, sheet_name="有误的行")
            base = self.roster.original_name.rsplit(".", 1)[0]
            self.roster.error_file.save(f"{base}-错误清单.xlsx", File(open(tmp.name, "rb")), save=False)

    def finish(self, **fields) -> None:
        fields.setdefault("finished_at", timezone.now())
        for key, value in fields.items():
            setattr(self.roster, key, value)
        self.roster.save()


def _summary(result: Pass) -> dict:
    return {
        "new_count": result.counts.get(Kind.NEW, 0),
        "updated_count": result.counts.get(Kind.UPDATED, 0),
        "unchanged_count": result.counts.get(Kind.UNCHANGED, 0),
        "rejected_count": result.rejected,
        "first_errors": [{"row": n, "message": result.errors[n]} for n in sorted(result.errors)[:FIRST_ERRORS]],
    }


def run_dry_run(roster: RosterImport) -> None:
    run = RosterRun(roster)
    try:
        result = run.stage_rows()
        run.classify(result, assign_ids=False)
        run.write_error_file(result)
        run.finish(status=ImportStatus.CHECKED, **_summary(result))
    except NeedsMapping:
        run.finish(status=ImportStatus.NEEDS_MAPPING, finished_at=None)
    except Cancelled:
        run.finish(status=ImportStatus.CANCELLED, message="已取消检查")
    except RosterRefused as exc:
        run.finish(status=ImportStatus.REFUSED, message=str(exc))
    finally:
        run.stage.drop()


def run_write(roster: RosterImport) -> None:
    run = RosterRun(roster)
    try:
        result = run.stage_rows()
        with transaction.atomic():
            run.classify(result, assign_ids=True)
            summary = _summary(result)
            if roster.mode == ImportMode.ALL_OR_NOTHING and result.rejected:
                run.finish(status=ImportStatus.REFUSED, rows_written=0, **summary,
                           message=f"有 {result.rejected} 行有误；按“全部无误才导入”的选择，一行也没有导入")
                return
            run.check_cancel()
            written = run.stage.merge(tenant_id=run.actor.union.tenant_id, actor_id=run.actor.pk, now=timezone.now(),
                                      between=lambda n: run.check_cancel())
        roster.file.delete(save=False)  # the uploaded rows are in the member records now; keep no second copy
        run.finish(status=ImportStatus.DONE, rows_written=written, **summary,
                   message=f"新增 {summary['new_count']} 人，更新 {summary['updated_count']} 人，"
                           f"未变 {summary['unchanged_count']} 人，跳过有误的 {result.rejected} 行")
    except Cancelled:
        run.finish(status=ImportStatus.CANCELLED, rows_written=0, message="已取消，数据库未作任何改动")
    except RosterRefused as exc:
        run.finish(status=ImportStatus.REFUSED, message=str(exc))
    finally:
        run.stage.drop()

