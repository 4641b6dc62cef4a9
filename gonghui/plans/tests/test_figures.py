"""The plans' figures: plans filed (计划报送) and unions without a filed plan, ranked on the dashboard."""

from datetime import date

import pytest

from gonghui.core.figures import figure_get, figure_value
from gonghui.core.periods import Period
from gonghui.plans import services as plans

pytestmark = pytest.mark.django_db

YEAR = 2026


def test_plans_filed_rank_the_unions(cast):
    for actor, union in ((cast.officer, cast.union_a1), (cast.sibling_officer, cast.union_a2)):
        plans.plan_create(actor=actor, union=union, year=YEAR)
    filed = plans.plan_create(actor=cast.street_admin, union=cast.street_a, year=YEAR)
    plans.plan_item_create(actor=cast.street_admin, plan=filed, area="culture", title="职工运动会", months=[4],
                           target_count=1, target_unit="次")
    plans.plan_file(actor=cast.street_admin, plan=filed)
    period = Period(start=date(YEAR, 1, 1), end=date(YEAR, 11, 30))  # 1—11月 counts the year's plans
    values = {key: figure_value(figure_get(key), user=cast.street_admin, union=cast.street_a, period=period).value
              for key in ("plans.plans_filed", "plans.unions_unfiled")}
    assert values == {"plans.plans_filed": 1, "plans.unions_unfiled": 2}  # the drafts do not count as filed
