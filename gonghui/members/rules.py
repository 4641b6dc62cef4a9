"""The member form's rules on plain values, shared by the form's service and the roster import.

Pure: no database. Uniqueness (one active membership per person) and the union's
scope are checked by the callers, which know the tenant and the user.
"""

import re
import unicodedata
from datetime import date

from django.utils import timezone

from gonghui.core.identifiers import IdentifierError, parse_mobile, parse_resident_id

from .choices import ETHNICITIES

ETHNICITY_SET = frozenset(ETHNICITIES)
# A name is shown on pages and written back into exports: a formula or a link there is an attack on
# whoever opens the file, not a person's name.
FORMULA_STARTS = ("=", "+", "-", "@")
URL_RE = re.compile(r"[a-z][a-z0-9+.\-]*://|www\.", re.IGNORECASE)


def name_error(name: str) -> str | None:
    """What is wrong with a (stripped) member name, or None."""
    if not name:
        return "请填写姓名"
    if len(name) > 30:
        return "姓名不能超过30个字"
    if name.startswith(FORMULA_STARTS):
        return "不能以 =、+、-、@ 开头（会被当作表格公式），请填写本人姓名"
    if URL_RE.search(name):
        return "不能含有网址，请填写本人姓名"
    # Cc: control characters; Cf: invisible format characters such as right-to-left overrides.
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
        return "不能含有控制字符或不可见字符"
    return None


def membership_clash_message(union_name: str | None) -> str:
    """One active membership per person. Which union holds it is said only to those who may see that
    union (pass None otherwise): an ID number must not tell anyone where in the county a person is."""
    if union_name is None:
        return "此人已是其他工会的在册会员，同一人在全县只能有一个有效会籍；如需调入请由原工会办理会员转会"
    return f"此人已是“{union_name}”的在册会员，同一人在全县只能有一个有效会籍；如需调动请办理转会"


def member_values_check(*, name: str, id_number, join_date: date | None, entered_birth: date | None = None,
                        entered_gender: str = "", phone: str = "", ethnicity: str = "",
                        today: date | None = None) -> tuple[dict, dict[str, str]]:
    """The member form's rules on plain values: (normalised values, {field: 中文消息})."""
    errors: dict[str, str] = {}
    values: dict = {"name": (name or "").strip()}
    if error := name_error(values["name"]):
        errors["name"] = error
    try:
        rid = parse_resident_id(id_number, today=today)
    except IdentifierError as exc:
        errors["id_number"] = str(exc)
        rid = None
    if rid is not None:
        values.update(id_number=rid.number, birth_date=rid.birth_date, gender=rid.gender)
        if entered_birth and entered_birth != rid.birth_date:
            errors["birth_date"] = f"出生日期与身份证号码不一致（号码中为{rid.birth_date:%Y-%m-%d}）"
        if entered_gender and entered_gender != rid.gender:
            errors["gender"] = "性别与身份证号码不一致（第17位奇数为男、偶数为女）"
    if phone:
        try:
            values["phone"] = parse_mobile(phone)
        except IdentifierError as exc:
            errors["phone"] = str(exc)
    if ethnicity:
        if ethnicity not in ETHNICITY_SET:
            errors["ethnicity"] = "请从56个民族中选择"
        values["ethnicity"] = ethnicity
    if join_date is None:
        errors.setdefault("join_date", "请填写入会日期")
    elif join_date > (today or timezone.localdate()):
        errors["join_date"] = "入会日期不能晚于今天"
    elif rid is not None and join_date < rid.birth_date:
        errors["join_date"] = "入会日期不能早于出生日期"
    values["join_date"] = join_date
    return values, errors
