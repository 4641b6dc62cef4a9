"""Roster import and export at a million rows on PostgreSQL (issue 4).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_rosters .venv/bin/python bench/bench_rosters.py [--rows N]

Builds a lean county of its own (1 federation, 1 street, 100 grassroots unions, one user) and a
generated N-row .xlsx roster cached under bench/out/. Each measurement runs in a fresh subprocess so
its peak memory (ru_maxrss) is its own:

- the whole wait, the figure with a target: the dry run the user sees before choosing to write
  (`importing.run_dry_run`: read, check, classify, keep the checked rows), then the write job
  (`importing.run_write`) taking the kept rows: classify them again and write members_member with join
  events and audit-trail rows in one transaction. Into an empty county; both in one process;
- import without a dry run: the write job when the kept rows cannot be used (a union changed since):
  read with calamine, check every row, COPY, classify and merge chunk by chunk, one transaction;
- re-import of the same file (every row unchanged, nothing written);
- floors in the same run: reading the sheet with calamine and nothing else, and a plain COPY of the
  same rows into an unlogged table; the whole wait's target is 3 × their sum;
- the per-row ORM path (`members.services.member_create`, one transaction per person) on 10,000 rows,
  scaled to N;
- django-import-export 4 with its fastest documented settings (a ModelResource for Member with
  use_bulk, skip_diff, force_init_instance) on the first 50,000 rows of the same roster, scaled to N;
- export of all N members to .xlsx and .csv through the real export code (`exporting.write_export`).
Each timed step starts after a CHECKPOINT and runs once: read them as orders of magnitude on a shared
machine, and compare the ratios, which are measured in the same run.
"""

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from common import ensure_database, require_postgresql

from django.core.files import File
from django.db import connection
from django.utils import timezone

from gonghui.accounts.models import Role, User
from gonghui.core.identifiers import id_check_char
from gonghui.org.models import UnionLevel, Union

OUT = Path(__file__).resolve().parent / "out"
ROOT_CODE = "BENCH-ROSTERS"
UNIONS = 100
ORM_ROWS = 10_000
HEADERS = ("姓名", "性别", "身份证号码", "手机号码", "入会日期", "民族", "学历", "政治面貌", "人员类别", "工会代码",
           "工会小组", "会员卡号")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平")
EDUCATION = ("大学本科", "大学专科", "中专/高中", "初中及以下", "研究生")
POLITICAL = ("群众", "中共党员", "共青团员", "群众", "中共预备党员")
IMPORT_EXPORT_ROWS = 50_000
TARGETS = {"import": 60.0, "export_xlsx": 40.0}
WAIT_TARGET = 3.0  # × (calamine read + plain COPY)
MEMORY_TARGET_MB = 1536
# The roster's labels as the member fields store them, for the paths that do not read labels themselves.
ORM_LABELS = {"大学本科": "bachelor", "大学专科": "college", "中专/高中": "secondary", "初中及以下": "junior",
              "研究生": "postgraduate", "群众": "masses", "中共党员": "cpc", "共青团员": "league",
              "中共预备党员": "cpc_probationary"}


def person(i: int) -> tuple:
    """Row i of the generated roster: a valid, distinct ID number for every i below 1,000,000."""
    birth = date(1970, 1, 1) + timedelta(days=i // 1000)
    seq = i % 1000
    body = f"330281{birth:%Y%m%d}{seq:03d}"
    return (SURNAMES[i % 20] + GIVEN[(i // 20) % 20], "男" if seq % 2 else "女", body + id_check_char(body),
            f"13{i:09d}", date(2000, 1, 1) + timedelta(days=i % 7000), "汉族", EDUCATION[i % 5], POLITICAL[i % 5],
            "在职", f"BR{i % UNIONS:03d}", "", f"HY{i:08d}")


def roster_path(rows: int) -> Path:
    """The generated roster, written once (rustpy-xlsxwriter: seconds; XlsxWriter would take minutes)."""
    path = OUT / f"roster_{rows}.xlsx"
    if not path.exists():
        import rustpy_xlsxwriter

        OUT.mkdir(exist_ok=True)
        started = time.perf_counter()
        records = (dict(zip(HEADERS, person(i))) for i in range(rows))
        rustpy_xlsxwriter.write_worksheet(records, str(path), sheet_name="花名册")
        print(f"generated {path.name} ({path.stat().st_size / 1048576:.0f} MB) in {time.perf_counter() - started:.0f} s",
              flush=True)
    return path


def ensure_county() -> User:
    root = Union.objects.filter(code=ROOT_CODE, depth=1).first()
    if root is None:
        root = Union.objects.add_root({"name": "基准县总工会", "code": ROOT_CODE, "level": UnionLevel.COUNTY})
        root.tenant_id = root.pk
        root.save()
        street = Union.objects.add_child(root, {"name": "基准街道总工会", "code": "BR-STREET", "level": UnionLevel.STREET,
                                                "tenant_id": root.pk})
        for n in range(UNIONS):
            Union.objects.add_child(street, {"name": f"基准第{n}工会", "code": f"BR{n:03d}",
                                             "level": UnionLevel.GRASSROOTS, "tenant_id": root.pk})
            street.refresh_from_db()
    user, _ = User.objects.get_or_create(username="bench_rosters", defaults={
        "union": root, "role": Role.FEDERATION_ADMIN, "full_name": "基准"})
    return user


def wipe_members() -> None:
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE members_memberevent, members_historicalmember, members_member CASCADE")


def checkpoint() -> None:
    """Start each timed step with no dirty pages left over from the step before (needs a superuser)."""
    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# Steps, each run in its own process ---------------------------------------------------------------------------------

def uploaded(user: User, rows: int):
    """The generated roster as an upload whose sheet and columns are settled, as the dry run starts it."""
    from gonghui.rosters.columns import find_header
    from gonghui.rosters.models import ImportMode, ImportStatus, RosterImport

    path = roster_path(rows)
    roster = RosterImport(tenant_id=user.union.tenant_id, union=user.union, created_by=user, kind="xlsx",
                          original_name=path.name, sheet_name="花名册", status=ImportStatus.CHECKING,
                          mode=ImportMode.SKIP_REJECTED, rows_total=rows)
    _, roster.mapping = find_header([list(HEADERS)])
    roster.header_row, roster.headers = 0, list(HEADERS)
    with open(path, "rb") as fh:
        roster.file.save(path.name, File(fh))
    return roster


def timed_job(job, roster, expected: str) -> float:
    checkpoint()
    started = time.perf_counter()
    job(roster)
    seconds = time.perf_counter() - started
    roster.refresh_from_db()
    assert roster.status == expected, (roster.status, roster.message, roster.first_errors[:3])
    return seconds


def outcome(roster, **seconds) -> dict:
    roster.file.delete(save=False)
    return {**seconds, "peak_mb": peak_mb(), "new": roster.new_count, "unchanged": roster.unchanged_count,
            "rejected": roster.rejected_count, "written": roster.rows_written}


def step_import(rows: int, *, wipe: bool, dry_run: bool = False) -> dict:
    """The write job with no dry run before it (it reads and checks the file itself), or with dry_run the
    check the user sees first (read, check, classify, keep; nothing written)."""
    from gonghui.rosters.importing import run_dry_run, run_write
    from gonghui.rosters.models import ImportStatus

    user = ensure_county()
    if wipe:
        wipe_members()
    roster = uploaded(user, rows)
    if dry_run:
        return outcome(roster, seconds=timed_job(run_dry_run, roster, ImportStatus.CHECKED))
    roster.status = ImportStatus.WRITING
    return outcome(roster, seconds=timed_job(run_write, roster, ImportStatus.DONE))


def step_wait(rows: int) -> dict:
    """The user's whole wait: the dry run, then the write taking the rows it kept."""
    from gonghui.rosters.importing import run_dry_run, run_write
    from gonghui.rosters.models import ImportStatus, RosterImport

    user = ensure_county()
    wipe_members()
    roster = uploaded(user, rows)
    dry = timed_job(run_dry_run, roster, ImportStatus.CHECKED)
    assert roster.staged, "the dry run kept no rows"
    RosterImport.objects.filter(pk=roster.pk).update(status=ImportStatus.WRITING)
    roster.status = ImportStatus.WRITING
    write = timed_job(run_write, roster, ImportStatus.DONE)
    return outcome(roster, seconds=dry + write, dry_run_seconds=dry, write_seconds=write)


def step_import_export(rows: int) -> dict:
    """django-import-export's fastest documented import of the same roster's first rows, into an empty county.

    The sheet is read with calamine into a tablib Dataset (its own .xlsx reader, openpyxl, is slower and not
    installed); the resource converts the roster's labels and derives birth date, gender and ID tail as our
    import does. It writes members only: no join events, no audit trail (bulk_create sends no signals)."""
    import tablib
    from import_export import fields, resources, widgets
    from python_calamine import CalamineWorkbook

    from gonghui.core.identifiers import id_tail, parse_resident_id
    from gonghui.members.models import Member

    user = ensure_county()
    wipe_members()
    sample = min(rows, IMPORT_EXPORT_ROWS)
    tenant_id = user.union.tenant_id

    class MemberResource(resources.ModelResource):
        union = fields.Field(attribute="union", column_name="工会代码", widget=widgets.ForeignKeyWidget(Union, "code"))
        name = fields.Field(attribute="name", column_name="姓名")
        id_number = fields.Field(attribute="id_number", column_name="身份证号码")
        phone = fields.Field(attribute="phone", column_name="手机号码")
        join_date = fields.Field(attribute="join_date", column_name="入会日期", widget=widgets.DateWidget())
        ethnicity = fields.Field(attribute="ethnicity", column_name="民族")
        education = fields.Field(attribute="education", column_name="学历")
        political_status = fields.Field(attribute="political_status", column_name="政治面貌")
        card_number = fields.Field(attribute="card_number", column_name="会员卡号")

        class Meta:
            model = Member
            fields = ("union", "name", "id_number", "phone", "join_date", "ethnicity", "education",
                      "political_status", "card_number")
            import_id_fields = ("id_number",)
            use_bulk = True
            skip_diff = True
            force_init_instance = True
            batch_size = 1000

        def before_import_row(self, row, **kwargs):
            row["学历"], row["政治面貌"] = ORM_LABELS[row["学历"]], ORM_LABELS[row["政治面貌"]]

        def before_save_instance(self, instance, row, **kwargs):
            person_id = parse_resident_id(instance.id_number)
            instance.tenant_id, instance.birth_date, instance.gender = tenant_id, person_id.birth_date, person_id.gender
            instance.id_tail = id_tail(instance.id_number)

    checkpoint()
    started = time.perf_counter()
    sheet = CalamineWorkbook.from_path(str(roster_path(sample))).get_sheet_by_name("花名册").iter_rows()
    header = next(sheet)
    dataset = tablib.Dataset(*(next(sheet) for _ in range(sample)), headers=header)
    result = MemberResource().import_data(dataset, raise_errors=True, use_transactions=True)
    seconds = time.perf_counter() - started
    written = Member.objects.filter(tenant_id=tenant_id).count()
    assert not result.has_errors() and written == sample, (result.totals, written)
    wipe_members()
    return {"seconds": seconds, "rows": sample, "scaled_seconds": seconds * rows / sample, "peak_mb": peak_mb()}


def step_read_floor(rows: int) -> dict:
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    count = sum(1 for _ in CalamineWorkbook.from_path(str(roster_path(rows))).get_sheet_by_name("花名册").iter_rows())
    return {"seconds": time.perf_counter() - started, "peak_mb": peak_mb(), "rows": count}


def step_copy_floor(rows: int) -> dict:
    data = [person(i) for i in range(rows)]
    checkpoint()
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_copy_floor")
        cursor.execute("""CREATE UNLOGGED TABLE bench_copy_floor (name varchar(30), gender varchar(2),
                          id_number varchar(18), phone varchar(11), join_date date, ethnicity varchar(10),
                          education varchar(16), political varchar(16), category varchar(12), union_code varchar(30),
                          group_name varchar(60), card_number varchar(30))""")
        started = time.perf_counter()
        with cursor.cursor.copy("COPY bench_copy_floor FROM STDIN") as copy:
            for row in data:
                copy.write_row(row)
        seconds = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_copy_floor")
    return {"seconds": seconds, "peak_mb": peak_mb()}


def step_orm(rows: int) -> dict:
    from gonghui.members.services import member_create

    user = ensure_county()
    unions = list(Union.objects.filter(tenant_id=user.union.tenant_id, level=UnionLevel.GRASSROOTS).order_by("code"))
    wipe_members()
    # Rows from the far end of the generated roster, so they never clash with an import.
    people = [person(999_999 - i) for i in range(ORM_ROWS)]
    checkpoint()
    started = time.perf_counter()
    for name, _, number, phone, joined, ethnicity, education, political, _, code, _, card in people:
        member_create(actor=user, union=unions[int(code[2:])], name=name, id_number=number, join_date=joined,
                      phone=phone, ethnicity=ethnicity, education=ORM_LABELS[education],
                      political_status=ORM_LABELS[political], card_number=card)
    seconds = time.perf_counter() - started
    wipe_members()
    return {"seconds": seconds, "scaled_seconds": seconds * rows / ORM_ROWS, "peak_mb": peak_mb()}


def step_export(rows: int, fmt: str) -> dict:
    from gonghui.rosters.exporting import export_rows_count, write_export
    from gonghui.rosters.models import RosterExport

    user = ensure_county()
    export = RosterExport.objects.create(tenant_id=user.union.tenant_id, union=user.union, created_by=user, format=fmt)
    checkpoint()
    started = time.perf_counter()
    export.rows_total = export_rows_count(export)  # as roster_export_create does; it picks the writer
    write_export(export)
    seconds = time.perf_counter() - started
    size = export.file.size
    export.file.delete(save=False)
    export.delete()
    return {"seconds": seconds, "peak_mb": peak_mb(), "rows": export.rows_written, "mb": size / 1048576}


STEPS = {
    "wait": step_wait,
    "import_export": step_import_export,
    "import": lambda rows: step_import(rows, wipe=True),
    "reimport": lambda rows: step_import(rows, wipe=False),
    "dry_run": lambda rows: step_import(rows, wipe=True, dry_run=True),
    "read_floor": step_read_floor,
    "copy_floor": step_copy_floor,
    "orm": step_orm,
    "export_xlsx": lambda rows: step_export(rows, "xlsx"),
    "export_csv": lambda rows: step_export(rows, "csv"),
}


def run_step(name: str, rows: int) -> dict:
    done = subprocess.run([sys.executable, __file__, "--rows", str(rows), "--step", name], capture_output=True,
                          text=True, check=False)
    if done.returncode:
        sys.exit(f"step {name} failed:\n{done.stdout}\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {name:12} {json.dumps(result, ensure_ascii=False)}", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="Roster import and export on PostgreSQL; see the module's docstring.")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the generated roster (default 1,000,000)")
    parser.add_argument("--step", choices=sorted(STEPS), help="run one step in this process and print its JSON")
    args = parser.parse_args()
    require_postgresql()
    if args.step:
        print(json.dumps(STEPS[args.step](args.rows)))
        return
    ensure_database()
    ensure_county()
    roster_path(args.rows)
    roster_path(min(args.rows, IMPORT_EXPORT_ROWS))
    print(f"roster import/export, {args.rows:,} rows, {timezone.now():%Y-%m-%d %H:%M}", flush=True)
    # The exports read the members the re-import left; django-import-export empties the county, so it goes last.
    names = ("read_floor", "copy_floor", "orm", "wait", "import", "reimport", "export_xlsx", "export_csv",
             "import_export")
    r = {name: run_step(name, args.rows) for name in names}
    floor = r["copy_floor"]["seconds"]
    read_and_copy = r["read_floor"]["seconds"] + floor
    wait_target = WAIT_TARGET * read_and_copy
    print(f"\n{'measure':46} {'s':>8} {'target':>7} {'peak MB':>8}  ok")
    for name, label, target in (
            ("wait", "whole wait: dry run, then write (kept rows)", wait_target),
            ("import", "import without a dry run (read, check, write)", TARGETS["import"]),
            ("reimport", "re-import, all unchanged", None),
            ("export_xlsx", "export .xlsx", TARGETS["export_xlsx"]), ("export_csv", "export .csv", None)):
        ok = "" if target is None else ("yes" if r[name]["seconds"] <= target and r[name]["peak_mb"] <= MEMORY_TARGET_MB
                                        else "NO")
        print(f"{label:46} {r[name]['seconds']:8.1f} {f'{target:.1f}' if target else '':>7} {r[name]['peak_mb']:8.0f}  {ok}")
    wait = r["wait"]
    print(f"  of which dry run {wait['dry_run_seconds']:.1f} s, write {wait['write_seconds']:.1f} s")
    imp = r["import"]["seconds"]
    print(f"\nwhole wait / (calamine read + COPY) {wait['seconds'] / read_and_copy:6.1f}x  (target {WAIT_TARGET:.0f}x; "
          f"read {r['read_floor']['seconds']:.1f} s, COPY {floor:.1f} s)")
    print(f"import / (calamine read + COPY)     {imp / read_and_copy:6.1f}x")
    print(f"import / plain COPY floor           {imp / floor:6.1f}x")
    print(f"per-row ORM, scaled / import        {r['orm']['scaled_seconds'] / imp:6.1f}x  "
          f"(ORM {ORM_ROWS:,} rows in {r['orm']['seconds']:.1f} s → {r['orm']['scaled_seconds'] / 60:.0f} min for "
          f"{args.rows:,})")
    ie = r["import_export"]
    print(f"django-import-export, scaled / import {ie['scaled_seconds'] / imp:6.1f}x  "
          f"({ie['rows']:,} rows in {ie['seconds']:.1f} s → {ie['scaled_seconds']:.0f} s for {args.rows:,}; members only)")


if __name__ == "__main__":
    main()
