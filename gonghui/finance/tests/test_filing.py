"""Reports filed to the level above (报送): in order, each once its month is closed; the level above sees them,
and the bookkeeping assessment counts the months filed on time."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.core.figures import figure_get, figure_records
from gonghui.core.periods import Period
from gonghui.finance import selectors, services
from gonghui.finance.models import PeriodClose

from .helpers import posted


def _books(cast):
    posted(cast, date(2025, 1, 10), "102", "401", 500)
    return selectors.books_of(union=cast.union_a1, year=2025)


def test_a_month_is_filed_once_closed_and_the_level_above_sees_it(cast, client):
    books = _books(cast)
    with pytest.raises(ValidationError) as exc:
        services.report_file(actor=cast.officer, books=books)
    assert exc.value.message_dict["month"] == ["2025年1月尚未结账，结账后才能报送报表"]
    services.period_close(actor=cast.officer, union=cast.union_a1, year=2025, month=1, closed_on=date(2025, 2, 3))
    client.force_login(cast.officer)
    page = client.get(reverse("finance:books")).content.decode()
    assert "报送1月报表" in page
    client.post(reverse("finance:report_file", args=[books.pk]))
    assert PeriodClose.objects.get(filed_on__isnull=False).month == 1
    assert "报送1月报表" not in client.get(reverse("finance:books")).content.decode()

    client.force_login(cast.street_admin)
    listed = client.get(reverse("finance:filings")).content.decode()
    assert cast.union_a1.name in listed and "1月" in listed
    assert f"?union={cast.union_a1.pk}&amp;year=2025&amp;month=1" in listed
    client.force_login(cast.sibling_officer)
    assert cast.union_a1.name not in client.get(reverse("finance:filings")).content.decode()


def test_the_assessment_counts_months_filed_on_time(cast):
    books = _books(cast)
    for month, closed, filed in ((1, date(2025, 2, 3), date(2025, 2, 10)), (2, date(2025, 3, 3), date(2025, 3, 20))):
        services.period_close(actor=cast.officer, union=cast.union_a1, year=2025, month=month, closed_on=closed)
        services.report_file(actor=cast.officer, books=books, filed_on=filed)
        books.refresh_from_db()
    [row] = selectors.books_assessment(user=cast.street_admin, union=cast.street_a, year=2025, today=date(2025, 3, 31))
    assert ("按时向上级报送报表（次月15日前）", 1, 2) in row.items
    args = dict(user=cast.street_admin, union=cast.street_a)
    on_time = figure_get("finance.books_filed_on_time")
    # February's reports came on 20 March, after the 15th.
    assert figure_records(on_time, period=Period(date(2025, 1, 1), date(2025, 3, 31)), **args).count() == 0
    assert figure_records(on_time, period=Period(date(2025, 1, 1), date(2025, 3, 1)), **args).count() == 1


def test_the_api_files_the_next_month(cast, client):
    books = _books(cast)
    services.period_close(actor=cast.officer, union=cast.union_a1, year=2025, month=1, closed_on=date(2025, 2, 3))
    client.force_login(cast.officer)
    response = client.post(f"/api/finance/books/{books.pk}/filings")
    assert response.status_code == 201 and response.json()["month"] == 1
    refused = client.post(f"/api/finance/books/{books.pk}/filings")
    assert refused.status_code == 422
    assert refused.json()["errors"] == {"month": ["2025年2月尚未结账，结账后才能报送报表"]}
    assert client.get("/api/finance/filings").json()["count"] == 1
