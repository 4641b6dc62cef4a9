"""Each outreach figure equals its list: the registry's records page, and the app's own list with the same filters."""

import pytest

from gonghui.core.figures import figure_get, figure_value
from gonghui.core.periods import Period
from gonghui.ledger import services as ledger
from gonghui.ledger.models import ActivityKind
from gonghui.outreach import selectors, services
from gonghui.outreach.models import OrderState

from .helpers import company, course, days_ago, gift, merchant, order, survey

pytestmark = pytest.mark.django_db

KEYS = ("outreach.enterprises_surveyed", "outreach.workers_reached", "outreach.gifts_given",
        "outreach.merchants_contracted", "outreach.courses_ordered", "outreach.courses_delivered")


@pytest.fixture
def period():
    return Period(start=days_ago(60), end=days_ago(0))


@pytest.fixture
def year_of_work(cast):
    # Two visits to one company count it once; a visit before the period is not counted at all.
    survey(cast, workers_reached=100)
    survey(cast, workers_reached=30, topic="职工需求回访")
    survey(cast, actor=cast.street_admin, enterprise=cast.enterprise_street_a, workers_reached=12)
    survey(cast, workers_reached=999, surveyed_on=days_ago(90))
    gift(cast, quantity=4, unit="副")
    gift(cast, actor=cast.street_admin, enterprise=cast.enterprise_street_a, item="乒乓球台", quantity=5, unit="对")
    merchant(cast)
    merchant(cast, name="惠民超市", contracted_on=days_ago(200))
    hour = course(cast)
    salon = course(cast, title="家庭沟通", series="阳光家庭成长沙龙")
    for offered, delivered in ((hour, True), (hour, True), (salon, True), (hour, False)):
        made = order(cast, course=offered)
        if delivered:
            session = ledger.activity_create(actor=cast.street_admin, union=cast.street_a, kind=ActivityKind.TRAINING,
                                             title=f"{offered.series}：{offered.title}", date=days_ago(3))
            services.course_order_update(actor=cast.street_admin, order=made, state=OrderState.DELIVERED,
                                         delivered_on=days_ago(3), activity=session)


def test_the_figures_of_the_year(cast, year_of_work, period):
    values = {key: figure_value(figure_get(key), user=cast.county_admin, union=cast.county, period=period)
              for key in KEYS}
    assert [values[key].sentence for key in KEYS] == [
        "调查访问企业2家", "涉及职工142人次", "赠送物品9件", "联系特约服务商户1家", "点课4次", "送课3期"]
    below = figure_value(figure_get("outreach.workers_reached"), user=cast.officer, union=cast.union_a1,
                         period=period)
    assert below.value == 130


@pytest.mark.parametrize("key", KEYS)
def test_each_figure_equals_its_records_page(cast, client_for, year_of_work, period, key):
    for user in (cast.county_admin, cast.officer):
        value = figure_value(figure_get(key), user=user, union=user.union, period=period)
        page = client_for(user).get(value.url)
        assert page.status_code == 200
        assert f'id="records-total" data-value="{value.value}"' in page.content.decode()


def test_each_figure_equals_the_app_list_with_its_period(cast, year_of_work, period):
    user, dates = cast.county_admin, {"start": period.start, "end": period.end}

    def value(key):
        return figure_value(figure_get(key), user=user, union=cast.county, period=period).value

    surveys = selectors.survey_list(user=user, filters=dates)
    assert value("outreach.enterprises_surveyed") == surveys.values("enterprise").distinct().count()
    assert value("outreach.workers_reached") == sum(s.workers_reached for s in surveys)
    assert value("outreach.gifts_given") == sum(g.quantity for g in selectors.gift_list(user=user, filters=dates))
    assert value("outreach.merchants_contracted") == selectors.merchant_list(user=user, filters=dates).count()
    assert value("outreach.courses_ordered") == selectors.order_list(user=user, filters=dates).count()
    delivered = {"state": OrderState.DELIVERED, "delivered_start": period.start, "delivered_end": period.end}
    assert value("outreach.courses_delivered") == selectors.order_list(user=user, filters=delivered).count()


def test_sessions_per_series_add_up_to_the_delivered_figure(cast, client_for, year_of_work, period):
    rows = selectors.series_delivered(user=cast.county_admin, union=cast.county, period=period)
    assert [row.sentence for row in rows] == ["开展2期一小时课堂活动", "开展1期阳光家庭成长沙龙活动"]
    listing = client_for(cast.county_admin).get(rows[1].url).content.decode()
    assert "共 1 条" in listing and "家庭沟通" in listing and "红十字急救知识" not in listing
    assert company(cast).name in listing
