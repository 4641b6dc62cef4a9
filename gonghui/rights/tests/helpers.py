"""Records of the rights app for tests, entered through the services as a user would."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from gonghui.rights import services
from gonghui.rights.choices import ContractKind, ContractScope, DisputeKind


def days_ago(n: int) -> date:
    return timezone.localdate() - timedelta(days=n)


def case(cast, **overrides):
    data = dict(actor=cast.officer, union=cast.union_a1, enterprise=cast.union_a1.enterprises.get(),
                received_on=days_ago(3), kind=DisputeKind.WAGES, workers_involved=4, amount=Decimal("12000.50"),
                applicant="刘洋", summary="拖欠三个月工资")
    data.update(overrides)
    return services.dispute_create(**data)


def contract(cast, **overrides):
    signed = days_ago(300)
    data = dict(actor=cast.officer, union=cast.union_a1, enterprises=[cast.union_a1.enterprises.get()],
                scope=ContractScope.ENTERPRISE, kind=ContractKind.WAGE, title="甲一机械厂工资专项集体合同",
                signed_on=signed, term_start=signed, term_end=signed + timedelta(days=3 * 365),
                workers_covered=50, wage_increase_pct=Decimal("5.5"), filed_on=signed + timedelta(days=10))
    data.update(overrides)
    return services.contract_create(**data)


def body(cast, **overrides):
    data = dict(actor=cast.officer, union=cast.union_a1, name="甲一机械厂劳动争议调解委员会",
                enterprise=cast.union_a1.enterprises.get())
    data.update(overrides)
    return services.mediation_body_create(**data)


def petition(cast, **overrides):
    data = dict(actor=cast.officer, union=cast.union_a1, received_on=days_ago(2), petitioner="赵敏",
                matter="反映加班费未足额发放", phone="13912345678")
    data.update(overrides)
    return services.petition_create(**data)
