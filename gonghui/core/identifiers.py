"""Parsing of the identifiers Gonghui validates (see shared/reference/identifiers.md).

Every function takes what a person typed or a spreadsheet held and either
returns the normalised value or raises IdentifierError with a Chinese message
that can be shown at the field.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
SCIENTIFIC_RE = re.compile(r"^\d(\.\d+)?[eE][+]?\d+$")
# What a search box holds when someone types the last four characters of an ID number.
ID_TAIL_RE = re.compile(r"^\d{3}[\dXx]$")
ID_TAIL_LENGTH = 4


class IdentifierError(ValueError):
    pass


@dataclass(frozen=True)
class ResidentId:
    number: str
    birth_date: date
    gender: str  # "M" or "F"
    upgraded_from_15: bool = False


def _clean(raw: object) -> str:
    # Full-width digits and letters (１２３Ｘ) fold to ASCII under NFKC.
    text = unicodedata.normalize("NFKC", str(raw if raw is not None else ""))
    return re.sub(r"[\s\-]", "", text).upper()


def id_check_char(first17: str) -> str:
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS)) % 11]


def _birth(text: str) -> date:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise IdentifierError("身份证号码中的出生日期无效") from None


def parse_resident_id(raw: object, *, today: date | None = None) -> ResidentId:
    text = _clean(raw)
    if not text:
        raise IdentifierError("请填写身份证号码")
    if SCIENTIFIC_RE.match(text):
        raise IdentifierError("身份证号码被 Excel 存成了科学计数法（如 1.10105E+17），末几位已丢失，请把该列设为文本后重新填写")
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    upgraded = False
    if len(text) == 15 and text.isdigit():
        body = text[:6] + "19" + text[6:]
        text = body + id_check_char(body)
        upgraded = True
    if len(text) != 18:
        raise IdentifierError(f"身份证号码应为18位，实际为{len(text)}位")
    if not (text[:17].isdigit() and (text[17].isdigit() or text[17] == "X")):
        raise IdentifierError("身份证号码只能由数字和末位的 X 组成")
    birth = _birth(text[6:14])
    if birth > (today or date.today()) or birth.year < 1900:
        raise IdentifierError("身份证号码中的出生日期不在合理范围内")
    if id_check_char(text[:17]) != text[17]:
        if text.endswith("000") or text.endswith("00"):
            raise IdentifierError("身份证号码校验位不符，末几位可能被 Excel 按15位精度截成了 0，请核对原始号码")
        raise IdentifierError("身份证号码校验位不符，请核对是否有错字或颠倒")
    gender = "M" if int(text[16]) % 2 else "F"
    return ResidentId(number=text, birth_date=birth, gender=gender, upgraded_from_15=upgraded)


def credit_check_char(first17: str) -> str:
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def parse_credit_code(raw: object) -> str:
    text = _clean(raw)
    if len(text) != 18:
        raise IdentifierError(f"统一社会信用代码应为18位，实际为{len(text)}位")
    bad = sorted({c for c in text if c not in CREDIT_ALPHABET})
    if bad:
        raise IdentifierError(f"统一社会信用代码含有不允许的字符：{''.join(bad)}（不使用 I、O、S、V、Z）")
    if not text[2:8].isdigit():
        raise IdentifierError("统一社会信用代码第3至8位应为行政区划代码（数字）")
    if credit_check_char(text[:17]) != text[17]:
        raise IdentifierError("统一社会信用代码校验位不符；早期试点颁发的代码如确属真实，可由工作人员确认后保存")
    return text


def parse_mobile(raw: object) -> str:
    text = _clean(raw)
    if SCIENTIFIC_RE.match(text):
        raise IdentifierError("手机号码被 Excel 存成了科学计数法（如 1.38E+10），请改为文本后重新填写")
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    for prefix in ("+86", "0086"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if not MOBILE_RE.match(text):
        raise IdentifierError("手机号码应为11位大陆手机号（1开头，第二位3-9），座机号码不能填在此处")
    return text


def id_tail(number: str) -> str:
    """The last four characters of an ID number, kept apart so a search by them is an index lookup."""
    return number[-ID_TAIL_LENGTH:]


def mask_id_number(number: str) -> str:
    if not number:
        return ""
    return number[:6] + "*" * (len(number) - 10) + id_tail(number)


def mask_mobile(number: str) -> str:
    if not number:
        return ""
    return number[:3] + "****" + number[-4:]
