"""The member list, as filtered on screen, written to .xlsx or .csv with the list's masking."""

import codecs
import csv
from collections.abc import Iterator

from django.core.files import File
from django.http import QueryDict

from gonghui.core.identifiers import mask_id_number, mask_mobile
from gonghui.core.files import work_file
from gonghui.core.jobs import fault_point
from gonghui.core.routers import reporting
from gonghui.core.xlsx import neutralise, write_xlsx
from gonghui.members.choices import Education, Gender, MemberCategory, MemberStatus, PoliticalStatus
from gonghui.members.selectors import member_list

from .models import ExportFormat, RosterExport

INLINE_ROWS = 5_000  # up to this many rows the file is written while the user waits
CHUNK = 10_000
HEADERS = ("姓名", "性别", "身份证号码", "手机号码", "民族", "学历", "政治面貌", "人员类别", "所属工会", "工会代码",
           "工会小组", "入会日期", "会员卡号", "状态")
WIDTHS = (10, 5, 21, 14, 8, 10, 12, 12, 28, 12, 14, 12, 14, 8)
COLUMNS = ("name", "gender", "id_number", "phone", "ethnicity", "education", "political_status", "category",
           "union__name", "union__code", "group__name", "join_date", "card_number", "status")
LABELS = {
    "gender": dict(Gender.choices), "education": dict(Education.choices),
    "political_status": dict(PoliticalStatus.choices), "category": dict(MemberCategory.choices),
    "status": dict(MemberStatus.choices),
}


class ExportCancelled(Exception):
    pass


def _queryset(export: RosterExport):
    return member_list(user=export.created_by, params=QueryDict(export.query))


def runs_in_background(export: RosterExport) -> bool:
    """Large lists are written by a job (and by the fast .xlsx writer); small ones while the user waits."""
    return export.rows_total > INLINE_ROWS


def export_rows_count(export: RosterExport) -> int:
    return _queryset(export).count()


def export_rows(export: RosterExport, *, on_chunk=None) -> Iterator[tuple]:
    """Masked rows in the list's order; `on_chunk(n)` runs every CHUNK rows (progress, cancel)."""
    gender, education, political, category, status = ({value: str(label) for value, label in LABELS[k].items()}
                                                       for k in ("gender", "education", "political_status", "category",
                                                                 "status"))
    rows = _queryset(export).values_list(*COLUMNS).iterator(chunk_size=CHUNK)
    for count, (name, sex, id_number, phone, ethnicity, edu, pol, cat, union_name, union_code, group_name, joined,
                card, state) in enumerate(rows, start=1):
        yield (name, gender.get(sex, ""), mask_id_number(id_number), mask_mobile(phone), ethnicity,
               education.get(edu, ""), political.get(pol, ""), category.get(cat, ""), union_name, union_code,
               group_name or "", joined, card, status.get(state, ""))
        if on_chunk and count % CHUNK == 0:
            on_chunk(count)
        if count == 1:
            fault_point("roster_export")  # the first row is in the file, the rest not yet


def write_csv(path: str, rows) -> int:
    """UTF-8 with a BOM so Excel on Windows opens the Chinese correctly; text neutralised like the .xlsx."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(codecs.BOM_UTF8.decode("utf-8"))
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        for count, row in enumerate(rows, start=1):
            writer.writerow([neutralise(v) if isinstance(v, str) else ("" if v is None else v.isoformat())
                             for v in row])
    return count


@reporting
def write_export(export: RosterExport, *, on_chunk=None) -> None:
    """Write the file and attach it to the export record (saved by the caller)."""
    suffix = f".{export.format}"
    with work_file(suffix) as tmp:
        rows = export_rows(export, on_chunk=on_chunk)
        if export.format == ExportFormat.XLSX:
            export.rows_written = write_xlsx(tmp, HEADERS, rows, sheet_name="会员花名册", widths=WIDTHS,
                                             fast=runs_in_background(export))
        else:
            export.rows_written = write_csv(tmp, rows)
        with open(tmp, "rb") as fh:
            export.file.save(f"会员花名册-{export.pk}{suffix}", File(fh), save=False)
