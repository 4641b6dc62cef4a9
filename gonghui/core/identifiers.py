"""Parsing of the identifiers Gonghui validates (see shared/reference/identifiers.md).

Every function takes what a person typed or a spreadsheet held and either
returns the normalised value or raises IdentifierError with a Chinese message
that can be shown at the field.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import mul

from stdnum import numdb
from stdnum.cn import uscc

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
# Residence permits of Hong Kong, Macao and Taiwan residents (810000, 820000, 830000) follow GB 11643;
# python-stdnum's area table knows Taiwan only as province 71.
PERMIT_PROVINCES = frozenset({"81", "82", "83"})
# GB 32100-2015 table 1 (with the later additions A and N): registration authority -> entity types.
CREDIT_TYPES = {
    "1": "1239",  # 机构编制: 机关、事业单位、中央编办直接管理机构编制的群众团体、其他
    "2": "19",  # 外交: 外国常驻新闻机构、其他
    "3": "123459",  # 司法行政: 律师执业机构、公证处、基层法律服务所、司法鉴定机构、仲裁委员会、其他
    "4": "19",  # 文化: 外国在华文化中心、其他
    "5": "1239",  # 民政: 社会团体、民办非企业单位、基金会、其他
    "6": "129",  # 旅游: 外国及港澳台旅游部门常驻代表机构、其他
    "7": "129",  # 宗教: 宗教活动场所、宗教院校、其他
    "8": "19",  # 工会: 基层工会、其他
    "9": "123",  # 工商: 企业、个体工商户、农民专业合作社
    "A": "19",  # 中央军委改革和编制办公室: 军队事业单位、其他
    "N": "1239",  # 农业: 组级、村级、乡镇级集体经济组织、其他
    "Y": "1",  # 其他
}
ORGANISATION_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
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
    # map() rather than a generator: a roster import calls this once per row, a million times.
    return ID_CHECK[sum(map(mul, map(int, first17), ID_WEIGHTS)) % 11]


@cache
def area_exists(area: str) -> bool:
    """Whether a 6-digit area code belongs to a province (python-stdnum's table of GB/T 2260 codes).

    Only a province nobody has (000000, 99…) is refused: county codes are renamed and merged over the
    years, and people keep the number they were given, so an unknown county passes.
    """
    province = area[:2]
    if province in PERMIT_PROVINCES:
        return True
    return any(part == province and "province" in props for part, props in numdb.get("cn/loc").info(area))


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
    if not area_exists(text[:6]):
        raise IdentifierError(f"身份证号码前6位“{text[:6]}”不是有效的行政区划代码（地区码），请核对")
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
    return uscc.calc_check_digit(first17)


def organisation_check_char(first8: str) -> str:
    """GB 11714 check character of an organisation code (positions 9-16 of a credit code)."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(first8, ORGANISATION_WEIGHTS))
    return {10: "X", 11: "0"}.get(11 - total % 11, str(11 - total % 11))


def parse_credit_code(raw: object) -> str:
    text = _clean(raw)
    if len(text) != 18:
        raise IdentifierError(f"统一社会信用代码应为18位，实际为{len(text)}位")
    bad = sorted({c for c in text if c not in CREDIT_ALPHABET})
    if bad:
        raise IdentifierError(f"统一社会信用代码含有不允许的字符：{''.join(bad)}（不使用 I、O、S、V、Z）")
    if not text[2:8].isdigit():
        raise IdentifierError("统一社会信用代码第3至8位应为行政区划代码（数字）")
    if text[1] not in CREDIT_TYPES.get(text[0], ""):
        raise IdentifierError(f"统一社会信用代码前两位“{text[:2]}”不是国家标准中的登记管理部门和机构类别组合，请核对")
    if organisation_check_char(text[8:16]) != text[16]:
        raise IdentifierError("统一社会信用代码第9至17位（组织机构代码）的校验位不符，请核对是否有错字或颠倒")
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
