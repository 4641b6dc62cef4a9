"""The plans of the demo year: every federation's, most grassroots unions', some carried over from last year."""

from dataclasses import dataclass
from random import Random

from gonghui.org.models import UnionLevel, OrgType, Union
from gonghui.plans.models import Plan, PlanItem, PlanItemStatus, PlanTemplate
from gonghui.plans.services import plan_copy_from_previous, plan_create_from_template, plan_file, plan_item_update

from .context import Work

TEMPLATE_OF_LEVEL = {UnionLevel.COUNTY: "county", UnionLevel.STREET: "street"}
# A community's joint union covers small firms: it plans like an enterprise union.
TEMPLATE_OF_TYPE = {OrgType.SCHOOL: "school", OrgType.AGENCY: "agency", OrgType.ENTERPRISE: "enterprise",
                    OrgType.COMMUNITY: "enterprise"}
# Grassroots unions with a plan this year: the federation's year view must show some without one.
PLAN_SHARE = 0.8
DRAFT_SHARE = 0.08
# Grassroots unions (besides the demo officers') that keep a full ledger and planned last year too.
BUSY_UNIONS = 10
CARRIED_OVER_SHARE = 0.5
# How last year's items ended: mostly done, a few dropped, the rest never finished.
LAST_YEAR_DONE, LAST_YEAR_DROPPED = 0.86, 0.05


@dataclass
class PlannedYear:
    plans: list[Plan]  # this year's, federations first
    busy: set[int]  # ids of the unions keeping a full ledger


def build_plans(work: Work) -> PlannedYear:
    rng = work.rng("plans")
    templates = {t.code: t for t in PlanTemplate.objects.filter(union__isnull=True).exclude(code="")}
    officers = work.spotlight_unions
    others = [u for u in work.grassroots if u.id not in work.spotlight]
    planning = [u for u in others if rng.random() < PLAN_SHARE]
    busy = [work.root, *work.tree.streets, *officers,
            *rng.sample(planning, min(len(planning), work.scaled(BUSY_UNIONS, floor=4)))]
    planned_last_year = {union.id for union in busy if _last_year(work, rng, union, templates)}
    busy_ids = {u.id for u in busy}
    plans = []
    for union in [work.root, *work.tree.streets, *officers, *planning]:
        plan = _this_year(work, rng, union, templates, has_last=union.id in planned_last_year)
        if plan is not None:
            if union.id in busy_ids or rng.random() > DRAFT_SHARE:
                plan_file(actor=work.staff.of(union), plan=plan)
            plans.append(plan)
    return PlannedYear(plans=plans, busy=busy_ids)


def _template(union: Union, templates: dict[str, PlanTemplate]) -> PlanTemplate | None:
    code = TEMPLATE_OF_LEVEL.get(union.level) or TEMPLATE_OF_TYPE.get(union.org_type)
    return templates.get(code)


def _last_year(work: Work, rng: Random, union: Union, templates: dict[str, PlanTemplate]) -> bool:
    """Last year's plan, filed, its items mostly done; False where no template fits the union."""
    template = _template(union, templates)
    if template is None:
        return False
    actor = work.staff.of(union)
    plan = plan_create_from_template(actor=actor, union=union, year=work.year - 1, template=template)
    plan_file(actor=actor, plan=plan)
    for item in items_of(plan):
        draw = rng.random()
        if draw < LAST_YEAR_DONE:
            plan_item_update(actor=actor, item=item, status=PlanItemStatus.DONE)
        elif draw < LAST_YEAR_DONE + LAST_YEAR_DROPPED:
            plan_item_update(actor=actor, item=item, status=PlanItemStatus.DROPPED)
    return True


def _this_year(work: Work, rng: Random, union: Union, templates: dict[str, PlanTemplate], *, has_last: bool
               ) -> Plan | None:
    actor = work.staff.of(union)
    if has_last and rng.random() < CARRIED_OVER_SHARE:
        return plan_copy_from_previous(actor=actor, union=union, year=work.year)
    template = _template(union, templates)
    if template is None:
        return None
    return plan_create_from_template(actor=actor, union=union, year=work.year, template=template)


def items_of(plan: Plan) -> list[PlanItem]:
    """The plan's items, holding the plan and union objects the services read (no query per item)."""
    items = list(plan.items.all())
    for item in items:
        item.plan, item.union = plan, plan.union
    return items
