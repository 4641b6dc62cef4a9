"""The summary reads every figure in one query per table: on a generated county's year, for every registered
figure, the values equal `figure_value`'s, figure by figure, and the summary states each non-zero one."""

from datetime import date

import pytest

from gonghui.core.figures import figure_value, figures_all
from gonghui.core.periods import months_period, year_period
from gonghui.reports.summary import summary_build, summary_render
from gonghui.core.figures_together import figure_values_together

from .generated import county_fixture, scopes

AS_OF = date(2026, 10, 20)
PERIODS = (year_period(AS_OF.year), months_period(AS_OF.year, AS_OF.month - 1))
pytestmark = pytest.mark.django_db


county = county_fixture(seed=5, members=300, as_of=AS_OF)


def test_figures_read_together_equal_each_read_alone(county):
    differ, non_zero = [], 0
    for user, union in scopes(county):
        for period in PERIODS:
            together = figure_values_together(figures_all(), user=user, union=union, period=period)
            for figure in figures_all():
                alone = figure_value(figure, user=user, union=union, period=period)
                non_zero += bool(alone.value)
                if (together[figure.key].value, together[figure.key].text) != (alone.value, alone.text):
                    differ.append(f"{figure.key} · {union.name} · {period.label}: "
                                  f"{together[figure.key].text} ≠ {alone.text}")
    assert differ == []
    assert non_zero, "the generated year gives the figures something to count"


def test_the_county_summary_states_each_non_zero_figure_once(county):
    user, union = scopes(county)[0]
    summary = summary_build(user=user, union=union, period=PERIODS[0], today=AS_OF)
    rendered = summary_render(summary, user=user)
    named = [row.value.figure.key for row in rendered.appendix()]
    stated = [f.key for f in figures_all() if rendered.values.get(f.key) is None
              and figure_value(f, user=user, union=union, period=PERIODS[0]).value]
    assert stated == [] and len(named) == len(set(named))
    assert all(rendered.values[key].value for key in named)
