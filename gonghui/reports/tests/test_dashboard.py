import json
import re
from datetime import date

import pytest

from gonghui.core.figures import figure_get, figure_months
from gonghui.core.periods import months_period, year_period

from .test_figure_records import DISPUTES

pytestmark = pytest.mark.django_db


def found(cast, **days):
    for name, day in days.items():
        union = getattr(cast, name)
        union.founded_on = day
        union.save(update_fields=["founded_on"])


def section(client, cast, name="ORGANISATION", query="period=2025"):
    page = client.get(f"/reports/sections/{name}/?union={cast.county.pk}&{query}")
    assert page.status_code == 200
    return page.content.decode()


def tile(text, key):
    block = text.split(f'data-key="{key}"')[1].split("</li>")[0]
    link = re.search(r'href="([^"]+)"', block)[1].replace("&amp;", "&")
    return block, link, re.search(r'class="tile-value">([^<]+)<', block)[1]


def test_the_dashboard_names_its_sections_and_loads_each(client, cast):
    client.force_login(cast.county_admin)
    page = client.get("/reports/").content.decode()
    today = date.today()
    assert f"期间：{today.year}年1{'' if today.month == 1 else '—' + str(today.month)}月" in page
    assert f'hx-get="/reports/sections/ORGANISATION/?union={cast.county.pk}&amp;period={today.year}-M{today.month}"' in page
    assert '<a href="/reports/">统计看板</a>' in page
    assert client.get("/reports/?period=2025-Q9").status_code == 400


def test_every_tile_links_to_its_list_showing_the_same_number_with_last_years_beside_it(client, cast):
    found(cast, union_a1=date(2025, 3, 1), union_a2=date(2025, 5, 2), union_b1=date(2024, 3, 1))
    client.force_login(cast.county_admin)
    text = section(client, cast)
    block, link, shown = tile(text, "org.unions_founded")
    assert shown == "2" and "上年同期 1，+1（+100%）" in block
    assert link == f"/reports/figures/org.unions_founded/?union={cast.county.pk}&period=2025"
    assert f'data-value="2">2<' in client.get(link).content.decode()


def test_the_monthly_trend_adds_up_to_the_figure(client, cast):
    found(cast, union_a1=date(2025, 3, 1), union_a2=date(2025, 3, 20), union_b1=date(2025, 11, 1))
    client.force_login(cast.county_admin)
    text = section(client, cast, query="period=2025-M10")
    trend = json.loads(re.search(r'<script id="trend-ORGANISATION" type="application/json">(.*?)</script>', text)[1])
    assert trend["months"] == [f"2025年{month}月" for month in range(1, 11)]
    founded = next(s for s in trend["series"] if s["name"].startswith("新建基层工会"))
    assert founded["data"] == [0, 0, 2, 0, 0, 0, 0, 0, 0, 0]
    months = figure_months(figure_get("org.unions_founded"), user=cast.county_admin, union=cast.street_b,
                           period=year_period(2025))
    assert [value for _, value in months] == [0] * 10 + [1, 0]
    assert figure_months(figure_get("org.enterprises_covered"), user=cast.county_admin, union=cast.county,
                         period=months_period(2025, 2)) is None


def test_the_unions_below_are_ranked_each_number_a_link(client, cast):
    found(cast, union_a1=date(2025, 3, 1), union_a2=date(2025, 5, 2), union_b1=date(2025, 3, 1))
    client.force_login(cast.county_admin)
    text = section(client, cast)
    ranking = text.split('class="ranking" data-key="org.unions_founded"')[1].split("</table>")[0]
    rows = re.findall(r"<td>([^<]+)</td><td class=\"num\"><a href=\"([^\"]+)\">(\d+)</a>", ranking)
    assert [(name, value) for name, _, value in rows] == [(cast.street_a.name, "2"), (cast.street_b.name, "1")]
    assert rows[1][1].replace("&amp;", "&") == f"/reports/figures/org.unions_founded/?union={cast.street_b.pk}&period=2025"


def test_a_section_without_records_is_left_out_and_care_is_hidden_without_the_grant(client, cast, registered):
    registered(DISPUTES)
    client.force_login(cast.county_admin)
    assert section(client, cast, "RIGHTS") == ""
    assert "/reports/sections/RIGHTS/" in client.get("/reports/?period=2025").content.decode()
    client.force_login(cast.officer_no_care)
    # The disputes need the care grant: its tile is not there (the section's other figures may be).
    assert 'data-key="test.disputes"' not in client.get(
        f"/reports/sections/RIGHTS/?union={cast.union_a1.pk}&period=2025").content.decode()
    assert client.get("/reports/sections/NOTHING/").status_code == 404


def test_a_ratio_is_ranked_by_its_rate_in_each_subtree(cast, registered):
    from dataclasses import replace

    from gonghui.core.figures import figure_ranking
    from gonghui.org.models import Enterprise

    from .test_figure_records import BIG, ENTERPRISES, SHARE

    share, = registered(ENTERPRISES, BIG, replace(SHARE, ranked=True))[2:]
    Enterprise.objects.filter(union=cast.union_b1).update(above_designated_size=True)
    ranking = figure_ranking(share, user=cast.county_admin, union=cast.county, period=year_period(2025))
    below_a = Enterprise.objects.filter(union__path__startswith=cast.street_a.path).count()
    assert [(union.name, value.text, [part.value for part in value.parts]) for union, value in ranking] == [
        (cast.street_b.name, "100%", [1, 1]), (cast.street_a.name, "0%", [0, below_a])]
    assert figure_ranking(share, user=cast.officer_no_care, union=cast.union_a1, period=year_period(2025)) == []


def test_records_found_through_a_join_count_once_in_every_breakdown(cast):
    from gonghui.core.figures import Column, Figure, Section, figure_breakdown, figure_value
    from gonghui.org.models import Enterprise, Union
    from gonghui.testing import make_credit_code

    Enterprise.objects.create(tenant_id=cast.county.pk, union=cast.union_a1, name="甲一二厂",
                              credit_code=make_credit_code(777))
    with_enterprises = Figure(
        key="test.unions_with_enterprises", label="有企业的工会", sentence="{value}家", definition="测试用。",
        section=Section.ORGANISATION, records=lambda period: Union.objects.filter(enterprises__isnull=False).distinct(),
        columns=(Column("名称", "name"),), month_field="founded_on")
    expected = Union.objects.filter(enterprises__isnull=False).distinct().count()
    period = year_period(2025)
    assert figure_value(with_enterprises, user=cast.county_admin, union=cast.county, period=period).value == expected
    both = figure_breakdown(with_enterprises, user=cast.county_admin, union=cast.county, period=period,
                            by_union=True, by_month=True)
    assert both.value == expected == sum(both.unions.values())
