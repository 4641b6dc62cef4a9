"""The ledger's figures: the list's total row over any filter, series sessions, contest results, honour levels."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.core.figures import figure_get, figure_records, figure_value
from gonghui.core.periods import year_period
from gonghui.ledger import selectors, services
from gonghui.ledger.models import ActivityKind, HonourLevel, RecipientType

from .helpers import sheet_rows

pytestmark = pytest.mark.django_db

YEAR = 2026
PERIOD = year_period(YEAR)


def activity(cast, **overrides):
    data = dict(actor=cast.officer, union=cast.union_a1, kind=ActivityKind.TRAINING, title="一小时讲堂：安全生产",
                date=date(YEAR, 3, 10), participant_count=40, cost=Decimal("300.50"))
    return services.activity_create(**(data | overrides))


def entered_year(cast) -> None:
    """Three lectures of a series, a salon, a meeting in street A; a training in street B (not A's)."""
    for month in (2, 3, 4):
        activity(cast, series="一小时讲堂", title=f"一小时讲堂第{month}期", date=date(YEAR, month, 8),
                 participant_count=30 + month, cost=Decimal(100 * month))
    activity(cast, actor=cast.sibling_officer, union=cast.union_a2, series="阳光家庭成长沙龙 ", title="沙龙",
             date=date(YEAR, 5, 1), participant_count=12, cost=Decimal("88.80"))
    activity(cast, kind=ActivityKind.MEETING, title="委员会例会", date=date(YEAR, 6, 1), participant_count=9,
             cost=Decimal(0))
    activity(cast, actor=cast.other_officer, union=cast.union_b1, title="乙街道培训", participant_count=500,
             cost=Decimal(9999))


def test_the_list_and_its_export_total_participants_and_cost_over_any_filter(cast, client_for):
    entered_year(cast)
    client = client_for(cast.street_admin)
    for params, entries, participants, cost in (
        ({}, 5, 32 + 33 + 34 + 12 + 9, "988.80"),
        ({"kind": "training"}, 4, 32 + 33 + 34 + 12, "988.80"),
        ({"series": "一小时讲堂"}, 3, 99, "900.00"),
        ({"union": cast.union_a2.pk}, 1, 12, "88.80"),
        ({"date_from": f"{YEAR}-03-01", "date_to": f"{YEAR}-05-31"}, 3, 33 + 34 + 12, "788.80"),
    ):
        html = client.get(reverse("ledger:list"), params).content.decode()
        assert f'<span id="ledger-count">{entries}</span>' in html, params
        assert f'id="total-participants">{participants}<' in html, params
        assert f'id="total-cost">{cost}<' in html, params
        total = sheet_rows(client.get(reverse("ledger:export"), params))[-1]
        assert total[0] == "合计" and total[4] == f"{entries}条", params
        assert (total[8], f"{total[9]:.2f}") == (participants, cost), params


def test_the_totals_are_the_registrys_figures(cast):
    entered_year(cast)
    for key, expected in (("ledger.participants", 32 + 33 + 34 + 12 + 9), ("ledger.cost", Decimal("988.80")),
                          ("ledger.activities", 5), ("ledger.activities_training", 4),
                          ("ledger.training_participants", 111), ("ledger.series_sessions", 4)):
        value = figure_value(figure_get(key), user=cast.street_admin, union=cast.street_a, period=PERIOD)
        assert value.value == expected, key
    cost = figure_value(figure_get("ledger.cost"), user=cast.street_admin, union=cast.street_a, period=PERIOD)
    assert cost.sentence == "共投入资金0.1万元"


def test_sessions_are_counted_by_series_as_the_summaries_write_them(cast, client_for):
    entered_year(cast)
    records = figure_records(figure_get("ledger.series_sessions"), user=cast.street_admin, union=cast.street_a,
                             period=PERIOD)
    assert [s.sentence for s in selectors.series_counts(records)] == ["已经开展3期一小时讲堂", "已经开展1期阳光家庭成长沙龙"]
    html = client_for(cast.street_admin).get(reverse("ledger:list")).content.decode()
    assert "已经开展3期一小时讲堂" in html and "已经开展1期阳光家庭成长沙龙" in html  # the stray space is gone
    assert "?series=%E4%B8%80%E5%B0%8F%E6%97%B6%E8%AE%B2%E5%A0%82&amp;page=1" in html


def test_a_series_can_be_entered_on_the_form_and_filtered(cast, client_for):
    client = client_for(cast.officer)
    response = client.post(reverse("ledger:create", args=[cast.union_a1.pk]), {
        "kind": "training", "title": "一小时讲堂：急救知识", "series": " 一小时讲堂", "date": f"{YEAR}-02-10",
        "participant_count": "20", "cost": "0"})
    assert response.status_code == 302
    html = client.get(reverse("ledger:list"), {"series": "一小时讲堂"}).content.decode()
    assert "一小时讲堂：急救知识" in html and '<span id="ledger-count">1</span>' in html
    assert '<span id="ledger-count">0</span>' in client.get(reverse("ledger:list"), {"series": "沙龙"}).content.decode()


def test_contest_results_count_by_the_contests_date(cast):
    contest = activity(cast, kind=ActivityKind.SKILL_CONTEST, title="叉车技能比武", participants=[cast.member_a1])
    services.activity_result_add(actor=cast.officer, activity=contest, member=cast.member_a1, rank=3, prize="三等奖")
    services.activity_result_add(actor=cast.officer, activity=contest, team_name="一车间队", prize="优秀组织奖")
    last_year = activity(cast, kind=ActivityKind.SKILL_CONTEST, title="去年比武", date=date(YEAR - 1, 5, 1))
    services.activity_result_add(actor=cast.officer, activity=last_year, team_name="二车间队", rank=1)
    values = {key: figure_value(figure_get(key), user=cast.officer, union=cast.union_a1, period=PERIOD).value
              for key in ("ledger.contest_results", "ledger.contest_podium", "ledger.activities_skill_contest")}
    assert values == {"ledger.contest_results": 2, "ledger.contest_podium": 1, "ledger.activities_skill_contest": 1}


def test_honours_at_street_and_community_level_below_the_county(cast, client_for):
    assert HonourLevel.values[:3] == ["community", "street", "county"]
    for level, title in ((HonourLevel.COMMUNITY, "社区优秀志愿者"), (HonourLevel.STREET, "街道最美职工"),
                         (HonourLevel.STREET, "街道优秀工会工作者"), (HonourLevel.COUNTY, "区级工人先锋号")):
        services.honour_create(actor=cast.street_admin, union=cast.street_a, recipient_type=RecipientType.MEMBER,
                               member=cast.member_a1, title=title, level=level, date=date(YEAR, 4, 28),
                               awarding_body="甲街道总工会")
    values = {level: figure_value(figure_get(f"ledger.honours_{level}"), user=cast.street_admin,
                                  union=cast.street_a, period=PERIOD) for level in HonourLevel.values}
    assert {level: v.value for level, v in values.items()} == {
        "community": 1, "street": 2, "county": 1, "city": 0, "province": 0, "national": 0}
    assert values["street"].sentence == "获街道级表彰2项"
    client = client_for(cast.street_admin)
    html = client.get(reverse("ledger:honours"), {"level": "street"}).content.decode()
    assert "街道最美职工" in html and "社区优秀志愿者" not in html and "街道级" in html
    # The form offers the new levels.
    form = client.get(reverse("ledger:honour_create", args=[cast.street_a.pk])).content.decode()
    assert 'value="community"' in form and 'value="street"' in form


def test_each_ledger_figure_links_to_a_list_of_exactly_its_records(cast, client_for):
    entered_year(cast)
    client = client_for(cast.street_admin)
    for key in ("ledger.activities", "ledger.participants", "ledger.cost", "ledger.series_sessions"):
        value = figure_value(figure_get(key), user=cast.street_admin, union=cast.street_a, period=PERIOD)
        listed = client.get(value.url).content.decode()
        assert value.sentence in listed, key
        assert f'id="records-total" data-value="{value.value}"' in listed, key
        assert "乙街道培训" not in listed
