"""The year-end summary as an official document (.docx), laid out as GB/T 9704-2012 asks.

A4; top margin 37 mm and binding margin 28 mm around a 156 × 225 mm text block; the title in 2号小标宋
(22 pt), centred; the body in 3号仿宋 (16 pt) on a document grid of 22 lines of 28 characters, each
paragraph indented two characters; headings 一、 in 黑体, （一） in 楷体, 1. in 仿宋; page numbers "— 1 —" in
4号宋体, on the right of odd pages and the left of even ones; the date in Arabic numerals; the figures'
appendix.

python-docx writes only the Latin font name, so every font here is also written as `w:eastAsia` (and the
theme fonts of its default template are taken out, or they would win); it has no field API, so the page
number is a raw PAGE field. The .docx names the official fonts, so it prints right on an office PC.
"""

from io import BytesIO

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .summary import BODY, HEADING_1, HEADING_2, HEADING_3, Rendered

TITLE_FONT, BODY_FONT, HEI, KAI, SONG = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"
TITLE_SIZE, BODY_SIZE, FOOTER_SIZE, TABLE_SIZE = Pt(22), Pt(16), Pt(14), Pt(12)
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
TOP, LEFT, BLOCK_WIDTH, BLOCK_HEIGHT = Mm(37), Mm(28), Mm(156), Mm(225)
LINES, CHARS = 22, 28
TITLE_CHARS = int(BLOCK_WIDTH.pt // TITLE_SIZE.pt)  # 20 characters of 2号 to the 156 mm line
TITLE_BREAKS_AFTER = "会年的"
# 225 mm / 22 lines = 28.93 pt a line: 579.5 twips, rounded down so that 22 lines always fit (Word's own GB
# templates write 579).
LINE_PITCH = int(BLOCK_HEIGHT.pt / LINES * 20)
# 156 mm / 28 = 15.79 pt a character: the grid's pitch is the font size plus charSpace/4096 pt.
CHAR_SPACE = round((BLOCK_WIDTH.pt / CHARS - BODY_SIZE.pt) * 4096)

STYLE_TITLE, STYLE_H1, STYLE_H2, STYLE_H3 = "公文标题", "公文一级标题", "公文二级标题", "公文三级标题"
HEADING_STYLES = {HEADING_1: (STYLE_H1, HEI), HEADING_2: (STYLE_H2, KAI), HEADING_3: (STYLE_H3, BODY_FONT)}


def summary_docx(rendered: Rendered, *, for_libreoffice: bool = False) -> bytes:
    """The .docx for Word; `for_libreoffice` for the PDF: LibreOffice puts a 16 pt character into two cells of
    a 15.8 pt character grid (Word squeezes it into one), which would leave 14 characters a line, so its copy
    keeps the 22-line grid and reaches 28 characters a line by a quarter point less character spacing."""
    document = Document()
    _page_setup(document, chars_grid=not for_libreoffice)
    _styles(document, squeeze=for_libreoffice)
    _title(document, rendered.summary.title)
    for block, number in rendered.numbered():
        _block(document, block, number, rendered)
    _signature(document, rendered)
    _appendix(document, rendered)
    _footers(document)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


# --- page -------------------------------------------------------------------------------------------------


def _page_setup(document, *, chars_grid: bool) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.left_margin = TOP, LEFT
    section.right_margin = PAGE_WIDTH - LEFT - BLOCK_WIDTH
    section.bottom_margin = PAGE_HEIGHT - TOP - BLOCK_HEIGHT
    section.header_distance = Mm(15)
    # The page number's line sits about 7 mm below the text block.
    section.footer_distance = section.bottom_margin - Mm(7) - FOOTER_SIZE
    sect_pr = section._sectPr
    for grid in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(grid)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "linesAndChars" if chars_grid else "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    if chars_grid:
        grid.set(qn("w:charSpace"), str(CHAR_SPACE))
    sect_pr.append(grid)


# --- fonts and styles -------------------------------------------------------------------------------------


def set_fonts(r_pr_owner, name: str) -> None:
    """Latin and East Asian font names on a run or a style; the theme fonts, which would override, removed."""
    r_pr = r_pr_owner.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(theme)) is not None:
            del fonts.attrib[qn(theme)]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    fonts.set(qn("w:hint"), "eastAsia")


def _doc_defaults(document, *, squeeze: bool) -> None:
    """The default template's docDefaults name theme fonts (MS Mincho for CJK) at 11 pt with 1.15 lines and
    space after: 仿宋 at 16 pt, single lines, no space. The document grid's character pitch is reckoned from
    this default size (LibreOffice reads it so), so it must be the body's 16 pt."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    if spacing is not None:
        spacing.getparent().remove(spacing)
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        size = r_pr.find(qn(tag))
        if size is not None:
            size.set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is not None:
        r_pr.remove(fonts)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), BODY_FONT)
    r_pr.insert(0, fonts)
    if squeeze:
        # 28 × (16 − 0.25) pt = 441 pt, inside the 442 pt line (w:spacing in twentieths of a point).
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), "-5")
        r_pr.find(qn("w:rFonts")).addnext(spacing)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _indent_chars(paragraph_format, *, first_line: int = 0, left: int = 0, right: int = 0) -> None:
    """Indents in characters (w:firstLineChars, 1/100 character), with the same in points for other readers."""
    paragraph_format.first_line_indent = Pt(BODY_SIZE.pt * first_line) if first_line else None
    ind = paragraph_format._element.get_or_add_pPr().get_or_add_ind()
    for attr, chars in (("w:firstLineChars", first_line), ("w:leftChars", left), ("w:rightChars", right)):
        if chars:
            ind.set(qn(attr), str(chars * 100))
    if left:
        paragraph_format.left_indent = Pt(BODY_SIZE.pt * left)
    if right:
        paragraph_format.right_indent = Pt(BODY_SIZE.pt * right)


def _paragraph_style(document, name: str, font: str, size, *, first_line: int = 2, center: bool = False,
                     outline: int | None = None):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    set_fonts(style.element, font)
    style.font.size = size
    style.font.bold = False
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.keep_with_next = outline is not None
    if center:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.first_line_indent = Pt(0)
    else:
        _indent_chars(fmt, first_line=first_line)
    if outline is not None:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(outline))
        style.element.get_or_add_pPr().append(level)
    return style


def _styles(document, *, squeeze: bool) -> None:
    _doc_defaults(document, squeeze=squeeze)
    normal = document.styles["Normal"]
    set_fonts(normal.element, BODY_FONT)
    normal.font.size = BODY_SIZE
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.widow_control = False
    _indent_chars(fmt, first_line=2)
    _paragraph_style(document, STYLE_TITLE, TITLE_FONT, TITLE_SIZE, center=True)
    for level, (name, font) in HEADING_STYLES.items():
        _paragraph_style(document, name, font, BODY_SIZE, outline=level - 1)


def _run(paragraph, text: str, font: str, size=None):
    run = paragraph.add_run(text)
    set_fonts(run._element, font)
    run.font.size = size or BODY_SIZE
    return run


# --- text -------------------------------------------------------------------------------------------------


def _title(document, title: str) -> None:
    paragraph = document.add_paragraph(style=STYLE_TITLE)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lines = title_lines(title)
    for line in lines[:-1]:
        _run(paragraph, line, TITLE_FONT, TITLE_SIZE).add_break()  # a line break within the title's paragraph
    _run(paragraph, lines[-1], TITLE_FONT, TITLE_SIZE)
    document.add_paragraph()  # one empty line between the title and the text


def title_lines(title: str) -> list[str]:
    """The title broken into lines shaped like a trapezoid: each no longer than the one below it.

    GB/T 9704 centres a title too long for one line on lines "梯形或菱形"; 2号 characters fit
    TITLE_CHARS to a line. The lines are as even as the breaks allow, a number never broken apart,
    and a break after 会 (the union's name), 年 or 的 preferred: the words stay whole.
    """
    count = -(-len(title) // TITLE_CHARS)
    if count <= 1:
        return [title]
    best = min(_title_splits(title, count), key=lambda cuts: _split_cost(title, cuts), default=None)
    if best is None:  # no trapezoid fits (a very long title): full lines, as it comes
        return [title[i:i + TITLE_CHARS] for i in range(0, len(title), TITLE_CHARS)]
    bounds = (0, *best, len(title))
    return [title[a:b] for a, b in zip(bounds, bounds[1:])]


def _title_splits(title: str, count: int):
    """Every way to cut the title into `count` lines no wider than the block, none wider than the next."""
    def cuts_from(start: int, left: int, shortest: int):
        if left == 1:
            if shortest <= len(title) - start <= TITLE_CHARS:
                yield ()
            return
        for end in range(start + shortest, min(start + TITLE_CHARS, len(title)) + 1):
            if title[end - 1].isdigit() and title[end:end + 1].isdigit():
                continue
            for rest in cuts_from(end, left - 1, end - start):
                yield (end, *rest)

    yield from cuts_from(0, count, 1)


def _split_cost(title: str, cuts: tuple[int, ...]) -> int:
    bounds = (0, *cuts, len(title))
    lengths = [b - a for a, b in zip(bounds, bounds[1:])]
    unnatural = sum(1 for cut in cuts if title[cut - 1] not in TITLE_BREAKS_AFTER)
    return (max(lengths) - min(lengths)) + 3 * unnatural


def _block(document, block, number: str, rendered: Rendered) -> None:
    text = rendered.plain(block.text)
    if block.level == BODY:
        _run(document.add_paragraph(), text, BODY_FONT)
        return
    name, font = HEADING_STYLES[block.level]
    paragraph = document.add_paragraph(style=name)
    _run(paragraph, number + text, font)


def _signature(document, rendered: Rendered) -> None:
    """The union's name and the date (成文日期, Arabic numerals), set right, about four characters in."""
    document.add_paragraph()
    document.add_paragraph()
    for text in (rendered.summary.union.name, rendered.summary.date_text):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _indent_chars(paragraph.paragraph_format, right=4)
        paragraph.paragraph_format.first_line_indent = Pt(0)
        _run(paragraph, text, BODY_FONT)


def _appendix(document, rendered: Rendered) -> None:
    rows = rendered.appendix()
    if not rows:
        return
    heading = document.add_paragraph()
    heading.paragraph_format.first_line_indent = Pt(0)
    heading.add_run().add_break(WD_BREAK.PAGE)
    _run(heading, "附件", HEI)
    title = document.add_paragraph(style=STYLE_TITLE)
    _run(title, "统计指标及口径", TITLE_FONT, TITLE_SIZE)
    table = document.add_table(rows=1, cols=5)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _table_row(table.rows[0], ("序号", "指标", "口径", "数值", "备注"), font=HEI)
    for number, row in enumerate(rows, start=1):
        note = f"已手工修改（系统统计：{row.value.text}）" if row.edited is not None else ""
        _table_row(table.add_row(), (str(number), row.value.figure.label, row.value.figure.definition,
                                     row.text + getattr(row.value.figure, "unit", ""), note))
    for column, width in zip(table.columns, (Mm(12), Mm(30), Mm(62), Mm(22), Mm(30))):
        for cell in column.cells:
            cell.width = width


def _table_row(row, texts, *, font: str = BODY_FONT) -> None:
    for cell, text in zip(row.cells, texts):
        paragraph = cell.paragraphs[0]
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Pt(0)
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        # A table's rows are not held to the body's 22-line grid.
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        paragraph._p.get_or_add_pPr().append(snap)
        _run(paragraph, text, font, TABLE_SIZE)


# --- page numbers -----------------------------------------------------------------------------------------


def _footers(document) -> None:
    """"— 1 —" in 4号宋体: odd pages on the right, even pages on the left, one character in from the edge."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(footer, alignment) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    fmt = paragraph.paragraph_format
    fmt.alignment = alignment
    fmt.first_line_indent = Pt(0)
    indent = Pt(FOOTER_SIZE.pt)  # one character of the footer's own size
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = indent
    else:
        fmt.left_indent = indent
    _run(paragraph, "— ", SONG, FOOTER_SIZE)
    _page_field(paragraph)
    _run(paragraph, " —", SONG, FOOTER_SIZE)


def _page_field(paragraph) -> None:
    """A PAGE field (begin, instruction, separate, shown value, end): python-docx has no field API."""
    def char(kind):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    for part in ("begin", "instr", "separate", "value", "end"):
        run = _run(paragraph, "", SONG, FOOTER_SIZE)
        if part == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._element.append(instr)
        elif part == "value":
            run.text = "1"
        else:
            run._element.append(char(part))
