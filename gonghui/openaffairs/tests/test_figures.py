import pytest

from gonghui.core.figures import figure_get, figure_records, figure_value
from gonghui.core.periods import year_period
from gonghui.openaffairs import services
from gonghui.openaffairs.selectors import postings_by_category

from .helpers import approved, days_from_today, draft, item

pytestmark = pytest.mark.django_db


def value(cast, key, user=None, union=None):
    period = year_period(days_from_today(0).year)
    return figure_value(figure_get(key), user=user or cast.county_admin, union=union or cast.county,
                        period=period).value


def test_catalogue_items_count_as_posted_on_time_or_missed_by_their_due_day(cast):
    # Due a week ago: one posted in time, one posted late, one never; one due next week is neither yet.
    due = days_from_today(-7)
    if due.year != days_from_today(7).year:
        pytest.skip("the week around New Year spans two yearly periods")
    on_time, late = item(cast, due_on=due, title="按时"), item(cast, due_on=due, title="逾期")
    item(cast, due_on=due, title="未公开")
    item(cast, due_on=days_from_today(7), title="待公开")
    services.posting_approve(actor=cast.street_admin, posting=draft(cast, catalogue_item=on_time,
                                                                      starts_on=due), approved_on=due)
    approved(cast, catalogue_item=late)
    assert value(cast, "openaffairs.items_on_time") == 1
    assert value(cast, "openaffairs.items_missed") == 2
    missed = figure_records(figure_get("openaffairs.items_missed"), user=cast.county_admin, union=cast.county,
                            period=year_period(due.year))
    assert {record.title for record in missed} == {"逾期", "未公开"}


def test_postings_count_when_approved_and_by_category(cast):
    approved(cast, category="finance")
    approved(cast, category="finance", title="第二项")
    approved(cast, category="welfare", title="第三项")
    draft(cast, category="awards", title="未审批")
    assert value(cast, "openaffairs.postings") == 3
    rows = postings_by_category(user=cast.officer, union=cast.union_a1, period=year_period(days_from_today(0).year))
    assert [(row.label, row.count) for row in rows] == [("财务", 2), ("福利", 1)]
    assert value(cast, "openaffairs.postings", user=cast.sibling_officer, union=cast.union_a2) == 0


def test_comments_received_and_answered(cast):
    posting = approved(cast)
    first = services.posting_comment_create(member=cast.member_a1, posting=posting, text="问题一")
    services.posting_comment_create(member=cast.member_a1, posting=posting, text="问题二")
    services.comment_answer(actor=cast.officer, comment=first, answer="答复")
    assert value(cast, "openaffairs.comments_received") == 2
    assert value(cast, "openaffairs.comments_answered") == 1
