"""Finance records for tests, entered through the services as an officer would."""

from datetime import date
from decimal import Decimal

from gonghui.finance import services


def line(code: str, debit=None, credit=None, **extra) -> dict:
    return {"code": code, "debit": debit, "credit": credit, **extra}


def voucher(cast, day: date, debit_code: str, credit_code: str, amount, *, union=None, actor=None, **extra):
    amount = Decimal(str(amount))
    return services.voucher_create(actor=actor or cast.officer, union=union or cast.union_a1, date=day,
                                   summary=extra.pop("summary", "测试凭证"),
                                   lines=[line(debit_code, debit=amount, **extra), line(credit_code, credit=amount)])


def posted(cast, *args, approver=None, **kwargs):
    return services.voucher_post(actor=approver or cast.officer_no_care, voucher=voucher(cast, *args, **kwargs))
