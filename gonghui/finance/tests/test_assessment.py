"""财务规范化考核 scored from the books: a rubric of the checks app names finance's registered ratios, and an
assessed union's items are pre-filled from its vouchers and closings."""

from datetime import date
from decimal import Decimal

from django.urls import reverse
from django.utils.html import escape

from gonghui.checks import services as checks
from gonghui.checks.models import RubricKind
from gonghui.checks.rubric_sheet import RubricRow
from gonghui.core.figures import figure_get, figure_records
from gonghui.core.periods import Period
from gonghui.finance import services

from .helpers import posted

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))


def _rubric(cast):
    rubric = checks.rubric_create(actor=cast.street_admin, union=cast.street_a, kind=RubricKind.OTHER,
                                  name="财务规范化考核细则", version=1, levels=[[20, "规范"]])
    checks.rubric_items_add(actor=cast.street_admin, rubric=rubric, rows=[
        RubricRow(1, "会计核算", "凭证由制单人以外的人员审批记账", Decimal(10), figure_key="finance.approval_rate",
                  figure_target=Decimal(100)),
        RubricRow(2, "会计核算", "按月按时结账（次月15日前）", Decimal(10), figure_key="finance.closing_rate",
                  figure_target=Decimal(100)),
    ])
    return rubric


def _close(cast, union, months, late=()):
    for month in months:
        closed_on = date(2025, month + 1, 25 if month in late else 10)
        services.period_close(actor=cast.officer if union == cast.union_a1 else cast.sibling_officer, union=union,
                              year=2025, month=month, closed_on=closed_on)


def test_a_rubric_item_is_scored_from_the_books(cast, client):
    posted(cast, date(2025, 1, 10), "102", "401", 500)
    posted(cast, date(2025, 1, 12), "50102", "102", 200, union=cast.union_a2, actor=cast.sibling_officer,
           approver=cast.street_admin)
    _close(cast, cast.union_a1, range(1, 12))
    _close(cast, cast.union_a2, range(1, 12), late={3})
    campaign = checks.campaign_create(actor=cast.street_admin, union=cast.street_a, rubric=_rubric(cast),
                                      name="2025年度财务规范化考核", year=2025, starts_on=YEAR.start, ends_on=YEAR.end,
                                      unions=[cast.union_a1, cast.union_a2])
    scores = {(row.assessment.union_id, row.item.order): row
              for assessment in campaign.assessments.all()
              for row in assessment.scores.select_related("item", "assessment")}
    assert scores[cast.union_a1.pk, 1].prefilled == Decimal(10)
    assert scores[cast.union_a1.pk, 2].prefilled == Decimal(10)
    assert scores[cast.union_a2.pk, 1].prefilled == Decimal(10)
    # March closed on 25 April: late, so the closing item scores nothing.
    assert scores[cast.union_a2.pk, 2].prefilled == Decimal(0)

    client.force_login(cast.street_admin)
    page = client.get(reverse("checks:assessment_detail", args=[campaign.assessments.get(union=cast.union_a2).pk]))
    text = page.content.decode()
    assert "10.0（100%）" in text and "0.0（0%）" in text
    # The pre-filled value links to the lists it was counted from.
    assert escape(scores[cast.union_a2.pk, 2].prefilled_url) in text


def test_months_not_yet_due_are_not_late(cast):
    posted(cast, date(2025, 1, 10), "102", "401", 500)
    _close(cast, cast.union_a1, [1])
    kept, on_time = figure_get("finance.books_kept"), figure_get("finance.books_closed_on_time")
    january = Period(date(2025, 1, 1), date(2025, 2, 14))
    february = Period(date(2025, 1, 1), date(2025, 3, 20))
    args = dict(user=cast.street_admin, union=cast.street_a)
    assert figure_records(on_time, period=january, **args).count() == 1
    assert figure_records(kept, period=february, **args).count() == 1
    # February was due by 15 March and is not closed.
    assert figure_records(on_time, period=february, **args).count() == 0
