"""The member form's rules on plain values, shared by the form's service and the roster import.

Pure: no database. Uniqueness (one active membership per person) and the union's
scope are checked by the callers, which know the tenant and the user.
"""

from datetime import date

from django.utils import timezone

from gonghui.core.identifiers import IdentifierError, parse_mobile, parse_resident_id

from .choices import ETHNICITIES

ETHNICITY_SET = frozenset(ETHNICITIES)


def member_values_check(*, name: str, id_number, join_date: date | None, entered_birth: date | None = None,
                        entered_gender: str = "", phone: str = "", ethnicity: str = "",
                        today: date | None = None) -> tuple[dict, dict[str, str]]:
    """The member form's rules on plain values: (normalised values, {field: 中文消息})."""
    errors: dict[str, str] = {}
    values: dict = {"name": (name or "").strip()}
    if not values["name"]:
        errors["name"] = "请填写姓名"
    elif len(values["name"]) > 30:
        errors["name"] = "姓名不能超过30个字"
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
