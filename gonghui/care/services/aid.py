"""Aid paid against an active hardship file, and the access log of every reading of files."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from gonghui.core.services import access_log_record, access_logs_record

from ..choices import AidPaymentKind, FundSource, HardshipFileStatus
from ..models import AidPayment, HardshipFile
from ..rules import check_amount, check_choice, check_date, raise_if, save_checked
from .hardship import start_file_write


def _require_payable(file: HardshipFile) -> None:
    if file.status == HardshipFileStatus.CLOSED:
        raise ValidationError({"__all__": f"该困难职工档案已于{file.closed_on:%Y-%m-%d}销档"
                                          f"（{file.get_close_reason_display()}），不能再发放救助"})
    if file.status != HardshipFileStatus.ACTIVE:
        raise ValidationError({"__all__": f"该困难职工档案尚未审核建档（当前为“{file.get_status_display()}”），"
                                          "不能发放救助"})


@transaction.atomic
def aid_payment_create(*, actor, file: HardshipFile, kind: str, amount: Decimal, paid_on: date, fund_source: str,
                       note: str = "") -> AidPayment:
    file = start_file_write(actor, file)
    _require_payable(file)
    errors: dict = {}
    check_choice(errors, "kind", kind, AidPaymentKind, "请选择救助类型")
    check_choice(errors, "fund_source", fund_source, FundSource, "请选择资金来源")
    amount = check_amount(errors, "amount", amount)
    check_date(errors, "paid_on", paid_on, not_before=file.approved_on, not_before_label="建档日期")
    raise_if(errors)
    payment = AidPayment(tenant_id=file.tenant_id, union=file.union, file=file, kind=kind, amount=amount,
                         paid_on=paid_on, fund_source=fund_source, note=note.strip(), created_by=actor)
    save_checked(payment, actor=actor, clean_exclude=["file", "created_by"])
    return payment


def hardship_file_read_log(*, actor, file: HardshipFile) -> None:
    """Every opening of a hardship file, on a page or through the API, goes to the access log."""
    access_log_record(user=actor, obj=file, action="view_hardship_file", detail=file.member.name)


def hardship_files_read_log(*, actor, files: Iterable[HardshipFile]) -> None:
    """The API's lists of files carry what a file's own page shows (causes, incomes, notes): each file so read is
    logged as if opened; a page list shows less and is not."""
    access_logs_record(user=actor, objs=files, action="list_hardship_file", detail=lambda file: file.member.name)
