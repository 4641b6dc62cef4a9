"""Each welfare figure equals its list (the registry's list behind it), counted as its definition says."""

import re
from decimal import Decimal

import pytest

from gonghui.core.figures import figure_get, figure_records, figure_value, figures_all
from gonghui.core.periods import Period
from gonghui.welfare.figures import FIGURES

from .helpers import aid, days_ago, drive, programme, stay

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(cast):
    # The last 100 days, whatever today is; records of the days before it are counted by no figure of it.
    before = days_ago(120)
    aid(cast, member=cast.member_a1, on=before), programme(cast, on=before), drive(cast, on=before)
    return Period(days_ago(100), days_ago(0))


def value(key, cast, period, *, user=None, union=None):
    return figure_value(figure_get(key), user=user or cast.county_admin, union=union or cast.county, period=period)


def test_all_are_registered_in_the_summaries_words(cast):
    keys = {figure.key for figure in figures_all() if figure.key.startswith("welfare.")}
    assert keys == {figure.key for figure in FIGURES} and len(keys) == 10
    assert figure_get("welfare.employment_aided").sentence == "解决职工再就业{value}人"


def test_a_member_helped_twice_is_one_person_helped_back_into_work(cast, year):
    aid(cast, member=cast.member_a1, on=days_ago(1)), aid(cast, member=cast.member_a1, on=days_ago(0))
    aid(cast, name="刘洋"), aid(cast, name="陈静")
    result = value("welfare.employment_aided", cast, year)
    records = figure_records(figure_get("welfare.employment_aided"), user=cast.county_admin, union=cast.county,
                             period=year)
    assert result.value == records.count() == 3
    assert result.sentence == "解决职工再就业3人"


def test_check_ups_and_rest_stays_are_counted_apart(cast, year):
    stay(cast, member=cast.member_a1), stay(cast, member=cast.member_a1, kind="rest"), stay(cast, name="陈静")
    assert value("welfare.check_ups", cast, year).sentence == "组织2名职工参加免费体检活动"
    assert value("welfare.rest_stays", cast, year).sentence == "安排1名职工免费疗休养"


def test_programmes_and_drives_add_up_their_numbers(cast, year):
    programme(cast, classes=2, children=60), programme(cast, classes=2, children=61)
    drive(cast, donors=30, amount="3000", clothes=40, books=25, other=5), drive(cast, donors=12, amount="650.5")
    sentences = {key: value(key, cast, year).sentence for key in (
        "welfare.programme_classes", "welfare.programme_children", "welfare.drive_donors", "welfare.drive_amount",
        "welfare.drive_clothes", "welfare.drive_books", "welfare.drive_other_items")}
    assert sentences == {
        "welfare.programme_classes": "举办小候鸟暑期放心班4班", "welfare.programme_children": "参加小朋友121人",
        "welfare.drive_donors": "组织42人次参加慈善一日捐", "welfare.drive_amount": "慈善一日捐捐款3650.50元",
        "welfare.drive_clothes": "捐衣物80件", "welfare.drive_books": "捐书50册",
        "welfare.drive_other_items": "捐其他物品10件"}


@pytest.mark.parametrize("figure", FIGURES, ids=lambda figure: figure.key)
def test_each_figure_is_the_count_or_the_total_row_of_its_list(client, cast, year, figure):
    aid(cast, member=cast.member_a1), aid(cast, name="刘洋"), stay(cast, name="陈静"), stay(cast, name="周敏", kind="rest")
    programme(cast), drive(cast)
    result = value(figure.key, cast, year, user=cast.street_admin, union=cast.street_a)
    assert result.value, figure.key  # the list is not empty: equal zeros would prove nothing
    client.force_login(cast.street_admin)
    text = client.get(result.url).content.decode()
    assert figure.sentence.format(value=result.text) in text
    # The list's total row is the figure (written as the list writes numbers: "3000.00" for 3000 yuan).
    assert Decimal(re.search(r'id="records-total" data-value="([\d.]+)"', text)[1]) == result.value
    # Another street sees none of union_a1's records.
    assert value(figure.key, cast, year, user=cast.county_admin, union=cast.street_b).value == 0
