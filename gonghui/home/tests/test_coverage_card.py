"""The home page's coverage card: every number comes from the registry and links to the list it counts."""

from html import unescape

import pytest
from django.urls import reverse

from gonghui.testing import figure_links, page_text

pytestmark = pytest.mark.django_db


def test_each_number_of_the_coverage_card_links_to_a_list_of_that_many(cast, client):
    client.force_login(cast.street_admin)
    html = client.get(reverse("home:index")).content.decode()
    links = figure_links(html)
    # Street A: two single-built grassroots unions, their two enterprises, one member each.
    assert "基层工会组织2家，其中单建工会2家，覆盖企业2家" in page_text(html)
    assert [shown for shown, _ in links[:5]] == ["2", "2", "0", "2", "2"]
    for shown, url in links:
        listed = client.get(unescape(url))
        assert listed.status_code == 200
        assert f'id="records-total" data-value="{shown}"' in listed.content.decode(), url
    members = client.get(unescape(links[4][1])).content.decode()
    assert cast.member_a1.name in members and cast.member_b1.name not in members
    assert cast.member_a1.id_number not in members


def test_the_card_counts_what_the_user_may_see_of_the_subtree(cast, client):
    client.force_login(cast.officer)
    html = client.get(reverse("home:index")).content.decode()
    assert "基层工会组织1家，其中单建工会1家，覆盖企业1家" in page_text(html)
