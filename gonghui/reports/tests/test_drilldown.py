"""THE drill-down test: every registered figure equals the list behind it, on a generated county's year.

For every figure in the registry (figures other apps register are covered as they are registered), for
the county's administrator over the county and a street's administrator over the street, for the whole
year and for 1—N月: the figure's value equals the total row of its list page, the total of its records
in the API, and the count (or the sum) of the records the list actually holds. A figure whose list and
value disagree fails here, whatever the cause (a records function reading the clock instead of the
period, a total summed over a join, a page that forgets a filter).
"""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured

from gonghui.core.figures import (Column, Figure, Ratio, Section, figure_get, figure_listed, figure_readable,
                                  figure_records, figure_register, figure_rows, figure_url, figure_value, figures_all)
from gonghui.core.periods import Period, months_period, year_period
from gonghui.org.models import Union, UnionLevel

from .generated import county_fixture, scopes
from .test_figure_records import DISPUTES

AS_OF = date(2026, 10, 20)
MEMBERS = 300
PERIODS = (year_period(AS_OF.year), months_period(AS_OF.year, AS_OF.month - 1))

pytestmark = pytest.mark.django_db
TOTAL = re.compile(r'id="records-total" data-value="([^"]*)"')
PAGER = re.compile(r"共 (\d+) 条")


county = county_fixture(seed=3, members=MEMBERS, as_of=AS_OF)


def number(text: str) -> Decimal:
    return Decimal(text)


def disagreements(client, figure, *, user, union, period: Period) -> list[str]:
    """Where a figure and the list behind it differ, as messages; [] when they agree."""
    client.force_login(user)
    value = figure_value(figure, user=user, union=union, period=period)
    where = f"{figure.key} · {user.username} · {union.name} · {period.label}"
    url = figure_url(figure.key, union=union, period=period)
    if isinstance(figure, Ratio):
        page = client.get(url).content.decode()
        found = [f"{where}: {figure.label}的{part.figure.label}" for part in value.parts
                 if f'<a href="{part.url.replace("&", "&amp;")}" class="part-value">{part.text}</a>' not in page]
        return found + ([] if value.sentence in page else [f"{where}: 页面没有“{value.sentence}”"])
    problems = []
    page = client.get(url)
    text = page.content.decode()
    shown = TOTAL.search(text)
    if page.status_code != 200 or not shown:
        return [f"{where}: 清单页面 {page.status_code}"]
    if number(shown[1]) != value.value:
        problems.append(f"{where}: 指标 {value.value}，清单合计行 {shown[1]}")
    if figure.total is None and PAGER.search(text) and int(PAGER.search(text)[1]) != value.value:
        problems.append(f"{where}: 指标 {value.value}，清单共 {PAGER.search(text)[1]} 条")
    api = client.get(f"/api/reports/figures/{figure.key}/records", {"union": union.pk, **period.params}).json()
    if number(str(api["total"])) != value.value:
        problems.append(f"{where}: 指标 {value.value}，API 合计 {api['total']}")
    rows = list(figure_rows(figure, figure_listed(figure, figure_records(figure, user=user, union=union,
                                                                         period=period))))
    listed = len(rows) if figure.total is None else sum((row.amount or 0 for row in rows), Decimal(0))
    if listed != value.value:
        problems.append(f"{where}: 指标 {value.value}，清单中的记录合计 {listed}")
    return problems


@pytest.mark.parametrize("key", [figure.key for figure in figures_all()])
def test_every_figure_equals_the_list_behind_it(client, county, key):
    figure = figure_get(key)
    problems = []
    for user, union in scopes(county):
        if not figure_readable(figure, user):
            # A street administrator without the care grant is refused (its own test below); with it, compared.
            user.may_access_care = True
            user.save(update_fields=["may_access_care"])
        for period in PERIODS:
            problems += disagreements(client, figure, user=user, union=union, period=period)
    assert problems == []


def test_the_demo_year_has_records_for_every_figure(county):
    admin = scopes(county)[0][0]
    empty = {figure.key for figure in figures_all() if isinstance(figure, Figure)
             and not any(figure_value(figure, user=admin, union=county.root, period=period).value
                         for period in PERIODS)}
    # A figure with no records would compare zeros: the demo generator makes records for every one. Either
    # period will do: a figure judged against today (books closed on time) finds the demo, built as of
    # AS_OF, late for the months due since, but on time for the months before it.
    assert empty == set()


def test_a_care_figure_is_refused_to_a_street_administrator_without_the_grant(client, county, registered):
    registered(DISPUTES)  # one care figure at least, whatever the apps register
    user, street = scopes(county)[1]
    assert not user.may_access_care
    hidden = [figure for figure in figures_all() if not figure_readable(figure, user)]
    assert DISPUTES in hidden
    for figure in hidden:
        client.force_login(user)
        page = client.get(figure_url(figure.key, union=street, period=PERIODS[0]))
        assert page.status_code == 403 and "授权" in page.content.decode(), figure.key


def test_a_figure_whose_list_and_value_disagree_is_caught(client, county, registered):
    """A records function that reads something other than its period (here: how often it was called, as a
    clock would) gives a value its list does not hold; the check above must say so."""
    calls = []

    def drifting(period):
        calls.append(period)
        unions = Union.objects.filter(level=UnionLevel.GRASSROOTS)
        return unions if len(calls) == 1 else unions.exclude(pk=unions.order_by("pk").values("pk")[:1])

    drifter, = registered(Figure(key="test.drifting", label="漂移", sentence="漂移{value}家", definition="测试用。",
                                 section=Section.ORGANISATION, records=drifting, columns=(Column("名称", "name"),)))
    user, union = scopes(county)[0]
    problems = disagreements(client, drifter, user=user, union=union, period=PERIODS[0])
    assert any("清单合计行" in problem for problem in problems), problems
    assert any("API 合计" in problem for problem in problems), problems


def test_every_figure_has_a_label_a_definition_a_sentence_with_its_value_and_a_unique_key():
    from django.apps import apps

    labels = {config.label for config in apps.get_app_configs()}
    figures = figures_all()
    assert len({figure.key for figure in figures}) == len(figures)
    for figure in figures:
        app, _, name = figure.key.partition(".")
        assert app in labels and name, figure.key
        assert figure.label.strip() and figure.definition.strip(), figure.key
        assert "{value}" in figure.sentence and figure.sentence.replace("{value}", "").strip(), figure.key
        assert isinstance(figure.section, Section), figure.key
        if isinstance(figure, Ratio):
            assert isinstance(figure_get(figure.numerator), Figure), figure.key
            assert isinstance(figure_get(figure.denominator), Figure), figure.key
    twin = Figure(key=figures[0].key, label="重复", sentence="{value}", definition="重复。",
                  section=Section.ORGANISATION, records=lambda period: Union.objects.all())
    with pytest.raises(ImproperlyConfigured):
        figure_register(twin)


def test_every_tile_of_the_dashboard_shows_its_figure_and_links_to_its_list(client, county):
    from gonghui.reports.dashboard import readable

    for user, union in scopes(county):
        client.force_login(user)
        for section in Section:
            figures = readable(section, user)
            if not figures:
                continue
            text = client.get(f"/reports/sections/{section.name}/", {"union": union.pk, **PERIODS[1].params})
            text = text.content.decode()
            for figure in figures:
                value = figure_value(figure, user=user, union=union, period=PERIODS[1])
                if not text:  # the section was left out: nothing in it this period or last
                    assert not value.value, figure.key
                    continue
                block = text.split(f'data-key="{figure.key}"')[1].split("</li>")[0]
                url = figure_url(figure.key, union=union, period=PERIODS[1]).replace("&", "&amp;")
                assert f'href="{url}"' in block and f'class="tile-value">{value.text}<' in block, figure.key
