"""The demo county's year of books: every finance figure has records, the books balance, arrears and an overdue
finding are there to be found."""

from datetime import date

import pytest

from gonghui.accounts.models import User
from gonghui.core.figures import figure_value
from gonghui.core.periods import Period, year_period
from gonghui.demo.county import build_county
from gonghui.finance import selectors
from gonghui.finance.figures import FIGURES
from gonghui.finance.statements import balance_sheet, income_statement

pytestmark = pytest.mark.django_db
AS_OF = date(2026, 10, 20)


def test_the_demo_county_has_a_year_of_books():
    county = build_county(seed=3, members=300, as_of=AS_OF, work=True)
    admin = User.objects.select_related("union").get(username="county_admin")
    # The year so far as the demo stands: the closing and filing figures judge the months due by the period's end.
    so_far = Period(year_period(AS_OF.year).start, AS_OF)
    for figure in FIGURES:
        value = figure_value(figure, user=admin, union=county.root, period=so_far)
        assert value.value, figure.key
    report = income_statement(user=admin, union=county.root, year=AS_OF.year, consolidated=True)
    assert report.value("一、收入合计") > 0 and report.value("二、支出合计") > 0
    sheet = balance_sheet(user=admin, union=county.root, year=AS_OF.year, month=9, consolidated=True)
    assert sheet.value("资产总计", 1) == sheet.value("负债和净资产总计", 1) > 0
    assert selectors.finance_todo(user=admin, today=AS_OF).overdue_findings > 0
