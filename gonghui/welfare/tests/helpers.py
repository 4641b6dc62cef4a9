"""One record of each welfare type, entered as union_a1's officer would."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from gonghui.welfare import services
from gonghui.welfare.choices import RecuperationKind


def days_ago(days: int):
    return timezone.localdate() - timedelta(days=days)


def aid(cast, *, member=None, name="", on=None, union=None, **extra):
    return services.employment_aid_create(
        actor=cast.officer, union=union or cast.union_a1, member=member, name=name, aided_on=on or days_ago(3),
        employer=extra.pop("employer", "宏达机械有限公司"), post="装配工", helped_by="工会主席", **extra)


def stay(cast, *, kind=RecuperationKind.CHECK_UP, member=None, name="", on=None):
    return services.recuperation_create(actor=cast.officer, union=cast.union_a1, member=member, name=name, kind=kind,
                                        on_date=on or days_ago(5), place="县人民医院体检中心", cost=Decimal("350"))


def programme(cast, *, classes=2, children=60, on=None):
    start = on or days_ago(20)
    return services.children_programme_create(actor=cast.officer, union=cast.union_a1, name="小候鸟暑期放心班",
                                              start_on=start, end_on=start + timedelta(days=10), classes=classes,
                                              children=children)


def drive(cast, *, donors=30, amount="3000", clothes=40, books=25, other=5, on=None):
    return services.donation_drive_create(actor=cast.officer, union=cast.union_a1, name="慈善一日捐",
                                          held_on=on or days_ago(8), purpose="向受灾地区捐赠", donors=donors,
                                          amount=Decimal(amount), clothes=clothes, books=books, other_items=other)
