"""The home page's to-do counts of the plans app: the own plan, its overdue items, the unions that filed none."""

from datetime import date

import pytest

from gonghui.plans import selectors, services

pytestmark = pytest.mark.django_db

YEAR = date.today().year
DECEMBER = date(YEAR, 12, 1)


def _plan(cast, months_list):
    plan = services.plan_create(actor=cast.officer, union=cast.union_a1, year=YEAR)
    for months in months_list:
        services.plan_item_create(actor=cast.officer, plan=plan, area="culture", title=f"事项{months}",
                                  months=months, target_count=1, target_unit="次")
    return plan


def test_the_own_plan_and_its_overdue_items_as_the_plan_page_counts_them(cast):
    assert selectors.plan_todo(user=cast.officer, today=DECEMBER) == selectors.PlanTodo(YEAR, None, 0, 0)
    plan = _plan(cast, [[1], [1, 2], [12]])
    todo = selectors.plan_todo(user=cast.officer, today=DECEMBER)
    assert todo.plan == plan and not todo.filed and todo.overdue == 2 and todo.unfiled == 0
    assert todo.overdue == sum(row.overdue for row in selectors.plan_progress(plan=plan, as_of=DECEMBER))
    services.plan_file(actor=cast.officer, plan=plan)
    assert selectors.plan_todo(user=cast.officer, today=DECEMBER).filed


def test_a_federation_counts_the_unions_beneath_it_without_a_filed_plan(cast):
    plan = _plan(cast, [[1]])
    street = selectors.plan_todo(user=cast.street_admin, today=DECEMBER)
    assert street.plan is None and street.unfiled == 2  # a draft does not count as filed
    missing = selectors.missing_plans(user=cast.street_admin, union=cast.street_a, year=YEAR)
    assert {row.union: row.plan for row in missing} == {cast.union_a1: plan, cast.union_a2: None}
    services.plan_file(actor=cast.officer, plan=plan)
    assert selectors.plan_todo(user=cast.street_admin, today=DECEMBER).unfiled == 1
    assert selectors.plan_todo(user=cast.county_admin, today=DECEMBER).unfiled == 4
