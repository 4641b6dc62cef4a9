"""Monthly checks (月度检查) and the rotating red flag (流动红旗): scores per entry and month on the page and the
API, and the month's flag for the best check, refused in Chinese where it cannot be given."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.competitions import services
from gonghui.competitions.models import IndicatorValue, RedFlag

from .helpers import competition, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest(cast):
    made = competition(cast)
    for union in (cast.union_a1, cast.union_a2):
        services.entry_add(actor=cast.street_admin, competition=made, union=union)
    return made


def _entries(contest):
    return list(contest.entries.order_by("union__name"))  # 甲一机械厂工会, 甲二中学工会


def _month():
    return today().replace(day=1)


def _check(cast, contest, name, scores):
    indicator = contest.indicators.get(name=name)
    return services.monthly_values_set(actor=cast.street_admin, competition=contest, indicator=indicator,
                                       month=_month(), values=dict(zip(_entries(contest), scores, strict=True)))


def test_the_month_is_checked_on_the_page_and_the_flag_goes_to_the_best(client, cast, contest):
    a1, a2 = _entries(contest)
    defects = contest.indicators.get(name="零缺陷")
    client.force_login(cast.street_admin)
    url = reverse("competitions:monthly_values", args=[contest.pk])
    response = client.post(url, {"indicator": defects.pk, "month": f"{_month():%Y-%m}",
                                 f"value_{a1.pk}": "31", f"value_{a2.pk}": "25"})
    assert response.status_code == 400 and "甲一机械厂工会的得分应在0至30.0分之间" in response.content.decode()
    assert not IndicatorValue.objects.exists()
    client.post(url, {"indicator": defects.pk, "month": f"{_month():%Y-%m}", f"value_{a1.pk}": "28",
                      f"value_{a2.pk}": "25"})
    page = client.get(f"{url}?month={_month():%Y-%m}&indicator={defects.pk}").content.decode()
    assert 'value="28.0"' in page
    response = client.post(reverse("competitions:red_flag_award", args=[contest.pk]), {"month": f"{_month():%Y-%m}"})
    page = client.get(response.url).content.decode()
    assert f"<td>{_month():%Y年%m月}</td><td>甲一机械厂工会</td><td>28.0</td>" in page


def test_a_tie_needs_the_holder_named_among_the_leaders(client, cast, contest):
    a1, a2 = _entries(contest)
    _check(cast, contest, "零缺陷", (Decimal(27), Decimal(27)))
    client.force_login(cast.street_admin)
    url = f"/api/competitions/competitions/{contest.pk}/red-flags"
    answer = client.post(url, {"month": f"{_month():%Y-%m}"}, content_type="application/json")
    assert answer.json()["errors"]["entry"] == [
        f"{_month():%Y年%m月}并列最高分（27.0分）：甲一机械厂工会、甲二中学工会，请选择获得者"]
    answer = client.post(url, {"month": f"{_month():%Y-%m}", "entry_id": a2.pk}, content_type="application/json")
    assert answer.status_code == 201 and answer.json()["entry_name"] == "甲二中学工会"
    answer = client.post(url, {"month": f"{_month():%Y-%m}", "entry_id": a1.pk}, content_type="application/json")
    assert answer.json()["errors"]["month"] == [f"{_month():%Y年%m月}的流动红旗已评定，不能再修改当月检查得分"]
    assert RedFlag.objects.count() == 1


def test_an_entry_short_on_a_veto_indicator_cannot_hold_the_flag(cast, contest):
    _check(cast, contest, "零缺陷", (Decimal(30), Decimal(20)))
    _check(cast, contest, "零事故", (Decimal(0), Decimal(40)))  # 甲一 had an accident this month
    flag = services.red_flag_award(actor=cast.street_admin, competition=contest, month=_month())
    assert flag.entry.union == cast.union_a2 and flag.score == Decimal(60)


def test_a_month_outside_the_competition_or_unchecked_is_refused(client, cast, contest):
    client.force_login(cast.street_admin)
    url = f"/api/competitions/competitions/{contest.pk}/red-flags"
    answer = client.post(url, {"month": f"{_month():%Y-%m}"}, content_type="application/json")
    assert answer.json()["errors"]["month"] == [f"{_month():%Y年%m月}还没有月度检查得分"]
    answer = client.post(url, {"month": "2025/3"}, content_type="application/json")
    assert answer.json()["errors"]["month"] == ["请按“2025-03”的格式填写月份"]
    before = contest.starts_on.replace(day=1) - timedelta(days=1)
    answer = client.post(url, {"month": f"{before:%Y-%m}"}, content_type="application/json")
    assert answer.json()["errors"]["month"] == [
        f"月份须在竞赛期内（{contest.starts_on:%Y-%m}至{contest.ends_on:%Y-%m}）"]


def test_the_api_writes_a_check_with_its_history_and_lists_it(client, cast, contest):
    a1, a2 = _entries(contest)
    defects = contest.indicators.get(name="零缺陷")
    client.force_login(cast.street_admin)
    url = f"/api/competitions/competitions/{contest.pk}/monthly"
    body = {"indicator_id": defects.pk, "month": f"{_month():%Y-%m}", "values": [{"entry_id": a1.pk, "value": 20}]}
    assert client.post(url, body, content_type="application/json").status_code == 200
    body["values"] = [{"entry_id": a1.pk, "value": 22}, {"entry_id": a2.pk, "value": 18}]
    client.post(url, body, content_type="application/json")
    rows = client.get(f"{url}?month={_month():%Y-%m}").json()
    assert [(r["entry_id"], r["value"]) for r in rows] == [(a1.pk, "22.0"), (a2.pk, "18.0")]
    row = IndicatorValue.objects.get(entry=a1)
    assert [h.value for h in row.history.order_by("history_id")] == [Decimal(20), Decimal(22)]
    assert row.history.first().history_user == cast.street_admin
    client.force_login(cast.officer)  # a participant is not the organiser
    assert client.post(url, body, content_type="application/json").status_code == 404
