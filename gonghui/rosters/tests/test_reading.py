"""Formats and layouts offices send, and the files refused before any row is read."""

from datetime import date

import pytest

from gonghui.rosters.columns import find_header
from gonghui.rosters.reading import RosterRefused, iter_rows, list_sheets, sniff

from .conftest import FIXTURES


def _read(name: str, *, as_name: str | None = None):
    data = (FIXTURES / name).read_bytes()
    kind = sniff(data, name=as_name or name)
    sheets = list_sheets(data, kind)
    return kind, sheets, list(iter_rows(data, kind, sheets[0].name))


@pytest.mark.parametrize("name, kind", [
    ("roster_simple.xlsx", "xlsx"), ("roster_lo.xlsx", "xlsx"), ("roster.xls", "xls"),
    ("roster_utf8.csv", "csv"), ("roster_utf8_bom.csv", "csv"), ("roster_gbk.csv", "csv"),
])
def test_each_format_reads_the_same_rows(name, kind):
    found, _, rows = _read(name)
    assert found == kind
    assert rows[0] == ["姓名", "身份证号码", "手机", "入会日期"]
    assert rows[1][:2] == ["何一", "110105199202012012"]
    assert rows[3][0] == "施三" and len(rows) == 4


def test_row_counts_are_known_before_reading_rows():
    assert [s.rows for s in _read("roster.xls")[1]] == [4]
    assert [s.rows for s in _read("roster_simple.xlsx")[1]] == [4]
    assert [s.rows for s in _read("roster_gbk.csv")[1]] == [4]


def test_the_content_decides_the_type_not_the_name():
    assert _read("roster_simple.xlsx", as_name="花名册.csv")[0] == "xlsx"
    assert _read("roster.xls", as_name="花名册.xlsx")[0] == "xls"


def test_banner_blank_rows_and_two_sheets():
    _, sheets, rows = _read("roster.xlsx")
    assert [s.name for s in sheets] == ["花名册", "填表说明"]
    assert sheets[0].rows == 22  # from the sheet's <dimension>, before any row is read
    assert rows[0][0] == "甲街道工会会员花名册" and rows[2] == [""] * 13
    index, mapping = find_header(rows)
    assert index == 3  # the fourth row, under the merged banner, the unit line and a blank row
    assert mapping["id_number"] == 3 and mapping["join_date"] == 11 and mapping["union"] == 9


def test_header_variants_are_recognised():
    _, _, rows = _read("header_variants.xlsx")
    _, mapping = find_header(rows)
    assert mapping == {"name": 0, "id_number": 1, "phone": 2, "join_date": 3, "category": 4, "union": 5}


def test_a_formula_cell_is_read_as_its_value(tmp_path):
    import xlsxwriter

    path = tmp_path / "formula.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["姓名", "入会日期"])
    sheet.write_formula(1, 0, '="张"&"三"', None, "张三")
    workbook.close()
    data = path.read_bytes()
    assert list(iter_rows(data, "xlsx", "Sheet1"))[1][0] == "张三"


def test_dates_come_back_as_dates_from_date_cells():
    _, _, rows = _read("roster.xlsx")
    assert rows[4][11] == date(2015, 3, 1)


@pytest.mark.parametrize("name, as_name, message", [
    ("roster.xlsm", None, "启用宏"),
    ("roster.xlsm", "roster.xlsx", "启用宏"),
    ("fake.xlsx", None, "不是 Excel 表格"),
    ("make_fixtures.py", "roster.xlsx", "不是 Excel 表格"),
])
def test_refused_before_any_row_is_read(name, as_name, message):
    with pytest.raises(RosterRefused, match=message):
        sniff((FIXTURES / name).read_bytes(), name=as_name or name)


def test_binary_that_is_not_a_spreadsheet_is_refused():
    with pytest.raises(RosterRefused, match="不是电子表格"):
        sniff(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="photo.xlsx")


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    with pytest.raises(RosterRefused, match="不是 Excel 表格"):
        sniff(path.read_bytes(), name="a.xlsx")


def test_size_limit(settings):
    settings.GONGHUI = {**settings.GONGHUI, "ROSTER_MAX_BYTES": 1000}
    with pytest.raises(RosterRefused, match="超过上限"):
        sniff((FIXTURES / "roster.xlsx").read_bytes(), name="roster.xlsx")


def test_row_limit_is_enforced_while_reading_when_the_file_does_not_say(settings):
    settings.GONGHUI = {**settings.GONGHUI, "ROSTER_MAX_ROWS": 2}
    data = (FIXTURES / "roster_utf8.csv").read_bytes()
    with pytest.raises(RosterRefused, match="超过 2 行"):
        list(iter_rows(data, "csv", "CSV"))


def _bomb(zeros: int) -> bytes:
    """A workbook-shaped zip whose one sheet inflates from a few hundred KB to `zeros` bytes of zeros."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            chunk = b"0" * (1 << 20)
            for _ in range(zeros >> 20):
                fh.write(chunk)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    data = _bomb(200 << 20)
    assert len(data) < 1 << 20
    with pytest.raises(RosterRefused, match="压缩比"):
        sniff(data, name="花名册.xlsx")


def test_a_workbook_inflating_past_the_bound_is_refused(settings):
    settings.GONGHUI = {**settings.GONGHUI, "ROSTER_MAX_UNCOMPRESSED_BYTES": 2000}
    with pytest.raises(RosterRefused, match="解压后"):
        sniff((FIXTURES / "roster_simple.xlsx").read_bytes(), name="roster_simple.xlsx")


def test_the_bound_follows_the_upload_limit(settings):
    from gonghui.rosters.reading import uncompressed_limit

    settings.GONGHUI = {**settings.GONGHUI, "ROSTER_MAX_BYTES": 10 << 20}
    settings.GONGHUI.pop("ROSTER_MAX_UNCOMPRESSED_BYTES", None)
    assert uncompressed_limit() == 200 << 20
    settings.GONGHUI = {**settings.GONGHUI, "ROSTER_MAX_BYTES": 500 << 20}
    assert uncompressed_limit() == 1 << 30
