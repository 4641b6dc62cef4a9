from datetime import date

import pytest

from gonghui.core.figures import figure_get, figure_value
from gonghui.core.periods import year_period

pytestmark = pytest.mark.django_db


def test_a_figure_links_to_a_list_of_exactly_its_records(client, cast):
    people = cast
    founded = [people.union_a1, people.union_b1]
    for union in founded:
        union.founded_on = date(2025, 3, 1)
        union.save(update_fields=["founded_on"])
    value = figure_value(figure_get("org.unions_founded"), user=people.county_admin, union=people.county,
                         period=year_period(2025))
    client.force_login(people.county_admin)
    page = client.get(value.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert f"今年完成基层单建工会{value.value}家" in text
    assert all(union.name in text for union in founded)
    assert f'id="records-total">{value.value}<' in text
