import io

import pytest
import xlsxwriter
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gonghui.checks import services
from gonghui.checks.models import Rubric
from gonghui.checks.rubric_sheet import HEADERS, item_cells
from gonghui.core.files import work_file
from gonghui.core.xlsx import write_xlsx

from .helpers import LEVELS, rubric

pytestmark = pytest.mark.django_db


def _sheet(rows, headers=HEADERS) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["某某街道职工之家评估细则"])
    sheet.write_row(1, 0, headers)
    for n, row in enumerate(rows, start=2):
        sheet.write_row(n, 0, row)
    book.close()
    return SimpleUploadedFile("细则.xlsx", buffer.getvalue())


def _import(cast, upload, **overrides):
    data = dict(actor=cast.street_admin, union=cast.street_a, kind="workers_home", name="导入的细则", version=1,
                levels=LEVELS, upload=upload)
    return services.rubric_import(**{**data, **overrides})


def test_a_rubric_round_trips_through_excel(cast):
    original = rubric(cast)
    with work_file(".xlsx") as path:
        write_xlsx(path, HEADERS, (item_cells(item) for item in original.items.select_related("section")))
        with open(path, "rb") as handle:
            copy = _import(cast, SimpleUploadedFile("细则.xlsx", handle.read()))
    assert [item_cells(i) for i in copy.items.select_related("section")] == \
        [item_cells(i) for i in original.items.select_related("section")]
    assert [s.title for s in copy.sections.all()] == ["组织建设", "经费管理", "安全生产"]


def test_a_bad_row_is_named_in_chinese_and_nothing_is_stored(cast):
    upload = _sheet([["组织建设", 1, "健全的组织", 20, "加分"],
                     ["组织建设", 2, "制度机制", "二十", "加分"],
                     ["经费管理", 3, "台帐完整", 10, "扣分"],
                     ["经费管理", 4, "", 10, "打分"]])
    with pytest.raises(ValidationError) as exc:
        _import(cast, upload)
    assert exc.value.message_dict["file"] == [
        "第4行：分值“二十”不是数字", "第5行：扣分条目须填写每次扣分（大于0）",
        "第6行：请填写考核内容；评分方法应为加分、扣分、达标/不达标之一，不是“打分”"]
    assert not Rubric.objects.exists()


def test_a_file_without_the_header_is_refused(cast):
    with pytest.raises(ValidationError) as exc:
        _import(cast, _sheet([["甲", "乙"]], headers=["姓名", "身份证号码"]))
    assert "找不到表头" in exc.value.message_dict["file"][0]
    with pytest.raises(ValidationError) as exc:
        _import(cast, SimpleUploadedFile("细则.xlsx", b"not a workbook"))
    assert exc.value.message_dict["file"] == ["无法读取该文件，请上传 Excel 表格（.xlsx 或 .xls）"]
