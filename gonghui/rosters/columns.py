"""Which column holds what: the roster fields, the header names offices use for them, header detection."""

import re
import unicodedata
from dataclasses import dataclass

HEADER_SEARCH_ROWS = 10
TOTALS_WORDS = ("合计", "总计", "小计")
TOTALS_RE = re.compile("|".join(TOTALS_WORDS))


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False


FIELDS = (
    Field("name", "姓名", ("姓名", "会员姓名", "职工姓名", "名字"), required=True),
    Field("id_number", "身份证号码", ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "身份证件号码"),
          required=True),
    Field("gender", "性别", ("性别",)),
    Field("birth_date", "出生日期", ("出生日期", "出生年月日")),
    Field("ethnicity", "民族", ("民族",)),
    Field("phone", "手机号码", ("手机", "手机号", "手机号码", "联系电话", "电话", "联系方式", "移动电话")),
    Field("education", "学历", ("学历", "文化程度", "最高学历")),
    Field("political_status", "政治面貌", ("政治面貌",)),
    Field("category", "人员类别", ("人员类别", "职工类别", "会员类别", "人员身份")),
    Field("union", "所属工会", ("所属工会", "工会名称", "工会代码", "工会", "基层工会", "所在工会")),
    Field("group", "工会小组", ("工会小组", "小组", "所在小组")),
    Field("join_date", "入会日期", ("入会时间", "入会日期", "入会年月日"), required=True),
    Field("card_number", "会员卡号", ("会员卡号", "会员证号", "卡号", "会员证号码")),
)
FIELDS_BY_KEY = {f.key: f for f in FIELDS}
_ALIAS_TO_KEY = {alias: f.key for f in FIELDS for alias in f.aliases}


def normalise_header(cell) -> str:
    """'身份证号码*'、'入会时间（年月日）'、'手 机' all come down to the bare name."""
    text = unicodedata.normalize("NFKC", str(cell or ""))
    text = re.sub(r"\(.*?\)|\[.*?\]|【.*?】", "", text)
    return re.sub(r"[\s*＊:：]", "", text)


def match_headers(row: list) -> dict[str, int]:
    """Field -> column index for the cells that are a known header name; the first column wins."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = _ALIAS_TO_KEY.get(normalise_header(cell))
        if key and key not in found:
            found[key] = index
    return found


def find_header(rows: list[list]) -> tuple[int, dict[str, int]]:
    """The header among the first rows: the one naming most known fields (banners and blank rows name none)."""
    best_index, best = None, {}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = match_headers(row)
        if len(found) > len(best):
            best_index, best = index, found
    if best_index is not None and len(best) >= 2:
        return best_index, best
    first_filled = next((i for i, row in enumerate(rows) if any(_filled(c) for c in row)), 0)
    return first_filled, {}


def missing_required(mapping: dict[str, int], *, union_required: bool) -> list[Field]:
    needed = [f for f in FIELDS if f.required or (union_required and f.key == "union")]
    return [f for f in needed if f.key not in mapping]


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _filled(cell) -> bool:
    return cell is not None and cell != "" and not (isinstance(cell, str) and not cell.strip())


def is_blank(row: list) -> bool:
    # `not any(_filled(c) for c in row)`, spelt out: it runs once for each of a million rows.
    for c in row:
        if c is not None and c != "" and not (isinstance(c, str) and not c.strip()):
            return False
    return True


def is_totals(row: list) -> bool:
    """'合计：128人' in one of the first cells: a footer, not a person."""
    for c in row[:3]:
        if isinstance(c, str) and TOTALS_RE.search(c.replace(" ", "")):
            return True
    return False
