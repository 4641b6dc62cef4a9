"""The .docx of street A's 2025 read back: GB/T 9704-2012's page, fonts, grid, headings and page numbers."""

from io import BytesIO

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gonghui.reports.document import summary_docx
from gonghui.reports.summary import HEADING_2, HEADING_3, Block, summary_build, summary_render

from .summary_helpers import build_street_year, summary_figures  # noqa: F401 (a fixture)
from .test_summary import PERIOD, _url

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(cast, summary_figures):  # noqa: F811
    build_street_year(cast)
    summary = summary_build(user=cast.street_admin, union=cast.street_a, period=PERIOD, today=PERIOD.end)
    # The officer's own second- and third-level headings, as the page lets them add.
    summary.blocks += [Block(HEADING_2, "存在的不足"), Block(HEADING_3, "基层工会经费保障不足")]
    summary.edited = {"org.enterprises_covered": "368"}
    return Document(BytesIO(summary_docx(summary_render(summary, user=cast.street_admin))))


def close(length, expected, tolerance=Mm(0.2)) -> bool:
    return abs(length - expected) <= tolerance


def east_asian(run) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def paragraph(document, starts: str):
    return next(p for p in document.paragraphs if p.text.startswith(starts))


def test_the_page_is_a4_with_the_standards_margins_and_text_block(document):
    section = document.sections[0]
    assert close(section.page_width, Mm(210)) and close(section.page_height, Mm(297))
    assert close(section.top_margin, Mm(37)) and close(section.left_margin, Mm(28))
    assert close(section.page_width - section.left_margin - section.right_margin, Mm(156))
    assert close(section.page_height - section.top_margin - section.bottom_margin, Mm(225))


def test_the_body_is_on_a_grid_of_22_lines_of_28_characters(document):
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    assert 575 <= int(grid.get(qn("w:linePitch"))) <= 582
    char_space = int(grid.get(qn("w:charSpace")))
    # 28 characters of 16 pt plus charSpace/4096 pt fill the 156 mm line.
    assert close(Pt(28 * (16 + char_space / 4096)), Mm(156), Mm(0.5))


def test_title_body_and_headings_name_the_official_fonts_east_asian_included(document):
    title = paragraph(document, "甲街道总工会2025年工作总结")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert east_asian(title.runs[0]) == "方正小标宋简体" and title.runs[0].font.size == Pt(22)

    body = paragraph(document, "今年完成基层单建工会2家")
    assert "，覆盖企业368家" in body.text and body.text.endswith("。")
    assert east_asian(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size == Pt(16)
    indent = body.style.element.pPr.find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"
    assert body.style.paragraph_format.first_line_indent == Pt(32)

    assert east_asian(paragraph(document, "一、").runs[0]) == "黑体"
    assert east_asian(paragraph(document, "（一）存在的不足").runs[0]) == "楷体_GB2312"
    third = paragraph(document, "1.基层工会经费保障不足")
    assert east_asian(third.runs[0]) == "仿宋_GB2312" and third.runs[0].font.size == Pt(16)
    # No theme font is left to override the names (python-docx's template would put MS Mincho there).
    styles_xml = document.styles.element.xml
    assert "eastAsiaTheme" not in styles_xml.split("<w:style ")[0]


def test_the_date_is_in_arabic_numerals_set_right(document):
    date = paragraph(document, "2025年12月31日")
    assert date.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def _field_instructions(footer) -> list[str]:
    return [node.text.strip() for node in footer._element.iter(qn("w:instrText"))]


def test_page_numbers_alternate_right_on_odd_pages_left_on_even_ones_from_a_page_field(document):
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        number = footer.paragraphs[0]
        assert number.alignment == side
        assert _field_instructions(footer) == ["PAGE"]
        assert number.text == "— 1 —"
        assert {east_asian(run) for run in number.runs} == {"宋体"}
        assert {run.font.size for run in number.runs} == {Pt(14)}
    assert section.footer.paragraphs[0].paragraph_format.right_indent == Pt(14)
    assert section.even_page_footer.paragraphs[0].paragraph_format.left_indent == Pt(14)


def test_the_appendix_lists_every_figure_with_its_definition_and_marks_the_typed_one(document):
    assert paragraph(document, "附件").runs[-1].text == "附件"
    table = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "指标", "口径", "数值", "备注"]
    by_label = {row[1]: row for row in rows[1:]}
    # Every figure the text names, ours among them (other apps register more).
    assert {"新建基层工会", "覆盖企业", "新入会会员"} <= set(by_label)
    assert len(by_label) == len(rows) - 1
    assert by_label["覆盖企业"][3] == "368家" and by_label["覆盖企业"][4] == "已手工修改（系统统计：2）"
    assert by_label["新建基层工会"][2].startswith("期内成立") and by_label["新建基层工会"][4] == ""


def test_the_download_is_named_after_the_union_and_year(client, cast):
    client.force_login(cast.street_admin)
    response = client.get(_url("reports:summary_docx", cast.street_a))
    assert response.status_code == 200
    assert "%E7%94%B2%E8%A1%97%E9%81%93%E6%80%BB%E5%B7%A5%E4%BC%9A2025" in response["Content-Disposition"]
    assert Document(BytesIO(response.content)).paragraphs[0].text == "甲街道总工会2025年工作总结"


def test_a_title_too_long_for_one_line_is_a_trapezoid_broken_between_words():
    from gonghui.reports.document import TITLE_CHARS, title_lines

    assert title_lines("甲街道总工会2025年工作总结") == ["甲街道总工会2025年工作总结"]
    title = "仙桃市郑场镇机关事业单位联合工会委员会2025年1—6月工作总结"
    lines = title_lines(title)
    assert "".join(lines) == title and len(lines) == 2
    assert all(len(line) <= TITLE_CHARS for line in lines)
    assert len(lines[0]) <= len(lines[1])  # the upper line is the shorter
    assert lines[0].endswith("会") or lines[0].endswith("年")  # a word is never cut in two
    assert not (lines[0][-1].isdigit() and lines[1][0].isdigit())


def test_a_long_title_is_written_on_its_lines_in_one_centred_paragraph(cast, summary_figures):  # noqa: F811
    cast.street_a.name = "仙桃市郑场镇机关事业单位联合工会委员会"
    cast.street_a.save(update_fields=["name"])
    build_street_year(cast)
    summary = summary_build(user=cast.street_admin, union=cast.street_a, period=PERIOD, today=PERIOD.end)
    document = Document(BytesIO(summary_docx(summary_render(summary, user=cast.street_admin))))
    title = document.paragraphs[0]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    # Two lines of 14: the break falls between 联合 and 工会, as no break after 会 or 年 leaves a trapezoid.
    assert title.text.split("\n") == ["仙桃市郑场镇机关事业单位联合", "工会委员会2025年工作总结"]
    assert all(east_asian(run) == "方正小标宋简体" for run in title.runs)
