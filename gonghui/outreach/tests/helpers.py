"""Records of the outreach app for tests, entered through the services as an officer would."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from gonghui.outreach import services


def days_ago(n: int) -> date:
    return timezone.localdate() - timedelta(days=n)


def company(cast):
    return cast.union_a1.enterprises.get()


def survey(cast, **overrides):
    data = dict(actor=cast.officer, enterprise=company(cast), surveyed_on=days_ago(5), workers_reached=120,
                topic="外来务工人员情况调查", findings="职工反映宿舍紧张")
    return services.survey_create(**{**data, **overrides})


def gift(cast, **overrides):
    data = dict(actor=cast.officer, enterprise=company(cast), given_on=days_ago(4), item="篮球架", quantity=4,
                unit="副", value=Decimal("6000"))
    return services.gift_create(**{**data, **overrides})


def merchant(cast, **overrides):
    data = dict(actor=cast.street_admin, union=cast.street_a, name="惠民大药房", offer="凭服务卡九折",
                contracted_on=days_ago(30), address="人民路8号")
    return services.merchant_create(**{**data, **overrides})


def course(cast, **overrides):
    data = dict(actor=cast.street_admin, union=cast.street_a, title="红十字急救知识", series="一小时课堂",
                description="心肺复苏与止血包扎")
    return services.course_create(**{**data, **overrides})


def order(cast, **overrides):
    data = dict(actor=cast.street_admin, enterprise=company(cast), course=overrides.pop("course", None) or course(cast),
                ordered_on=days_ago(20))
    return services.course_order_create(**{**data, **overrides})
