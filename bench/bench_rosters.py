"""Roster import and export at a million rows on PostgreSQL (issue 4).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_rosters .venv/bin/python bench/bench_rosters.py [--rows N]

Builds a lean county of its own (1 federation, 1 street, 100 grassroots unions, one user) and a
generated N-row .xlsx roster cached under bench/out/. Each measurement runs in a fresh subprocess so
its peak memory (ru_maxrss) is its own:

- dry run: the check the user sees before choosing to write (`importing.run_dry_run`), into an empty county;
- import: the real write job (`importing.run_write`): read with calamine, check every row, COPY into
  the stage, classify, merge into members_member with join events and audit-trail rows, one transaction.
  It does not trust the dry run: it reads and checks the file again, so it is the import end to end;
- re-import of the same file (every row unchanged, nothing written);
- floors in the same run: reading the sheet with calamine and nothing else, and a plain COPY of the
  same rows into an unlogged table;
- the per-row ORM path (`members.services.member_create`, one transaction per person) on 10,000 rows,
  scaled to N;
- export of all N members to .xlsx and .csv through the real export code (`exporting.write_export`).
Each timed step starts after a CHECKPOINT. The import runs twice (the faster counts, both are
printed), the rest once: a run takes about a minute; read them as orders of magnitude on a shared machine.
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
TARGETS = {"import": 60.0, "export_xlsx": 40.0}
MEMORY_TARGET_MB = 1536


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

def step_import(rows: int, *, wipe: bool, dry_run: bool = False) -> dict:
    """The write job, or with dry_run the check the user sees first (read, check, classify; nothing written)."""
    from gonghui.rosters.columns import find_header
    from gonghui.rosters.importing import run_dry_run, run_write
    from gonghui.rosters.models import ImportMode, ImportStatus, RosterImport

    user = ensure_county()
    if wipe:
        wipe_members()
    path = roster_path(rows)
    roster = RosterImport(tenant_id=user.union.tenant_id, union=user.union, created_by=user, kind="xlsx",
                          original_name=path.name, sheet_name="花名册", status=ImportStatus.WRITING,
                          mode=ImportMode.SKIP_REJECTED, rows_total=rows)
    _, roster.mapping = find_header([list(HEADERS)])
    roster.header_row, roster.headers = 0, list(HEADERS)
    with open(path, "rb") as fh:
        roster.file.save(path.name, File(fh))
    checkpoint()
    started = time.perf_counter()
    (run_dry_run if dry_run else run_write)(roster)
    seconds = time.perf_counter() - started
    roster.refresh_from_db()
    expected = ImportStatus.CHECKED if dry_run else ImportStatus.DONE
    assert roster.status == expected, (roster.status, roster.message, roster.first_errors[:3])
    roster.file.delete(save=False)
    return {"seconds": seconds, "peak_mb": peak_mb(), "new": roster.new_count, "unchanged": roster.unchanged_count,
            "rejected": roster.rejected_count, "written": roster.rows_written}


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
    labels = {"大学本科": "bachelor", "大学专科": "college", "中专/高中": "secondary", "初中及以下": "junior",
              "研究生": "postgraduate", "群众": "masses", "中共党员": "cpc", "共青团员": "league",
              "中共预备党员": "cpc_probationary"}
    wipe_members()
    # Rows from the far end of the generated roster, so they never clash with an import.
    people = [person(999_999 - i) for i in range(ORM_ROWS)]
    checkpoint()
    started = time.perf_counter()
    for name, _, number, phone, joined, ethnicity, education, political, _, code, _, card in people:
        member_create(actor=user, union=unions[int(code[2:])], name=name, id_number=number, join_date=joined,
                      phone=phone, ethnicity=ethnicity, education=labels[education],
                      political_status=labels[political], card_number=card)
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
    export.rows_total = export_rows_count(export)  # as member_export_create does; it picks the writer
    write_export(export)
    seconds = time.perf_counter() - started
    size = export.file.size
    export.file.delete(save=False)
    export.delete()
    return {"seconds": seconds, "peak_mb": peak_mb(), "rows": export.rows_written, "mb": size / 1048576}


STEPS = {
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
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--step", choices=sorted(STEPS))
    args = parser.parse_args()
    require_postgresql()
    if args.step:
        print(json.dumps(STEPS[args.step](args.rows)))
        return
    ensure_database()
    ensure_county()
    roster_path(args.rows)
    print(f"roster import/export, {args.rows:,} rows, {timezone.now():%Y-%m-%d}", flush=True)
    r = {name: run_step(name, args.rows) for name in ("read_floor", "copy_floor", "orm", "dry_run")}
    # The import is the figure with a target: two runs, the faster one counts, both are printed.
    runs = [run_step("import", args.rows) for _ in range(2)]
    r["import"] = min(runs, key=lambda run: run["seconds"])
    r.update({name: run_step(name, args.rows) for name in ("reimport", "export_xlsx", "export_csv")})
    floor = r["copy_floor"]["seconds"]
    read_and_copy = r["read_floor"]["seconds"] + floor
    print(f"\n{'measure':44} {'s':>8} {'target':>7} {'peak MB':>8}  ok")
    for name, label in (("dry_run", "dry run before it (read, check, classify)"),
                        ("import", "import end to end (read, check, write)"), ("reimport", "re-import, all unchanged"),
                        ("export_xlsx", "export .xlsx"), ("export_csv", "export .csv")):
        target = TARGETS.get(name)
        ok = "" if target is None else ("yes" if r[name]["seconds"] <= target and r[name]["peak_mb"] <= MEMORY_TARGET_MB
                                        else "NO")
        print(f"{label:44} {r[name]['seconds']:8.1f} {target or '':>7} {r[name]['peak_mb']:8.0f}  {ok}")
    imp = r["import"]["seconds"]
    print(f"\nimport / plain COPY floor          {imp / floor:6.1f}x  (COPY {floor:.1f} s)")
    print(f"import / (calamine read + COPY)    {imp / read_and_copy:6.1f}x  (read {r['read_floor']['seconds']:.1f} s)")
    print(f"per-row ORM, scaled / import       {r['orm']['scaled_seconds'] / imp:6.1f}x  "
          f"(ORM {ORM_ROWS:,} rows in {r['orm']['seconds']:.1f} s → {r['orm']['scaled_seconds'] / 60:.0f} min for "
          f"{args.rows:,})")


if __name__ == "__main__":
    main()
