"""The plans' figures in the registry (gonghui.core.figures): plans filed (计划报送) and unions that have not filed.

A plan counts for the year of the period's last day: a plan for 2025 filed in December 2024 still counts
for 2025. A draft is not filed. Both are ranked among the unions below on the dashboard.
"""

from django.db.models import QuerySet

from gonghui.core.figures import Column, Figure, Section
from gonghui.core.periods import Period
from gonghui.core.links import record_link
from gonghui.org.models import Union

from .models import Plan, PlanStatus


def _filed(period: Period) -> QuerySet:
    return Plan.objects.filter(year=period.end.year, status=PlanStatus.FILED)


def _unfiled(period: Period) -> QuerySet:
    # Every union of the subtree, federations included: each one files its own plan.
    return Union.objects.exclude(pk__in=_filed(period).values("union_id"))


FIGURES = (
    Figure(key="plans.plans_filed", label="计划报送", sentence="报送年度工作计划{value}份", unit="份",
           definition="期末所在年度、状态为已报送的工作计划（草稿不计），本级及下级工会各一份。",
           section=Section.ORGANISATION, records=_filed, ranked=True,
           columns=(Column("工会", "union.name"), Column("年度", "year"), Column("报送时间", "filed_at")),
           record_url=record_link("plans:detail")),
    Figure(key="plans.unions_unfiled", label="未报送计划的工会", sentence="尚有{value}个工会未报送年度工作计划",
           unit="个", definition="本级及下级工会中，期末所在年度还没有已报送工作计划的（只有草稿的也算未报送）。",
           section=Section.ORGANISATION, records=_unfiled, ranked=True,
           columns=(Column("工会", "name"), Column("层级", "get_level_display")),
           record_url=record_link("org:detail")),
)
