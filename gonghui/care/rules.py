"""The input rules every care write shares, each with the message shown at its field, and its last step.

Checks add to an `errors` dict so that one submission reports every wrong
field at once; the service raises once at the end, before anything is saved.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.core.formatting import future_error
from gonghui.core.money import check_money
from gonghui.core.scoping import is_within, may_access_care
from gonghui.core.services import save_with_history
from gonghui.members.choices import MemberStatus

NOT_YOURS = "找不到该会员，或不在您的管辖范围内"
ENTERPRISE_NOT_YOURS = "找不到该企业，或不在您的管辖范围内"


def require_care_access(user) -> None:
    """Lists, exports and writes of hardship files, aid and fund payouts need the grant: without it, a 403
    saying why. A single sensitive record is simply invisible without it (core.scoping.visible: a 404)."""
    if not may_access_care(user):
        raise PermissionDenied("您的账号未获得“可查看帮扶与维权档案”授权，不能查看或办理困难职工档案与救助")


def check_amount(errors: dict, field: str, value, *, allow_zero: bool = False) -> Decimal | None:
    """Care amounts are always asked for, and a payment of nothing is no payment."""
    return check_money(errors, field, value, required=True, allow_zero=allow_zero)


def check_date(errors: dict, field: str, value: date | None, *, not_before: date | None = None,
               not_before_label: str = "") -> None:
    if value is None:
        errors[field] = "请填写日期"
    elif late := future_error(value):
        errors[field] = late
    elif not_before is not None and value < not_before:
        errors[field] = f"日期不能早于{not_before_label}（{not_before:%Y-%m-%d}）"


def check_choice(errors: dict, field: str, value: str, choices, message: str) -> None:
    if value not in choices.values:
        errors[field] = message


def check_member(errors: dict, actor, member, *, field: str = "member", must_be_active: bool = True) -> None:
    if member is None or not is_within(actor, member.union):
        errors[field] = NOT_YOURS
    elif must_be_active and member.status != MemberStatus.ACTIVE:
        errors[field] = f"该会员当前为“{member.get_status_display()}”，不能办理此事项"


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def save_checked(obj, *, actor, clean_exclude: Iterable[str] = ()) -> None:
    """The model's own field checks (the services have checked the relations), then the save with its history."""
    obj.full_clean(exclude=["tenant", "union", *clean_exclude], validate_constraints=False)
    save_with_history(obj, actor=actor)
