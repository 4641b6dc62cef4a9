"""A rubric as the offices keep it in Excel: one row per item, its section repeated on each row.

Export writes HEADERS with XlsxWriter (core.xlsx); import reads the first sheet with python-calamine,
finds the header row by its names (in any order, extra columns ignored) and names every bad row.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from python_calamine import CalamineError, CalamineWorkbook

from .models import EvidenceKind, ScoringMethod

HEADERS = ("考核项目", "序号", "考核内容", "分值", "评分方法", "每次扣分", "考核依据", "材料类型", "一票否决",
           "统计指标", "达标值")
REQUIRED = ("考核项目", "考核内容", "分值")
YES = ("是", "Y", "y", "√", "1", "TRUE", "True", "true")
METHODS = {str(label): value for value, label in ScoringMethod.choices}
EVIDENCE = {str(label): value for value, label in EvidenceKind.choices}
MAX_ROWS = 2000


@dataclass
class RubricRow:
    line: int  # the row number in the sheet (1-based), for errors; 0 for a form
    section: str
    text: str
    max_score: Decimal | None
    method: str = ScoringMethod.ADD
    deduct_per: Decimal | None = None
    evidence_kind: str = EvidenceKind.DOCUMENT
    evidence: str = ""
    veto: bool = False
    figure_key: str = ""
    figure_target: Decimal | None = None
    # What could not be read, by field: the row's other checks are not repeated for these fields.
    unread: dict = field(default_factory=dict)


def item_cells(item) -> list:
    """An item as a row of HEADERS (what the export writes and the import reads back)."""
    return [item.section.title, item.order, item.text, float(item.max_score), item.get_method_display(),
            float(item.deduct_per) if item.deduct_per is not None else "", item.evidence,
            item.get_evidence_kind_display(), "是" if item.veto else "否", item.figure_key,
            float(item.figure_target) if item.figure_target is not None else ""]


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


def _number(value, name: str, label: str, unread: dict) -> Decimal | None:
    text = _text(value)
    if not text:
        return None
    try:
        return Decimal(text).quantize(Decimal("0.01")).normalize()
    except InvalidOperation:
        unread[name] = f"{label}“{text}”不是数字"
        return None


def _choice(value, choices: dict, default: str, name: str, label: str, unread: dict) -> str:
    text = _text(value)
    if text and text not in choices:
        unread[name] = f"{label}应为" + "、".join(choices) + f"之一，不是“{text}”"
    return choices.get(text, default)


def rubric_rows_read(upload) -> list[RubricRow]:
    """The rows of an uploaded rubric, what could not be read kept on each row; an unreadable file raises."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(upload.read()))
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (CalamineError, ValueError, IndexError, OSError):
        raise ValidationError({"file": "无法读取该文件，请上传 Excel 表格（.xlsx 或 .xls）"}) from None
    header_at = next((i for i, row in enumerate(rows[:10]) if set(REQUIRED) <= {_text(c) for c in row}), None)
    if header_at is None:
        raise ValidationError({"file": "表格前10行中找不到表头（须有" + "、".join(REQUIRED) + "列）"})
    columns = {_text(name): i for i, name in enumerate(rows[header_at]) if _text(name) in HEADERS}
    if len(rows) - header_at - 1 > MAX_ROWS:
        raise ValidationError({"file": f"表格超过{MAX_ROWS}行，请检查是否为考核细则"})
    read: list[RubricRow] = []
    for line, cells in enumerate(rows[header_at + 1:], start=header_at + 2):
        def cell(name, cells=cells):
            return cells[columns[name]] if name in columns and columns[name] < len(cells) else None
        if not any(_text(c) for c in cells):
            continue
        unread: dict[str, str] = {}
        read.append(RubricRow(
            line=line, section=_text(cell("考核项目")), text=_text(cell("考核内容")),
            max_score=_number(cell("分值"), "max_score", "分值", unread),
            method=_choice(cell("评分方法"), METHODS, ScoringMethod.ADD, "method", "评分方法", unread),
            deduct_per=_number(cell("每次扣分"), "deduct_per", "每次扣分", unread),
            evidence_kind=_choice(cell("材料类型"), EVIDENCE, EvidenceKind.DOCUMENT, "evidence_kind", "材料类型",
                                  unread),
            evidence=_text(cell("考核依据"))[:200], veto=_text(cell("一票否决")) in YES,
            figure_key=_text(cell("统计指标")),
            figure_target=_number(cell("达标值"), "figure_target", "达标值", unread), unread=unread))
    return read
