"""Indicators are added to a competition after it is made (the form on its page, the API), changed and deleted
through the API, until monthly checks are scored against them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.competitions import services
from gonghui.competitions.models import Indicator

from .helpers import competition, today

pytestmark = pytest.mark.django_db


def test_an_indicator_added_from_the_competition_page_is_listed_there(client, cast):
    contest = competition(cast, indicators=[])
    client.force_login(cast.street_admin)
    detail = reverse("competitions:competition_detail", args=[contest.pk])
    assert "增加竞赛指标" in client.get(detail).content.decode()
    response = client.post(reverse("competitions:indicator_add", args=[contest.pk]),
                           {"name": "零事故", "max_score": "40", "veto": "on", "scoring": "发生事故一票否决"})
    assert response.status_code == 302
    assert "零事故：40.0分（一票否决），发生事故一票否决" in client.get(detail).content.decode()


def test_the_api_adds_changes_and_deletes_an_indicator(client, cast):
    contest = competition(cast, indicators=[])
    client.force_login(cast.street_admin)
    made = client.post(f"/api/competitions/competitions/{contest.pk}/indicators", {"name": "节能", "max_score": 10},
                       content_type="application/json")
    assert made.status_code == 201 and made.json()["name"] == "节能"
    url = f"/api/competitions/indicators/{made.json()['id']}"
    changed = client.put(url, {"name": "节能降耗", "max_score": 20}, content_type="application/json")
    assert changed.status_code == 200 and Decimal(changed.json()["max_score"]) == 20
    assert client.delete(url).status_code == 204
    assert not Indicator.objects.exists()


def test_once_monthly_scores_exist_indicators_are_refused_in_chinese_and_nothing_saved(client, cast):
    contest = competition(cast)
    entry = services.entry_add(actor=cast.street_admin, competition=contest, union=cast.union_a1)
    scored = contest.indicators.get(name="零缺陷")
    services.monthly_values_set(actor=cast.street_admin, competition=contest, indicator=scored,
                                month=today().replace(day=1), values={entry: Decimal(20)})
    client.force_login(cast.street_admin)
    response = client.post(reverse("competitions:indicator_add", args=[contest.pk]), {"name": "节能", "max_score": "10"})
    assert response.status_code == 400 and "本竞赛已有月度检查得分，不能再增加竞赛指标" in response.content.decode()
    url = f"/api/competitions/indicators/{scored.pk}"
    answer = client.put(url, {"name": "零缺陷", "max_score": 50}, content_type="application/json")
    assert answer.status_code == 422
    assert answer.json()["errors"]["__all__"] == ["“零缺陷”已有月度检查得分，不能修改或删除"]
    assert client.delete(url).status_code == 422
    scored.refresh_from_db()
    assert scored.max_score == 30 and contest.indicators.count() == 3
